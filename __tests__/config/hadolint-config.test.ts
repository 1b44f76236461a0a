/** hadolint's configuration under ours: what each key means here, what wins, and what is only reported. */
import { afterAll, describe, expect, it } from '@jest/globals'
import { runCli } from '../../src/cli/run.js'
import { honouredSuppressions, ignoresFor, labelPolicy, layerConfigs, loadConfig, parseConfig } from '../../src/config/config.js'
import { OCI_REQUIRED } from '../../src/rules/label-checks.js'
import { fromHadolintConfig } from '../../src/config/hadolint.js'
import { RULES } from '../../src/rules/registry.js'
import type { JsonReport } from '../../src/report/json.js'
import { df } from '../helpers/dockerfile.js'
import { tempTree } from '../helpers/tmp.js'

const HADOLINT = `
ignored:
  - DL3006
  - SC2086
  - DL3999
override:
  error: [DL3007]
  style:
    - DL4006
failure-threshold: warning
trustedRegistries:
  - docker.io
  - "*.gcr.io"
label-schema:
  author: text
  org.opencontainers.image.source: url
strict-labels: true
disable-ignore-pragma: true
format: json
`

describe('fromHadolintConfig', () => {
  const config = fromHadolintConfig(HADOLINT, RULES, '.hadolint.yaml')
  const idOf = (code: string): string => RULES.find((r) => r.meta.equivalents.hadolint === code)?.meta.id as string

  it('turns off the rules of ignored codes, and ignores ShellCheck codes through suppress', () => {
    expect(config.rules[idOf('DL3006')]).toBe('off')
    expect(config.suppress).toEqual([{ rules: ['SC2086'], ids: ['shellcheck/SC2086'], paths: null, stages: null }])
    expect(config.origins[`rules.${idOf('DL3006')}`]).toBe('.hadolint.yaml (ignored: DL3006)')
  })

  it('maps override levels, style to info', () => {
    expect(config.rules[idOf('DL3007')]).toBe('error')
    expect(config.rules[idOf('DL4006')]).toBe('info')
  })

  it('reads failure-threshold, trustedRegistries, the label schema, strict-labels and disable-ignore-pragma', () => {
    expect(config.failOn).toBe('warning')
    expect(config.options['untrusted-registry']).toEqual({ 'trusted-registries': ['docker.io', '*.gcr.io'] })
    expect(config.labelSchema).toEqual({ author: 'text', 'org.opencontainers.image.source': 'url' })
    expect(config.strictLabels).toBe(true)
    expect(honouredSuppressions(config)).toEqual(['stagecraft', 'buildkit'])
  })

  it('lists what it cannot apply instead of failing', () => {
    expect(config.notApplied).toEqual([expect.stringContaining('ignored: DL3999 — no Stagecraft rule has this code'), expect.stringContaining('format — about hadolint')])
  })

  it.each([
    ['failure-threshold: style', 'info'],
    ['failure-threshold: none', 'never'],
    ['no-fail: true\nfailure-threshold: error', 'never'],
    ['trusted-registries: quay.io', null]
  ])('reads %j', (text, failOn) => {
    expect(fromHadolintConfig(text, RULES, 'h').failOn).toBe(failOn)
  })

  it('accepts a single registry as trustedRegistries', () => {
    expect(fromHadolintConfig('trustedRegistries: my-company.com:5000', RULES, 'h').options['untrusted-registry']).toEqual({ 'trusted-registries': ['my-company.com:5000'] })
  })

  it.each([
    ['override:\n  fatal: [DL3006]', 'no level "fatal"'],
    ['failure-threshold: loud', '"failure-threshold" must be'],
    ['label-schema:\n  version: number', 'label "version" must be one of'],
    ['ignored: [DL3006', 'not valid YAML']
  ])('rejects %j with a message naming the problem', (text, message) => {
    expect(() => fromHadolintConfig(text, RULES, '.hadolint.yaml')).toThrow(message)
  })
})

