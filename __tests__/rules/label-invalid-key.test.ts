/** label-invalid-key: what it reports and what it must leave alone (docs/rules/label-invalid-key.md). */
import { labelInvalidKey } from '../../src/rules/label-invalid-key.js'
import { df } from '../helpers/dockerfile.js'
import { labelSchema } from '../helpers/labels.js'
import { testRule } from '../helpers/rule-tester.js'

const configured = labelSchema({ team: 'text' })

testRule(labelInvalidKey, {
  valid: [
    { name: 'OCI keys', code: df('FROM alpine:3.20', 'LABEL org.opencontainers.image.source=https://a.example org.opencontainers.image.base.name=alpine:3.20') },
    { name: 'reverse-DNS keys of ones own', labels: configured, code: df('FROM alpine:3.20', 'LABEL org.valid-key.label3=x com.example.team=y maintainer=z') },
    { name: 'Docker Desktop extension keys Docker documents', code: df('FROM alpine:3.20', 'LABEL com.docker.desktop.extension.api.version=">= 0.3.0" com.docker.extension.publisher-url=https://a.example') },
    { name: 'underscores when labels are not configured (the format is advice)', code: df('FROM alpine:3.20', 'LABEL docker_run_flags="-p 80:80" Version=1') },
    { name: 'a build stage is not judged', code: df('FROM alpine:3.20 AS b', 'LABEL com.docker.label=x', 'FROM alpine:3.20', 'COPY --from=b /a /a') },
    { name: 'a key from a variable', labels: configured, code: df('FROM alpine:3.20', 'ARG PREFIX=com.example', 'LABEL ${PREFIX}.team=x') }
  ],
  invalid: [
    { name: 'a key in the OCI namespace the spec does not define', code: df('FROM alpine:3.20', 'LABEL org.opencontainers.image.licence=MIT'), errors: [{ line: 2, severity: 'warning', message: 'did you mean org.opencontainers.image.licenses?' }] },
    { name: 'a typo of the OCI namespace', code: df('FROM alpine:3.20', 'LABEL org.opencontainer.image.source=https://a.example'), errors: [{ line: 2, message: 'looks like the OCI key org.opencontainers.image.source' }] },
    { name: 'an OCI key in the wrong case', code: df('FROM alpine:3.20', 'LABEL org.opencontainers.image.Title=app'), errors: [{ line: 2, message: 'keys are case-sensitive' }] },
    { name: 'a reserved namespace', code: df('FROM alpine:3.20', 'LABEL com.docker.label="foo"'), errors: [{ line: 2, message: 'reserves' }] },
    { name: 'configured: Docker\'s key format', labels: configured, code: df('FROM alpine:3.20', 'LABEL invalid..character=x', 'LABEL 1invalid=x', 'LABEL -invalid=x', 'LABEL Bad_Key=x'), errors: [{ line: 2, message: "Docker's recommended key format" }, { line: 3 }, { line: 4 }, { line: 5 }] }
  ]
})
