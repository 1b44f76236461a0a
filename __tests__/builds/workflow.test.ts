import { describe, expect, it } from '@jest/globals'
import { readBuildDefinitions } from '../../src/builds/index.js'
import type { BuildDefinition, BuildsResult } from '../../src/builds/types.js'
import { lines, repoFiles } from '../helpers/repo-files.js'

const WF = '.github/workflows/ci.yml'

function read(workflow: string, extra: Record<string, string> = {}): BuildsResult {
  return readBuildDefinitions(repoFiles({ [WF]: workflow, Dockerfile: 'FROM scratch\n', ...extra }))
}

/** dockerfile[target] context line: what a test needs to see of a build. */
const brief = (b: BuildDefinition): string => `${b.dockerfile ?? '?'}${b.targetUnknown ? '[?]' : b.target === null ? '' : `[${b.target}]`} ctx=${b.context ?? '?'} @${b.source.line}`

describe('build-push-action', () => {
  it('defaults to the root context and <context>/Dockerfile, and reads its inputs', () => {
    const result = read(
      lines(
        'on: push',
        'jobs:',
        '  release:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - name: Build',
        '        uses: docker/build-push-action@v6',
        '        with:',
        '          push: true',
        '          platforms: linux/amd64,linux/arm64',
        '          build-args: |',
        '            VERSION=1.2',
        '            COMMIT=${{ github.sha }}',
        '      - uses: depot/build-push-action@v1',
        '        with:',
        '          context: app',
        '          target: runtime',
        '          push: ${{ github.event_name != \'pull_request\' }}'
      ),
      { 'app/Dockerfile': 'FROM scratch AS runtime\n' }
    )
    expect(result.notes).toEqual([])
    expect(result.builds.map(brief)).toEqual(['Dockerfile ctx=. @7', 'app/Dockerfile[runtime] ctx=app @15'])
    const [first, second] = result.builds as [BuildDefinition, BuildDefinition]
    expect(first).toMatchObject({ kind: 'build-push-action', name: 'release / Build', args: { VERSION: '1.2', COMMIT: null }, platforms: ['linux/amd64', 'linux/arm64'], push: true })
    expect(second).toMatchObject({ name: 'release / step 3', push: null })
  })

  it('takes `file` relative to the workspace, not to the context, and sees a registry output', () => {
    const result = read(
      lines(
        'jobs:',
        '  b:',
        '    steps:',
        '      - uses: docker/build-push-action@v5',
        '        with:',
        '          context: .',
        '          file: ./docker/prod.Dockerfile',
        '          outputs: type=image,push-by-digest=true,push=true'
      ),
      { 'docker/prod.Dockerfile': 'FROM scratch\n' }
    )
    expect(result.builds.map((b) => [b.dockerfile, b.push])).toEqual([['docker/prod.Dockerfile', true]])
  })

  it('sees outputs that write files, not an image (binaries out of a build)', () => {
    const step = (outputs: string) => read(lines('jobs:', '  b:', '    steps:', '      - uses: docker/build-push-action@v6', '        with:', '          target: binaries', `          outputs: ${outputs}`), { Dockerfile: 'FROM scratch\n' }).builds[0]?.exports
    expect([step('type=local,dest=./bin'), step('./out'), step('type=tar,dest=out.tar')]).toEqual(['type=local,dest=./bin', './out', 'type=tar,dest=out.tar'])
    expect([step('type=docker'), step('type=image,push=true'), step('${{ inputs.output }}')]).toEqual([undefined, undefined, undefined])
  })

  it('expands a literal matrix of targets, with exclude and include, into one build per combination used', () => {
    const result = read(
      lines(
        'jobs:',
        '  images:',
        '    strategy:',
        '      matrix:',
        '        target: [api, worker, web]',
        '        variant: [cpu, gpu]',
        '        exclude:',
        '          - target: web',
        '            variant: gpu',
        '        include:',
        '          - target: api',
        '            extra: debug',
        '          - target: docs',
        '            variant: cpu',
        '    steps:',
        '      - name: Build ${{ matrix.target }}',
        '        uses: docker/build-push-action@v6',
        '        with:',
        '          target: ${{ matrix.target }}',
        '          build-args: |',
        '            VARIANT=${{ matrix.variant }}',
        '            EXTRA=${{ matrix.extra }}'
      )
    )
    expect(result.builds.map((b) => `${b.target} ${b.args.VARIANT} ${b.args.EXTRA}`)).toEqual([
      'api cpu debug',
      'api gpu debug',
      'worker cpu ',
      'worker gpu ',
      'web cpu ',
      'docs cpu '
    ])
    expect(result.builds[0]?.name).toBe('images / Build api (extra=debug, target=api, variant=cpu)')
  })

  it('a matrix only used in a name or cache key is one build, and an if: on the matrix skips combinations', () => {
    const result = read(
      lines(
        'jobs:',
        '  b:',
        '    strategy:',
        '      matrix:',
        '        os: [ubuntu, windows]',
        '        target: [app, tools]',
        '    steps:',
        '      - uses: docker/build-push-action@v6',
        '        with:',
        '          cache-from: type=gha,scope=${{ matrix.os }}',
        '      - if: matrix.target == \'tools\' && matrix.os != \'windows\'',
        '        uses: docker/build-push-action@v6',
        '        with:',
        '          target: ${{ matrix.target }}'
      )
    )
    expect(result.builds.map((b) => [b.name, b.target])).toEqual([
      ['b / step 1', null],
      ['b / step 2 (os=ubuntu, target=tools)', 'tools']
    ])
  })

  it('a target from an expression it cannot resolve is unknown, not an error', () => {
    const result = read(
      lines(
        'jobs:',
        '  b:',
        '    strategy:',
        '      matrix: ${{ fromJson(needs.plan.outputs.matrix) }}',
        '    steps:',
        '      - uses: docker/build-push-action@v6',
        '        with:',
        '          target: ${{ matrix.target }}',
        '          file: ${{ matrix.file }}'
      )
    )
    expect(result.builds).toHaveLength(1)
    expect(result.builds[0]).toMatchObject({ dockerfile: null, target: null, targetUnknown: true, context: '.' })
    expect(result.notes).toEqual([])
  })

  it('says so when the matrix is enormous, and reads only the first 256 combinations', () => {
    const values = (n: number): string => `[${Array.from({ length: n }, (_, i) => `v${i}`).join(', ')}]`
    const result = read(
      lines(
        'jobs:',
        '  huge:',
        '    strategy:',
        '      matrix:',
        `        a: ${values(100)}`,
        `        b: ${values(100)}`,
        `        c: ${values(100)}`,
        '    steps:',
        '      - uses: docker/build-push-action@v6',
        '        with:',
        '          build-args: X=${{ matrix.a }}-${{ matrix.b }}-${{ matrix.c }}'
      )
    )
    expect(result.builds).toHaveLength(256)
    expect(result.notes).toEqual([{ file: WF, line: 5, message: 'the matrix of job huge has 1000000 combinations: only the first 256 are read' }])
  })

  it('maps a second checkout of this repository onto the root', () => {
    const result = read(
      lines(
        'jobs:',
        '  b:',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '        with:',
        '          path: src',
        '      - uses: docker/build-push-action@v6',
        '        with:',
        '          context: src',
        '          file: src/Dockerfile'
      )
    )
    expect(result.builds.map(brief)).toEqual(['Dockerfile ctx=. @7'])
  })
})

