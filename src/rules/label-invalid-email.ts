/** A label the schema types `email` holds something that is not an email address. */
import { labelValueRule } from './label-checks.js'

export const labelInvalidEmail = labelValueRule({
  id: 'label-invalid-email',
  hadolint: 'DL3058',
  type: 'email',
  what: 'an email address',
  hint: (value) => (value.includes('@') ? null : 'it has no @')
})
