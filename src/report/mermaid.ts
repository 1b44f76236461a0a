import type { StageRow } from '../model/image.js'
import type { StageGraph } from '../model/graph.js'
import { displayImage } from './display.js'
/**
 * The stage graph as a Mermaid flowchart, arrows in the direction the content flows (base →
 * stage, artifact source → the stage that copies). Stages are boxes, external images are
 * stadiums; FROM is a solid arrow (thick along the shipped chain), COPY --from dashed and
 * labelled with the copied paths, RUN --mount dotted. Node ids are generated (`s0`, `x0`), so
 * any stage name is safe; every label goes through `mermaidText`. Pure.
 */



/** Past these, GitHub's Mermaid refuses or draws an unreadable picture; the table stays. */
export const MERMAID_LIMITS = { nodes: 120, edges: 300, characters: 40_000 }

/** Characters a quoted Mermaid label may hold as they are; everything else becomes an entity code. */
const PLAIN = /[A-Za-z0-9 ._/:=+,()-]/

/** A label safe inside `"..."` in a Mermaid flowchart: quotes, `#`, `<`, backticks, emoji... as `#code;`. */
export function mermaidText(text: string, max = 40): string {
  // Only the head is ever shown: never spread a whole 25 MB word into an array.
  const chars = [...text.slice(0, 4 * max + 4).replace(/\s+/g, ' ')]
  const shown = chars.length > max || text.length > 4 * max + 4 ? [...chars.slice(0, max - 1), '…'] : chars
  return shown.map((c) => (PLAIN.test(c) ? c : `#${c.codePointAt(0) as number};`)).join('')
}

/** `/out/app, /etc/ssl/certs +2` — the copied paths, shortened for an edge label. */
export function shortPaths(paths: readonly string[]): string {
  const shown = paths.slice(0, 2).map((p) => {
    const tail = [...p.slice(-50)]
    return p.length > 48 || tail.length > 24 ? `…${tail.slice(-23).join('')}` : p
  })
  return paths.length > 2 ? `${shown.join(', ')} +${paths.length - 2}` : shown.join(', ')
}

const CLASSES = [
  'classDef ships fill:#dafbe1,stroke:#1a7f37,stroke-width:3px,color:#0d1117',
  'classDef environment fill:#fbefff,stroke:#8250df,stroke-width:2px,color:#0d1117',
  'classDef build fill:#ddf4ff,stroke:#0969da,color:#0d1117',
  'classDef unused fill:#f6f8fa,stroke:#8c959f,color:#8c959f,stroke-dasharray:4 3',
  'classDef image fill:#fff8c5,stroke:#9a6700,color:#0d1117'
]
const DASHED = 'stroke-dasharray:6 4'
const DOTTED = 'stroke-dasharray:2 3'

/** `|"label"|`, or nothing: Mermaid rejects an empty quoted label. */
function edgeLabel(text: string): string {
  return text.trim() === '' ? '' : `|"${mermaidText(text, 60)}"|`
}

/** What was drawn, and what was left out to keep the picture readable (said under it). */
export interface StageGraphPicture {
  source: string
  /** Stages folded into a "+N unused stages" node (not needed by any built target). */
  foldedUnused: string[]
  /** Stages left out past the budget (`MERMAID_BUDGET`), by label. */
  leftOut: string[]
}

/**
 * A picture people can read: past this many nodes, stages are left out (the shipped chains and
 * their nearest build stages are kept) and the picture says which. Unused stages fold into one
 * node from this many on.
 */
export const MERMAID_BUDGET = { nodes: 30, foldUnusedFrom: 3 }

const KEEP_ORDER: Record<string, number> = { ships: 0, environment: 1, build: 2, unused: 3 }

/**
 * The flowchart's source: the built targets' stages and what they need; unused stages folded
 * into one node; past the budget, the least important stages left out. Null when there is no
 * stage or the source would still exceed GitHub's limits (the table says it all then).
 */
