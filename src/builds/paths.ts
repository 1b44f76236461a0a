/** Repository paths: POSIX, relative to the root, '.' for the root itself. */

/** `a/./b/../c/` → `a/c`; null when the path climbs out of the repository (`../x` from the root). */
export function normalise(path: string): string | null {
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length === 0) return null
      parts.pop()
    } else parts.push(part)
  }
  return parts.length === 0 ? '.' : parts.join('/')
}

/**
 * `next` relative to the folder `base` (itself repo-relative); null for an absolute path (`/tmp/x`
 * is outside the checkout; `${{ github.workspace }}/x` is made relative before it gets here).
 */
export function joinRepo(base: string, next: string): string | null {
  if (next.startsWith('/')) return null
  return normalise(base === '.' ? next : `${base}/${next}`)
}

export function dirnameOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? '.' : path.slice(0, slash)
}

export function basenameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** A build context that is no folder of this repository: a git or HTTP URL, or `-` (stdin). */
export function isRemoteContext(context: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)/i.test(context) || context.endsWith('.git') || /\.git#/.test(context)
}

/** Folders whose files are someone else's (vendored modules, installed packages). */
export function isVendored(path: string): boolean {
  return /(?:^|\/)(?:node_modules|vendor|third_party)\//.test(path)
}