describe('layering', () => {
  it('lets our configuration win where both set a thing, and adds up the ignores', () => {
    const theirs = fromHadolintConfig(HADOLINT, RULES, '.hadolint.yaml')
    const ours = parseConfig('fail-on: error\nrules:\n  base-image-latest: warning\ntrusted-registries: [ghcr.io]\nsuppress:\n  - rules: [root-user]\n    stages: ["dev*"]\n', RULES, '.stagecraft.yml')
    const merged = layerConfigs(theirs, ours)
    expect(merged.failOn).toBe('error')
    expect(merged.origins['fail-on']).toBe('.stagecraft.yml')
    expect(merged.rules['base-image-latest']).toBe('warning')
    expect(merged.options['untrusted-registry']).toEqual({ 'trusted-registries': ['ghcr.io'] })
    expect(merged.suppress.map((s) => s.rules)).toEqual([['SC2086'], ['root-user']])
    // hadolint's own settings stay where ours says nothing.
    expect(merged.strictLabels).toBe(true)
    expect(merged.hadolintPragmas).toBe(false)
  })
})

describe('our own new keys', () => {
  it('reads allow-suppressions, suppress (with hadolint codes and stage globs), shellcheck and fail-on', () => {
    const config = parseConfig('allow-suppressions: false\nshellcheck: /opt/bin/shellcheck\nsuppress:\n  - rules: [DL3002, SC2046]\n    stages: ["dev*", test]\n    paths: ["ci/**"]\n', RULES, '.stagecraft.yml')
    expect(honouredSuppressions(config)).toEqual([])
    expect(config.shellcheck).toBe('/opt/bin/shellcheck')
    expect(config.suppress[0]?.ids).toEqual(['root-user', 'shellcheck/SC2046'])
    expect(ignoresFor(config, 'app/Dockerfile')).toEqual([])
    const [ignore] = ignoresFor(config, 'ci/build/Dockerfile')
    expect([ignore?.stage?.('Dev-Env', 0), ignore?.stage?.('test', 1), ignore?.stage?.('app', 2)]).toEqual([true, true, false])
  })

  it('reads suppressible: false per rule, and a later true takes it back', () => {
    expect(parseConfig('rules:\n  root-user: { level: error, suppressible: false }\n  pipefail: { suppressible: false }\n', RULES, '.stagecraft.yml').unsuppressible).toEqual(['root-user', 'pipefail'])
    expect(parseConfig('rules:\n  root-user: { suppressible: true }\n', RULES, '.stagecraft.yml').unsuppressible).toEqual([])
  })

  it.each([
    ['suppress:\n  - rules: [no-such-rule]', '"no-such-rule" is not a Stagecraft rule'],
    ['suppress:\n  - rules: [root-user]\n    stage: [dev]', 'unknown key "stage"'],
    ['allow-suppressions: "no"', '"allow-suppressions" must be true or false'],
    ['rules:\n  root-user: { suppressible: "no" }', 'rule "root-user": "suppressible" must be true or false'],
    ['fail-on: fatal', '"fail-on" must be error, warning, info or never'],
    ['shellcheck: ""', '"shellcheck" must be true, false or the path']
  ])('rejects %j', (text, message) => {
    expect(() => parseConfig(text, RULES, '.stagecraft.yml')).toThrow(message)
  })
})

