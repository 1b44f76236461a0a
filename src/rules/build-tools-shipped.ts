/** Compilers and headers installed where they ship, unless the same RUN removes them again. */
import { builtOnToolchain } from './helpers.js'
import { apkVirtual, dropsBuildDependencies, isCommand, operands, runCommands, runs, systemInstalls } from './run-helpers.js'
import type { Rule } from './types.js'

const TOOLS = new Set(['build-essential', 'build-base', 'gcc', 'g++', 'clang', 'make', 'cmake', 'autoconf', 'automake', 'libtool', 'pkg-config', 'pkgconf', 'git', 'golang', 'rustc', 'cargo', 'linux-headers', 'musl-dev', 'gcc-c++', 'development tools'])

export function isBuildTool(pkg: string): boolean {
  // The name before a version pin (`gcc=12.2`, `make>=4`); search, not /[=<>].*$/, which is quadratic on `<<<…`.
  const pin = pkg.search(/[=<>]/)
  const name = (pin < 0 ? pkg : pkg.slice(0, pin)).toLowerCase()
  return TOOLS.has(name) || /-dev$/.test(name) || /-devel$/.test(name) || /^gcc-\d+$/.test(name) || /^g\+\+-\d+$/.test(name)
}

export const buildToolsShipped: Rule = {
  meta: {
    id: 'build-tools-shipped',
    title: 'Build tools are installed in a shipped stage',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model, graph }) => {
    // An image built on a toolchain image is a toolchain image by design (heavy-final-base speaks to that).
    if (graph.target !== null && builtOnToolchain(model, graph.target)) return []
    return model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        const commands = runCommands(run)
        if (dropsBuildDependencies(commands)) return []
        const removed = new Set<string>()
        for (const c of commands) {
          if (isCommand(c, 'apt-get', 'purge', 'remove', 'autoremove') || isCommand(c, 'apt', 'purge', 'remove') || isCommand(c, 'apk', 'del') || isCommand(c, 'dnf', 'remove') || isCommand(c, 'yum', 'remove')) {
            for (const p of operands(c).slice(1)) removed.add(p)
          }
        }
        const tools = systemInstalls(run).flatMap((install) => {
          const virtual = install.manager === 'apk' ? apkVirtual(install.command) : null
          if (virtual !== null && removed.has(virtual)) return []
          return install.packages.filter((p) => isBuildTool(p) && !removed.has(p))
        })
        if (tools.length === 0) return []
        const where = model.stages.length === 1 ? 'split the file: build in a first stage and copy only the result into a runtime stage' : 'install them in a build stage and copy only the result'
        return [{ line: run.line, endLine: run.endLine, message: `${[...new Set(tools)].join(', ')} ship${tools.length === 1 ? 's' : ''} in the final image: ${where} (or remove them in the same RUN)`, stage: stage.index }]
      })
    )
  }
}
