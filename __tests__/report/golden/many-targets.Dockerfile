# syntax=docker/dockerfile:1
ARG GO_VERSION=1.22
ARG ALPINE_VERSION=3.20

FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.4.0 AS xx

FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine${ALPINE_VERSION} AS base
COPY --from=xx / /
RUN apk add --no-cache git
WORKDIR /src

FROM base AS version
RUN --mount=target=. git describe --always --tags > /tmp/.version

FROM base AS build
ARG TARGETPLATFORM
RUN --mount=type=bind,target=. --mount=type=bind,from=version,source=/tmp/.version,target=/tmp/.version xx-go build -o /usr/bin/app ./cmd

FROM scratch AS binary
COPY --from=build /usr/bin/app /

FROM base AS test
RUN --mount=type=bind,target=. go test ./...

FROM scratch AS test-coverage
COPY --from=test /tmp/coverage.txt /coverage.txt

FROM golangci/golangci-lint:v1.59-alpine AS lint
RUN --mount=target=. golangci-lint run

FROM base AS vendored
RUN --mount=target=.,rw go mod vendor && mkdir /out && cp -r vendor /out/

FROM scratch AS vendor-update
COPY --from=vendored /out /

FROM vendored AS vendor-validate
RUN --mount=target=.,rw git diff --exit-code

FROM base AS gen
RUN --mount=target=.,rw go generate ./... && mkdir /out

FROM scratch AS gen-update
COPY --from=gen /out /

FROM gen AS gen-validate
RUN --mount=target=.,rw git diff --exit-code

FROM base AS docs-gen
RUN --mount=target=. go run ./docs > /tmp/docs.md

FROM scratch AS docs-update
COPY --from=docs-gen /tmp/docs.md /docs.md

FROM base AS mod-outdated
RUN --mount=target=. go list -u -m -json all > /tmp/outdated.json

FROM scratch AS mod-outdated-output
COPY --from=mod-outdated /tmp/outdated.json /

FROM base AS license-check
RUN --mount=target=. cd tools && go run ./licenses

FROM base AS fuzz
RUN --mount=target=. cd fuzz && go test -fuzz=. -fuzztime=30s

FROM ubuntu AS integration
RUN apt-get update && apt-get install curl
COPY --from=binary / /usr/local/bin/

FROM alpine:${ALPINE_VERSION} AS release
WORKDIR /out
COPY --from=binary / /out/

FROM alpine:${ALPINE_VERSION} AS image
RUN apk add --no-cache ca-certificates tzdata
COPY --from=build /usr/bin/app /usr/local/bin/app
RUN pip install requests
USER 65534
ENTRYPOINT ["app"]
