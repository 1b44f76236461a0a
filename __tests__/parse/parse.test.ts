import { describe, expect, it } from '@jest/globals'
import { df, parse } from '../helpers/dockerfile.js'
import type { Instruction } from '../../src/model/dockerfile.js'

const errorsOf = (text: string): string[] => parse(text).errors.map((e) => `${e.line}: ${e.message}`)

describe('parser directives', () => {
  it('reads syntax, escape and check from the leading block', () => {
    const model = parse(df('# syntax=docker/dockerfile:1.7', '# escape=`', '# check=skip=JSONArgsRecommended,StageNameCasing;error=true', 'FROM alpine'))
    expect(model.directives.syntax).toEqual({ value: 'docker/dockerfile:1.7', line: 1 })
    expect(model.directives.escape).toEqual({ value: '`', line: 2 })
    expect(model.directives.check).toEqual({ line: 3, skip: ['JSONArgsRecommended', 'StageNameCasing'], error: true, experimental: [] })
    expect(model.errors).toEqual([])
  })

  it('reads skip=all and ignores a trailing comment', () => {
    expect(parse(df('# check=skip=all // legacy file', 'FROM a')).directives.check?.skip).toBe('all')
  })

  it('ignores directive-like comments after the first instruction', () => {
    expect(parse(df('FROM a', '# escape=`')).directives.escape).toBeNull()
  })

  it('reports a bad escape and a bad check key at their lines', () => {
    expect(errorsOf(df('# escape=x', 'FROM a'))).toEqual(['1: invalid escape directive "x": it must be \\ or `'])
    expect(errorsOf(df('# check=skip=A;fail=true', 'FROM a'))).toEqual(['1: check directive: unknown key "fail" (expected skip, error or experimental)'])
  })

  it('continues lines with a backtick when escape=`', () => {
    const model = parse(df('# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'RUN powershell -Command `', '    Write-Host hi', 'COPY C:\\src C:\\app'))
    const [, run, copy] = model.stages[0]?.instructions ?? []
    expect(run).toMatchObject({ line: 3, endLine: 4, args: ['powershell', '-Command', 'Write-Host', 'hi'] })
    expect(copy?.copy).toMatchObject({ sources: ['C:\\src'], destination: 'C:\\app' })
  })
})

describe('global ARGs and stages', () => {
  const text = df(
    'ARG GO=1.22',
    'ARG BASE',
    'FROM --platform=$BUILDPLATFORM golang:${GO}-alpine AS Builder',
    'RUN go build',
    'FROM gcr.io/distroless/static@sha256:' + 'a'.repeat(64),
    'COPY --from=builder /out /app'
  )

  it('keeps global ARGs with their defaults', () => {
    expect(parse(text).globalArgs).toEqual([
      { name: 'GO', raw: '1.22', value: '1.22', line: 1 },
      { name: 'BASE', raw: null, value: null, line: 2 }
    ])
  })

  it('resolves each FROM: raw, image, tag, digest, platform, kind and names', () => {
    const [builder, final] = parse(text).stages
    expect(builder).toMatchObject({ index: 0, name: 'Builder', id: 'builder', line: 3, endLine: 4 })
    expect(builder?.base).toEqual({
      raw: 'golang:${GO}-alpine',
      resolved: 'golang:1.22-alpine',
      unresolved: [],
      image: 'golang',
      registry: null,
      tag: '1.22-alpine',
      digest: null,
      platform: '$BUILDPLATFORM',
      kind: 'image',
      stage: null
    })
    expect(final?.base).toMatchObject({ image: 'gcr.io/distroless/static', registry: 'gcr.io', tag: null, digest: 'sha256:' + 'a'.repeat(64), kind: 'image' })
    expect(final?.name).toBeNull()
  })

  it('applies --build-arg overrides to global ARGs', () => {
    expect(parse(text, { buildArgs: { GO: '1.23' } }).stages[0]?.base.resolved).toBe('golang:1.23-alpine')
  })

  it('knows scratch and earlier stages (case-insensitive) as bases', () => {
    const model = parse(df('FROM alpine AS Base', 'FROM BASE AS child', 'FROM scratch'))
    expect(model.stages.map((s) => [s.base.kind, s.base.stage])).toEqual([
      ['image', null],
      ['stage', 0],
      ['scratch', null]
    ])
  })

  it('keeps a FROM whose variable has no value, and says which names are missing', () => {
    const model = parse(df('ARG IMAGE', 'FROM ${IMAGE}:latest'))
    expect(model.stages[0]?.base).toMatchObject({ raw: '${IMAGE}:latest', resolved: ':latest', unresolved: ['IMAGE'], image: null })
    expect(model.errors).toEqual([])
  })

  it('reads lower-case from/as', () => {
    const model = parse(df('from node:20 as deps', 'from deps'))
    expect(model.stages.map((s) => s.name)).toEqual(['deps', null])
    expect(model.stages[1]?.base.kind).toBe('stage')
  })
})

describe('instructions: lines, forms, flags', () => {
  const instructions = (text: string): Instruction[] => parse(text).stages.flatMap((s) => s.instructions)

  it('gives 1-based start and end lines across continuations, blank and comment lines', () => {
    const list = instructions(df('FROM a', 'RUN apt-get update && \\', '', '    # a comment', '    apt-get install -y curl', 'CMD ["curl"]'))
    expect(list.map((i) => [i.keyword, i.line, i.endLine])).toEqual([
      ['FROM', 1, 1],
      ['RUN', 2, 5],
      ['CMD', 6, 6]
    ])
    expect(list[1]?.args).toEqual(['apt-get', 'update', '&&', 'apt-get', 'install', '-y', 'curl'])
  })

  it('tells JSON from shell form', () => {
    const list = instructions(df('FROM a', 'CMD ["node", "server.js"]', 'ENTRYPOINT node server.js', 'RUN ["sh", "-c", "echo hi"]', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]'))
    expect(list.slice(1).map((i) => [i.keyword, i.form, i.json])).toEqual([
      ['CMD', 'json', ['node', 'server.js']],
      ['ENTRYPOINT', 'shell', null],
      ['RUN', 'json', ['sh', '-c', 'echo hi']],
      ['SHELL', 'json', ['/bin/bash', '-o', 'pipefail', '-c']]
    ])
  })

  it('reports exec form that is not valid JSON, and treats it as shell form', () => {
    const model = parse(df('FROM a', "CMD ['node', 'server.js']", 'ENTRYPOINT ["a", "b"'))
    expect(model.stages[0]?.instructions.slice(1).map((i) => i.form)).toEqual(['shell', 'shell'])
    expect(model.errors.map((e) => e.line)).toEqual([2, 3])
  })

  it('parses COPY/ADD flags and paths', () => {
    const [, copy, add, jsonCopy] = instructions(
      df(
        'FROM a',
        'COPY --from=build --chown=app:app --chmod=755 --link --parents --exclude=*.md --exclude=tmp ./a ./b /dst/',
        'ADD --checksum=sha256:abc https://example.com/x.tgz /opt/',
        'COPY ["my file", "/dst dir/"]'
      )
    )
    expect(copy?.copy).toEqual({
      from: 'build',
      link: true,
      chmod: '755',
      chown: 'app:app',
      parents: true,
      exclude: ['*.md', 'tmp'],
      checksum: null,
      sources: ['./a', './b'],
      destination: '/dst/',
      sourceWords: [
        { raw: './a', value: './a', unresolved: [] },
        { raw: './b', value: './b', unresolved: [] }
      ],
      destinationWord: { raw: '/dst/', value: '/dst/', unresolved: [] }
    })
    expect(copy?.flags.map((f) => f.name)).toEqual(['from', 'chown', 'chmod', 'link', 'parents', 'exclude', 'exclude'])
    expect(add?.copy).toMatchObject({ checksum: 'sha256:abc', sources: ['https://example.com/x.tgz'], destination: '/opt/' })
    expect(jsonCopy?.copy).toMatchObject({ sources: ['my file'], destination: '/dst dir/' })
  })

  it('expands variables in COPY paths with the stage scope', () => {
    const [, , copy] = instructions(df('FROM a', 'ARG APP=/srv/app', 'COPY dist $APP/'))
    expect(copy?.copy?.destination).toBe('/srv/app/')
  })

  it('keeps COPY and WORKDIR paths as written next to their expansion, with the variables that have no value', () => {
    const [, , copy, workdir, quoted, single] = instructions(df('FROM a', 'ARG DEST', 'COPY "$SRC" ${DEST}/x', 'WORKDIR "/usr/app"', "WORKDIR '${HOME}'", 'WORKDIR $HOME/w'))
    expect(copy?.copy?.sourceWords).toEqual([{ raw: '"$SRC"', value: '', unresolved: ['SRC'] }])
    expect(copy?.copy?.destinationWord).toEqual({ raw: '${DEST}/x', value: '/x', unresolved: ['DEST'] })
    expect(workdir?.workdir).toEqual({ raw: '"/usr/app"', value: '/usr/app', unresolved: [] })
    // BuildKit's lexer keeps single-quoted text literal.
    expect(quoted?.workdir).toEqual({ raw: "'${HOME}'", value: '${HOME}', unresolved: [] })
    expect(instructions(df('FROM a', 'ENV HOME=/root', 'WORKDIR $HOME/w'))[2]?.workdir?.value).toBe('/root/w')
    expect(single?.workdir?.unresolved).toEqual(['HOME'])
  })

  it('gives scratch stages the default PATH, as BuildKit does', () => {
    const model = parse(df('FROM scratch', 'ENV PATH=$PATH:/bin/extra', 'FROM alpine', 'ENV X=1'))
    expect(model.stages[0]?.instructions[1]?.scope.get('PATH')?.value).toBe('/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
    expect(model.stages[0]?.instructions[1]?.variables?.[0]?.value).toBe('/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/bin/extra')
    // An external image's environment is unknown here.
    expect(model.stages[1]?.instructions[1]?.scope.has('PATH')).toBe(false)
  })

  it('parses RUN --mount, --network and --security, with the flag lines', () => {
    const [, run] = instructions(
      df(
        'FROM a',
        'RUN --mount=type=cache,target=/root/.cache/go-build,id=gocache \\',
        '    --mount=type=bind,from=builder,source=/out,target=/in \\',
        '    --mount=type=secret,id=npmrc,target=/root/.npmrc \\',
        '    --network=none --security=insecure make'
      )
    )
    expect(run?.run).toEqual({
      mounts: [
        { type: 'cache', from: null, source: null, target: '/root/.cache/go-build', id: 'gocache', line: 2, raw: 'type=cache,target=/root/.cache/go-build,id=gocache' },
        { type: 'bind', from: 'builder', source: '/out', target: '/in', id: null, line: 3, raw: 'type=bind,from=builder,source=/out,target=/in' },
        { type: 'secret', from: null, source: null, target: '/root/.npmrc', id: 'npmrc', line: 4, raw: 'type=secret,id=npmrc,target=/root/.npmrc' }
      ],
      network: 'none',
      security: 'insecure',
      commands: [{ name: 'make', args: [], piped: false, program: 'make', subcommand: '' }],
      installs: []
    })
    expect(run?.args).toEqual(['make'])
  })

  it('reports unknown flags and mount types at the flag line', () => {
    expect(errorsOf(df('FROM a', 'COPY --frm=x a b', 'RUN \\', '  --mount=type=volume,target=/x true'))).toEqual([
      '2: unknown flag --frm for COPY',
      '4: unknown mount type "volume" (expected bind, cache, tmpfs, secret or ssh)'
    ])
  })
})

describe('heredocs', () => {
  it('reads RUN <<EOF with its body and lines', () => {
    const model = parse(df('FROM a', 'RUN <<EOF', 'set -e', 'apt-get update', 'EOF', 'CMD ["x"]'))
    const run = model.stages[0]?.instructions[1]
    expect(run).toMatchObject({ keyword: 'RUN', line: 2, endLine: 5 })
    expect(run?.heredocs).toEqual([{ name: 'EOF', stripTabs: false, quoted: false, line: 3, endLine: 5, content: 'set -e\napt-get update', terminated: true }])
    expect(model.stages[0]?.instructions[2]).toMatchObject({ keyword: 'CMD', line: 6 })
    expect(model.errors).toEqual([])
  })

  it('reads several heredocs on one line, <<- and quoted delimiters', () => {
    const run = parse(df('FROM a', "RUN <<-EOT1 bash && cat <<'EOT2' > /x", '\t\techo one', '\tEOT1', 'two $HOME', 'EOT2')).stages[0]?.instructions[1]
    expect(run?.heredocs.map((h) => [h.name, h.stripTabs, h.quoted, h.line, h.endLine, h.content])).toEqual([
      ['EOT1', true, false, 3, 4, 'echo one'],
      ['EOT2', false, true, 5, 6, 'two $HOME']
    ])
  })

  it('reads COPY <<EOF /file as a heredoc source', () => {
    const copy = parse(df('FROM a', 'COPY <<EOF /etc/app.conf', 'port=80', 'EOF')).stages[0]?.instructions[1]
    expect(copy?.copy).toMatchObject({ sources: ['<<EOF'], destination: '/etc/app.conf' })
    expect(copy?.heredocs[0]?.content).toBe('port=80')
  })

  it('does not take a FROM inside a heredoc body for a stage', () => {
    const model = parse(df('FROM a', 'RUN <<EOF', 'FROM b', 'EOF', 'FROM c'))
    expect(model.stages.map((s) => s.base.raw)).toEqual(['a', 'c'])
  })

  it('reports an unterminated heredoc at its instruction, without throwing', () => {
    const model = parse(df('FROM a', 'RUN <<EOF', 'echo hi', 'FROM b'))
    expect(model.stages).toHaveLength(1)
    expect(model.errors.map((e) => [e.line, e.message])).toEqual([[2, 'heredoc <<EOF is never closed: everything after line 2 is read as its body']])
  })
})

describe('variable scoping (BuildKit)', () => {
  const scopeAt = (text: string, stage: number, index: number, name: string): string | null | undefined =>
    parse(text).stages[stage]?.instructions[index]?.scope.get(name)?.value

  it('sees a global ARG inside a stage only after it is re-declared', () => {
    const text = df('ARG VERSION=1.0', 'FROM alpine', 'RUN echo $VERSION', 'ARG VERSION', 'RUN echo $VERSION')
    expect(scopeAt(text, 0, 1, 'VERSION')).toBeUndefined()
    expect(scopeAt(text, 0, 3, 'VERSION')).toBe('1.0')
  })

  it('lets a build arg override a stage ARG default', () => {
    const text = df('FROM alpine', 'ARG MODE=dev', 'RUN echo $MODE')
    expect(scopeAt(text, 0, 2, 'MODE')).toBe('dev')
    expect(parse(text, { buildArgs: { MODE: 'prod' } }).stages[0]?.instructions[2]?.scope.get('MODE')?.value).toBe('prod')
  })

  it('inherits ENV and ARG through FROM <stage>, not through FROM <image>', () => {
    const text = df('FROM alpine AS base', 'ENV APP_HOME=/srv', 'ARG FLAVOUR=slim', 'FROM base', 'RUN x', 'FROM alpine', 'RUN y')
    expect(scopeAt(text, 1, 1, 'APP_HOME')).toBe('/srv')
    expect(scopeAt(text, 1, 1, 'FLAVOUR')).toBe('slim')
    expect(scopeAt(text, 2, 1, 'APP_HOME')).toBeUndefined()
  })

  it('expands ENV values in the scope before the instruction, and ENV wins over ARG', () => {
    const text = df('FROM alpine', 'ENV A=1', 'ENV A=2 B=$A', 'ARG A=3', 'RUN x')
    const model = parse(text)
    expect(model.stages[0]?.instructions[2]?.variables).toEqual([
      { name: 'A', raw: '2', value: '2' },
      { name: 'B', raw: '$A', value: '1' }
    ])
    expect(model.stages[0]?.instructions[4]?.scope.get('A')).toEqual({ kind: 'env', value: '2', line: 3 })
  })

  it('reads the legacy ENV form', () => {
    expect(parse(df('FROM a', 'ENV GREETING hello world')).stages[0]?.instructions[1]?.variables).toEqual([{ name: 'GREETING', raw: 'hello world', value: 'hello world' }])
  })

  it('knows the automatic platform ARGs in FROM and after ARG in a stage (linux/amd64 unless overridden)', () => {
    const text = df('FROM --platform=$BUILDPLATFORM alpine', 'ARG TARGETARCH', 'RUN echo $TARGETARCH')
    expect(parse(text).stages[0]?.instructions[2]?.scope.get('TARGETARCH')).toEqual({ kind: 'builtin', value: 'amd64', line: 2 })
    expect(parse(text, { buildArgs: { TARGETARCH: 'arm64' } }).stages[0]?.instructions[2]?.scope.get('TARGETARCH')?.value).toBe('arm64')
  })

  it('finds the stage of FROM name-$TARGETOS (BuildKit picks per platform)', () => {
    const model = parse(df('FROM alpine AS base-linux', 'FROM alpine AS base-windows', 'FROM base-$TARGETOS${DEBUG:+-debug}'))
    expect(model.stages[2]?.base).toMatchObject({ kind: 'stage', stage: 0, resolved: 'base-linux' })
  })
})

describe('input that is not a clean Dockerfile', () => {
  it('handles CRLF line endings and a BOM with the same lines', () => {
    const crlf = parse('\uFEFFFROM alpine AS a\r\nRUN echo a \\\r\n  b\r\nCMD ["x"]\r\n')
    expect(crlf.stages[0]?.instructions.map((i) => [i.keyword, i.line, i.endLine])).toEqual([
      ['FROM', 1, 1],
      ['RUN', 2, 3],
      ['CMD', 4, 4]
    ])
    expect(crlf.stages[0]?.instructions[2]?.json).toEqual(['x'])
    expect(crlf.errors).toEqual([])
  })

  it.each([
    ['', 'the file has no instructions: a Dockerfile needs at least a FROM', 1],
    ['# just a comment\n', 'the file has no instructions: a Dockerfile needs at least a FROM', 1],
    ['\n\n\n', 'the file has no instructions: a Dockerfile needs at least a FROM', 1],
    ['ARG A=1\n', 'the file has no FROM instruction, so it defines no stage', 1]
  ])('reports %j at line %i without throwing', (text, message) => {
    expect(parse(text).errors.map((e) => e.message)).toEqual([message])
  })

  it('reports instructions before the first FROM and unknown instructions', () => {
    expect(errorsOf(df('RUN echo', 'FROM a', 'FOO bar', 'RUN'))).toEqual([
      '1: RUN before the first FROM: only ARG may come before FROM',
      '3: unknown instruction "FOO"',
      '4: RUN needs at least one argument'
    ])
  })

  it('reports malformed FROM lines', () => {
    expect(errorsOf(df('FROM', 'FROM a b c d', 'FROM UPPER/Case'))).toEqual([
      '1: FROM needs an image',
      '2: FROM expects "FROM [--platform=...] image [AS name]", got "a b c d"',
      '3: "UPPER/Case" is not a valid image reference'
    ])
  })

  it('survives NUL bytes, lone escapes and a file ending in a continuation', () => {
    const model = parse('FROM a\u0000b\nRUN echo \\')
    expect(model.stages).toHaveLength(1)
    expect(model.stages[0]?.instructions[1]).toMatchObject({ keyword: 'RUN', line: 2, args: ['echo'] })
  })
})

describe('ENV names', () => {
  it('removes quotes around a name, as BuildKit does', () => {
    const env = parse(df('FROM a', 'ENV "LOG_LEVEL"="5" MODE=prod')).stages[0]?.instructions[1]
    expect(env?.variables?.map((v) => [v.name, v.value])).toEqual([
      ['LOG_LEVEL', '5'],
      ['MODE', 'prod']
    ])
  })
})

describe('regressions found by mutating the corpus', () => {
  it('a continuation followed by an escaped # line (dockerfile-ast, our first tokenizer, threw on it)', () => {
    const model = parse('FROM a\nRUN x \\\n\t\\# y\n')
    expect(model.stages[0]?.instructions[1]).toMatchObject({ keyword: 'RUN', line: 2, endLine: 3 })
    expect(model.errors).toEqual([])
  })

  it('the same with a heredoc marker reports instead of throwing', () => {
    const model = parse('FROM a\nRUN cat <<EOF \\\n\t\\# y\nEOF\n')
    expect(model.errors.every((e) => e.line >= 1 && e.endLine <= model.lineCount)).toBe(true)
  })

  it('a lone carriage return is whitespace, not a line break (as in BuildKit and git)', () => {
    const model = parse('FROM alpine\nRUN echo a\rb\nCMD ["x"]\n')
    expect(model.lineCount).toBe(3)
    expect(model.stages[0]?.instructions.map((i) => [i.keyword, i.line])).toEqual([
      ['FROM', 1],
      ['RUN', 2],
      ['CMD', 3]
    ])
  })

  it('an unterminated heredoc at the end keeps its lines inside the file', () => {
    const model = parse('FROM alpine\nRUN <<-X apk add git\nRUN npm install\nCMD ["node"]\n')
    expect(model.lineCount).toBe(4)
    expect(model.errors.map((e) => [e.line, e.endLine])).toEqual([[2, 4]])
    expect(model.stages[0]?.instructions[1]?.heredocs[0]).toMatchObject({ line: 3, endLine: 4, terminated: false })
  })
})

describe('exec form that is not JSON versus a shell test', () => {
  it.each([
    ["CMD ['node', 'server.js']"],
    ['CMD [ \'npm\', \'start\' ]'],
    ['ENTRYPOINT ["a", "b"'],
    ['CMD ["a" "b"]'],
    ['RUN ["apt-get", "install", "-y", "curl",]'],
    ['HEALTHCHECK CMD ["curl", "-f", http://localhost]']
  ])('reports %s', (line) => {
    expect(parse(df('FROM a', line)).errors.map((e) => e.line)).toEqual([2])
  })

  it.each([['RUN [ "${FROM_SOURCE}" = "true" ] && exit 0; make'], ['RUN [ -f /etc/os-release ]'], ['RUN [[ -n "$CI" ]] || echo local'], ['CMD [ -x /app ] && /app'], ['RUN [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12'], ['RUN [System.Environment]::SetEnvironmentVariable(\'PATH\', $env:PATH)']])(
    'leaves the shell test %s alone',
    (line) => {
      const model = parse(df('FROM a', line))
      expect(model.errors).toEqual([])
      expect(model.stages[0]?.instructions[1]?.form).toBe('shell')
    }
  )
})

describe('heredocs on file descriptors (BuildKit reads `5<<NAME` words)', () => {
  it('reads the bodies of `5<<FILE1 6<<FILE2` in order and ends the instruction after the last one', () => {
    const model = parse(df('FROM alpine', 'RUN cat /proc/self/fd/5 /proc/self/fd/6 5<<FILE1 6<<FILE2 > out', 'one', 'FILE1', 'two', 'FILE2', 'USER app'))
    const run = model.stages[0]?.instructions[1]
    expect(run?.heredocs.map((h) => [h.name, h.content, h.line, h.endLine])).toEqual([
      ['FILE1', 'one', 3, 4],
      ['FILE2', 'two', 5, 6]
    ])
    expect(model.stages[0]?.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'USER'])
    expect(model.errors).toEqual([])
  })
})

describe('many variables', () => {
  it('parses 20,000 ENV lines, each instruction seeing the ones before it (this ran out of memory when every ENV copied the scope)', () => {
    const model = parse(df('FROM alpine', ...Array.from({ length: 20000 }, (_, i) => `ENV V${i}=${i}`), 'USER app'))
    const instructions = model.stages[0]?.instructions ?? []
    expect(instructions).toHaveLength(20002)
    expect(instructions[20001]?.scope.get('V19999')?.value).toBe('19999')
    expect(instructions[5001]?.scope.has('V4999')).toBe(true)
    expect(instructions[5001]?.scope.has('V5000')).toBe(false)
  })

  it('gives sibling stages built FROM the same stage their own variables', () => {
    const model = parse(df('FROM alpine AS base', 'ENV SHARED=1', 'FROM base AS a', 'ENV ONLY_A=1', 'RUN a', 'FROM base AS b', 'ENV ONLY_B=1', 'RUN b'))
    const runA = model.stages[1]?.instructions[2]
    const runB = model.stages[2]?.instructions[2]
    expect([runA?.scope.has('SHARED'), runA?.scope.has('ONLY_A'), runA?.scope.has('ONLY_B')]).toEqual([true, true, false])
    expect([runB?.scope.has('SHARED'), runB?.scope.has('ONLY_A'), runB?.scope.has('ONLY_B')]).toEqual([true, false, true])
  })
})
