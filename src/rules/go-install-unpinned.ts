import { opaque, pinningRule } from './package-pinning.js'
import { isCommand } from './run-helpers.js'

const VALUED = new Set(['-o', '-C', '-p', '-tags', '-ldflags', '-gcflags', '-asmflags', '-mod', '-modfile', '-overlay', '-pkgdir', '-toolexec', '-exec'])

/** A module path (`golang.org/x/tools/cmd/goimports`), not a package of the module being built (`.`, `./cmd/…`). */
const remote = (p: string): boolean => !p.startsWith('.') && !p.startsWith('/') && !opaque(p) && /^[a-z0-9-]+(?:\.[a-z0-9-]+)+\//i.test(p)

export const goInstallUnpinned = pinningRule({
  id: 'go-install-unpinned',
  hadolint: 'DL3062',
  what: 'go install',
  unpinned: (c) => {
    if (!isCommand(c, 'go', 'install')) return null
    const words: string[] = []
    for (let i = 0; i < c.args.length; i++) {
      const a = c.args[i] as string
      if (VALUED.has(a)) i++
      else if (!a.startsWith('-')) words.push(a)
    }
    // `@latest` asks for whatever is newest: not a pin.
    return { command: 'go install', packages: words.slice(1).filter((p) => remote(p) && (!p.includes('@') || p.endsWith('@latest'))) }
  },
  advice: (p) => `write ${p.replace(/@latest$/, '')}@v<version> (a release tag or a commit)`
})
