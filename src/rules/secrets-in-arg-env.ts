/**
 * Secrets passed through ARG or ENV, judged by name (BuildKit's word list) and by value: public
 * material (URLs, paths, GPG fingerprints, .NET key/value pairs) is left alone, and only a value
 * that looks like a real credential makes it an error.
 */
import { isConfigPairKey, isPublicValue, knownCredential, looksRandom, looksSecret } from '../parse/secrets.js'
import type { Instruction, Stage, VariableDeclaration } from '../model/dockerfile.js'
import type { Severity } from '../model/finding.js'
import type { Role } from '../model/graph.js'
import type { Rule, RuleReport } from './types.js'

export { looksSecret }

/** Why a declaration looks secret, or null when it does not. */
function evidence(ins: Instruction, v: VariableDeclaration, siblings: ReadonlySet<string>): { why: string; strong: boolean } | null {
  // A value that expands to nothing because it comes from a build arg (`ENV T=$T`) is that build arg's secret.
  const value = v.raw === null || (v.raw.includes('$') && (v.value ?? '') === '') ? null : (v.value ?? v.raw)
  if (value !== null) {
    const known = knownCredential(value)
    if (known !== null) return { why: `holds what looks like ${known}`, strong: true }
  }
  if (!looksSecret(v.name) || isConfigPairKey(v.name, siblings)) return null
  // `ARG NPM_TOKEN` with no default gets its value from --build-arg: that value is the secret.
  if (value === null) return { why: 'looks like a secret by its name', strong: false }
  // `ENV API_KEY=` stores nothing; a URL, a path or a fingerprint is public whatever the name.
  if (value.trim() === '' && ins.keyword === 'ENV') return null
  if (value.trim() === '') return { why: 'looks like a secret by its name', strong: false }
  if (isPublicValue(v.name, value)) return null
  if (looksRandom(value)) return { why: 'looks like a secret by its name and its value (a long random string)', strong: true }
  return { why: 'looks like a secret by its name', strong: false }
}

/** Where the value ends up: in the image a stage is (shipped, or a built environment such as a CI image), or only in a build stage's cache. */
type Place = 'shipped' | 'environment' | 'build'

function where(keyword: string, place: Place): string {
  if (place === 'build') return 'in a build stage it stays out of the shipped image but is kept in the build cache and history'
  const image = place === 'shipped' ? 'the shipped image' : 'the image this stage builds'
  return keyword === 'ENV' ? `ENV values are stored in ${image} for anyone who pulls it` : `ARG values used by RUN are recorded in the image history of ${image}`
}

function severity(strong: boolean, place: Place): Severity {
  if (place !== 'build') return strong ? 'error' : 'warning'
  return strong ? 'warning' : 'info'
}

const placeOf = (role: Role | undefined): Place => (role === 'ships' ? 'shipped' : role === 'environment' ? 'environment' : 'build')

function reportsFor(stage: Stage, place: Place): RuleReport[] {
  const declarations = stage.instructions.filter((i) => (i.keyword === 'ARG' || i.keyword === 'ENV') && i.variables !== undefined)
  const siblings = new Set(declarations.flatMap((i) => (i.variables ?? []).map((v) => v.name)))
  return declarations.flatMap((ins) =>
    (ins.variables ?? []).flatMap((v) => {
      const found = evidence(ins, v, siblings)
      if (found === null) return []
      return [
        {
          line: ins.line,
          endLine: ins.endLine,
          message: `${ins.keyword} ${v.name} ${found.why}: ${where(ins.keyword, place)}; pass it with RUN --mount=type=secret instead`,
          stage: stage.index,
          severity: severity(found.strong, place)
        }
      ]
    })
  )
}

export const secretsInArgEnv: Rule = {
  meta: {
    id: 'secrets-in-arg-env',
    title: 'A secret is passed through ARG or ENV',
    severity: 'warning',
    category: 'security',
    scope: 'all',
    equivalents: { hadolint: 'DL3064', buildkit: 'SecretsUsedInArgOrEnv' }
  },
  check: ({ model, graph }) => model.stages.flatMap((s) => reportsFor(s, placeOf(graph.roles[s.index])))
}
