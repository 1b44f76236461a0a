/** stage-files: which paths a stage creates, and whether a stage's chain could have a path. */
import { describe, expect, it } from '@jest/globals'
import { baseLacks, outputHas, runOutputs, stageFiles } from '../../src/rules/stage-files.js'
import type { Instruction } from '../../src/model/dockerfile.js'
import { df, parse } from '../helpers/dockerfile.js'

const outputs = (text: string, stage = 0): string[] => stageFiles(parse(text)).outputs(stage).map((o) => `${o.kind} ${o.path}`)
const runIn = (script: string, workdir = '/src'): string[] => {
  const model = parse(df('FROM alpine:3', `RUN ${script}`))
  return runOutputs(model.stages[0]?.instructions[1] as Instruction, workdir).map((o) => `${o.kind} ${o.path}`)
}

describe('runOutputs', () => {
  it('reads compiler outputs, relative ones against the working folder', () => {
    expect(runIn('go build -o /out/server ./cmd/server')).toEqual(['file /out/server'])
    expect(runIn('CGO_ENABLED=0 go build -o server .')).toEqual(['file /src/server'])
    expect(runIn('go build -o=/out/ ./...')).toEqual(['tree /out'])
    expect(runIn('gcc -O2 -o /usr/local/bin/tool main.c')).toEqual(['file /usr/local/bin/tool'])
    expect(runIn('dotnet publish -c Release -o /app/publish')).toEqual(['tree /app/publish'])
  })

  it('reads redirections, downloads, copies, archives and clones', () => {
    expect(runIn('echo ok > /health.txt 2>/dev/null')).toEqual(['file /health.txt'])
    expect(runIn('curl -fsSL -o /tmp/x.tgz https://example.com/x.tgz')).toEqual(['file /tmp/x.tgz'])
    expect(runIn('wget -q https://example.com/dl/tool-1.2.tar.gz')).toEqual(['file /src/tool-1.2.tar.gz'])
    expect(runIn('cp -r dist /srv/www')).toEqual(['tree /srv/www'])
    expect(runIn('tar -xzf x.tgz -C /opt/tool')).toEqual(['tree /opt/tool'])
    expect(runIn('git clone --branch main --depth 1 https://github.com/o/r.git /src/r')).toEqual(['tree /src/r'])
    expect(runIn('git clone https://github.com/o/tool.git')).toEqual(['tree /src/tool'])
  })

  it('follows cd, and a dependency install fills one folder where a build may fill the whole working folder', () => {
    expect(runIn('cd /build && make')).toEqual(['tree /build'])
    expect(runIn('npm ci')).toEqual(['tree /src/node_modules'])
    expect(runIn('npm run build')).toEqual(['tree /src'])
    expect(runIn('mkdir -p /app/data')).toEqual(['folder /app/data'])
  })

  it('skips what it cannot name', () => {
    expect(runIn('go build -o /out/$NAME .')).toEqual([])
    expect(runIn('apt-get update && apt-get install -y curl')).toEqual([])
  })
})

describe('stageOutputs', () => {
  it('reads COPY destinations as files, or as folders of unknown contents when the source may be a folder', () => {
    expect(outputs(df('FROM alpine:3', 'WORKDIR /app', 'COPY package.json yarn.lock ./', 'COPY src/ ./src/', 'COPY --from=build /out/app /usr/bin/app'))).toEqual([
      'file /app/package.json',
      'file /app/yarn.lock',
      'tree /app/src',
      // No extension: /out/app may be a folder, so /usr/bin/app may hold anything.
      'tree /usr/bin/app'
    ])
  })

  it('expands WORKDIR variables and quotes, and resolves RUN outputs against it', () => {
    expect(outputs(df('FROM golang:1.22', 'ARG DIR=/go/src/app', 'WORKDIR "$DIR"', 'RUN go build -o bin/server .'))).toEqual(['file /go/src/app/bin/server'])
  })
})

describe('outputHas', () => {
  it('matches a file exactly, and anything inside a folder of unknown contents', () => {
    expect(outputHas({ path: '/out/app', kind: 'file', line: 1, via: 'x', built: true }, '/out/app')).toBe(true)
    expect(outputHas({ path: '/out/app', kind: 'file', line: 1, via: 'x', built: true }, '/out/app2')).toBe(false)
    expect(outputHas({ path: '/app', kind: 'tree', line: 1, via: 'x', built: true }, '/app/dist/index.js')).toBe(true)
    expect(outputHas({ path: '/app', kind: 'folder', line: 1, via: 'x', built: false }, '/app/server')).toBe(false)
    expect(outputHas({ path: '/', kind: 'tree', line: 1, via: 'x', built: false }, '/app/server')).toBe(false)
  })
})

