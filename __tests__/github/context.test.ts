/** The runner's context from its environment: the event payload, and what is said when it cannot be read. */
import { describe, expect, it } from '@jest/globals'
import { runnerContext } from '../../src/github/context.js'
import { tempTree } from '../helpers/tmp.js'

describe('runnerContext', () => {
  it('reads the event name, payload and commit', () => {
    const tree = tempTree({ 'event.json': JSON.stringify({ pull_request: { number: 7 } }) })
    try {
      expect(runnerContext({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: `${tree.dir}/event.json`, GITHUB_SHA: 'abc' })).toEqual({ eventName: 'pull_request', payload: { pull_request: { number: 7 } }, sha: 'abc' })
    } finally {
      tree.remove()
    }
  })

  it('is empty outside Actions, and says why when the event file is missing, not JSON or not an object', () => {
    expect(runnerContext({})).toEqual({ eventName: '', payload: {}, sha: '' })
    const tree = tempTree({ 'bad.json': '{"pull_request": ', 'list.json': '[1]' })
    try {
      expect(runnerContext({ GITHUB_EVENT_PATH: `${tree.dir}/nope.json` }).payloadError).toBe(`the event file ${tree.dir}/nope.json does not exist`)
      expect(runnerContext({ GITHUB_EVENT_PATH: `${tree.dir}/bad.json` }).payloadError).toMatch(/^the event file .*bad\.json could not be read \(.*JSON.*\)$/)
      expect(runnerContext({ GITHUB_EVENT_PATH: `${tree.dir}/list.json` })).toMatchObject({ payload: {}, payloadError: `the event file ${tree.dir}/list.json holds no JSON object` })
    } finally {
      tree.remove()
    }
  })
})