describe('run steps', () => {
  it('reads docker build -f with a context in another folder, and the working directory', () => {
    const result = read(
      lines(
        'jobs:',
        '  b:',
        '    defaults:',
        '      run:',
        '        working-directory: services',
        '    steps:',
        '      - run: docker build -f api/Dockerfile.prod --target final ../shared',
        '      - working-directory: web',
        '        run: |',
        '          echo building',
        '          docker buildx build \\',
        '            --platform linux/amd64,linux/arm64 \\',
        '            --build-arg NODE=20 --build-arg FROM_ENV \\',
        '            -t example/web:latest \\',
        '            --push .'
      ),
      { 'services/api/Dockerfile.prod': 'FROM scratch AS final\n', 'web/Dockerfile': 'FROM scratch\n', 'shared/x': '' }
    )
    expect(result.notes).toEqual([])
    expect(result.builds.map(brief)).toEqual(['services/api/Dockerfile.prod[final] ctx=shared @7', 'web/Dockerfile ctx=web @11'])
    expect(result.builds[1]).toMatchObject({ kind: 'docker-build', args: { NODE: '20', FROM_ENV: null }, platforms: ['linux/amd64', 'linux/arm64'], push: true })
  })

  it('sees a docker build whose outputs write files (-o ./bin, --output type=local)', () => {
    const result = read(lines('jobs:', '  b:', '    steps:', '      - run: |', '          docker buildx build --target bin -o ./bin .', '          docker buildx build --output type=local,dest=out --output type=tar,dest=x.tar .', '          docker buildx build -o type=docker .', '          docker buildx build -o "$OUT" .'), { Dockerfile: 'FROM scratch AS bin\n' })
    expect(result.builds.map((b) => b.exports)).toEqual(['./bin', 'type=local,dest=out, type=tar,dest=x.tar', undefined, undefined])
  })

  it('resolves shell variables from env and the matrix, loops, cd, and a later docker push', () => {
    const result = read(
      lines(
        'env:',
        '  DOCKERFILE: docker/app.Dockerfile',
        'jobs:',
        '  b:',
        '    strategy:',
        '      matrix:',
        '        target: [api, cli]',
        '    steps:',
        '      - env:',
        '          TARGET: ${{ matrix.target }}',
        '        run: |',
        '          docker build --target "$TARGET" -f "${DOCKERFILE}" .',
        '          for variant in slim full; do',
        '            docker build --target ${variant} -t x:${variant} .',
        '          done',
        '          cd docker && docker build -t y .',
        '          docker push x:full'
      ),
      { 'docker/app.Dockerfile': 'FROM scratch\n', 'docker/Dockerfile': 'FROM scratch\n' }
    )
    expect(result.builds.map(brief)).toEqual([
      'docker/app.Dockerfile[api] ctx=. @12',
      'docker/app.Dockerfile[cli] ctx=. @12',
      'Dockerfile[slim] ctx=. @14',
      'Dockerfile[full] ctx=. @14',
      'docker/Dockerfile ctx=docker @16'
    ])
    // The push at the end may push any of them.
    expect(result.builds.map((b) => b.push)).toEqual([null, null, null, null, null])
  })

  it('reads podman, buildah and docker image build, and an unknown context stays unknown', () => {
    const result = read(
      lines(
        'jobs:',
        '  b:',
        '    steps:',
        '      - run: |',
        '          podman build -t x ctr',
        '          buildah bud --layers -f ctr/Containerfile',
        '          sudo docker image build $(git rev-parse --show-toplevel)',
        '          docker build "${{ secrets.CONTEXT }}"'
      ),
      { 'ctr/Containerfile': 'FROM scratch\n' }
    )
    expect(result.builds.map(brief)).toEqual(['ctr/Containerfile ctx=ctr @5', 'ctr/Containerfile ctx=ctr @6', '? ctx=? @7', '? ctx=? @8'])
  })

  it('leaves alone what builds nothing: docker login, commands in echo text or heredocs, comments, --print', () => {
    const result = read(
      lines(
        'jobs:',
        '  b:',
        '    steps:',
        '      - run: echo "${{ secrets.TOKEN }}" | docker login -u me --password-stdin',
        '      - run: |',
        '          # docker build -t commented .',
        '          echo "then run: docker build ."',
        '          cat <<EOF > README.txt',
        '          docker build -t from-a-heredoc .',
        '          EOF',
        '          python3 - <<\'PY\'',
        '          import os; os.system("docker build .")',
        '          PY',
        '          docker buildx bake --print',
        '          docker run --rm alpine docker build .',
        '          docker buildx imagetools create -t a b'
      )
    )
    expect(result.builds).toEqual([])
    expect(result.notes).toEqual([])
  })

  it('notes a Dockerfile from stdin, a remote context and a missing Dockerfile at the command line', () => {
    const result = read(
      lines(
        'jobs:',
        '  b:',
        '    steps:',
        '      - run: |',
        '          docker build -f - .',
        '          docker build https://github.com/example/app.git#main',
        '          docker build -f nope/Dockerfile .'
      )
    )
    expect(result.notes.map((n) => [n.line, n.message])).toEqual([
      [5, 'b / step 1 reads its Dockerfile from standard input: it is not in the repository'],
      [6, 'b / step 1 builds the remote context https://github.com/example/app.git#main: its Dockerfile is not in the repository'],
      [7, 'b / step 1: docker build names Dockerfile nope/Dockerfile, which is not in the repository']
    ])
  })

  it('notes a Dockerfile that an earlier step writes', () => {
    const result = read(
      lines(
        'jobs:',
        '  b:',
        '    steps:',
        '      - run: |',
        '          cat <<EOF > Dockerfile',
        '          FROM ${{ matrix.base }}',
        '          EOF',
        '      - uses: docker/build-push-action@v6'
      )
    )
    expect(result.notes).toEqual([{ file: WF, line: 8, message: "b / step 2 builds Dockerfile, which a run step (line 4) writes: the repository's Dockerfile is not what is built" }])
  })
})

