/**
 * SARIF 2.1.0 for GitHub code scanning: every rule as a reportingDescriptor with its help URI,
 * every finding as a result with a region. Pure. Never empty (code scanning rejects an empty
 * log): a run with no results is still a valid run.
 */

import { type Severity, findingText } from '../model/finding.js'
import { docsUrl, type Rule } from '../rules/types.js'
import { VERSION } from '../model/version.js'
import type { FileAnalysis } from '../model/analysis.js'

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' }

export interface SarifLog {
  $schema: string
  version: '2.1.0'
  runs: unknown[]
}

export function toSarif(review: { files: readonly { analysis: FileAnalysis }[] }, rules: readonly Rule[]): SarifLog {
  const analyses = review.files.map((f) => f.analysis)
  const index = new Map(rules.map((r, i) => [r.meta.id, i]))
  const descriptors = rules.map(({ meta }) => ({
    id: meta.id,
    name: meta.id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: meta.title },
    helpUri: docsUrl(meta.id),
    help: { text: `${meta.title}. See ${docsUrl(meta.id)}`, markdown: `${meta.title}. [Rule documentation](${docsUrl(meta.id)})` },
    defaultConfiguration: { level: LEVEL[meta.severity], enabled: meta.experimental !== true },
    properties: {
      category: meta.category,
      scope: meta.scope,
      tags: [meta.category, ...(meta.equivalents.hadolint === null ? [] : [meta.equivalents.hadolint]), ...(meta.equivalents.buildkit === null ? [] : [meta.equivalents.buildkit])]
    }
  }))
  const results = analyses.flatMap((a) =>
    a.findings.map((f) => ({
      ruleId: f.rule,
      ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
      level: LEVEL[f.severity],
      message: { text: findingText(f) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: a.path.replace(/\\/g, '/'), uriBaseId: '%SRCROOT%' },
            region: { startLine: f.line, endLine: f.endLine }
          }
        }
      ],
      // Stable across runs for the same problem on the same line, so code scanning can track it.
      partialFingerprints: { 'stagecraft/v1': `${f.rule}:${a.path}:${f.line}` }
    }))
  )
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Stagecraft', version: VERSION, semanticVersion: VERSION, informationUri: 'https://github.com/stagecraft/stagecraft', rules: descriptors } },
        results,
        columnKind: 'unicodeCodePoints'
      }
    ]
  }
}