describe('the CLI with .hadolint.yaml', () => {
  const PROJECT = {
    Dockerfile: df('FROM ubuntu AS dev', 'USER root', '# hadolint ignore=DL3007', 'FROM ubuntu:latest AS app', 'MAINTAINER me', 'RUN echo hi'),
    '.hadolint.yaml': 'ignored: [DL3006]\nfailure-threshold: warning\n'
  }
  const tree = tempTree(PROJECT)
  const withOurs = tempTree({ ...PROJECT, '.stagecraft.yml': 'fail-on: never\nallow-suppressions: false\nsuppress:\n  - rules: [root-user]\n    stages: [dev]\n' })
  const explicit = tempTree({ Dockerfile: PROJECT.Dockerfile, 'lint/hadolint.yaml': 'ignored: [DL3007]\n' })
  afterAll(() => {
    tree.remove()
    withOurs.remove()
    explicit.remove()
  })

  async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = ''
    let stderr = ''
    const code = await runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty: false })
    return { code, stdout, stderr }
  }
  const rules = (stdout: string): string[] => ((JSON.parse(stdout) as JsonReport).files[0]?.findings ?? []).map((f) => `${f.rule}@${f.line}`)

  it('reads it when present: ignored rules are off, and failure-threshold sets what fails', async () => {
    const { code, stdout } = await cli(['--format', 'json'], tree.dir)
    expect(rules(stdout)).not.toContain('base-image-untagged@1')
    expect(rules(stdout)).not.toContain('base-image-latest@4')
    // The findings left are warnings at most (MAINTAINER), and failure-threshold: warning fails on them.
    expect(rules(stdout)).toContain('maintainer-deprecated@5')
    expect(code).toBe(1)
    expect((await cli(['--format', 'json', '--fail-on', 'error'], tree.dir)).code).toBe(0)
  })

  it('lets .stagecraft.yml win, turn the comments off and ignore a rule in one stage', async () => {
    const { code, stdout, stderr } = await cli(['--format', 'json'], withOurs.dir)
    expect(code).toBe(0)
    // allow-suppressions: false: the hadolint ignore above FROM ubuntu:latest no longer counts.
    expect(rules(stdout)).toContain('base-image-latest@4')
    expect(rules(stdout).filter((r) => r.startsWith('root-user'))).toEqual([])
    expect(stderr).toContain('allow-suppressions: false')
  })

  it('reads --hadolint-config instead', async () => {
    const { stdout } = await cli(['--format', 'json', '--hadolint-config', 'lint/hadolint.yaml'], explicit.dir)
    expect(rules(stdout)).toContain('base-image-untagged@1')
    expect(rules(stdout)).not.toContain('base-image-latest@4')
    expect((await cli(['--hadolint-config', 'nope.yaml'], explicit.dir)).stderr).toBe('stagecraft: nope.yaml: configuration file not found\n')
  })

  it('explains the effective configuration and where each setting came from', async () => {
    const { code, stdout } = await cli(['--explain-config', '--rule', 'pipefail=error'], withOurs.dir)
    expect(code).toBe(0)
    expect(stdout).toContain('stagecraft: .stagecraft.yml')
    expect(stdout).toContain('hadolint:   .hadolint.yaml')
    expect(stdout).toMatch(/fail-on +never +\.stagecraft\.yml/)
    expect(stdout).toMatch(/allow-suppressions +false +\.stagecraft\.yml/)
    expect(stdout).toMatch(/base-image-untagged +off +DL3006 +\.hadolint\.yaml \(ignored: DL3006\)/)
    expect(stdout).toMatch(/pipefail +error +DL4006 +--rule/)
    expect(stdout).toContain('root-user in stages dev')
    expect((await cli(['config', '--explain'], withOurs.dir)).stdout).toBe((await cli(['--explain-config'], withOurs.dir)).stdout)
  })

  it('rejects --explain without the config command', async () => {
    expect((await cli(['--explain'], tree.dir)).code).toBe(2)
  })

  it('loads nothing extra when there is no hadolint file', () => {
    const loaded = loadConfig(explicit.dir, null, RULES)
    expect([loaded.path, loaded.hadolintPath]).toEqual([null, null])
  })
})

