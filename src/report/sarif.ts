/**
 * SARIF 2.1.0 for GitHub code scanning: every rule as a reportingDescriptor with its help URI,
 * every finding as a result with a region. Pure. Never empty (code scanning rejects an empty
 * log): a run with no results is still a valid run. The shapes are @types/sarif's.
 */

import type { Invocation, Log, Notification, ReportingDescriptor, Result } from 'sarif'
import { type Severity, findingText } from '../model/finding.js'
import type { Rule } from '../rules/types.js'
import { VERSION } from '../model/version.js'
import type { FileAnalysis, UnreadFile } from '../model/analysis.js'
import { unreadSentence } from './findings.js'
import { ruleDocUrl, type Links } from './links.js'

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' }

export type SarifLog = Log

export function toSarif(review: { files: readonly { analysis: FileAnalysis }[]; unread?: readonly UnreadFile[]; incomplete?: readonly string[] }, rules: readonly Rule[], links: Links): SarifLog {
  const analyses = review.files.map((f) => f.analysis)
  const index = new Map(rules.map((r, i) => [r.meta.id, i]))
  const descriptors = rules.map(({ meta }): ReportingDescriptor => {
    const doc = ruleDocUrl(links, meta.id)
    return {
      id: meta.id,
      name: meta.id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
      shortDescription: { text: meta.title },
      helpUri: doc,
      help: { text: `${meta.title}. See ${doc}`, markdown: `${meta.title}. [Rule documentation](${doc})` },
      defaultConfiguration: { level: LEVEL[meta.severity], enabled: meta.experimental !== true },
      properties: {
        category: meta.category,
        scope: meta.scope,
        tags: [meta.category, ...(meta.equivalents.hadolint === null ? [] : [meta.equivalents.hadolint]), ...(meta.equivalents.buildkit === null ? [] : [meta.equivalents.buildkit])]
      }
    }
  })
  const results = analyses.flatMap((a) =>
    a.findings.map((f): Result => {
      const ruleIndex = index.get(f.rule)
      return {
        ruleId: f.rule,
        ...(ruleIndex === undefined ? {} : { ruleIndex }),
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
      }
    })
  )
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Stagecraft', version: VERSION, semanticVersion: VERSION, informationUri: links.home, rules: descriptors } },
        results,
        // What was not reviewed is part of the run's outcome: a consumer of the SARIF alone must see it.
        invocations: [invocationOf(review.unread ?? [], review.incomplete ?? [])],
        columnKind: 'unicodeCodePoints'
      }
    ]
  }
}

/** The run's invocation: unsuccessful when a Dockerfile could not be read or the file list is incomplete, each said as an error notification. */
function invocationOf(unread: readonly UnreadFile[], incomplete: readonly string[]): Invocation {
  const notifications: Notification[] = [
    ...unread.map((u): Notification => ({
      level: 'error',
      message: { text: unreadSentence(u) },
      locations: [{ physicalLocation: { artifactLocation: { uri: u.path.replace(/\\/g, '/'), uriBaseId: '%SRCROOT%' } } }]
    })),
    ...incomplete.map((reason): Notification => ({ level: 'error', message: { text: reason } }))
  ]
  return { executionSuccessful: notifications.length === 0, ...(notifications.length === 0 ? {} : { toolExecutionNotifications: notifications }) }
}
