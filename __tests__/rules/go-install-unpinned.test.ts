/** go-install-unpinned (opt-in): what it reports and what it must leave alone (docs/rules/go-install-unpinned.md). */
import { goInstallUnpinned } from '../../src/rules/go-install-unpinned.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const on = { 'pin-packages': true }

testRule(goInstallUnpinned, {
  valid: [
    { name: 'off by default', code: df('FROM golang:1.22', 'RUN go install golang.org/x/tools/cmd/goimports@latest') },
    { name: 'a version or a commit', code: df('FROM golang:1.22', 'RUN go install golang.org/x/tools/cmd/goimports@v0.24.0 github.com/go-delve/delve/cmd/dlv@a1b2c3d'), options: on },
    { name: 'the packages of the module being built', code: df('FROM golang:1.22', 'RUN go install ./cmd/... && go install . && go install -v -ldflags "-s -w" ./...'), options: on },
    { name: 'in a build stage', code: df('FROM golang:1.22 AS build', 'RUN go install github.com/x/y/cmd/z@latest', 'FROM scratch', 'COPY --from=build /go/bin/z /z'), options: on }
  ],
  invalid: [
    { name: '@latest', code: df('FROM golang:1.22', 'RUN go install golang.org/x/tools/cmd/goimports@latest', 'ENTRYPOINT ["goimports"]'), options: on, errors: [{ line: 2, message: 'golang.org/x/tools/cmd/goimports@v<version>' }] },
    { name: 'no version at all (GOPATH mode)', code: df('FROM golang:1.22', 'RUN go install github.com/x/y/cmd/z', 'CMD ["z"]'), options: on, errors: [{ line: 2 }] },
    { name: 'with flags', code: df('FROM golang:1.22', 'RUN CGO_ENABLED=0 go install -tags netgo -ldflags=-s github.com/x/y@latest', 'CMD ["y"]'), options: on, errors: [{ line: 2 }] }
  ]
})
