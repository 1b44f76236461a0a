import type { StageRow } from '../model/image.js'
import type { StageGraph } from '../model/graph.js'
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

/** The flowchart's source, or null when the graph is too big to draw (the table says it all then). */
export function stageGraphMermaid(rows: readonly StageRow[], graph: StageGraph): string | null {
  if (rows.length === 0) return null
  const lines: string[] = ['flowchart LR']
  const images = new Map<string, string>()
  const imageNode = (label: string): string => {
    let id = images.get(label)
    if (id === undefined) {
      id = `x${images.size}`
      images.set(label, id)
      lines.push(`  ${id}(["${mermaidText(label, 60)}"])`)
    }
    return id
  }
  const edges: { text: string; style: string | null }[] = []
  for (const row of rows) {
    lines.push(`  s${row.index}["${mermaidText(row.label)}"]`)
  }
  for (const row of rows) {
    if (row.base.kind === 'stage') continue
    const thick = row.role === 'ships'
    edges.push({ text: `${imageNode(row.base.label)} ${thick ? '==>' : '-->'} s${row.index}`, style: null })
  }
  for (const e of graph.edges) {
    if (e.via === 'from') edges.push({ text: `s${e.to} ${graph.roles[e.from] === 'ships' ? '==>' : '-->'} s${e.from}`, style: null })
    else if (e.via === 'copy') edges.push({ text: `s${e.to} -.->${edgeLabel(shortPaths(e.paths))} s${e.from}`, style: DASHED })
    else edges.push({ text: `s${e.to} -.->|"mount"| s${e.from}`, style: DOTTED })
  }
  for (const x of graph.external) {
    if (x.via === 'from') continue
    edges.push({ text: `${imageNode(x.image)} -.->|"${x.via === 'copy' ? 'COPY --from' : 'mount'}"| s${x.stage}`, style: x.via === 'copy' ? DASHED : DOTTED })
  }
  if (rows.length + images.size > MERMAID_LIMITS.nodes || edges.length > MERMAID_LIMITS.edges) return null
  lines.push(...edges.map((e) => `  ${e.text}`))
  lines.push(...CLASSES.map((c) => `  ${c}`))
  for (const role of ['ships', 'environment', 'build', 'unused'] as const) {
    const ids = rows.filter((r) => r.role === role).map((r) => `s${r.index}`)
    if (ids.length > 0) lines.push(`  class ${ids.join(',')} ${role}`)
  }
  if (images.size > 0) lines.push(`  class ${[...images.values()].join(',')} image`)
  edges.forEach((e, i) => {
    if (e.style !== null) lines.push(`  linkStyle ${i} ${e.style}`)
  })
  const source = lines.join('\n')
  return source.length > MERMAID_LIMITS.characters ? null : source
}
