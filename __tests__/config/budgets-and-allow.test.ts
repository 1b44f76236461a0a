/** The configuration keys of the registry and size work: registry-allow, size-budget, size-delta-budget. */
import { describe, expect, it } from '@jest/globals'
import { budgetFor, parseConfig } from '../../src/config/config.js'
import { RULES } from '../../src/rules/registry.js'
import { withBudgets } from '../../src/review/options.js'

const read = (text: string) => parseConfig(text, RULES, '.stagecraft.yml')

describe('size-budget and size-delta-budget', () => {
  it('take one size, or sizes by glob (the first match wins)', () => {
    const config = read('size-budget:\n  "services/api/**": 150MB\n  "**": 1.5GB\nsize-delta-budget: 50MiB\n')
    expect(config.sizeBudget.map((b) => [b.path, b.bytes, b.written])).toEqual([
      ['services/api/**', 150_000_000, '150MB'],
      ['**', 1_500_000_000, '1.5GB']
    ])
    expect(budgetFor(config.sizeBudget, 'services/api/Dockerfile')?.written).toBe('150MB')
    expect(budgetFor(config.sizeBudget, 'web/Dockerfile')?.written).toBe('1.5GB')
    expect(config.sizeDeltaBudget).toEqual([{ path: null, bytes: 50 * 1024 * 1024, written: '50MiB', origin: '.stagecraft.yml' }])
  })

  it("become the budget rules' options per file, the caller's (inputs) first", () => {
    const config = read('size-budget: 500MB\n')
    expect(withBudgets(config.options, config, { size: [{ path: 'web/**', bytes: 1, written: '100MB', origin: 'input size-budget' }] }, 'web/Dockerfile')).toEqual({ 'size-budget': { 'max-size': '100MB' } })
    expect(withBudgets(config.options, config, undefined, 'api/Dockerfile')).toEqual({ 'size-budget': { 'max-size': '500MB' } })
    expect(withBudgets(read('').options, read(''), undefined, 'api/Dockerfile')).toEqual({})
  })

  it.each([
    ['size-budget: 300\n', '.stagecraft.yml: "size-budget" needs a unit: write 300MB (or kB, GB, MiB)'],
    ['size-budget: big\n', '.stagecraft.yml: "size-budget" must be a size such as 300MB, not "big"'],
    ['size-delta-budget:\n  "a/**": -1MB\n', '.stagecraft.yml: "size-delta-budget" for "a/**" must be a size such as 300MB, not "-1MB"'],
    ['max-size: huge\n', '.stagecraft.yml: option "max-size" must be a size such as 300MB, not "huge"'],
    ['registry-allow: ["http://10.0.0.1"]\n', '.stagecraft.yml: "registry-allow": "http://10.0.0.1" is not a host, host:port, address or address range'],
    ['registry-allow: "10.0.0.0/8"\n', '.stagecraft.yml: "registry-allow" must be a list of strings']
  ])('%j is an error that names it', (text, message) => {
    expect(() => read(text)).toThrow(message)
  })

  it('registry-allow keeps hosts, host:port, addresses and ranges', () => {
    expect(read('registry-allow: [localhost:5000, registry.internal, 10.0.0.0/8, "[::1]:5001"]\n').registryAllow).toEqual(['localhost:5000', 'registry.internal', '10.0.0.0/8', '[::1]:5001'])
  })
})
