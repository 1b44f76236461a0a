/** The rules' shared helpers. */
import { describe, expect, it } from '@jest/globals'
import { registryOf } from '../../src/rules/helpers.js'

describe('registryOf', () => {
  it('normalises Docker Hub', () => {
    expect(['node', 'library/node:20', 'docker.io/node', 'index.docker.io/x/y', 'GHCR.io/o/r', 'localhost:5000/a'].map(registryOf)).toEqual([
      'docker.io',
      'docker.io',
      'docker.io',
      'docker.io',
      'ghcr.io',
      'localhost:5000'
    ])
  })
})
