/** The official SARIF 2.1.0 schema (as shipped in @microsoft/jest-sarif), compiled once. */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
// CommonJS packages: take their default exports through require, which both TypeScript and Node agree on.
const { default: Ajv } = require('ajv-draft-04') as typeof import('ajv-draft-04')
const { default: addFormats } = require('ajv-formats') as typeof import('ajv-formats')

const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object
// The schema's language pattern is not valid as a unicode regular expression; read it as written.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false })
addFormats(ajv)
export const validateSarif = ajv.compile(schema)

/** The first few schema errors, or [] when the log is valid. */
export function sarifErrors(log: unknown): string[] {
  return validateSarif(log) ? [] : (validateSarif.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message ?? ''}`)
}
