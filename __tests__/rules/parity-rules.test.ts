/** BuildKit and hadolint parity rules, with the cases where following stages changes the answer. */
import { addLocalFile } from '../../src/rules/add-local-file.js'
import { aptUpgrade } from '../../src/rules/apt-upgrade.js'
import { consecutiveRun } from '../../src/rules/consecutive-run.js'
import { invalidDefinitionDescription } from '../../src/rules/invalid-definition-description.js'
import { copyDestinationSlash } from '../../src/rules/copy-destination-slash.js'
import { copyRelativeWithoutWorkdir } from '../../src/rules/copy-relative-without-workdir.js'
import { exposeInvalidFormat } from '../../src/rules/expose-invalid-format.js'
import { exposeProtoCasing } from '../../src/rules/expose-proto-casing.js'
import { legacyKeyValueFormat } from '../../src/rules/legacy-key-value-format.js'
import { missingHealthcheck } from '../../src/rules/missing-healthcheck.js'
import { noEmptyContinuation } from '../../src/rules/no-empty-continuation.js'
import { pipefail } from '../../src/rules/pipefail.js'
import { fromPlatformFlagConst } from '../../src/rules/from-platform-flag-const.js'
import { redundantTargetPlatform } from '../../src/rules/redundant-target-platform.js'
import { reservedStageName } from '../../src/rules/reserved-stage-name.js'
import { runCd } from '../../src/rules/run-cd.js'
import { runSudo } from '../../src/rules/run-sudo.js'
import { workdirRelativePath } from '../../src/rules/workdir-relative-path.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(noEmptyContinuation, {
  valid: [{ name: 'a comment line inside a continuation', code: df('FROM alpine:3', 'RUN a && \\', '  # note', '  b') }],
  invalid: [{ name: 'an empty line inside a continuation, reported at the last line', code: df('FROM alpine:3', 'RUN a && \\', '', '  b'), errors: [{ line: 4, message: 'line 3 is empty' }] }]
})

testRule(reservedStageName, {
  valid: [{ name: 'ordinary names', code: df('FROM alpine:3 AS contexts') }],
  invalid: [{ name: 'scratch and context', code: df('FROM alpine:3 AS scratch', 'FROM alpine:3 AS Context'), errors: [{ line: 1 }, { line: 2 }] }]
})

testRule(workdirRelativePath, {
  valid: [
    { name: 'absolute, then relative', code: df('FROM alpine:3', 'WORKDIR /app', 'WORKDIR src') },
    { name: 'relative in a child of a stage with an absolute WORKDIR', code: df('FROM alpine:3 AS base', 'WORKDIR /app', 'FROM base', 'WORKDIR src') },
    { name: 'a variable', code: df('FROM alpine:3', 'ARG D=/x', 'WORKDIR $D') }
  ],
  invalid: [{ name: 'relative first WORKDIR', code: df('FROM alpine:3', 'WORKDIR app'), errors: [{ line: 2 }] }]
})

testRule(legacyKeyValueFormat, {
  valid: [{ name: 'key=value', code: df('FROM alpine:3', 'ENV A=1 B="two words"', 'LABEL x=y') }],
  invalid: [{ name: 'ENV and LABEL with spaces', code: df('FROM alpine:3', 'ENV A 1', 'LABEL maintainer "me"'), errors: [{ line: 2, severity: 'info' }, { line: 3 }] }]
})

testRule(fromPlatformFlagConst, {
  valid: [
    { name: 'a variable', code: df('FROM --platform=$BUILDPLATFORM golang:1.22') },
    { name: 'a stage named for its platform', code: df('FROM --platform=linux/arm64 alpine:3 AS base-arm64') }
  ],
  invalid: [{ name: 'a constant', code: df('FROM --platform=linux/amd64 alpine:3'), errors: [{ line: 1 }] }]
})

testRule(redundantTargetPlatform, {
  valid: [{ name: 'BUILDPLATFORM', code: df('FROM --platform=$BUILDPLATFORM alpine:3') }],
  invalid: [{ name: 'TARGETPLATFORM', code: df('FROM --platform=${TARGETPLATFORM} alpine:3'), errors: [{ line: 1 }] }]
})

testRule(exposeProtoCasing, {
  valid: [{ name: 'lower case', code: df('FROM nginx:1', 'EXPOSE 80/tcp 53/udp 8080') }],
  invalid: [{ name: 'upper case', code: df('FROM nginx:1', 'EXPOSE 80/TCP'), errors: [{ line: 2 }] }]
})

testRule(exposeInvalidFormat, {
  valid: [{ name: 'ports and ranges', code: df('FROM nginx:1', 'EXPOSE 80 8000-8010/udp') }],
  invalid: [{ name: 'a mapping and an address', code: df('FROM nginx:1', 'EXPOSE 8080:80 127.0.0.1:443:443'), errors: [{ line: 2, message: '(443)' }, { line: 2, message: '(80)' }] }]
})