describe('bake in workflows', () => {
  const bakeFile = lines(
    'group "default" {',
    '  targets = ["app"]',
    '}',
    'target "app" {',
    '  dockerfile = "app.Dockerfile"',
    '  target = "runtime"',
    '}',
    'target "lint" {',
    '  target = "lint"',
    '  output = ["type=cacheonly"]',
    '}'
  )

  it('bake-action builds the default group, named targets, and applies set and push', () => {
    const result = read(
      lines(
        'jobs:',
        '  b:',
        '    steps:',
        '      - uses: docker/bake-action@v6',
        '      - uses: docker/bake-action@v6',
        '        with:',
        '          files: |',
        '            ./docker-bake.hcl',
        '            cwd://${{ steps.meta.outputs.bake-file }}',
        '          targets: lint,app',
        '          push: true',
        '          set: |',
        '            *.platform=linux/amd64,linux/arm64',
        '            app.args.MODE=prod'
      ),
      { 'docker-bake.hcl': bakeFile, 'app.Dockerfile': 'FROM scratch AS runtime\n' }
    )
    const fromWorkflow = result.builds.filter((b) => b.kind === 'bake-action')
    expect(fromWorkflow.map((b) => [b.name, b.dockerfile, b.target, b.push, b.platforms.length, b.args.MODE])).toEqual([
      ['b / step 1: app', 'app.Dockerfile', 'runtime', false, 0, undefined],
      ['b / step 2: lint', 'Dockerfile', 'lint', true, 2, undefined],
      ['b / step 2: app', 'app.Dockerfile', 'runtime', true, 2, 'prod']
    ])
  })

  it('notes a bake target that the files do not define, and still reads the others', () => {
    const result = read(
      lines('jobs:', '  b:', '    steps:', '      - run: docker buildx bake -f docker-bake.hcl app typo --load'),
      { 'docker-bake.hcl': bakeFile, 'app.Dockerfile': 'FROM scratch AS runtime\n' }
    )
    expect(result.builds.filter((b) => b.kind === 'bake').map((b) => [b.name, b.push, b.source.line])).toEqual([
      ['b / step 1: app', false, 4],
      ['app', null, 4],
      ['lint', false, 8]
    ])
    expect(result.notes).toEqual([{ file: WF, line: 4, message: 'b / step 1 builds the bake target typo, which docker-bake.hcl does not define' }])
  })

  it('reads the step env as bake variables', () => {
    const result = read(
      lines('jobs:', '  b:', '    steps:', '      - uses: docker/bake-action@v6', '        env:', '          STAGE: debug'),
      { 'docker-bake.hcl': lines('variable "STAGE" {', '  default = "release"', '}', 'target "default" {', '  target = STAGE', '}') }
    )
    expect(result.builds.map((b) => [b.kind, b.target])).toEqual([
      ['bake-action', 'debug'],
      ['bake', 'release']
    ])
  })
})