export function stageGraphMermaid(rows: readonly StageRow[], graph: StageGraph, budget = MERMAID_BUDGET): StageGraphPicture | null {
  if (rows.length === 0) return null
  const unused = rows.filter((r) => r.role === 'unused')
  const fold = unused.length >= budget.foldUnusedFrom
  const candidates = rows.filter((r) => !fold || r.role !== 'unused')
  // Keep the shipped chains first (targets first: they come last in the file), then build stages, then unused ones.
  const late = (r: StageRow): boolean => r.role === 'ships' || r.role === 'environment'
  const ranked = [...candidates].sort((a, b) => (KEEP_ORDER[a.role] ?? 9) - (KEEP_ORDER[b.role] ?? 9) || (late(a) ? b.index - a.index : a.index - b.index))
  const kept = new Set<number>()
  const keptImages = new Set<string>()
  const imageOf = (r: StageRow): string | null => (r.base.kind === 'stage' ? null : r.base.label)
  const everything = candidates.length + new Set(candidates.map(imageOf).filter((i) => i !== null)).size
  // The "+N unused" node takes one place; so does "+N more" when something has to go.
  const room = budget.nodes - (fold ? 1 : 0) - (everything > budget.nodes - (fold ? 1 : 0) ? 1 : 0)
  const leftOutRows: StageRow[] = []
  for (const r of ranked) {
    const image = imageOf(r)
    const cost = 1 + (image !== null && !keptImages.has(image) ? 1 : 0)
    if (kept.size > 0 && kept.size + keptImages.size + cost > room) {
      leftOutRows.push(r)
      continue
    }
    kept.add(r.index)
    if (image !== null) keptImages.add(image)
  }
  const leftOut = leftOutRows.sort((a, b) => a.index - b.index).map((r) => r.label)
  const lines: string[] = ['flowchart LR']
  const images = new Map<string, string>()
  const imageNode = (label: string): string => {
    let id = images.get(label)
    if (id === undefined) {
      id = `x${images.size}`
      images.set(label, id)
      lines.push(`  ${id}(["${mermaidText(displayImage(label).text, 60)}"])`)
    }
    return id
  }
  const edges: { text: string; style: string | null }[] = []
  const drawn = rows.filter((r) => kept.has(r.index))
  for (const row of drawn) lines.push(`  s${row.index}["${mermaidText(row.label)}"]`)
  if (fold) lines.push(`  u0["+${unused.length} unused stages"]`)
  if (leftOut.length > 0) lines.push(`  m0["+${leftOut.length} more ${leftOut.length === 1 ? 'stage' : 'stages'}, see the table"]`)
  for (const row of drawn) {
    if (row.base.kind === 'stage') continue
    const thick = row.role === 'ships'
    edges.push({ text: `${imageNode(row.base.label)} ${thick ? '==>' : '-->'} s${row.index}`, style: null })
  }
  for (const e of graph.edges) {
    if (!kept.has(e.from) || !kept.has(e.to)) continue
    if (e.via === 'from') edges.push({ text: `s${e.to} ${graph.roles[e.from] === 'ships' ? '==>' : '-->'} s${e.from}`, style: null })
    else if (e.via === 'copy') edges.push({ text: `s${e.to} -.->${edgeLabel(shortPaths(e.paths))} s${e.from}`, style: DASHED })
    else edges.push({ text: `s${e.to} -.->|"mount"| s${e.from}`, style: DOTTED })
  }
  for (const x of graph.external) {
    if (x.via === 'from' || !kept.has(x.stage)) continue
    edges.push({ text: `${imageNode(x.image)} -.->|"${x.via === 'copy' ? 'COPY --from' : 'mount'}"| s${x.stage}`, style: x.via === 'copy' ? DASHED : DOTTED })
  }
  if (drawn.length + images.size > MERMAID_LIMITS.nodes || edges.length > MERMAID_LIMITS.edges) return null
  lines.push(...edges.map((e) => `  ${e.text}`))
  lines.push(...CLASSES.map((c) => `  ${c}`))
  for (const role of ['ships', 'environment', 'build', 'unused'] as const) {
    const ids = drawn.filter((r) => r.role === role).map((r) => `s${r.index}`)
    if (role === 'unused' && fold) ids.push('u0')
    if (role === 'build' && leftOut.length > 0) ids.push('m0')
    if (ids.length > 0) lines.push(`  class ${ids.join(',')} ${role}`)
  }
  if (images.size > 0) lines.push(`  class ${[...images.values()].join(',')} image`)
  edges.forEach((e, i) => {
    if (e.style !== null) lines.push(`  linkStyle ${i} ${e.style}`)
  })
  const source = lines.join('\n')
  if (source.length > MERMAID_LIMITS.characters) return null
  return { source, foldedUnused: fold ? unused.map((r) => r.label) : [], leftOut }
}
