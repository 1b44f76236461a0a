/** What is not a Dockerfile, and what is a test's input, before any rule runs. */
import { describe, expect, it } from '@jest/globals'
import { analyzeDockerfile, fillTemplate, templateEvidence } from '../../src/review/analyze.js'
import { df } from '../helpers/dockerfile.js'

describe('templates and fragments', () => {
  it('recognises the inputs of generators', () => {
    expect(templateEvidence(df('# escape=`', 'FROM $REPO:{{PRODUCT_VERSION}}-windowsservercore', 'RUN echo'))).toEqual({ line: 2, what: 'template syntax {{ … }}', fillable: false })
    expect(templateEvidence(df('{% if x %}', 'FROM a', '{% endif %}'))).toEqual({ line: 1, what: 'template syntax {% … %}', fillable: false })
    // A template block opened on a line of its own (dotnet-framework-docker's eng/dockerfile-templates).
    expect(templateEvidence(df('{{', '    set sdkVersion to when(PRODUCT_VERSION = "4.8.1", "4.8.1", "4.8") ^', '}}RUN x'))).toEqual({ line: 1, what: 'template syntax {{ … }}', fillable: false })
    expect(templateEvidence(df('ARG VARIANT=${templateOption:imageVariant}', 'FROM mcr.microsoft.com/devcontainers/base:${VARIANT}'))).toEqual({ line: 1, what: 'a ${templateOption:…} placeholder', fillable: true })
    expect(templateEvidence(df('FROM openruntimes/base:v4', 'INCLUDE ./base-before'))).toEqual({ line: 2, what: 'a preprocessor INCLUDE', fillable: true })
    expect(templateEvidence(df('RUN apk add --no-cache curl', 'COPY . /usr/local/src'))?.what).toContain('no FROM')
    // vscode-dev-containers' build/assets: definitions to copy, with the base image left blank.
    expect(templateEvidence(df('FROM REPLACE-ME', '', '# RUN apk update'))).toEqual({ line: 1, what: 'the placeholder image "REPLACE-ME"', fillable: false })
    expect(templateEvidence(df('ARG V=1', 'FROM --platform=linux/amd64 <base-image>', 'RUN x'))).toEqual({ line: 2, what: 'the placeholder image "<base-image>"', fillable: false })
  })

  it('leaves Dockerfiles alone, including ones that use ${VAR} and JSON braces', () => {
    expect(templateEvidence(df('ARG V=1', 'FROM alpine:${V}', 'RUN echo "{ \\"a\\": 1 }" > /x.json', 'CMD ["sh"]'))).toBeNull()
    // Go templates inside a command are the command's own (moby/buildkit's generated-files.Dockerfile).
    expect(templateEvidence(df('FROM golang:1.22', 'RUN <<EOT', "  cp -R $(go list -m -f='{{.Dir}}' x)/include /opt", 'EOT'))).toBeNull()
    expect(templateEvidence(df('# only a comment'))).toBeNull()
    // Image names are lower case, so an upper-case FROM is a stage name (which ignores case) or a real image.
    expect(templateEvidence(df('FROM golang:1.22 AS BUILD', 'RUN go build', 'FROM BUILD', 'CMD ["/app"]'))).toBeNull()
    expect(templateEvidence(df('FROM scratch', 'COPY app /'))).toBeNull()
    expect(templateEvidence(df('FROM ${BASE}', 'RUN x'))).toBeNull()
    expect(templateEvidence('')).toBeNull()
  })

  it('reports a template once, as info, and runs no rule on it', () => {
    const a = analyzeDockerfile('eng/templates/Dockerfile', df('FROM $REPO:{{VERSION}}', '{{if ARCH}}', 'RUN x', '{{end}}'))
    expect(a.findings.map((f) => [f.rule, f.severity, f.line])).toEqual([['parse-error', 'info', 1]])
    expect(a.model.stages).toEqual([])
  })

  it('lets a tag that shapes the file win over a fillable gap before it', () => {
    expect(templateEvidence(df('FROM a', 'INCLUDE ./x', '{{if ARCH}}', 'RUN x', '{{end}}'))).toEqual({ line: 3, what: 'template syntax {{ … }}', fillable: false })
  })

  it('reviews a fillable template as the Dockerfile it stands for, line for line', () => {
    // open-runtimes' runtimes/*/Dockerfile: INCLUDEd fragments around real instructions.
    const runtime = df('ARG BASE_IMAGE', 'FROM ${BASE_IMAGE}', 'INCLUDE ./docker/base-before', 'RUN apt-get update && apt-get install -y bash', 'CMD ["start"]')
    const a = analyzeDockerfile('runtimes/dart/Dockerfile', runtime)
    expect(a.findings.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.line])).toEqual([['apt-lists-left', 4]])
    expect(a.findings.find((f) => f.rule === 'parse-error')).toMatchObject({ severity: 'info', line: 3, message: expect.stringContaining('reviewed with the template') })
    expect(a.findings.some((f) => f.rule === 'unknown-instruction')).toBe(false)
    // vscode-dev-containers' definitions: the placeholder default is the template's to fill, not an empty default.
    const definition = df('ARG VARIANT=${templateOption:imageVariant}', 'FROM mcr.microsoft.com/devcontainers/dotnet:0-${VARIANT}', 'ARG INSTALL_ZSH="${templateOption:installZsh}"', 'RUN echo $INSTALL_ZSH')
    const d = analyzeDockerfile('containers/dotnet/.devcontainer/Dockerfile', definition)
    expect(d.findings.filter((f) => f.severity !== 'info').map((f) => f.rule)).toEqual([])
    expect(d.model.lineCount).toBe(4)
  })
})

