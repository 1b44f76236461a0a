/** `COPY . .` before the dependency install: every source change re-runs the install. */

import { buildCommand, isCommand, operands, runCommands } from './run-helpers.js'
import type { Rule } from './types.js'
import type { ShellCommand } from '../model/dockerfile.js'

const MANIFESTS = /(?:^|\/)(?:package(?:-lock)?\.json|yarn\.lock|pnpm-lock\.yaml|requirements[^/]*\.txt|pyproject\.toml|poetry\.lock|Pipfile(?:\.lock)?|go\.(?:mod|sum)|Gemfile(?:\.lock)?|pom\.xml|build\.gradle(?:\.kts)?|settings\.gradle(?:\.kts)?|Cargo\.(?:toml|lock)|composer\.(?:json|lock)|\*\.csproj|[^/]*\.csproj|[^/]*\.sln)$/

function installs(c: ShellCommand): string | null {
  if (isCommand(c, 'npm', 'ci', 'install', 'i')) return operands(c).length === 1 ? `npm ${operands(c)[0] ?? ''}` : null
  if (c.name === 'yarn' && (operands(c).length === 0 || operands(c)[0] === 'install')) return 'yarn install'
  if (isCommand(c, 'pnpm', 'install', 'i')) return 'pnpm install'
  if (/^pip[0-9.]*$/.test(c.name) && operands(c)[0] === 'install' && c.args.some((a) => a === '-r' || a.startsWith('--requirement'))) return 'pip install -r'
  if (isCommand(c, 'poetry', 'install') || isCommand(c, 'pipenv', 'install')) return `${c.name} install`
  if (isCommand(c, 'go', 'mod') && operands(c)[1] === 'download') return 'go mod download'
  if (isCommand(c, 'bundle', 'install') || (c.name === 'bundle' && operands(c).length === 0)) return 'bundle install'
  if (isCommand(c, 'composer', 'install')) return 'composer install'
  if (isCommand(c, 'dotnet', 'restore')) return 'dotnet restore'
  if (isCommand(c, 'cargo', 'fetch')) return 'cargo fetch'
  if ((c.name === 'mvn' || c.name.endsWith('/mvnw')) && c.args.some((a) => a.includes('go-offline') || a === 'dependency:resolve')) return 'mvn dependency:go-offline'
  return null
}

const PRODUCTION = new Set(['--production', '--prod', '--omit=dev', '--only=production', '--only=prod'])

/** `yarn install --production`, `npm ci --omit=dev`, `npm prune --omit=dev`: trims dependencies to the run-time ones. */
function isProductionInstall(c: ShellCommand): boolean {
  if (isCommand(c, 'npm', 'prune') || isCommand(c, 'pnpm', 'prune')) return true
  return (c.program === 'npm' || c.program === 'yarn' || c.program === 'pnpm') && c.args.some((a) => PRODUCTION.has(a) || a.startsWith('--production='))
}

export const copyAllBeforeInstall: Rule = {
  meta: {
    id: 'copy-all-before-install',
    title: 'The whole context is copied before the dependency install',
    severity: 'info',
    category: 'cache',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) => {
      let manifestsFirst = false
      let copyAll: number | null = null
      // node_modules copied in from a deps stage, or a build already run: a later install is the production prune.
      let dependenciesIn = false
      let built = false
      for (const ins of stage.instructions) {
        if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.copy !== undefined && ins.copy.from === null) {
          if (ins.copy.sources.some((s) => s === '.' || s === './')) copyAll ??= ins.line
          else if (copyAll === null && ins.copy.sources.some((s) => MANIFESTS.test(s))) manifestsFirst = true
        }
        if (ins.keyword === 'COPY' && ins.copy !== undefined && ins.copy.from !== null && ins.copy.sources.some((s) => s.includes('node_modules'))) dependenciesIn = true
        if (ins.keyword !== 'RUN' || copyAll === null || manifestsFirst) continue
        let install: string | null = null
        for (const c of runCommands(ins)) {
          if (buildCommand(c) !== null) built = true
          const found = installs(c)
          if (found === null) continue
          const node = c.program === 'npm' || c.program === 'yarn' || c.program === 'pnpm'
          if (node && (dependenciesIn || (built && isProductionInstall(c)))) continue
          install = found
          break
        }
        if (install !== null) {
          return [{ line: copyAll, message: `the whole build context is copied before ${install} (line ${ins.line}), so any source change re-runs it: copy the dependency manifests first, install, then copy the rest`, stage: stage.index }]
        }
      }
      return []
    })
}
