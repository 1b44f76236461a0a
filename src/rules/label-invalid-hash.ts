/** A label the schema types `hash` holds something that is not a git commit hash (a branch, a tag). */
import { labelValueRule } from './label-checks.js'

export const labelInvalidHash = labelValueRule({
  id: 'label-invalid-hash',
  hadolint: 'DL3055',
  type: 'hash',
  what: 'a git commit hash',
  hint: (value) => (/^[0-9a-f]{1,6}$/i.test(value) ? 'git abbreviates to at least 7 digits' : /^[0-9a-f]+$/i.test(value) ? null : 'a branch or tag name moves: use the commit it points at, git rev-parse HEAD')
})
