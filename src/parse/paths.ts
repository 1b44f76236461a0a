/**
 * `a/b///` → `a/b`. A loop, not `/\/+$/`: that regex restarts at every slash of a long run
 * and takes quadratic time on `////…x` (a 20,000-slash path took a second).
 */
export function trimTrailingSlashes(path: string): string {
  let end = path.length
  while (end > 0 && path.charCodeAt(end - 1) === 47) end--
  return end === path.length ? path : path.slice(0, end)
}

/** Container paths: joins a WORKDIR onto the current one, as Docker does (relative paths append, `..` pops). */
export function joinPath(base: string, next: string): string {
  const path = next.startsWith('/') ? next : `${trimTrailingSlashes(base)}/${next}`
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return `/${parts.join('/')}`
}
