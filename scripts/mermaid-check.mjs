// Parses Mermaid diagrams with the real `mermaid` package (under jsdom), the way GitHub's
// renderer would before drawing. Input on stdin: JSON [{ name, source }]. Output on stdout:
// JSON { checked, failures: [{ name, error }] }. Used by the tests; also handy by hand:
//   node scripts/mermaid-check.mjs < diagrams.json
import { JSDOM } from 'jsdom'

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true })
globalThis.window = dom.window
globalThis.document = dom.window.document
for (const key of ['DOMParser', 'Element', 'HTMLElement', 'Node']) globalThis[key] ??= dom.window[key]

const { default: mermaid } = await import('mermaid')
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' })

let input = ''
for await (const chunk of process.stdin) input += chunk
const diagrams = JSON.parse(input)
const failures = []
for (const { name, source } of diagrams) {
  try {
    const result = await mermaid.parse(source)
    if (result === false || result?.diagramType !== 'flowchart-v2') failures.push({ name, error: `not a flowchart: ${JSON.stringify(result)}` })
  } catch (err) {
    failures.push({ name, error: String(err?.message ?? err).split('\n').slice(0, 4).join('\n') })
  }
}
process.stdout.write(JSON.stringify({ checked: diagrams.length, failures }))
