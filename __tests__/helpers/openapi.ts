/**
 * GitHub's REST description as @octokit/openapi-types carries it (generated from GitHub's
 * OpenAPI document), read at run time so end-to-end tests check the requests they record against
 * the specification rather than memory: which method and path an operation has, and the fields of
 * its JSON request body (required or not).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './bundle.js'

let text: string | null = null
const spec = (): string => (text ??= readFileSync(join(ROOT, 'node_modules/@octokit/openapi-types/types.d.ts'), 'utf8'))

/** `POST /repos/{owner}/{repo}/pulls/{pull_number}/comments` for `pulls/create-review-comment`. */
export function operationRoute(operationId: string): string {
  const at = spec().indexOf(`operations["${operationId}"];`)
  if (at < 0) throw new Error(`no operation ${operationId}`)
  const method = /(\w+): $/.exec(spec().slice(spec().lastIndexOf('\n', at) + 1, at))?.[1]
  const paths = [...spec().slice(0, at).matchAll(/^ {2}"(\/[^"]*)": \{$/gm)]
  const path = paths[paths.length - 1]?.[1]
  if (method === undefined || path === undefined) throw new Error(`no route for ${operationId}`)
  return `${method.toUpperCase()} ${path}`
}

/** The JSON request body's fields of an operation: name → required. */
export function requestFields(operationId: string): Record<string, boolean> {
  const s = spec()
  const start = s.indexOf(`\n  "${operationId}": {`)
  if (start < 0) throw new Error(`no operation ${operationId}`)
  const body = s.indexOf('"application/json": {', s.indexOf('requestBody', start))
  const fields: Record<string, boolean> = {}
  let depth = 0
  for (const line of s.slice(body).split('\n').slice(1)) {
    if (depth === 0) {
      const m = /^\s+(?:"([^"]+)"|(\w+))(\?)?: /.exec(line)
      if (m !== null && !line.trimStart().startsWith('*') && !line.trimStart().startsWith('/')) fields[(m[1] ?? m[2]) as string] = m[3] === undefined
    }
    depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length
    if (depth < 0) break
  }
  return fields
}
