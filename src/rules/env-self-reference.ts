/** `ENV A=1 B=$A`: every value of one ENV expands before any of its names is set, so B does not get 1. */
import type { Instruction } from '../model/dockerfile.js'
import type { Rule } from './types.js'

/** The text of a value outside single quotes (where `$A` is literal) and without escaped dollars. */
function expandedPart(raw: string): string {
  let out = ''
  let single = false
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string
    if (c === "'") single = !single
    else if (c === '\\') i++
    else if (!single) out += c
  }
  return out
}

/** The names a value expands: `$name` and `${name…}`, in one pass. */
function usedNames(text: string): string[] {
  const names: string[] = []
  for (let i = text.indexOf('$'); i >= 0; i = text.indexOf('$', i + 1)) {
    const start = i + (text[i + 1] === '{' ? 2 : 1)
    let end = start
    while (end < text.length && /[A-Za-z0-9_]/.test(text[end] as string)) end++
    if (end > start && !/\d/.test(text[start] as string)) names.push(text.slice(start, end))
  }
  return names
}

/** For each declaration, the names set by the others of the same ENV that its value uses. */
function sameInstructionReferences(env: Instruction): { name: string; uses: string }[] {
  const declarations = env.variables ?? []
  const setAt = new Map<string, number[]>()
  declarations.forEach((d, i) => setAt.set(d.name, [...(setAt.get(d.name) ?? []), i]))
  const found: { name: string; uses: string }[] = []
  declarations.forEach((d, i) => {
    if (d.raw === null || !d.raw.includes('$')) return
    for (const used of new Set(usedNames(expandedPart(d.raw)))) {
      if (used !== d.name && (setAt.get(used) ?? []).some((j) => j !== i)) found.push({ name: d.name, uses: used })
    }
  })
  return found
}

export const envSelfReference: Rule = {
  meta: {
    id: 'env-self-reference',
    title: 'ENV uses a variable that the same ENV sets',
    severity: 'error',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3044', buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      stage.instructions
        .filter((i) => i.keyword === 'ENV' && (i.variables ?? []).length > 1)
        .flatMap((env) => {
          const reference = sameInstructionReferences(env)[0]
          if (reference === undefined) return []
          const before = env.scope.get(reference.uses)
          const set = env.variables?.find((v) => v.name === reference.uses)
          // Set before to what it is set to again (`ENV V=$V URL=…/$V`, or the same text): the old value is the new one.
          const keeps = set !== undefined && ((before?.value !== null && before?.value === set.value) || new RegExp(`^"?\\$\\{?${reference.uses}\\}?"?$`).test(set.raw ?? ''))
          if (before !== undefined && keeps) return []
          const gets = before === undefined ? `nothing from this Dockerfile (empty, or the base image's ${reference.uses})` : before.value === null ? `the value ${reference.uses} had before this ENV` : `the old value "${before.value}"`
          return [
            {
              line: env.line,
              endLine: env.endLine,
              message: `ENV sets ${reference.uses} and uses $${reference.uses} for ${reference.name} in the same instruction: values expand before any name is set, so ${reference.name} gets ${gets}. Set ${reference.uses} in an ENV of its own before this one`,
              stage: stage.index
            }
          ]
        })
    )
}