describe('labels', () => {
  it('reads labels: preset, schema and strict into the policy the label rules check', () => {
    const config = parseConfig('labels:\n  preset: oci\n  schema:\n    com.example.team: text\n    org.opencontainers.image.revision: text\n  strict: true\n', RULES, '.stagecraft.yml')
    const policy = labelPolicy(config)
    expect(policy.strict).toBe(true)
    expect(policy.types['org.opencontainers.image.created']).toBe('rfc3339')
    // A schema entry wins over the preset's type, and is required.
    expect(policy.types['org.opencontainers.image.revision']).toBe('text')
    expect(policy.required).toEqual([...OCI_REQUIRED, 'com.example.team'])
    expect(config.origins['label-preset']).toBe('.stagecraft.yml (labels.preset)')
  })

  it('has no label policy without a label configuration', () => {
    expect(labelPolicy(parseConfig('fail-on: error\n', RULES, '.stagecraft.yml'))).toEqual({ types: {}, required: [], strict: false })
  })

  it('lets labels: in our file win over label-schema in .hadolint.yaml', () => {
    const merged = layerConfigs(fromHadolintConfig('label-schema:\n  author: text\n', RULES, '.hadolint.yaml'), parseConfig('labels:\n  schema:\n    team: text\n', RULES, '.stagecraft.yml'))
    expect(labelPolicy(merged).required).toEqual(['team'])
    expect(labelPolicy(fromHadolintConfig('label-schema:\n  author: email\n', RULES, '.hadolint.yaml')).types).toEqual({ author: 'email' })
  })

  it.each([
    ['labels: oci', '1: "labels" must be a mapping with preset, schema and/or strict'],
    ['fail-on: error\nlabels:\n  preset: nist', '3: "labels.preset" must be oci, not "nist"'],
    ['labels:\n  schema:\n    version: number', '3: "labels.schema": label "version" must be one of text, url, email, hash, rfc3339, semver, spdx, not "number"'],
    ['labels:\n  strict: "yes"', '2: "labels.strict" must be true or false'],
    ['labels:\n  required: [a]', '2: "labels" has no key "required" (expected preset, schema, strict)']
  ])('rejects %j with the line of the setting', (text, message) => {
    expect(() => parseConfig(text, RULES, '.stagecraft.yml')).toThrow(`.stagecraft.yml:${message}`)
  })

  it("gives the line of a bad label type in .hadolint.yaml's label-schema too", () => {
    expect(() => fromHadolintConfig('ignored: [DL3006]\nlabel-schema:\n  author: text\n  version: number\n', RULES, '.hadolint.yaml')).toThrow('.hadolint.yaml:4: label "version" must be one of')
    // An error that names no setting keeps the file alone.
    expect(() => parseConfig('fail-on: fatal', RULES, '.stagecraft.yml')).toThrow(/^\.stagecraft\.yml: "fail-on"/)
  })

  describe('through the CLI', () => {
    const FILE = df('FROM golang:1.22 AS build', 'LABEL org.opencontainers.image.source=nowhere', 'FROM alpine:3.20', 'COPY --from=build /a /a', 'LABEL org.opencontainers.image.source="github.com/org/app" org.opencontainers.image.created=today')
    const none = tempTree({ Dockerfile: FILE })
    const hadolint = tempTree({ Dockerfile: FILE, '.hadolint.yaml': 'label-schema:\n  org.opencontainers.image.source: url\n  org.opencontainers.image.created: rfc3339\n  team: text\n' })
    const ours = tempTree({ Dockerfile: FILE, '.stagecraft.yml': 'labels:\n  preset: oci\n' })
    afterAll(() => {
      none.remove()
      hadolint.remove()
      ours.remove()
    })
    const labelFindings = async (dir: string): Promise<string[]> => {
      let stdout = ''
      await runCli(['--format', 'json', '--fail-on', 'never'], { cwd: dir, stdout: (t) => (stdout += t), stderr: () => undefined, isTty: false })
      return ((JSON.parse(stdout) as JsonReport).files[0]?.findings ?? []).filter((f) => f.rule.startsWith('label-')).map((f) => `${f.rule}@${f.line}`)
    }

    it('reports nothing about labels when no label schema is configured', async () => {
      expect(await labelFindings(none.dir)).toEqual([])
    })

    it("judges the shipped image against .hadolint.yaml's label-schema (the build stage's label is not judged)", async () => {
      expect(await labelFindings(hadolint.dir)).toEqual(['label-missing@3', 'label-invalid-rfc3339@5', 'label-invalid-url@5'])
    })

    it('explains the label settings and where they came from', async () => {
      let stdout = ''
      await runCli(['--explain-config'], { cwd: ours.dir, stdout: (t) => (stdout += t), stderr: () => undefined, isTty: false })
      expect(stdout).toMatch(/labels\.preset +oci +\.stagecraft\.yml \(labels\.preset\)/)
      expect(stdout).toMatch(/labels\.strict +false/)
      stdout = ''
      await runCli(['--explain-config'], { cwd: hadolint.dir, stdout: (t) => (stdout += t), stderr: () => undefined, isTty: false })
      expect(stdout).toMatch(/labels\.schema +org\.opencontainers\.image\.source: url, .* \.hadolint\.yaml \(label-schema\)/)
    })

    it('judges it against the OCI preset of labels:', async () => {
      expect(await labelFindings(ours.dir)).toEqual(['label-missing@3', 'label-invalid-rfc3339@5', 'label-invalid-url@5'])
    })
  })
})
