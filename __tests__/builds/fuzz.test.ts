/**
 * The readers on text made of their own syntax's pieces, cut and shuffled: they end, quickly, and
 * never throw. Fixed seed, so a failure reproduces.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { interpolateCompose } from '../../src/builds/compose.js'
import { mayRun } from '../../src/builds/expressions.js'
import { parseHcl } from '../../src/builds/hcl.js'
import { readBuildDefinitions } from '../../src/builds/index.js'
import { parseJsonc } from '../../src/builds/jsonc.js'
import { shellCommands } from '../../src/builds/shell.js'
import { repoFiles } from '../helpers/repo-files.js'

const pieces = (...list: string[]): fc.Arbitrary<string> => fc.array(fc.oneof(fc.constantFrom(...list), fc.string({ maxLength: 3 })), { maxLength: 60 }).map((p) => p.join(''))

const HCL = pieces('target "a" {', '}', '{', '[', ']', '(', ')', '"', '${', '%{', '<<EOT\n', '<<-EOT\n', 'EOT\n', '\n', ' = ', ', ', 'x', '1.5', '#', '//', '/*', '*/', '? ', ' : ', '&&', 'for v in x :', '...', '\\', '.*', '[*]')
const JSON_TEXT = pieces('{', '}', '[', ']', '"', ':', ',', '//', '/*', '*/', '\\u00', 'true', 'null', '-1e5', '\n')
const SHELL = pieces('docker build ', 'docker buildx bake ', '-f ', '--target ', '"', "'", '$(', ')', '`', '${', '}', '$X', '<<EOF\n', '<<<', 'EOF\n', '\\\n', ';', '&&', '|', '#', 'for v in a b; do ', 'done', '2>&1', 'cd x;', '\n', '=')
const YAML_TEXT = pieces('jobs:\n', '  a:\n', '    steps:\n', '      - ', 'run: ', 'uses: docker/build-push-action@v6\n', 'with:\n', 'strategy:\n  matrix:\n', '[', ']', '{', '}', '${{ matrix.x }}', '|\n', '  ', '\n', ':', '- ', '*a', '&a ', '<<: ', 'services:\n', 'build: ', '!reset ')

describe('the build readers on shuffled pieces of their syntax', () => {
  const params = { numRuns: 400, seed: 20261201 }

  it('the HCL and JSON parsers and the shell scanner end without throwing', () => {
    fc.assert(
      fc.property(HCL, JSON_TEXT, SHELL, (hcl, json, shell) => {
        parseHcl(hcl)
        parseJsonc(json)
        shellCommands(shell, new Map([['X', 'a b']]))
        interpolateCompose(shell)
        mayRun(shell, { matrix: {}, env: {} })
      }),
      params
    )
  })

  it('readBuildDefinitions never throws on any of those files', () => {
    fc.assert(
      fc.property(YAML_TEXT, HCL, JSON_TEXT, (yaml, hcl, json) => {
        const result = readBuildDefinitions(
          repoFiles({
            '.github/workflows/a.yml': yaml,
            'compose.yaml': yaml,
            'docker-bake.hcl': hcl,
            'docker-bake.json': json,
            '.devcontainer/devcontainer.json': json
          })
        )
        // An error caught for a file is a bug of ours: the readers themselves must not throw.
        expect(result.notes.filter((n) => n.message.startsWith('could not be read'))).toEqual([])
      }),
      params
    )
  })

  it('a reader that throws is a note for that file, not a crash', () => {
    const files = repoFiles({ 'compose.yaml': 'services:\n  a:\n    build: .\n' })
    const result = readBuildDefinitions({
      list: () => [...files.list(), '.github/workflows/x.yml'],
      read: (path) => {
        if (path.endsWith('x.yml')) throw new Error('disk on fire')
        return files.read(path)
      }
    })
    expect(result.notes.map((n) => n.file)).toEqual(['.github/workflows/x.yml', 'compose.yaml'])
    expect(result.builds.map((b) => b.name)).toEqual(['a'])
    expect(readBuildDefinitions({ list: () => { throw new Error('no') }, read: () => null }).notes).toHaveLength(1)
  })
})
