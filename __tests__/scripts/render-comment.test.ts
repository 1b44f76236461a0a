/** scripts/render-comment.mjs: its help, and the page it renders (the --html mode needs no browser). */
import { afterEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../helpers/bundle.js'
import { tempTree, type TempTree } from '../helpers/tmp.js'

const SCRIPT = join(ROOT, 'scripts/render-comment.mjs')
let tree: TempTree | null = null
afterEach(() => {
  tree?.remove()
  tree = null
})

describe('render-comment.mjs', () => {
  it('--help prints the usage and exits 0; a bad option exits 2 with the usage', () => {
    const help = spawnSync(process.execPath, [SCRIPT, '--help'], { encoding: 'utf8' })
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('Usage: node scripts/render-comment.mjs [input.md] [output.png] [options]')
    expect(help.stdout).toContain('--theme light|dark|both')
    const bad = spawnSync(process.execPath, [SCRIPT, '--theme', 'sepia'], { encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('--theme must be light, dark or both, not "sepia"')
  })

  it('--html renders a golden comment as GitHub would, diagram and theme included, in both themes', () => {
    tree = tempTree({ keep: '' })
    const out = join(tree.dir, 'pr-delta.html')
    const run = spawnSync(process.execPath, [SCRIPT, join(ROOT, '__tests__/report/golden/pr-delta.md'), out, '--html', '--theme', 'both'], { encoding: 'utf8' })
    expect(run.status).toBe(0)
    const light = readFileSync(out, 'utf8')
    const dark = readFileSync(join(tree.dir, 'pr-delta-dark.html'), 'utf8')
    expect(light).toContain('<pre class="mermaid">flowchart LR')
    expect(light).toContain('<h4><code>services/pr-delta/Dockerfile</code></h4>')
    expect(light).toContain("theme: 'default'")
    expect(dark).toContain("theme: 'dark'")
    // As posted: the closed sections stay closed unless --open.
    expect(light).toContain('<details>')
    expect(light).not.toContain('<details open>')
  })
})
