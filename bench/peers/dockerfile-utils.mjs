// The peer's whole process, for the benchmark: read each file given, validate it with
// dockerfile-utils, print every diagnostic as JSON (what a CI step running it would do).
import { readFileSync } from 'node:fs'
import { validate } from 'dockerfile-utils'

const out = []
for (const path of process.argv.slice(2)) out.push({ path, diagnostics: validate(readFileSync(path, 'utf8')) })
process.stdout.write(JSON.stringify(out, null, 2) + '\n')
