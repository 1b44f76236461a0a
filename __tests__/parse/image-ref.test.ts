import { describe, expect, it } from '@jest/globals'
import { canonicalRepository, parseImageReference } from '../../src/parse/image-ref.js'

const DIGEST = 'sha256:' + 'b'.repeat(64)

describe('parseImageReference', () => {
  it.each([
    ['node', { registry: null, name: 'node', tag: null, digest: null }],
    ['node:20-slim', { registry: null, name: 'node', tag: '20-slim', digest: null }],
    ['bitnami/redis:7.2', { registry: null, name: 'bitnami/redis', tag: '7.2', digest: null }],
    ['ghcr.io/org/app:v1.2.3', { registry: 'ghcr.io', name: 'org/app', tag: 'v1.2.3', digest: null }],
    ['localhost:5000/app', { registry: 'localhost:5000', name: 'app', tag: null, digest: null }],
    ['localhost/app:1', { registry: 'localhost', name: 'app', tag: '1', digest: null }],
    [`mcr.microsoft.com/dotnet/sdk:8.0@${DIGEST}`, { registry: 'mcr.microsoft.com', name: 'dotnet/sdk', tag: '8.0', digest: DIGEST }],
    [`alpine@${DIGEST}`, { registry: null, name: 'alpine', tag: null, digest: DIGEST }]
  ])('%s', (input, expected) => {
    expect(parseImageReference(input)).toEqual(expected)
  })

  it.each(['', 'Node', 'app:', 'a b', 'app@sha256:short', ':1', 'UPPER/Case', 'app//x', 'a:b:c'])('rejects %j', (input) => {
    expect(parseImageReference(input)).toBeNull()
  })
})

describe('canonicalRepository', () => {
  it('spells out Docker Hub names', () => {
    const ref = (s: string) => parseImageReference(s) ?? { registry: null, name: '', tag: null, digest: null }
    expect(canonicalRepository(ref('node:20'))).toBe('docker.io/library/node')
    expect(canonicalRepository(ref('bitnami/redis'))).toBe('docker.io/bitnami/redis')
    expect(canonicalRepository(ref('ghcr.io/o/r'))).toBe('ghcr.io/o/r')
  })
})
