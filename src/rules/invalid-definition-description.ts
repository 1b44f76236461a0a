/** BuildKit's experimental check: a comment right above ARG or a named FROM should start with its name. */
import type { Rule } from './types.js'

export const invalidDefinitionDescription: Rule = {
  meta: {
    id: 'invalid-definition-description',
    title: 'The comment above an ARG or stage does not describe it',
    severity: 'info',
    category: 'style',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: 'InvalidDefinitionDescription' },
    experimental: true
  },
  check: ({ model }) => {
    const byLine = new Map(model.comments.map((c) => [c.line, c.text.trim()]))
    const all = model.instructions
    return all.flatMap((ins) => {
      const name = ins.keyword === 'ARG' ? ins.variables?.[0]?.name : ins.keyword === 'FROM' ? model.stages[ins.stage]?.name ?? undefined : undefined
      const comment = byLine.get(ins.line - 1)
      if (name === undefined || comment === undefined || comment === '' || comment.split(/\s+/)[0] === name) return []
      return [{ line: ins.line - 1, message: `a description comment should start with the name it describes ("# ${name} …"); add an empty line if this comment is not one`, stage: ins.stage < 0 ? null : ins.stage }]
    })
  }
}
