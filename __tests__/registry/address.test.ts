/** Which hosts a registry look-up may connect to, redirect to, and send credentials to (src/registry/address.ts). */
import { describe, expect, it } from '@jest/globals'
import { AllowList, credentialsMayGoTo, isInternalAddress, parseAllowEntry, redirectAllowed } from '../../src/registry/address.js'
import { allowEntryProblem } from '../../src/parse/settings.js'

describe('internal addresses', () => {
  it.each(['127.0.0.1', '127.9.9.9', '::1', '0.0.0.0', '::', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.0.1', '169.254.169.254', '169.254.170.2', '100.64.0.1', '100.100.100.200', 'fd00:ec2::254', 'fc00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '224.0.0.1', 'not-an-address'])('%s is refused by default', (a) => {
    expect(isInternalAddress(a)).toBe(true)
  })
  it.each(['1.1.1.1', '8.8.8.8', '172.32.0.1', '192.169.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('%s is public', (a) => {
    expect(isInternalAddress(a)).toBe(false)
  })
})

describe('registry-allow', () => {
  it('allows by host name as written, host:port, address and range; a range never opens a metadata endpoint', () => {
    const allow = new AllowList(['localhost:5000', 'registry.internal', '127.0.0.1', '10.0.0.0/8', '169.254.0.0/16', '[::1]:5001'])
    expect(allow.allows('localhost', '5000', '127.0.0.1')).toBe(true)
    expect(allow.allows('localhost', '6000', '::1')).toBe(false)
    expect(allow.allows('registry.internal', null, '10.9.9.9')).toBe(true)
    expect(allow.allows('evil.example', null, '127.0.0.1')).toBe(true)
    expect(allow.allows('evil.example', null, '127.0.0.2')).toBe(false)
    expect(allow.allows('x', null, '10.2.3.4')).toBe(true)
    expect(allow.allows('x', null, '169.254.1.1')).toBe(true)
    expect(allow.allows('x', null, '169.254.169.254')).toBe(false)
    expect(new AllowList(['169.254.169.254']).allows('x', null, '169.254.169.254')).toBe(true)
    expect(allow.allows('::1', '5001', '::1')).toBe(true)
    expect(allow.allows('::1', '5002', '::1')).toBe(false)
    expect(new AllowList([]).allows('x', null, '8.8.8.8')).toBe(true)
  })

  it('names what is wrong with an entry', () => {
    expect(['localhost:5000', '10.0.0.0/8', '[::1]:5000', 'fd00::1', 'registry.internal', '127.0.0.1'].map(allowEntryProblem)).toEqual([null, null, null, null, null, null])
    expect(allowEntryProblem('10.0.0.0/33')).toBe('"10.0.0.0/33" has a prefix longer than the address')
    expect(allowEntryProblem('http://x')).toBe('"http://x" is not a host, host:port, address or address range')
    expect(() => parseAllowEntry('a b')).toThrow('is not a host')
  })
})

describe('redirects and credentials', () => {
  it('follows redirects only to HTTPS on the same host or the registry’s blob CDN', () => {
    expect(redirectAllowed('ghcr.io', new URL('https://ghcr.io/v2/x/blobs/y'))).toBe(true)
    expect(redirectAllowed('ghcr.io', new URL('https://pkg-containers.githubusercontent.com/ghcr1/blobs/sha256:1'))).toBe(true)
    expect(redirectAllowed('registry-1.docker.io', new URL('https://production.cloudflare.docker.com/registry-v2/docker/registry/v2/blobs/sha256/ab'))).toBe(true)
    expect(redirectAllowed('ghcr.io', new URL('http://ghcr.io/v2/x'))).toBe(false)
    expect(redirectAllowed('ghcr.io', new URL('https://production.cloudflare.docker.com/x'))).toBe(false)
    expect(redirectAllowed('evil.example', new URL('https://169.254.169.254/latest/meta-data'))).toBe(false)
    expect(redirectAllowed('127.0.0.1:5000', new URL('http://127.0.0.1:5000/v2/x'))).toBe(false)
  })

  it("sends Basic credentials only to an HTTPS realm on the registry's own host, or Docker Hub's auth host", () => {
    expect(credentialsMayGoTo('registry-1.docker.io', new URL('https://auth.docker.io/token'), false)).toBe(true)
    expect(credentialsMayGoTo('ghcr.io', new URL('https://ghcr.io/token'), false)).toBe(true)
    expect(credentialsMayGoTo('ghcr.io', new URL('https://auth.docker.io/token'), false)).toBe(false)
    expect(credentialsMayGoTo('ghcr.io', new URL('http://ghcr.io/token'), false)).toBe(false)
    expect(credentialsMayGoTo('evil.example', new URL('https://attacker.example/token'), false)).toBe(false)
    expect(credentialsMayGoTo('127.0.0.1:5000', new URL('http://127.0.0.1:5001/token'), true)).toBe(true)
  })
})
