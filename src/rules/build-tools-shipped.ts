/** Compilers and headers installed where they ship, unless the same RUN removes them again. */
import { rootImage } from './helpers.js'
import { apkVirtual, isCommand, operands, runCommands, runs, systemInstalls } from './run-helpers.js'
import type { Rule } from './types.js'

const TOOLS = new Set(['build-essential', 'build-base', 'gcc', 'g++', 'clang', 'make', 'cmake', 'autoconf', 'automake', 'libtool', 'pkg-config', 'pkgconf', 'git', 'golang', 'rustc', 'cargo', 'linux-headers', 'musl-dev', 'gcc-c++', 'development tools'])

const TOOLCHAIN_BASES = /^(?:buildpack-deps|golang|rust|gcc|maven|gradle|mcr\.microsoft\.com\/dotnet\/sdk)$/

export function isBuildTool(pkg: string): boolean {
  const name = pkg.replace(/[=<>].*$/, '').toLowerCase()
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
    const root = graph.target === null ? null : rootImage(model, graph.target)
    if (root !== null && TOOLCHAIN_BASES.test(root.base.image ?? '')) return []
    return model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        const commands = runCommands(run)
        // The official images' pattern: apt-mark auto everything new, then purge --auto-remove.
        const autoRemovesAll = commands.some((c) => isCommand(c, 'apt-mark', 'auto')) && commands.some((c) => (isCommand(c, 'apt-get', 'purge', 'remove') && c.args.includes('--auto-remove')) || isCommand(c, 'apt-get', 'autoremove'))
        if (autoRemovesAll) return []
        const removed = new Set<string>()
        for (const c of commands) {
          if (isCommand(c, 'apt-get', 'purge', 'remove', 'autoremove') || isCommand(c, 'apt', 'purge', 'remove') || isCommand(c, 'apk', 'del') || isCommand(c, 'dnf', 'remove') || isCommand(c, 'yum', 'remove')) {
            for (const p of operands(c).slice(1)) removed.add(p)
          }
        }
        const tools = systemInstalls(commands).flatMap((install) => {
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
