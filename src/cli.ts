#!/usr/bin/env node
/** The local entry point: `npx stagecraft [paths...]`. */
import { runCli } from './cli/run.js'

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: process.stdout.isTTY === true && process.env.NO_COLOR === undefined
}).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    process.stderr.write(`stagecraft: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exitCode = 2
  }
)
