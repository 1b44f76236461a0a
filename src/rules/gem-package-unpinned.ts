import { opaque, pinningRule } from './package-pinning.js'
import { isCommand } from './run-helpers.js'

const VALUED = new Set(['-i', '--install-dir', '-n', '--bindir', '--source', '-s', '--platform', '--build-root', '-P', '--trust-policy', '-g', '--file'])

export const gemPackageUnpinned = pinningRule({
  id: 'gem-package-unpinned',
  hadolint: 'DL3028',
  what: 'gem install',
  unpinned: (c) => {
    if (!isCommand(c, 'gem', 'install', 'i')) return null
    // -v/--version pins what it installs.
    if (c.args.some((a) => a === '-v' || a === '--version' || a.startsWith('--version='))) return null
    const packages: string[] = []
    let seenSub = false
    for (let i = 0; i < c.args.length; i++) {
      const a = c.args[i] as string
      if (VALUED.has(a)) i++
      else if (a.startsWith('-')) continue
      else if (!seenSub) seenSub = true
      else if (!a.includes(':') && !a.endsWith('.gem') && !opaque(a)) packages.push(a)
    }
    return { command: 'gem install', packages }
  },
  advice: (p) => `write ${p}:<version> (or gem install ${p} -v <version>), or list it in a Gemfile and install with bundle install from Gemfile.lock`
})
