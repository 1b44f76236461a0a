#!/usr/bin/env node
/**
 * Asserts the outputs of a step of .github/workflows/test-action.yml (given as OUTPUTS, the
 * step's outputs as JSON, and OUTCOME). `fixtures`: the review of the two fixtures in this folder;
 * `pull-request`: the check run and the comment, written when the token may (WRITABLE);
 * `pull-request-again`: the same comment updated (PREVIOUS_COMMENT_URL). Run locally by
 * __tests__/github/test-action.test.ts against the bundle.
 */
import { readFileSync } from 'node:fs'
import process from 'node:process'

const which = process.argv[2]
const env = process.env
const outputs = JSON.parse(env.OUTPUTS ?? '{}')
const failures = []
const expect = (what, actual, ok) => {
  if (!ok) failures.push(`${what}: got ${JSON.stringify(actual)}`)
}
const equal = (name, expected) => expect(`${name} should be ${JSON.stringify(expected)}`, outputs[name], outputs[name] === expected)
const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '')
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

if (which === 'fixtures') {
  expect('the step should fail (an error finding, fail-on error)', env.OUTCOME, env.OUTCOME === 'failure')
  equal('dockerfiles', '2')
  equal('errors', '1')
  equal('warnings', '1')
  equal('conclusion', 'failure')
  equal('check-run-url', '')
  equal('comment-url', '')
  const report = JSON.parse(readFileSync(outputs['json-file'], 'utf8'))
  const found = report.files.flatMap((f) => f.findings.filter((x) => x.severity !== 'info').map((x) => `${f.path}:${x.line} ${x.rule}`))
  const expected = ['__tests__/action-samples/api/Dockerfile:5 copy-ignored-file', '__tests__/action-samples/api/Dockerfile:12 stage-name-typo']
  expect(`findings should be ${JSON.stringify(expected)}`, found, JSON.stringify(found) === JSON.stringify(expected))
  const sarif = JSON.parse(readFileSync(outputs['sarif-file'], 'utf8'))
  const results = sarif.runs?.[0]?.results ?? []
  expect('SARIF should be 2.1.0 with a result per finding', results.length, sarif.version === '2.1.0' && results.length === report.files.reduce((n, f) => n + f.findings.length, 0))
  const helpUri = sarif.runs?.[0]?.tool?.driver?.rules?.find((r) => r.id === 'stage-name-typo')?.helpUri ?? ''
  expect('the rule links should open docs/rules/<id>.md', helpUri, helpUri.endsWith('/docs/rules/stage-name-typo.md'))
} else if (which === 'pull-request' || which === 'pull-request-again') {
  const writable = env.WRITABLE === 'true'
  const repository = env.GITHUB_REPOSITORY ?? ''
  expect('the step should succeed (fail-on never)', env.OUTCOME, env.OUTCOME === 'success')
  expect('conclusion should be success or neutral', outputs.conclusion, ['success', 'neutral'].includes(outputs.conclusion))
  const run = new RegExp(`^${escape(`${server}/${repository}/runs/`)}\\d+$`)
  const comment = new RegExp(`^${escape(`${server}/${repository}/pull/${env.PULL ?? ''}#issuecomment-`)}\\d+$`)
  if (writable) {
    expect(`check-run-url should match ${run}`, outputs['check-run-url'], run.test(outputs['check-run-url'] ?? ''))
    expect(`comment-url should match ${comment}`, outputs['comment-url'], comment.test(outputs['comment-url'] ?? ''))
  } else {
    equal('check-run-url', '')
    equal('comment-url', '')
  }
  if (which === 'pull-request-again') expect(`comment-url should be the first run's ${env.PREVIOUS_COMMENT_URL}`, outputs['comment-url'], outputs['comment-url'] === (env.PREVIOUS_COMMENT_URL ?? ''))
} else {
  failures.push(`unknown case "${which}" (fixtures, pull-request or pull-request-again)`)
}

if (failures.length > 0) {
  for (const f of failures) process.stdout.write(`::error::${which}: ${f}\n`)
  process.exit(1)
}
process.stdout.write(`${which}: outputs as expected\n`)
