/** A label the schema types `rfc3339` holds something that is not an RFC 3339 time. */
import { labelValueRule } from './label-checks.js'

export const labelInvalidRfc3339 = labelValueRule({
  id: 'label-invalid-rfc3339',
  hadolint: 'DL3053',
  type: 'rfc3339',
  what: 'an RFC 3339 time',
  hint: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? 'a date alone is not a time: add the time and zone, T00:00:00Z' : /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?$/.test(value) ? 'it has no time zone: end it with Z or +hh:mm' : null)
})
