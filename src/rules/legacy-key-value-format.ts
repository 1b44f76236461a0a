import type { Rule } from './types.js'

export const legacyKeyValueFormat: Rule = {
  meta: {
    id: 'legacy-key-value-format',
    title: 'ENV or LABEL written as "key value" instead of key=value',
    // BuildKit warns; it is style, and it is on half of all real files, so it is information here.
    severity: 'info',
    category: 'style',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: 'LegacyKeyValueFormat' }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      stage.instructions
        .filter((i) => (i.keyword === 'ENV' || i.keyword === 'LABEL') && i.args.length > 0 && !(i.args[0] as string).includes('='))
        .map((i) => ({ line: i.line, message: `${i.keyword} ${i.args[0] ?? ''} … uses the legacy "key value" form, where the value runs to the end of the line: write ${i.keyword} ${i.args[0] ?? ''}="…"`, stage: stage.index }))
    )
}
