/**
 * BuildKit's build checks as Docker documents them (docs.docker.com/reference/build-checks, the
 * pages in moby/buildkit frontend/dockerfile/docs/rules), each with our own cases: what
 * `docker build --check` reports (`buildkit`). Experimental checks are turned on in their file, as
 * BuildKit needs (`# check=experimental=…`). The measurement (measure.ts) compares each case with
 * what the Stagecraft rule that declares the check does.
 */
const f = (...lines: string[]): string => lines.join('\n') + '\n'

export interface BuildkitCase {
  code: string
  /** What `docker build --check` reports for the check: true when it fires. */
  buildkit: boolean
  /** The build context's .dockerignore, for CopyIgnoredFile. */
  dockerignore?: string
}

const yes = (code: string, extra: Partial<BuildkitCase> = {}): BuildkitCase => ({ code, buildkit: true, ...extra })
const no = (code: string, extra: Partial<BuildkitCase> = {}): BuildkitCase => ({ code, buildkit: false, ...extra })

export const BUILDKIT: Record<string, BuildkitCase[]> = {
  StageNameCasing: [
    yes(f('FROM alpine:3.20 AS Build')),
    yes(f('FROM alpine:3.20 AS BUILD', 'FROM alpine:3.20', 'COPY --from=BUILD /a /a')),
    yes(f('FROM alpine:3.20 AS myStage')),
    no(f('FROM alpine:3.20 AS build')),
    no(f('FROM alpine:3.20')),
    no(f('FROM alpine:3.20 AS build-2'))
  ],
  FromAsCasing: [
    yes(f('FROM alpine:3.20 as build')),
    yes(f('from alpine:3.20 AS build')),
    yes(f('FROM --platform=$BUILDPLATFORM golang:1.22 as build')),
    no(f('FROM alpine:3.20 AS build')),
    no(f('from alpine:3.20 as build')),
    no(f('FROM alpine:3.20'))
  ],
  NoEmptyContinuation: [
    yes(f('FROM alpine:3.20', 'RUN apk add --no-cache \\', '', '    curl')),
    yes(f('FROM alpine:3.20', 'RUN echo a && \\', '    echo b && \\', '', '    echo c')),
    yes(f('FROM alpine:3.20', 'ENV A=1 \\', '', '    B=2')),
    no(f('FROM alpine:3.20', 'RUN apk add --no-cache \\', '    curl')),
    no(f('FROM alpine:3.20', 'RUN echo a', '', 'RUN echo b')),
    no(f('FROM alpine:3.20', 'RUN apk add --no-cache \\', '    # the HTTP client', '    curl'))
  ],
  ConsistentInstructionCasing: [
    yes(f('FROM alpine:3.20', 'run echo hi', 'CMD ["sh"]')),
    yes(f('from alpine:3.20', 'RUN echo hi', 'cmd ["sh"]')),
    yes(f('FROM alpine:3.20', 'RUN echo a', 'Run echo b', 'CMD ["sh"]')),
    no(f('FROM alpine:3.20', 'RUN echo hi', 'CMD ["sh"]')),
    no(f('from alpine:3.20', 'run echo hi', 'cmd ["sh"]')),
    no(f('FROM alpine:3.20', 'RUN echo from the run')),
  ],
  DuplicateStageName: [
    yes(f('FROM alpine:3.20 AS a', 'FROM alpine:3.20 AS a')),
    yes(f('FROM alpine:3.20 AS App', 'FROM alpine:3.20 AS app')),
    yes(f('FROM alpine:3.20 AS x', 'FROM alpine:3.20 AS y', 'FROM alpine:3.20 AS x')),
    no(f('FROM alpine:3.20 AS a', 'FROM alpine:3.20 AS b')),
    no(f('FROM alpine:3.20', 'FROM alpine:3.20')),
    no(f('FROM alpine:3.20 AS a', 'FROM a AS b'))
  ],
  ReservedStageName: [
    yes(f('FROM alpine:3.20 AS scratch')),
    yes(f('FROM alpine:3.20 AS context')),
    yes(f('FROM alpine:3.20 AS build', 'FROM alpine:3.20 AS scratch')),
    no(f('FROM alpine:3.20 AS build')),
    no(f('FROM scratch')),
    no(f('FROM alpine:3.20 AS scratchpad'))
  ],
  JSONArgsRecommended: [
    yes(f('FROM node:20', 'CMD node server.js')),
    yes(f('FROM python:3.12', 'ENTRYPOINT python app.py')),
    yes(f('FROM debian:12', 'CMD /usr/local/bin/app --port 8080')),
    no(f('FROM node:20', 'CMD ["node", "server.js"]')),
    no(f('FROM python:3.12', 'ENTRYPOINT ["python", "app.py"]')),
    no(f('FROM debian:12', 'SHELL ["/bin/bash", "-c"]', 'ENTRYPOINT exec /usr/local/bin/app'))
  ],
  MaintainerDeprecated: [
    yes(f('FROM alpine:3.20', 'MAINTAINER someone <a@example.com>')),
    yes(f('FROM alpine:3.20', 'maintainer someone')),
    yes(f('FROM alpine:3.20 AS a', 'FROM alpine:3.20', 'MAINTAINER x')),
    no(f('FROM alpine:3.20', 'LABEL org.opencontainers.image.authors="someone"')),
    no(f('FROM alpine:3.20')),
    no(f('FROM alpine:3.20', 'RUN echo MAINTAINER'))
  ],
  UndefinedArgInFrom: [
    yes(f('FROM node:${NODE_VERSION}')),
    yes(f('FROM $BASE_IMAGE')),
    yes(f('FROM ${REGISTRY}/app:1.0')),
    no(f('ARG NODE_VERSION=20', 'FROM node:${NODE_VERSION}')),
    no(f('FROM --platform=$BUILDPLATFORM golang:1.22')),
    no(f('FROM alpine:3.20 AS base', 'FROM base'))
  ],
  WorkdirRelativePath: [
    yes(f('FROM alpine:3.20', 'WORKDIR app')),
    yes(f('FROM alpine:3.20', 'WORKDIR ./data')),
    yes(f('FROM alpine:3.20', 'WORKDIR usr/src/app')),
    no(f('FROM alpine:3.20', 'WORKDIR /app')),
    no(f('FROM alpine:3.20', 'WORKDIR /app', 'WORKDIR sub')),
    no(f('FROM alpine:3.20 AS base', 'WORKDIR /app', 'FROM base', 'WORKDIR sub'))
  ],
  UndefinedVar: [
    yes(f('FROM alpine:3.20', 'COPY $foo .')),
    yes(f('FROM alpine:3.20', 'ENV PATH=$PAHT:/app/bin')),
    yes(f('FROM alpine:3.20', 'WORKDIR $APP_HOME')),
    no(f('FROM alpine:3.20', 'ARG foo', 'COPY $foo .')),
    no(f('FROM alpine:3.20', 'ENV APP_HOME=/app', 'WORKDIR $APP_HOME')),
    no(f('FROM alpine:3.20', 'ENV PATH=$PATH:/app/bin'))
  ],
  MultipleInstructionsDisallowed: [
    yes(f('FROM alpine:3.20', 'CMD ["a"]', 'CMD ["b"]')),
    yes(f('FROM alpine:3.20', 'ENTRYPOINT ["a"]', 'ENTRYPOINT ["b"]')),
    yes(f('FROM alpine:3.20', 'HEALTHCHECK CMD a', 'HEALTHCHECK CMD b')),
    no(f('FROM alpine:3.20', 'CMD ["a"]')),
    no(f('FROM alpine:3.20 AS a', 'CMD ["a"]', 'FROM a', 'CMD ["b"]')),
    no(f('FROM alpine:3.20', 'ENTRYPOINT ["a"]', 'CMD ["b"]'))
  ],
  LegacyKeyValueFormat: [
    yes(f('FROM alpine:3.20', 'ENV A 1')),
    yes(f('FROM alpine:3.20', 'LABEL maintainer someone')),
    yes(f('FROM alpine:3.20', 'ENV PATH /opt/bin:$PATH')),
    no(f('FROM alpine:3.20', 'ENV A=1')),
    no(f('FROM alpine:3.20', 'LABEL maintainer=someone')),
    no(f('FROM alpine:3.20', 'ARG A'))
  ],
  RedundantTargetPlatform: [
    yes(f('FROM --platform=$TARGETPLATFORM alpine:3.20')),
    yes(f('FROM --platform=${TARGETPLATFORM} alpine:3.20 AS app')),
    yes(f('FROM golang:1.22 AS build', 'FROM --platform=$TARGETPLATFORM alpine:3.20', 'COPY --from=build /a /a')),
    no(f('FROM alpine:3.20')),
    no(f('FROM --platform=$BUILDPLATFORM golang:1.22 AS build')),
    no(f('FROM --platform=linux/amd64 alpine:3.20'))
  ],
  SecretsUsedInArgOrEnv: [
    yes(f('FROM alpine:3.20', 'ARG AWS_SECRET_ACCESS_KEY')),
    yes(f('FROM alpine:3.20', 'ENV DB_PASSWORD=s3cr3t-Pa55')),
    yes(f('FROM alpine:3.20', 'ARG GITHUB_TOKEN', 'RUN git clone https://$GITHUB_TOKEN@github.com/org/private.git')),
    no(f('FROM alpine:3.20', 'ENV APP_VERSION=1.2.3')),
    no(f('FROM alpine:3.20', 'ARG PUBLIC_KEY_URL=https://example.com/key.pub')),
    no(f('FROM alpine:3.20', 'ENV TOKENIZER_MODEL=bert'))
  ],
  InvalidDefaultArgInFrom: [
    yes(f('ARG TAG', 'FROM alpine:${TAG}')),
    yes(f('ARG VERSION', 'FROM node:${VERSION}-slim')),
    yes(f('ARG IMAGE', 'FROM $IMAGE')),
    no(f('ARG TAG=3.20', 'FROM alpine:${TAG}')),
    no(f('ARG TAG', 'FROM alpine:${TAG:-3.20}')),
    no(f('ARG VARIANT', 'FROM alpine${VARIANT}'))
  ],
  FromPlatformFlagConstDisallowed: [
    yes(f('FROM --platform=linux/amd64 alpine:3.20')),
    yes(f('FROM --platform=linux/arm64 alpine:3.20 AS build')),
    yes(f('FROM --platform=linux/amd64 node:20', 'CMD ["node"]')),
    no(f('FROM alpine:3.20')),
    no(f('FROM --platform=$BUILDPLATFORM golang:1.22 AS build')),
    no(f('FROM --platform=linux/amd64 alpine:3.20 AS build_amd64'))
  ],
  CopyIgnoredFile: [
    yes(f('FROM alpine:3.20', 'COPY README.md /docs/'), { dockerignore: '*.md\n' }),
    yes(f('FROM node:20', 'COPY node_modules /app/node_modules'), { dockerignore: 'node_modules\n' }),
    yes(f('FROM alpine:3.20', 'ADD secret.txt /etc/app/'), { dockerignore: 'secret.txt\n' }),
    no(f('FROM alpine:3.20', 'COPY app.js /app/'), { dockerignore: '*.md\n' }),
    no(f('FROM alpine:3.20 AS b', 'FROM alpine:3.20', 'COPY --from=b README.md /docs/'), { dockerignore: '*.md\n' }),
    no(f('FROM alpine:3.20', 'COPY README.md /docs/'), { dockerignore: '*.md\n!README.md\n' })
  ],
  InvalidDefinitionDescription: [
    yes(f('# check=experimental=InvalidDefinitionDescription', '# a non-descriptive comment', 'FROM scratch AS base')),
    yes(f('# check=experimental=InvalidDefinitionDescription', 'FROM scratch', '# another non-descriptive comment', 'ARG VERSION=1')),
    yes(f('# check=experimental=InvalidDefinitionDescription', '# the stage that compiles', 'FROM alpine:3.20 AS build')),
    no(f('# check=experimental=InvalidDefinitionDescription', '# base is a stage for compiling source', 'FROM scratch AS base')),
    no(f('# check=experimental=InvalidDefinitionDescription', '# a non-descriptive comment', '', 'FROM scratch AS base')),
    no(f('# check=experimental=InvalidDefinitionDescription', 'FROM scratch', '# VERSION This is the version number.', 'ARG VERSION=1'))
  ],
  ExposeProtoCasing: [
    yes(f('FROM alpine:3.20', 'EXPOSE 80/TCP')),
    yes(f('FROM alpine:3.20', 'EXPOSE 53/UDP')),
    yes(f('FROM alpine:3.20', 'EXPOSE 80/tcp 443/Tcp')),
    no(f('FROM alpine:3.20', 'EXPOSE 80/tcp')),
    no(f('FROM alpine:3.20', 'EXPOSE 80')),
    no(f('FROM alpine:3.20', 'EXPOSE 53/udp'))
  ],
  ExposeInvalidFormat: [
    yes(f('FROM alpine:3.20', 'EXPOSE 127.0.0.1:80:80')),
    yes(f('FROM alpine:3.20', 'EXPOSE 80:80')),
    yes(f('FROM alpine:3.20', 'EXPOSE 8080:80/tcp')),
    no(f('FROM alpine:3.20', 'EXPOSE 80')),
    no(f('FROM alpine:3.20', 'EXPOSE 80/tcp')),
    no(f('FROM alpine:3.20', 'EXPOSE 8000-8010'))
  ]
}

/** BuildKit checks not measured here, and why. */
export const BUILDKIT_NOT_MEASURED: Record<string, string> = {
  InvalidBaseImagePlatform: 'it compares the platform of the pulled base image with the build’s: a fact of the registry, not of the Dockerfile, so no Dockerfile-only case can state it'
}