describe('workdirs and startFolder', () => {
  it('inherit through FROM <stage> and become unknown on an undefined variable', () => {
    const model = parse(df('FROM alpine:3 AS base', 'WORKDIR /app', 'FROM base', 'WORKDIR sub', 'RUN true', 'WORKDIR $NOPE'))
    const files = stageFiles(model)
    expect(files.workdirs(1).get(model.stages[1]?.instructions[2] as Instruction)).toBe('/app/sub')
    expect(files.startFolder(1)).toBeNull()
    expect(files.startFolder(0)).toBe('/app')
  })

  it('stay linear on a long FROM chain', () => {
    const lines = ['FROM alpine:3 AS s0']
    for (let i = 0; i < 3000; i++) lines.push(`FROM s${i} AS s${i + 1}`, `WORKDIR w${i}`)
    const files = stageFiles(parse(df(...lines)))
    const start = performance.now()
    for (let i = 0; i <= 3000; i++) files.workdirs(i)
    expect(files.startFolder(3000)?.split('/').length).toBe(3001)
    expect(performance.now() - start).toBeLessThan(2000)
  })
})

describe('makers', () => {
  it('finds the stages that make a path, exactly or as a folder holding it', () => {
    const model = parse(df('FROM golang:1.22 AS build', 'RUN go build -o /out/server .', 'FROM node:20 AS web', 'WORKDIR /app', 'COPY . .', 'FROM alpine:3'))
    const files = stageFiles(model)
    expect(files.makers('/out/server').map((m) => `${m.stage.name ?? ''} ${m.output.via}`)).toEqual(['build go build -o'])
    expect(files.makers('/app/dist/index.js').map((m) => `${m.stage.name ?? ''} ${m.output.kind} ${m.output.path}`)).toEqual(['web tree /app'])
    expect(files.makers('/srv/x')).toEqual([])
  })
})

describe('mayProvide', () => {
  const has = (text: string, path: string): boolean => {
    const model = parse(text)
    return stageFiles(model).mayProvide(model.stages.length - 1, path)
  }

  it('says yes to a copied file, a copied folder, a RUN that names the file, a VOLUME and an ONBUILD', () => {
    expect(has(df('FROM alpine:3', 'COPY --from=build /out/server /app/server'), '/app/server')).toBe(true)
    expect(has(df('FROM alpine:3', 'COPY --from=build /out/ /app/'), '/app/server')).toBe(true)
    expect(has(df('FROM alpine:3', 'WORKDIR /app', 'COPY . .'), '/app/server')).toBe(true)
    expect(has(df('FROM alpine:3', 'RUN curl -fsSL https://example.com/server -o /app/server'), '/app/server')).toBe(true)
    expect(has(df('FROM alpine:3', 'RUN make install-server'), '/app/server')).toBe(true)
    expect(has(df('FROM alpine:3', 'VOLUME /app'), '/app/server')).toBe(true)
    expect(has(df('FROM alpine:3', 'ADD release.tar.gz /app/'), '/app/server')).toBe(true)
    expect(has(df('FROM alpine:3 AS base', 'COPY server /app/', 'FROM base'), '/app/server')).toBe(true)
  })

  it('says no when only other files are copied next to it', () => {
    expect(has(df('FROM alpine:3', 'COPY config.yml /app/', 'RUN apk add --no-cache ca-certificates'), '/app/server')).toBe(false)
    expect(has(df('FROM alpine:3', 'COPY *.yml /app/'), '/app/server')).toBe(false)
    expect(has(df('FROM alpine:3', 'COPY release.tar.gz /app/'), '/app/server')).toBe(false)
    expect(has(df('FROM alpine:3', 'COPY *.yml /app/'), '/app/x.yml')).toBe(true)
  })
})

describe('baseLacks', () => {
  const lacks = (from: string, path: string): boolean => baseLacks(parse(df(from)).stages[0], path)

  it('knows scratch and distroless are empty, and official images have no project folders', () => {
    expect(lacks('FROM scratch', '/usr/local/bin/server')).toBe(true)
    expect(lacks('FROM gcr.io/distroless/static-debian12', '/server')).toBe(true)
    expect(lacks('FROM alpine:3.19', '/app/server')).toBe(true)
    expect(lacks('FROM mcr.microsoft.com/dotnet/aspnet:8.0', '/app/api')).toBe(true)
  })

  it('assumes anything of system folders, private images, variable bases and ONBUILD images', () => {
    expect(lacks('FROM alpine:3.19', '/usr/local/bin/server')).toBe(false)
    expect(lacks('FROM ghcr.io/acme/base:1', '/app/server')).toBe(false)
    expect(lacks('FROM acme/base:1', '/app/server')).toBe(false)
    expect(lacks('FROM node:onbuild', '/app/server')).toBe(false)
  })
})
