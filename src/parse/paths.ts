/** Container paths: joins a WORKDIR onto the current one, as Docker does (relative paths append, `..` pops). */
export function joinPath(base: string, next: string): string {
  const path = next.startsWith('/') ? next : `${base.replace(/\/+$/, '')}/${next}`
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return `/${parts.join('/')}`
}
