/** A label the schema types `semver` holds something that is not a semantic version. */
import { labelValueRule } from './label-checks.js'
import { isSemver } from '../parse/label-values.js'

export const labelInvalidSemver = labelValueRule({
  id: 'label-invalid-semver',
  hadolint: 'DL3056',
  type: 'semver',
  what: 'a semantic version',
  hint: (value) => (/^v/i.test(value) && isSemver(value.slice(1)) ? 'drop the leading v' : /^\d+(?:\.\d+)?$/.test(value) ? 'a semantic version has three parts, MAJOR.MINOR.PATCH' : null)
})