describe('bad workflows', () => {
  it('notes invalid YAML at its line and still reads the other files', () => {
    const result = readBuildDefinitions(
      repoFiles({
        '.github/workflows/bad.yml': lines('jobs:', '  b:', '    steps:', '      - run: [unclosed'),
        '.github/workflows/good.yml': lines('jobs:', '  b:', '    steps:', '      - uses: docker/build-push-action@v6'),
        Dockerfile: 'FROM scratch\n'
      })
    )
    expect(result.notes).toEqual([{ file: '.github/workflows/bad.yml', line: 5, message: expect.stringMatching(/^invalid YAML: /) as unknown as string }])
    expect(result.builds.map((b) => b.source.file)).toEqual(['.github/workflows/good.yml'])
  })

  it('does not throw on workflows of the wrong shape', () => {
    for (const text of ['', 'jobs: 3', 'jobs:\n  a: [1]\n', 'jobs:\n  a:\n    steps: {x: 1}\n', 'jobs:\n  a:\n    steps:\n      - 7\n      - run: 5\n      - uses: docker/build-push-action@v6\n        with: [1]\n']) {
      expect(() => read(text)).not.toThrow()
    }
  })
})

describe('PowerShell run steps', () => {
  it('joins backtick continuations when the shell is pwsh', () => {
    const result = read(
      lines('jobs:', '  win:', '    defaults:', '      run:', '        shell: pwsh', '    steps:', '      - run: |', '          docker build `', '            -f Dockerfile.windows `', '            --target argoexec .'),
      { 'Dockerfile.windows': 'FROM scratch AS argoexec\n' }
    )
    expect(result.builds.map(brief)).toEqual(['Dockerfile.windows[argoexec] ctx=. @8'])
  })
})
