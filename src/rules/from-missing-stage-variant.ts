/**
 * `FROM base-${VARIANT}` picks one of the file's stages by an ARG. When the ARG's default names
 * no stage (VARIANT=slim, stages base-alpine and base-debian), BuildKit does not fail on the
 * stage: it pulls an image called `base-slim` that nobody publishes. Platform ARGs are left
 * alone: `FROM build-${TARGETOS}` is resolved per platform and each platform has its stage.
 */
import { globMatches, referencedNames, replaceReferences } from '../parse/variables.js'
import type { DockerfileModel, Stage } from '../model/dockerfile.js'
import type { Rule, RuleReport } from './types.js'

const PLATFORM_ARG = /^(?:TARGET|BUILD)(?:PLATFORM|OS|ARCH|VARIANT)$/

/** `base-${VARIANT}` → `base-*`: the shape of the names the FROM can take. */
const shapeOf = (raw: string): string => replaceReferences(raw, '*').replace(/\*+/g, '*').toLowerCase()

/** For `FROM ${BASE}` alone: stages of the default's family (`base-slim` → `base-…`). */
function familyOf(resolved: string): string | null {
  const cut = Math.max(resolved.lastIndexOf('-'), resolved.lastIndexOf('_'), resolved.lastIndexOf('.'))
  return cut >= 2 ? `${resolved.slice(0, cut + 1)}*` : null
}

function defaultsOf(model: DockerfileModel, names: readonly string[]): string {
  return names
    .map((n) => {
      const arg = [...model.globalArgs].reverse().find((a) => a.name === n)
      return arg === undefined ? `${n}` : `${n}=${arg.value ?? ''} (line ${arg.line})`
    })
    .join(', ')
}

/** The file's stage names, once. */
interface StageNames {
  ids: readonly string[]
  set: ReadonlySet<string>
}

/** Stage names of this shape: a cheap prefix and suffix test first, the glob only on those. */
function matching(names: StageNames, pattern: string, self: string | null): string[] {
  const prefix = pattern.slice(0, pattern.indexOf('*') < 0 ? pattern.length : pattern.indexOf('*'))
  const suffix = pattern.slice(pattern.lastIndexOf('*') + 1)
  return names.ids.filter((id) => id !== self && id.startsWith(prefix) && id.endsWith(suffix) && globMatches(pattern, id))
}

function check(model: DockerfileModel, names: StageNames, stage: Stage): RuleReport | null {
  const base = stage.base
  if (!base.raw.includes('$') || base.kind !== 'image' || base.unresolved.length > 0 || base.resolved === '') return null
  const used = referencedNames(base.raw)
  if (used.length === 0 || used.some((n) => PLATFORM_ARG.test(n))) return null
  const resolved = base.resolved.toLowerCase()
  if (names.set.has(resolved)) return null
  const shape = shapeOf(base.raw)
  // A registry, a repository path, a tag or a digest in the literal text: an image, not a stage.
  if (/[/:@]/.test(shape.replace(/\*/g, ''))) return null
  const literal = shape.replace(/[*\-_.]/g, '')
  const pattern = literal.length >= 2 ? shape : literal === '' && !/[/:@]/.test(resolved) ? familyOf(resolved) : null
  if (pattern === null) return null
  const candidates = matching(names, pattern, stage.id)
  if (candidates.length === 0) return null
  return {
    line: stage.line,
    message: `FROM ${base.raw} resolves to ${base.resolved} with ${defaultsOf(model, used)}, and no stage has that name (stages: ${candidates.join(', ')}), so docker build pulls an image called ${base.resolved} instead; change the default to one of the stages or add a stage ${base.resolved}`,
    stage: stage.index
  }
}

export const fromMissingStageVariant: Rule = {
  meta: {
    id: 'from-missing-stage-variant',
    title: 'FROM picks a stage by ARG, and the default picks none',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model }) => {
    if (!model.stages.some((s) => s.base.raw.includes('$'))) return []
    const ids = [...new Set(model.stages.flatMap((s) => (s.id === null ? [] : [s.id])))]
    const names: StageNames = { ids, set: new Set(ids) }
    return model.stages.flatMap((s) => check(model, names, s) ?? [])
  }
}
