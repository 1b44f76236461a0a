import { opaque, pinningRule } from './package-pinning.js'

const VALUED = new Set(['-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--platform', '--python-version', '--implementation', '--abi', '--only-binary', '--no-binary', '--trusted-host', '--progress-bar', '--proxy', '--src', '--upgrade-strategy', '-b', '--build', '--cache-dir', '--log', '--timeout', '--retries', '--config-settings', '-C'])
/** Installs that take their versions from a file: requirements, constraints, an editable or local project. */
const FROM_FILE = new Set(['-r', '--requirement', '-c', '--constraint', '-e', '--editable'])
const VCS = /^(?:git|hg|svn|bzr)\+/

/** `x==1.2`, `x>=1,<2`, `x @ https://…`, a wheel or sdist, a path, a VCS URL at a ref. */
function pinned(p: string): boolean {
  if (/[=<>!~]/.test(p) || opaque(p) || p.startsWith('.')) return true
  if (VCS.test(p)) return p.includes('@')
  return p.includes('/') || p.endsWith('.whl') || p.endsWith('.tar.gz') || p.endsWith('.zip')
}

/** The words after `pip install` (or `python -m pip install`), or null when it is not one. */
function pipInstallArgs(args: readonly string[], program: string): readonly string[] | null {
  const rest = /^pip[0-9.]*$/.test(program) ? args : /^python[0-9.]*$/.test(program) && args[0] === '-m' && /^pip[0-9.]*$/.test(args[1] ?? '') ? args.slice(2) : null
  if (rest === null) return null
  const at = rest.findIndex((a) => !a.startsWith('-'))
  return rest[at] === 'install' ? rest.slice(at + 1) : null
}

export const pipPackageUnpinned = pinningRule({
  id: 'pip-package-unpinned',
  hadolint: 'DL3013',
  what: 'pip install',
  unpinned: (c, run) => {
    const args = pipInstallArgs(c.args, c.program)
    if (args === null || args.some((a) => FROM_FILE.has(a) || /^--(?:requirement|constraint|editable)=/.test(a)) || run.scope.has('PIP_CONSTRAINT')) return null
    const packages: string[] = []
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string
      if (VALUED.has(a)) i++
      else if (!a.startsWith('-') && !pinned(a)) packages.push(a)
    }
    return { command: 'pip install', packages }
  },
  advice: (p) => `write ${p}==<version>, or install from a requirements file with pinned versions (pip install -r requirements.txt, made with pip-compile or pip freeze)`
})
