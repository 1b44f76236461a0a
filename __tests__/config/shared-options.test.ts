/** An option name several rules declare (pin-packages) is set on all of them by the top-level shortcut. */
import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config/config.js'
import { RULES } from '../../src/rules/registry.js'

describe('shared rule options', () => {
  const pinning = RULES.filter((r) => (r.meta.options ?? []).some((o) => o.name === 'pin-packages')).map((r) => r.meta.id)

  it('is declared by every package pinning rule', () => {
    expect(pinning.sort()).toEqual(['apk-package-unpinned', 'apt-package-unpinned', 'dnf-package-unpinned', 'gem-package-unpinned', 'go-install-unpinned', 'npm-package-unpinned', 'pip-package-unpinned', 'yum-package-unpinned', 'zypper-package-unpinned'])
  })

  it('turns all of them on from the top level', () => {
    const config = parseConfig('pin-packages: true\n', RULES, '.stagecraft.yml')
    expect(pinning.filter((id) => config.options[id]?.['pin-packages'] !== true)).toEqual([])
  })

  it('turns one on under rules, and checks the type once for all', () => {
    const config = parseConfig('rules:\n  apt-package-unpinned:\n    pin-packages: true\n', RULES, '.stagecraft.yml')
    expect(Object.keys(config.options)).toEqual(['apt-package-unpinned'])
    expect(() => parseConfig('pin-packages: sure\n', RULES, 'x.yml')).toThrow('x.yml: option "pin-packages" must be true or false')
  })
})
