import { describe, expect, it } from '@jest/globals'
import { parseBuildCommand } from '../../src/builds/cli-commands.js'
import { expandMatrix, mayRun, substitute } from '../../src/builds/expressions.js'
import { shellCommands, UNKNOWN_TEXT } from '../../src/builds/shell.js'

const argv = (script: string, env: Record<string, string | null> = {}): string[] =>
  shellCommands(script, new Map(Object.entries(env))).map((c) => c.argv.join(' ').split(UNKNOWN_TEXT).join('?'))

describe('shellCommands', () => {
  it('splits commands, joins continuations, unquotes and expands what it knows', () => {
    expect(argv('set -e; A=1 docker build \\\n  --build-arg "X=$A" -t "img:${TAG:-dev}" . && echo ok | tee log', { A: 'x' })).toEqual([
      'set -e',
      'docker build --build-arg X=x -t img:dev .',
      'echo ok',
      'tee log'
    ])
    expect(argv("docker build --label 'a b' $(pwd) `date` $UNSET ${1}")).toEqual(['docker build --label a b ? ? ? ?'])
  })

  it('skips heredoc bodies, comments, redirections and here-strings', () => {
    expect(argv('cat <<-EOF > out\n\tdocker build .\n\tEOF\nread x <<< "docker build ."\ndocker build . 2>&1 # docker build x\n')).toEqual(['cat', 'read x', 'docker build .'])
  })

  it('keeps plain assignments and unrolls for loops over literal words', () => {
    expect(argv('T=web\nfor v in a b; do docker build --target $v-$T .; done\nexport E=1; echo $E $T')).toEqual([
      'docker build --target a-web .',
      'docker build --target b-web .',
      'echo 1 web'
    ])
  })

  it('splits an unquoted known value into words, but not a quoted one', () => {
    expect(argv('docker build $FLAGS "$FLAGS" .', { FLAGS: '--pull --no-cache' })).toEqual(['docker build --pull --no-cache --pull --no-cache .'])
    expect(shellCommands('docker build "$FLAGS" .', new Map([['FLAGS', '--pull --no-cache']]))[0]?.argv).toEqual(['docker', 'build', '--pull --no-cache', '.'])
  })
})

describe('parseBuildCommand', () => {
  it('reads docker, buildx, podman and buildah builds with their flags', () => {
    expect(parseBuildCommand(['docker', '--context', 'ci', 'buildx', '--builder', 'b', 'build', '-f', 'x/Dockerfile', '--target=app', '-t', 'a', '--output', 'type=registry', '--platform', 'linux/amd64,linux/arm64', 'ctx'])).toEqual({
      kind: 'build',
      tool: 'docker',
      file: 'x/Dockerfile',
      context: 'ctx',
      target: 'app',
      args: {},
      platforms: ['linux/amd64', 'linux/arm64'],
      push: true,
      exports: null,
      tags: ['a']
    })
    expect(parseBuildCommand(['podman', 'build', '--layers', '--format', 'docker', '.'])).toMatchObject({ tool: 'podman', context: '.', push: false })
    expect(parseBuildCommand(['buildah', 'bud', '-f', 'Containerfile'])).toMatchObject({ tool: 'buildah', file: 'Containerfile', context: undefined })
    expect(parseBuildCommand(['docker', 'build', '--output', `type=${UNKNOWN_TEXT}`, '.'])).toMatchObject({ push: null })
  })

  it('reads bake and ignores what builds nothing', () => {
    expect(parseBuildCommand(['docker', 'buildx', 'bake', '-f', 'a.hcl', '--file=b.hcl', '--set', '*.platform=linux/arm64', '--push', 'app', 'tools'])).toEqual({
      kind: 'bake',
      files: ['a.hcl', 'b.hcl'],
      targets: ['app', 'tools'],
      sets: [{ pattern: '*', key: 'platform', value: 'linux/arm64' }],
      push: true
    })
    for (const line of ['docker buildx bake --print', 'docker buildx bake --list=targets', 'docker build --help', 'docker compose build', 'docker buildx imagetools create x', 'docker images', 'npm run build']) {
      const parsed = parseBuildCommand(line.split(' '))
      expect(parsed === null || (parsed.kind === 'build' && parsed.context === undefined)).toBe(true)
    }
  })
})

describe('workflow expressions', () => {
  const ctx = { matrix: { target: 'api', os: { name: 'linux' } }, env: { ORG: 'acme', SECRET: `${UNKNOWN_TEXT}` } }

  it('substitutes matrix and env values, and marks the rest unknown', () => {
    expect(substitute("${{ env.ORG }}/${{ matrix.target }}:${{ matrix.os.name }}-${{ matrix['target'] }}${{ matrix.none }}", ctx)).toBe('acme/api:linux-api')
    expect(substitute('${{ secrets.X }}-${{ env.SECRET }}-${{ github.workspace }}-${{ \'lit\' }}', ctx)).toBe(`${UNKNOWN_TEXT}-${UNKNOWN_TEXT}-.-lit`)
  })

  it('decides if: conditions on the matrix, and lets any other condition run', () => {
    expect(mayRun("matrix.target == 'API'", ctx)).toBe(true)
    expect(mayRun("${{ matrix.target != 'api' }}", ctx)).toBe(false)
    expect(mayRun("matrix.target == 'web' && github.event_name == 'push'", ctx)).toBe(false)
    expect(mayRun("matrix.target == 'web' || github.event_name == 'push'", ctx)).toBe(true)
    expect(mayRun("!(matrix.target == 'api')", ctx)).toBe(false)
    expect(mayRun("startsWith(github.ref, 'refs/tags/') && matrix.target == 'api'", ctx)).toBe(true)
    expect(mayRun('always()', ctx)).toBe(true)
  })

  it('expands a matrix like GitHub: product, exclude, include; an expression is unknown', () => {
    const e = expandMatrix({ a: [1, 2], b: ['x'], exclude: [{ a: 2 }], include: [{ a: 1, c: 'extra' }, { a: 3 }] }, 256)
    expect(e.combinations).toEqual([{ a: 1, b: 'x', c: 'extra' }, { a: 3 }])
    expect(expandMatrix('${{ fromJson(x) }}', 256).combinations).toBeNull()
    expect(expandMatrix({ include: '${{ fromJson(x) }}' }, 256).combinations).toBeNull()
    expect(expandMatrix({ a: [1, 2, 3], b: [1, 2, 3] }, 4)).toEqual({ combinations: [{ a: 1, b: 1 }, { a: 1, b: 2 }, { a: 1, b: 3 }, { a: 2, b: 1 }], total: 9, partial: false })
  })
})
