/** A label the schema types `spdx` holds something that is not an SPDX license expression: license scanners cannot read it. */
import { labelValueRule } from './label-checks.js'

const COMMON: Readonly<Record<string, string>> = { apache2: 'Apache-2.0', 'apache 2.0': 'Apache-2.0', 'apache-2': 'Apache-2.0', gpl: 'GPL-3.0-only', gplv2: 'GPL-2.0-only', gplv3: 'GPL-3.0-only', bsd: 'BSD-3-Clause', 'mit license': 'MIT', lgpl: 'LGPL-3.0-only' }

export const labelInvalidSpdx = labelValueRule({
  id: 'label-invalid-spdx',
  hadolint: 'DL3054',
  type: 'spdx',
  what: 'an SPDX license expression',
  hint: (value) => {
    const id = COMMON[value.toLowerCase()]
    if (id !== undefined) return `its SPDX id is ${id}`
    return value.includes(',') || value.includes('/') ? 'join licenses with AND or OR, not a comma or slash' : null
  }
})
