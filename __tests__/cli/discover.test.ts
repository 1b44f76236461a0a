import { afterAll, describe, expect, it } from '@jest/globals'
import { discoverDockerfiles } from '../../src/sources/discover.js'
import { tempTree } from '../helpers/tmp.js'

describe('discoverDockerfiles', () => {
  const tree = tempTree({
    'Dockerfile': 'FROM a\n',
    'Containerfile': 'FROM a\n',
    'api/Dockerfile.prod': 'FROM a\n',
    'api/Dockerfile.dockerignore': 'node_modules\n',
    'web/web.Dockerfile': 'FROM a\n',
    'web/dev.dockerfile': 'FROM a\n',
    'web/lower/dockerfile': 'FROM a\n',
    'docs/Dockerfile.md': '# docs\n',
    'ci/Dockerfile.yml': 'x: 1\n',
    '.dockerignore': '.git\n',
    'node_modules/pkg/Dockerfile': 'FROM a\n',
    '.git/Dockerfile': 'FROM a\n',
    'src/main.go': 'package main\n'
  })
  afterAll(() => tree.remove())

  it('finds Dockerfiles by name in a folder, and nothing else', async () => {
    expect(await discoverDockerfiles([], tree.dir)).toEqual({
      files: ['Containerfile', 'Dockerfile', 'api/Dockerfile.prod', 'web/dev.dockerfile', 'web/lower/dockerfile', 'web/web.Dockerfile'],
      unmatched: []
    })
  })

  it('keeps the folder prefix of a folder argument', async () => {
    const result = await discoverDockerfiles(['web'], tree.dir)
    expect(result.files).toEqual(['web/dev.dockerfile', 'web/lower/dockerfile', 'web/web.Dockerfile'])
  })

  it('takes an explicit file whatever its name, and expands globs', async () => {
    expect((await discoverDockerfiles(['src/main.go', 'api/*.prod'], tree.dir)).files).toEqual(['api/Dockerfile.prod', 'src/main.go'])
  })

  it('reports arguments that match nothing', async () => {
    expect(await discoverDockerfiles(['nope/Dockerfile', 'empty/**/*.x'], tree.dir)).toEqual({ files: [], unmatched: ['nope/Dockerfile', 'empty/**/*.x'] })
  })
})