describe('fillTemplate', () => {
  it('keeps the lines and leaves Dockerfile text alone', () => {
    expect(fillTemplate(df('FROM a', 'INCLUDE ./x', 'ARG V="${templateOption:v}"', 'FROM b:${templateOption:tag}-slim', 'RUN echo ${HOME}'))).toBe(df('FROM a', '# INCLUDE ./x', 'ARG V="v"', 'FROM b:tag-slim', 'RUN echo ${HOME}'))
    // vscode-dev-containers' r definition: the base image itself is an option.
    expect(fillTemplate(df('ARG BASE_IMAGE=${templateOption:baseVariant}', 'FROM ${BASE_IMAGE}:1'))).toBe(df('ARG BASE_IMAGE=basevariant', 'FROM ${BASE_IMAGE}:1'))
  })
})

describe('test fixtures', () => {
  it('keeps their findings, as info: what is wrong in a fixture is often the point', () => {
    const text = df('FROM nope', 'CMD ["x"]')
    const untagged = (path: string) => analyzeDockerfile(path, text).findings.filter((f) => f.rule === 'base-image-untagged').map((f) => f.severity)
    expect(untagged('internal/pipe/docker/testdata/Dockerfile.bad')).toEqual(['info'])
    expect(untagged('pkg/dockerfile/fixtures/valid.Dockerfile')).toEqual(['info'])
    expect(untagged('services/api/Dockerfile')).toEqual(['warning'])
  })

  it('keeps what breaks the build of a test suite\'s image, and makes its style, size and secrets advice info', () => {
    // dotnet-framework-docker's tests/…/projects/*: lower-case "as" is style; etcd's tests/antithesis: an ARG with no default breaks FROM.
    const text = df('ARG GO_IMAGE_TAG', 'FROM golang:${GO_IMAGE_TAG} as build', 'MAINTAINER someone', 'RUN go build -o /app', 'FROM alpine:3.20', 'COPY --from=build /app /app', 'CMD ["/app"]')
    const levels = (path: string) => Object.fromEntries(analyzeDockerfile(path, text).findings.filter((f) => ['from-as-casing', 'maintainer-deprecated', 'invalid-default-arg-in-from'].includes(f.rule)).map((f) => [f.rule, f.severity]))
    expect(levels('tests/Microsoft.DotNet.Framework.Docker.Tests/projects/dotnetapp-4.8/Dockerfile')).toEqual({ 'from-as-casing': 'info', 'maintainer-deprecated': 'info', 'invalid-default-arg-in-from': 'warning' })
    expect(levels('test/dockerfiles/pip-youtube-dl/Dockerfile')).toEqual({ 'from-as-casing': 'info', 'maintainer-deprecated': 'info', 'invalid-default-arg-in-from': 'warning' })
    expect(levels('services/api/Dockerfile')).toEqual({ 'from-as-casing': 'warning', 'maintainer-deprecated': 'warning', 'invalid-default-arg-in-from': 'warning' })
    // tonistiigi/binfmt's test/dockerfiles/postgis: a test database's password is test data.
    const postgis = analyzeDockerfile('test/dockerfiles/postgis/Dockerfile', df('FROM postgis/postgis:15-3.4', 'ENV POSTGRES_PASSWORD=password'))
    expect(postgis.findings.filter((f) => f.rule === 'secrets-in-arg-env').map((f) => f.severity)).toEqual(['info'])
    // A folder whose name only contains the word is no test folder.
    expect(levels('lkp-tests/Dockerfile')['from-as-casing']).toBe('warning')
    expect(levels('contest/Dockerfile')['from-as-casing']).toBe('warning')
  })

  it('treats a file only old setups build (a deprecated compose profile) as a test suite\'s image is treated', () => {
    // hoppscotch's packages/hoppscotch-backend/Dockerfile: built only by the compose profile 'deprecated'.
    const text = df('ARG NODE', 'FROM node:${NODE} as prod', 'COPY .env .', 'CMD ["node", "dist/main.js"]')
    const levels = (retired: boolean) => Object.fromEntries(analyzeDockerfile('packages/backend/Dockerfile', text, retired ? { retired } : {}).findings.filter((f) => ['from-as-casing', 'secret-file-copied', 'invalid-default-arg-in-from'].includes(f.rule)).map((f) => [f.rule, f.severity]))
    expect(levels(true)).toEqual({ 'from-as-casing': 'info', 'secret-file-copied': 'info', 'invalid-default-arg-in-from': 'warning' })
    expect(levels(false)).toEqual({ 'from-as-casing': 'warning', 'secret-file-copied': 'warning', 'invalid-default-arg-in-from': 'warning' })
  })
})
