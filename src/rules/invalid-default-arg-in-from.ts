/**
 * BuildKit's InvalidDefaultArgInFrom: with the global ARG defaults alone, every FROM must be a
 * valid image reference. A FROM that is nothing but ARGs without defaults (`FROM $BASE_IMAGE`)
 * is a required build argument, said as such at info; a default that leaves a broken reference
 * (`alpine:` from `ARG TAG`, or an invalid default) is a warning at the FROM, as in BuildKit.
 */
import type { DockerfileModel, GlobalArg, Stage } from '../model/dockerfile.js'
import { PLATFORM_ARGS, referencedNames, replaceReferences } from '../parse/variables.js'
import type { Rule, RuleReport } from './types.js'


/** The global ARG of that name a FROM on `line` sees (the last one declared before it). */
function globalArg(model: DockerfileModel, name: string, line: number): GlobalArg | undefined {
  return model.globalArgs.filter((a) => a.name === name && a.line < line).pop()
}

function check(model: DockerfileModel, s: Stage): RuleReport[] {
  if (s.base.kind !== 'image' || s.base.image !== null) return []
  // A literal invalid reference is a parse error; a platform ARG has its real value in BuildKit.
  const names = referencedNames(s.base.raw).filter((n) => !PLATFORM_ARGS.includes(n))
  if (names.length === 0) return []
  // A value that is itself a reference was withheld (the action's build-args): it is set, only not known here.
  if (referencedNames(s.base.resolved).length > 0) return []
  const declared = names.map((n) => globalArg(model, n, s.line)).filter((a): a is GlobalArg => a !== undefined)
  // `FROM $TYPO`: undefined-arg-in-from says why; reporting it twice helps nobody.
  if (declared.length < names.length && declared.every((a) => a.value !== null && a.value !== '')) return []
  const empty = declared.filter((a) => a.value === null || a.value === '')
  const list = (args: readonly GlobalArg[]): string => args.map((a) => `ARG ${a.name}`).join(', ')
  const at = { line: s.line, endLine: s.line, stage: s.index }
  if (empty.length > 0 && empty.length === names.length && !/[A-Za-z0-9]/.test(replaceReferences(s.base.raw, ''))) {
    const passes = empty.map((a) => `--build-arg ${a.name}=<image>`).join(' ')
    return [
      {
        ...at,
        message: `FROM ${s.base.raw} is a required build argument: ${list(empty)} has no default, so a plain docker build fails; pass ${passes}, or give ${list(empty)} a default`,
        severity: 'info'
      }
    ]
  }
  const shown = s.base.resolved === '' ? 'an empty name' : `"${s.base.resolved}"`
  const fix = empty.length > 0 ? `give ${list(empty)} a default (callers can still pass --build-arg)` : `fix the default of ${list(declared)}`
  return [{ ...at, message: `with the default values FROM ${s.base.raw} becomes ${shown}, not a valid image reference: ${fix}` }]
}

export const invalidDefaultArgInFrom: Rule = {
  meta: {
    id: 'invalid-default-arg-in-from',
    title: 'FROM is not a valid image with the default ARG values',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: 'InvalidDefaultArgInFrom' }
  },
  check: ({ model }) => model.stages.flatMap((s) => check(model, s))
}
