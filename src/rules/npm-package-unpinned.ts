import { opaque, pinningRule } from './package-pinning.js'
import { isCommand } from './run-helpers.js'
import type { ShellCommand } from '../model/dockerfile.js'

const VALUED = new Set(['--prefix', '--registry', '-w', '--workspace', '--omit', '--include', '--cache', '--userconfig', '--tag'])

/** `x@1.2.3`, `@scope/x@^1`, a git URL at a ref, a tarball, a folder; `x@latest` names no version. */
function pinned(p: string): boolean {
  if (opaque(p) || /^(?:\.{0,2}\/|~\/)/.test(p) || /\.(?:tgz|tar|tar\.gz)$/.test(p)) return true
  if (/^(?:git(?:\+[a-z]+)?:\/\/|github:|https?:\/\/)/.test(p)) return p.includes('#')
  const at = p.indexOf('@', p.startsWith('@') ? 1 : 0)
  return at > 0 && !['latest', 'next', ''].includes(p.slice(at + 1))
}

/** npm install/i/add x, yarn add x, yarn global add x, pnpm add x: the named packages. */
function named(c: ShellCommand): { command: string; words: string[] } | null {
  const words: string[] = []
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i] as string
    if (VALUED.has(a)) i++
    else if (!a.startsWith('-')) words.push(a)
  }
  const [sub, second] = words
  if (isCommand(c, 'npm') && ['install', 'i', 'add', 'isntall', 'in'].includes(sub ?? '')) return { command: `npm ${sub as string}`, words: words.slice(1) }
  if (isCommand(c, 'yarn') && sub === 'global' && second === 'add') return { command: 'yarn global add', words: words.slice(2) }
  if ((isCommand(c, 'yarn') || isCommand(c, 'pnpm')) && sub === 'add') return { command: `${c.program} add`, words: words.slice(1) }
  return null
}

export const npmPackageUnpinned = pinningRule({
  id: 'npm-package-unpinned',
  hadolint: 'DL3016',
  what: 'npm install',
  // `npm install` with no names installs package.json's dependencies, pinned by its lock file.
  unpinned: (c) => {
    const found = named(c)
    return found === null ? null : { command: found.command, packages: found.words.filter((p) => !pinned(p)) }
  },
  advice: (p) => `write ${p}@<version> (npm view ${p} version shows the latest), or list it in package.json and install with npm ci from the lock file`
})