testRule(runCd, {
  valid: [{ name: 'WORKDIR', code: df('FROM alpine:3', 'WORKDIR /src', 'RUN make') }],
  invalid: [{ name: 'cd && make', code: df('FROM alpine:3', 'RUN cd /src && make'), errors: [{ line: 2, severity: 'info' }] }]
})

testRule(runSudo, {
  valid: [{ name: 'a word that contains sudo', code: df('FROM alpine:3', 'RUN echo pseudosudo') }],
  invalid: [{ name: 'sudo', code: df('FROM ubuntu:24.04', 'RUN sudo apt-get update'), errors: [{ line: 2 }] }]
})

testRule(addLocalFile, {
  valid: [{ name: 'an archive, a URL and a git repository', code: df('FROM alpine:3', 'ADD app.tar.gz /opt/', 'ADD --checksum=sha256:x https://e.x/a /a', 'ADD https://github.com/o/r.git /src') }],
  invalid: [{ name: 'a config file', code: df('FROM alpine:3', 'ADD app.conf /etc/app.conf'), errors: [{ line: 2 }] }]
})

testRule(copyDestinationSlash, {
  valid: [{ name: 'trailing slash, or one source', code: df('FROM alpine:3', 'COPY a b /dst/', 'COPY a /dst') }],
  invalid: [{ name: 'two sources, no slash', code: df('FROM alpine:3', 'COPY a b /dst'), errors: [{ line: 2, severity: 'error' }] }]
})

testRule(copyRelativeWithoutWorkdir, {
  valid: [
    { name: 'WORKDIR first', code: df('FROM alpine:3', 'WORKDIR /app', 'COPY . .') },
    { name: 'WORKDIR set in the parent stage', code: df('FROM alpine:3 AS base', 'WORKDIR /app', 'FROM base', 'COPY . .') }
  ],
  invalid: [{ name: 'relative before WORKDIR', code: df('FROM alpine:3', 'COPY a.txt data/'), errors: [{ line: 2 }] }]
})

testRule(pipefail, {
  valid: [
    { name: 'SHELL with pipefail inherited from the parent stage', code: df('FROM debian:12 AS base', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'FROM base', 'RUN curl x | tar -x') },
    { name: 'set -o pipefail in the RUN', code: df('FROM debian:12', 'RUN set -eux -o pipefail; curl x | tar -x') },
    { name: '|| is not a pipe', code: df('FROM debian:12', 'RUN make || true') }
  ],
  invalid: [{ name: 'curl | tar', code: df('FROM debian:12', 'RUN curl -fsSL x | tar -xz'), errors: [{ line: 2, message: 'curl | …' }] }]
})

testRule(missingHealthcheck, {
  valid: [
    { name: 'not a service', code: df('FROM alpine:3', 'ENTRYPOINT ["jq"]') },
    { name: 'a healthcheck in the parent stage', code: df('FROM nginx:1 AS base', 'HEALTHCHECK CMD ["true"]', 'FROM base', 'EXPOSE 80') },
    { name: 'a build stage that exposes (only the shipped image counts)', code: df('FROM node:20 AS b', 'EXPOSE 3000', 'FROM nginx:1', 'COPY --from=b /d /d', 'HEALTHCHECK CMD ["true"]') }
  ],
  invalid: [{ name: 'a service without HEALTHCHECK', code: df('FROM nginx:1', 'EXPOSE 80'), errors: [{ line: 1, severity: 'info' }] }]
})

testRule(aptUpgrade, {
  valid: [{ name: 'install only', code: df('FROM debian:12', 'RUN apt-get install -y curl') }],
  invalid: [{ name: 'dist-upgrade', code: df('FROM debian:12', 'RUN apt-get update && apt-get dist-upgrade -y'), errors: [{ line: 2, severity: 'info' }] }]
})

testRule(consecutiveRun, {
  valid: [
    { name: 'one RUN', code: df('FROM debian:12', 'RUN apt-get install -y a b') },
    { name: 'different managers, or something in between', code: df('FROM debian:12', 'RUN apt-get install -y a', 'COPY x /x', 'RUN apt-get install -y b', 'RUN pip install c') },
    { name: 'in a build stage', code: df('FROM debian:12 AS b', 'RUN apt-get install -y a', 'RUN apt-get install -y b', 'FROM scratch', 'COPY --from=b /x /x') }
  ],
  invalid: [{ name: 'two apt installs in a row', code: df('FROM debian:12', 'RUN apt-get install -y a', 'RUN apt-get install -y b'), errors: [{ line: 3, message: 'line 2' }] }]
})

testRule(invalidDefinitionDescription, {
  valid: [
    { name: 'off by default', code: df('# not a description', 'ARG V=1', 'FROM alpine:$V') },
    { name: 'a proper description', code: df('# check=experimental=all', '# V is the version', 'ARG V=1', 'FROM alpine:$V') }
  ],
  invalid: [{ name: 'turned on by the check directive', code: df('# check=experimental=InvalidDefinitionDescription', '# the version', 'ARG V=1', 'FROM alpine:$V'), errors: [{ line: 2 }] }]
})
