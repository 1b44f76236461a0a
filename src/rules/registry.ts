/** Every rule, in the order they are documented. Adding a rule: its file, its test, its doc, one line here. */
import { copyFromVariable } from './copy-from-variable.js'
import { duplicateStageName } from './duplicate-stage-name.js'
import { invalidStageName } from './invalid-stage-name.js'
import { parseError } from './parse-error.js'
import { stageForwardReference } from './stage-forward-reference.js'
import { stageIndexOutOfRange } from './stage-index-out-of-range.js'
import { stageSelfReference } from './stage-self-reference.js'
import type { Rule } from './types.js'
import { unknownTarget } from './unknown-target.js'

export const RULES: readonly Rule[] = [
  parseError,
  stageForwardReference,
  stageSelfReference,
  stageIndexOutOfRange,
  copyFromVariable,
  duplicateStageName,
  invalidStageName,
  unknownTarget
]

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id)
}
