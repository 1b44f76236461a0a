/** Label policies for the label rules' tests, built the way the configuration builds them. */
import { emptyConfig, labelPolicy } from '../../src/config/config.js'
import type { LabelType } from '../../src/parse/label-values.js'
import type { LabelPolicy } from '../../src/rules/types.js'

/** hadolint's label-schema (each label required and typed), with the OCI preset and strict labels when asked. */
export function labelSchema(schema: Record<string, LabelType>, extra: { strict?: boolean; oci?: boolean } = {}): LabelPolicy {
  return labelPolicy({ ...emptyConfig(), labelSchema: schema, labelPreset: extra.oci === true ? 'oci' : null, strictLabels: extra.strict === true })
}
