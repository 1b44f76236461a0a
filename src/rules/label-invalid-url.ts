/** A label the schema types `url` holds something that is not a URI (a bare host, a path): tools that follow it get nowhere. */
import { labelValueRule } from './label-checks.js'

export const labelInvalidUrl = labelValueRule({
  id: 'label-invalid-url',
  hadolint: 'DL3052',
  type: 'url',
  what: 'a URL',
  hint: (value) => (value.length < 200 && /^[\w.-]+\.[a-z]{2,}(?:\/|$)/i.test(value) ? 'it has no scheme: start it with https://' : null)
})
