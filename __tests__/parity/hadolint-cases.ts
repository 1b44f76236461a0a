/**
 * hadolint's DL rules as documented (its README table and wiki pages), each with our own cases:
 * what hadolint does (`hadolint`) and what Stagecraft does (`fires`). Where the two differ it is on
 * purpose and `because` says why (shipped stages only, opt-in pinning, fewer false positives…).
 * Written by us from the documented behaviour; hadolint's own tests are GPL and are not used.
 */
import type { RuleLevel } from '../../src/rules/engine.js'
import type { LabelType } from '../../src/parse/label-values.js'
import type { LabelPolicy, OptionValue } from '../../src/rules/types.js'

export interface ParityCase {
  code: string
  /** What hadolint reports for this code: true when it fires. */
  hadolint: boolean
  /** What the Stagecraft rule does; left out when it does what hadolint does. */
  fires?: boolean
  /** Why we differ, when we do. */
  because?: string
  /** The Stagecraft rule, when the code maps to several (DL3022). */
  rule?: string
}

export interface ParityEntry {
  rule: string
  /** The setting a team migrating from hadolint writes once (pin-packages, trusted-registries…). */
  options?: Record<string, OptionValue>
  levels?: Record<string, RuleLevel>
  /** The label schema a team migrating writes (hadolint's label-schema, strict-labels). */
  labels?: LabelPolicy
  cases: ParityCase[]
}

const f = (...lines: string[]): string => lines.join('\n') + '\n'
/** hadolint's label-schema (and strict-labels) as a team migrating writes it. */
const schema = (types: Record<string, LabelType>, strict = false): LabelPolicy => ({ types, required: Object.keys(types), strict })
const yes = (code: string, extra: Partial<ParityCase> = {}): ParityCase => ({ code, hadolint: true, ...extra })
const no = (code: string, extra: Partial<ParityCase> = {}): ParityCase => ({ code, hadolint: false, ...extra })
const SHIPS_ONLY = 'only shipped stages are judged: a build stage\'s files never reach the image'
const PIN = { 'pin-packages': true }

export const PARITY: Record<string, ParityEntry> = {
  DL1001: {
    rule: 'inline-ignore',
    // Off by default in both (hadolint's severity "ignore"): a team that wants it turns it on.
    levels: { 'inline-ignore': 'warning' },
    cases: [
      yes(f('FROM debian:12', '# hadolint ignore=SC2086', 'RUN echo $HOME')),
      no(f('FROM debian:12', '# hadolint shell=bash', 'RUN echo hi')),
      yes(f('# hadolint ignore=DL3006', 'FROM debian')),
      yes(f('FROM debian:12', '# hadolint ignore=DL3002', 'USER root')),
      yes(f('# hadolint global ignore=DL3003,DL3006', 'FROM debian', 'RUN cd /tmp && echo hi')),
      no(f('FROM debian:12', 'USER 10001')),
      no(f('# a comment about the base', 'FROM debian:12')),
      no(f('FROM debian:12', '# hadolint is our linter', 'RUN true'))
    ]
  },
  DL3000: {
    rule: 'workdir-relative-path',
    cases: [
      yes(f('FROM alpine:3.20', 'WORKDIR ../app')),
      no(f('FROM alpine:3.20', 'WORKDIR /usr/src/app')),
      no(f('FROM alpine:3.20', 'WORKDIR ${APP_HOME}')),
      yes(f('FROM alpine:3.20', 'WORKDIR app')),
      yes(f('FROM alpine:3.20', 'WORKDIR usr/src/app')),
      yes(f('FROM alpine:3.20', 'WORKDIR ./data')),
      no(f('FROM alpine:3.20', 'WORKDIR /app')),
      no(f('FROM alpine:3.20', 'WORKDIR "/srv/www"')),
      no(f('FROM alpine:3.20', 'ARG HOME_DIR=/home/app', 'WORKDIR $HOME_DIR')),
      yes(f('FROM alpine:3.20', 'WORKDIR /app', 'WORKDIR sub'), { fires: false, because: 'as BuildKit: a relative WORKDIR after an absolute one is a path inside it, not a mistake' })
    ]
  },
  DL3001: {
    rule: 'pointless-run-command',
    cases: [
      yes(f('FROM debian:12', 'RUN vim /etc/hosts')),
      yes(f('FROM debian:12', 'RUN ps aux')),
      yes(f('FROM debian:12', 'RUN apt-get install -y nginx && service nginx start')),
      yes(f('FROM debian:12', 'RUN free -m && top -b -n1')),
      no(f('FROM debian:12', 'RUN apt-get install -y vim procps')),
      no(f('FROM debian:12', 'RUN echo "use top or ps"')),
      no(f('FROM debian:12', 'RUN ssh-keygen -A')),
      yes(f('FROM mysql:8', 'RUN service mysql start && mysql -e "CREATE DATABASE app"'), { fires: false, because: 'a service started and then used by the same RUN does something' })
    ]
  },
  DL3002: {
    rule: 'root-user',
    cases: [
      yes(f('FROM debian:12', 'USER 0:0')),
      no(f('FROM debian:12 AS base', 'USER root', 'RUN true', 'USER app', 'FROM scratch', 'COPY --from=base /etc/passwd /etc/passwd')),
      yes(f('FROM debian:12 AS base', 'USER root', 'RUN true', 'FROM base', 'RUN true')),
      no(f('FROM debian:12', 'USER root', 'RUN apt-get update', 'USER 1000:1000')),
      yes(f('FROM debian:12', 'USER root')),
      yes(f('FROM debian:12', 'USER 0')),
      yes(f('FROM debian:12', 'USER app', 'USER root:root')),
      no(f('FROM debian:12', 'USER app')),
      no(f('FROM debian:12', 'USER root', 'RUN apt-get update', 'USER 1000')),
      no(f('FROM debian:12', 'USER 10001:10001')),
      yes(f('FROM debian:12 AS build', 'USER root', 'RUN make', 'FROM debian:12', 'COPY --from=build /out /out', 'USER app'), { fires: false, because: SHIPS_ONLY })
    ]
  },
  DL3003: {
    rule: 'run-cd',
    cases: [
      yes(f('FROM node:20', 'RUN cd /app && npm ci')),
      yes(f('FROM debian:12', 'RUN cd /usr/src/app && make')),
      yes(f('FROM debian:12', 'RUN cd /opt/tool && ./configure && make')),
      no(f('FROM node:20', 'WORKDIR /app', 'RUN npm ci')),
      no(f('FROM debian:12', 'RUN echo cd /app')),
      no(f('FROM debian:12', 'RUN make -C /usr/src/app')),
      yes(f('FROM debian:12', 'RUN cd /tmp && curl -fsSLO https://example.com/a.tgz && tar -xzf a.tgz'), { fires: false, because: 'a scratch directory is not where the next instructions should run' })
    ]
  },
  DL3004: {
    rule: 'run-sudo',
    cases: [
      yes(f('FROM ubuntu:24.04', 'RUN sudo apt-get update')),
      yes(f('FROM ubuntu:24.04', 'USER app', 'RUN sudo make install')),
      yes(f('FROM ubuntu:24.04', 'RUN make && sudo make install')),
      no(f('FROM ubuntu:24.04', 'RUN apt-get install -y sudo')),
      no(f('FROM ubuntu:24.04', 'RUN echo "no sudo here"')),
      no(f('FROM ubuntu:24.04', 'RUN gosu app true'))
    ]
  },
  DL3006: {
    rule: 'base-image-untagged',
    cases: [
      yes(f('FROM ubuntu AS build', 'RUN true')),
      no(f('FROM ubuntu:24.04 AS base', 'FROM base AS final')),
      yes(f('FROM debian')),
      yes(f('FROM ubuntu AS build', 'RUN make', 'FROM ubuntu:24.04', 'COPY --from=build /a /a')),
      yes(f('FROM ghcr.io/org/tool')),
      no(f('FROM debian:12')),
      no(f('FROM scratch')),
      no(f('FROM debian:12 AS base', 'FROM base')),
      no(f('FROM debian@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'))
    ]
  },
  DL3007: {
    rule: 'base-image-latest',
    cases: [
      yes(f('FROM ubuntu:latest AS build', 'RUN true')),
      no(f('FROM ubuntu:24.04 AS build')),
      yes(f('FROM debian:latest')),
      yes(f('FROM ghcr.io/org/tool:latest')),
      yes(f('FROM node:latest AS build', 'FROM node:20-slim', 'COPY --from=build /a /a')),
      no(f('FROM debian:12')),
      no(f('FROM debian:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef')),
      no(f('FROM scratch'))
    ]
  },
  DL3008: {
    rule: 'apt-package-unpinned',
    options: PIN,
    cases: [
      yes(f('FROM debian:12', 'RUN apt-get install -y curl')),
      yes(f('FROM debian:12', 'RUN apt-get install -y curl=7.88.1-10 git')),
      yes(f('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends python3')),
      no(f('FROM debian:12', 'RUN apt-get install -y curl=7.88.1-10')),
      no(f('FROM debian:12', 'RUN apt-get install -y ./local.deb')),
      no(f('FROM debian:12', 'RUN apt-get install -y -t bookworm-backports golang=2:1.21~2')),
      yes(f('FROM debian:12 AS build', 'RUN apt-get install -y gcc', 'FROM debian:12', 'COPY --from=build /a /a'), { fires: false, because: SHIPS_ONLY })
    ]
  },
  DL3009: {
    rule: 'apt-lists-left',
    cases: [
      yes(f('FROM debian:12', 'RUN apt-get update && apt-get install -y curl')),
      yes(f('FROM ubuntu:24.04', 'RUN apt-get update', 'RUN apt-get install -y git')),
      yes(f('FROM debian:12 AS base', 'RUN apt-get update && apt-get install -y curl', 'FROM base')),
      yes(f('FROM ubuntu:24.04', 'RUN apt-get update \\', '  && apt-get install -y --no-install-recommends ca-certificates git')),
      no(f('FROM debian:12', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*')),
      no(f('FROM debian:12', 'RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl')),
      no(f('FROM debian:12 AS build', 'RUN apt-get update && apt-get install -y gcc', 'FROM debian:12', 'COPY --from=build /a /a'))
    ]
  },
  DL3010: {
    rule: 'copy-archive-then-extract',
    cases: [
      yes(f('FROM debian:12', 'COPY app.tar.gz /tmp/', 'RUN tar -xzf /tmp/app.tar.gz -C /opt')),
      yes(f('FROM debian:12', 'COPY a.tar /tmp/', 'RUN tar xf /tmp/a.tar -C /opt && rm /tmp/a.tar')),
      yes(f('FROM debian:12', 'COPY dist/rel.tgz /opt/app.tgz', 'RUN tar -xvzf /opt/app.tgz -C /opt')),
      no(f('FROM debian:12', 'ADD app.tar.gz /opt/')),
      no(f('FROM alpine:3.20 AS b', 'RUN tar -czf /a.tgz /etc', 'FROM debian:12', 'COPY --from=b /a.tgz /tmp/', 'RUN tar -xzf /tmp/a.tgz')),
      no(f('FROM debian:12', 'COPY backup.tar.gz /data/')),
      yes(f('FROM debian:12', 'COPY app.zip /tmp/', 'RUN unzip /tmp/app.zip -d /opt'), { fires: false, because: 'ADD does not unpack zip files, so advising ADD would be wrong' }),
      yes(f('FROM debian:12', 'COPY app.tgz /tmp/', 'RUN tar -xzf /tmp/app.tgz --strip-components=1 -C /opt'), { fires: false, because: 'ADD cannot strip components' })
    ]
  },
  DL3011: {
    rule: 'expose-port-range',
    cases: [
      yes(f('FROM nginx:1.27', 'EXPOSE 70000/udp')),
      no(f('FROM nginx:1.27', 'EXPOSE 80/tcp 443/tcp')),
      yes(f('FROM nginx:1.27', 'EXPOSE 80000')),
      yes(f('FROM nginx:1.27', 'EXPOSE 65536/tcp')),
      yes(f('FROM nginx:1.27', 'EXPOSE 60000-70000')),
      no(f('FROM nginx:1.27', 'EXPOSE 80')),
      no(f('FROM nginx:1.27', 'EXPOSE 65535/udp')),
      no(f('FROM nginx:1.27', 'EXPOSE 8000-8010'))
    ]
  },
  DL3012: {
    rule: 'multiple-healthcheck',
    cases: [
      yes(f('FROM nginx:1.27 AS a', 'FROM nginx:1.27', 'HEALTHCHECK CMD a', 'HEALTHCHECK CMD b')),
      no(f('FROM nginx:1.27', 'HEALTHCHECK --interval=30s CMD curl -f http://localhost/')),
      yes(f('FROM nginx:1.27', 'HEALTHCHECK CMD curl -f http://localhost/', 'HEALTHCHECK CMD wget -q localhost')),
      yes(f('FROM nginx:1.27', 'HEALTHCHECK NONE', 'HEALTHCHECK CMD true')),
      yes(f('FROM nginx:1.27', 'HEALTHCHECK CMD a', 'RUN true', 'HEALTHCHECK CMD b', 'HEALTHCHECK CMD c')),
      no(f('FROM nginx:1.27', 'HEALTHCHECK CMD curl -f http://localhost/')),
      no(f('FROM nginx:1.27 AS a', 'HEALTHCHECK CMD a', 'FROM nginx:1.27', 'HEALTHCHECK CMD b')),
      no(f('FROM nginx:1.27'))
    ]
  },
  DL3013: {
    rule: 'pip-package-unpinned',
    options: PIN,
    cases: [
      yes(f('FROM python:3.12', 'RUN pip install flask')),
      yes(f('FROM python:3.12', 'RUN pip3 install requests==2.32.3 httpx')),
      yes(f('FROM python:3.12', 'RUN python -m pip install gunicorn')),
      no(f('FROM python:3.12', 'RUN pip install flask==3.0.3')),
      no(f('FROM python:3.12', 'RUN pip install -r requirements.txt')),
      no(f('FROM python:3.12', 'RUN pip install .'))
    ]
  },
  DL3014: {
    rule: 'apt-get-assume-yes',
    cases: [
      yes(f('FROM debian:12', 'RUN apt-get install curl')),
      yes(f('FROM debian:12', 'RUN apt-get update && apt-get install --no-install-recommends git')),
      yes(f('FROM debian:12', 'RUN apt-get install make && rm -rf /var/lib/apt/lists/*')),
      no(f('FROM debian:12', 'RUN apt-get install -y curl')),
      no(f('FROM debian:12', 'RUN apt-get install --yes curl')),
      no(f('FROM debian:12', 'RUN apt-get -qq install curl')),
      yes(f('FROM debian:12', 'RUN apt-get remove curl'), { hadolint: false, fires: true, because: 'remove asks the same question and fails the same way' }),
      no(f('FROM debian:12', 'RUN apt-get -q install curl'), { fires: true, because: 'quiet level 1 does not imply -y; only -qq does' })
    ]
  },
  DL3015: {
    rule: 'apt-no-install-recommends',
    cases: [
      yes(f('FROM debian:12', 'RUN apt-get install -y curl')),
      yes(f('FROM debian:12', 'RUN apt-get -y install python3-pip')),
      yes(f('FROM debian:12', 'RUN apt-get install -y --no-install-recommends a && apt-get install -y b'), { fires: false, because: 'the RUN passes the flag to one install and not the other: a choice (on the corpus, desktop apps from a PPA that need their recommends), not an oversight' }),
      yes(f('FROM debian:12', 'RUN apt-get install -y a', 'RUN apt-get install -y --no-install-recommends b')),
      no(f('FROM debian:12', 'RUN apt-get install -y --no-install-recommends curl')),
      no(f('FROM debian:12', 'RUN apt-get install -y -o APT::Install-Recommends=false curl')),
      no(f('FROM debian:12', 'RUN apt-get update')),
      yes(f('FROM debian:12 AS build', 'RUN apt-get install -y build-essential', 'FROM debian:12-slim', 'COPY --from=build /a /a'), { fires: false, because: SHIPS_ONLY })
    ]
  },
  DL3016: {
    rule: 'npm-package-unpinned',
    options: PIN,
    cases: [
      yes(f('FROM node:20', 'RUN npm install -g pm2')),
      yes(f('FROM node:20', 'RUN npm install express@4 lodash')),
      yes(f('FROM node:20', 'RUN npm install -g @angular/cli')),
      no(f('FROM node:20', 'RUN npm install')),
      no(f('FROM node:20', 'RUN npm install -g pm2@5.4.2')),
      no(f('FROM node:20', 'RUN npm install git+https://github.com/org/repo.git#v1.0.0')),
      no(f('FROM node:20', 'RUN npm i -g serve'), { fires: true, because: '`npm i` is `npm install`' }),
      no(f('FROM node:20', 'RUN npm install -g npm@latest'), { fires: true, because: '`@latest` names no version' })
    ]
  },
  DL3018: {
    rule: 'apk-package-unpinned',
    options: PIN,
    cases: [
      yes(f('FROM alpine:3.20', 'RUN apk add curl')),
      yes(f('FROM alpine:3.20', 'RUN apk add --no-cache git')),
      yes(f('FROM alpine:3.20', 'RUN apk add --no-cache curl=8.9.1-r0 tini')),
      no(f('FROM alpine:3.20', 'RUN apk add --no-cache curl=8.9.1-r0')),
      no(f('FROM alpine:3.20', 'RUN apk add --no-cache git~2.45')),
      no(f('FROM alpine:3.20', 'RUN apk add --no-cache --virtual .deps gcc=13.2.1-r0'))
    ]
  },
  DL3019: {
    rule: 'apk-no-cache',
    cases: [
      yes(f('FROM alpine:3.20', 'RUN apk add curl')),
      yes(f('FROM alpine:3.20', 'RUN apk update && apk add git')),
      yes(f('FROM alpine:3.20', 'RUN apk --update add tini')),
      no(f('FROM alpine:3.20', 'RUN apk add --no-cache curl')),
      no(f('FROM alpine:3.20', 'RUN --mount=type=cache,target=/var/cache/apk apk add curl')),
      no(f('FROM alpine:3.20', 'RUN apk del curl')),
      yes(f('FROM alpine:3.20 AS build', 'RUN apk add gcc', 'FROM alpine:3.20', 'COPY --from=build /a /a'), { fires: false, because: SHIPS_ONLY })
    ]
  },
  DL3020: {
    rule: 'add-local-file',
    cases: [
      yes(f('FROM alpine:3.20', 'ADD requirements.txt /app/')),
      yes(f('FROM alpine:3.20', 'ADD --chown=1000:1000 conf /etc/conf')),
      no(f('FROM alpine:3.20', 'ADD https://example.com/a.tar.gz /tmp/')),
      no(f('FROM alpine:3.20', 'ADD app.tar.xz /opt/')),
      yes(f('FROM alpine:3.20', 'ADD . /app')),
      yes(f('FROM alpine:3.20', 'ADD config.yml /etc/app/')),
      yes(f('FROM alpine:3.20', 'ADD src /src')),
      no(f('FROM alpine:3.20', 'ADD app.tar.gz /opt/')),
      no(f('FROM alpine:3.20', 'ADD https://example.com/a.txt /a.txt')),
      no(f('FROM alpine:3.20', 'COPY . /app'))
    ]
  },
  DL3021: {
    rule: 'copy-destination-slash',
    cases: [
      yes(f('FROM alpine:3.20', 'COPY a.txt b.txt c.txt /opt')),
      no(f('FROM alpine:3.20', 'COPY a.txt b.txt /opt/')),
      yes(f('FROM alpine:3.20', 'COPY a.txt b.txt /dest')),
      yes(f('FROM alpine:3.20', 'COPY a b c /opt/app')),
      yes(f('FROM alpine:3.20 AS b', 'FROM alpine:3.20', 'COPY --from=b /a /b /dest')),
      no(f('FROM alpine:3.20', 'COPY a.txt b.txt /dest/')),
      no(f('FROM alpine:3.20', 'COPY a.txt /dest')),
      no(f('FROM alpine:3.20', 'COPY ["a.txt", "b.txt", "/dest/"]'))
    ]
  },
  DL3022: {
    rule: 'stage-forward-reference',
    cases: [
      yes(f('FROM alpine:3.20', 'COPY --from=build /a /a', 'FROM alpine:3.20 AS build'), { rule: 'stage-forward-reference' }),
      yes(f('FROM alpine:3.20 AS a', 'FROM alpine:3.20', 'COPY --from=5 /a /a'), { rule: 'stage-index-out-of-range' }),
      yes(f('ARG SRC=a', 'FROM alpine:3.20 AS a', 'FROM alpine:3.20', 'COPY --from=$SRC /a /a'), { rule: 'copy-from-variable' }),
      no(f('FROM alpine:3.20 AS build', 'FROM alpine:3.20', 'COPY --from=build /a /a'), { rule: 'stage-forward-reference' }),
      no(f('FROM alpine:3.20', 'COPY --from=alpine:3.20 /etc/os-release /x'), { rule: 'stage-forward-reference' }),
      no(f('FROM alpine:3.20 AS a', 'FROM alpine:3.20', 'COPY --from=0 /a /a'), { rule: 'stage-index-out-of-range' }),
      yes(f('FROM alpine:3.20', 'COPY --from=nosuchstage /a /a'), { rule: 'copy-from-untagged' }),
      yes(f('FROM php:8.3-fpm', 'COPY --from=composer /usr/bin/composer /usr/bin/composer'), { rule: 'copy-from-untagged' }),
      no(f('FROM php:8.3-fpm', 'COPY --from=composer:2 /usr/bin/composer /usr/bin/composer'), { rule: 'copy-from-untagged' }),
      no(f('FROM python:3.12-slim', 'COPY --from=ghcr.io/astral-sh/uv@sha256:cf4eedcaa81655197f625739489effcbe71b61ceb1506f332c3facae5deceded /uv /bin/'), { rule: 'copy-from-untagged' }),
      yes(f('FROM python:3.12-slim', 'COPY --from=ghcr.io/astral-sh/uv /uv /bin/'), { rule: 'copy-from-untagged' })
    ]
  },
  DL3023: {
    rule: 'stage-self-reference',
    cases: [
      yes(f('FROM alpine:3.20 AS builder', 'RUN true', 'COPY --from=builder /a /b')),
      no(f('FROM alpine:3.20 AS builder', 'FROM alpine:3.20', 'COPY --from=builder /a /b')),
      yes(f('FROM alpine:3.20 AS a', 'COPY --from=a /x /x')),
      yes(f('FROM alpine:3.20 AS base', 'FROM alpine:3.20 AS app', 'COPY --from=app /x /x')),
      yes(f('FROM alpine:3.20 AS x', 'RUN true', 'COPY --from=x /etc /etc')),
      no(f('FROM alpine:3.20 AS a', 'FROM alpine:3.20 AS b', 'COPY --from=a /x /x')),
      no(f('FROM alpine:3.20 AS a', 'COPY --from=alpine:3.20 /x /x')),
      no(f('FROM alpine:3.20 AS a', 'COPY x /x')),
      no(f('FROM alpine:3.20', 'COPY --from=0 /x /x'), { fires: true, because: 'a copy from its own stage by index fails in BuildKit just the same' })
    ]
  },
  DL3024: {
    rule: 'duplicate-stage-name',
    cases: [
      yes(f('FROM alpine:3.20 AS dup', 'FROM alpine:3.20 AS other', 'FROM alpine:3.20 AS dup')),
      no(f('FROM alpine:3.20 AS one', 'FROM alpine:3.20 AS two', 'FROM alpine:3.20 AS three')),
      yes(f('FROM alpine:3.20 AS a', 'FROM alpine:3.20 AS a')),
      yes(f('FROM alpine:3.20 AS build', 'FROM node:20 AS test', 'FROM golang:1.22 AS build')),
      yes(f('FROM alpine:3.20 AS x', 'FROM alpine:3.20 AS y', 'FROM alpine:3.20 AS x')),
      no(f('FROM alpine:3.20 AS a', 'FROM alpine:3.20 AS b')),
      no(f('FROM alpine:3.20', 'FROM alpine:3.20')),
      no(f('FROM alpine:3.20 AS a', 'FROM a AS b')),
      no(f('FROM alpine:3.20 AS App', 'FROM alpine:3.20 AS app'), { fires: true, because: 'BuildKit lower-cases stage names, so these are the same stage' })
    ]
  },
  DL3025: {
    rule: 'json-args-recommended',
    cases: [
      yes(f('FROM debian:12', 'CMD python3 -m http.server')),
      no(f('FROM debian:12', 'CMD ["python3", "-m", "http.server"]')),
      yes(f('FROM node:20', 'CMD node server.js')),
      yes(f('FROM python:3.12', 'ENTRYPOINT python app.py')),
      yes(f('FROM debian:12', 'CMD /usr/local/bin/app --port 8080')),
      no(f('FROM node:20', 'CMD ["node", "server.js"]')),
      no(f('FROM python:3.12', 'ENTRYPOINT ["python", "app.py"]')),
      no(f('FROM node:20', 'RUN echo shell form is fine here'))
    ]
  },
  DL3026: {
    rule: 'untrusted-registry',
    options: { 'trusted-registries': ['docker.io'] },
    cases: [
      yes(f('FROM gcr.io/org/app:1.0')),
      no(f('FROM docker.io/debian:12')),
      yes(f('FROM ghcr.io/org/app:1.0')),
      yes(f('FROM quay.io/org/app:1.0')),
      yes(f('FROM alpine:3.20', 'COPY --from=gcr.io/org/tool:1 /t /t')),
      no(f('FROM debian:12')),
      no(f('FROM docker.io/library/debian:12')),
      no(f('FROM scratch'))
    ]
  },
  DL3027: {
    rule: 'apt-instead-of-apt-get',
    cases: [
      yes(f('FROM ubuntu:24.04', 'RUN apt install -y curl')),
      yes(f('FROM ubuntu:24.04', 'RUN apt update && apt-get install -y curl')),
      yes(f('FROM ubuntu:24.04', 'RUN apt-get update && apt upgrade -y')),
      no(f('FROM ubuntu:24.04', 'RUN apt-get install -y curl')),
      no(f('FROM ubuntu:24.04', 'RUN apt-cache policy curl')),
      no(f('FROM ubuntu:24.04', 'RUN apt-get install -y apt-utils'))
    ]
  },
  DL3028: {
    rule: 'gem-package-unpinned',
    options: PIN,
    cases: [
      yes(f('FROM ruby:3.3', 'RUN gem install bundler')),
      yes(f('FROM ruby:3.3', 'RUN gem i rails')),
      yes(f('FROM ruby:3.3', 'RUN gem install rake:13.2.1 rspec')),
      no(f('FROM ruby:3.3', 'RUN gem install bundler:2.5.10')),
      no(f('FROM ruby:3.3', 'RUN gem install rails -v 7.1.3')),
      no(f('FROM ruby:3.3', 'RUN gem install rake --version=13.2.1'))
    ]
  },
  DL3029: {
    rule: 'from-platform-flag-const',
    cases: [
      yes(f('FROM --platform=linux/arm/v7 alpine:3.20')),
      no(f('FROM --platform=$TARGETPLATFORM alpine:3.20')),
      yes(f('FROM --platform=linux/amd64 debian:12')),
      yes(f('FROM --platform=linux/arm64 alpine:3.20 AS build')),
      yes(f('FROM --platform=linux/amd64 node:20', 'CMD ["node"]')),
      no(f('FROM debian:12')),
      no(f('FROM --platform=$BUILDPLATFORM golang:1.22 AS build')),
      no(f('FROM --platform=${TARGETPLATFORM} alpine:3.20')),
      yes(f('FROM --platform=linux/amd64 alpine:3.20 AS build_amd64'), { fires: false, because: 'as BuildKit: a stage named for its platform pins it on purpose' })
    ]
  },
  DL3030: {
    rule: 'yum-assume-yes',
    cases: [
      yes(f('FROM centos:7', 'RUN yum install httpd')),
      yes(f('FROM centos:7', 'RUN yum groupinstall "Development Tools"')),
      yes(f('FROM centos:7', 'RUN yum localinstall /tmp/x.rpm')),
      no(f('FROM centos:7', 'RUN yum install -y httpd')),
      no(f('FROM centos:7', 'RUN yum --assumeyes install httpd')),
      no(f('FROM centos:7', 'RUN yum clean all'))
    ]
  },
  DL3032: {
    rule: 'yum-cache-left',
    cases: [
      yes(f('FROM centos:7', 'RUN yum install -y httpd')),
      yes(f('FROM centos:7', 'RUN yum install -y httpd && yum clean metadata')),
      yes(f('FROM centos:7', 'RUN yum -y install git')),
      no(f('FROM centos:7', 'RUN yum install -y httpd && yum clean all')),
      no(f('FROM centos:7', 'RUN yum clean all')),
      no(f('FROM centos:7', 'RUN echo yum install')),
      no(f('FROM centos:7', 'RUN yum clean all && yum install -y httpd'), { fires: true, because: 'as Trivy DS-0015: a clean before the install leaves the install\'s cache' }),
      yes(f('FROM centos:7 AS build', 'RUN yum install -y gcc', 'FROM scratch', 'COPY --from=build /a /a'), { fires: false, because: SHIPS_ONLY })
    ]
  },
  DL3033: {
    rule: 'yum-package-unpinned',
    options: PIN,
    cases: [
      yes(f('FROM centos:7', 'RUN yum install -y httpd')),
      yes(f('FROM centos:7', 'RUN yum install -y python3-devel')),
      yes(f('FROM centos:7', 'RUN yum install -y httpd-2.4.6 jq')),
      no(f('FROM centos:7', 'RUN yum install -y httpd-2.4.6')),
      no(f('FROM centos:7', 'RUN yum install -y /tmp/x.rpm')),
      no(f('FROM centos:7', 'RUN yum install -y bash-4.2.46-35.el7'))
    ]
  },
  DL3034: {
    rule: 'zypper-non-interactive',
    cases: [
      yes(f('FROM opensuse/leap:15.6', 'RUN zypper install curl')),
      yes(f('FROM opensuse/leap:15.6', 'RUN zypper in git')),
      yes(f('FROM opensuse/leap:15.6', 'RUN zypper remove vim')),
      no(f('FROM opensuse/leap:15.6', 'RUN zypper -n install curl')),
      no(f('FROM opensuse/leap:15.6', 'RUN zypper install -y curl')),
      no(f('FROM opensuse/leap:15.6', 'RUN zypper --non-interactive in git'))
    ]
  },
  DL3035: {
    rule: 'zypper-dist-upgrade',
    cases: [
      yes(f('FROM opensuse/tumbleweed', 'RUN zypper dist-upgrade')),
      yes(f('FROM opensuse/tumbleweed', 'RUN zypper dup')),
      yes(f('FROM opensuse/tumbleweed', 'RUN zypper -n refresh && zypper -n dup')),
      no(f('FROM opensuse/leap:15.6', 'RUN zypper -n update')),
      no(f('FROM opensuse/leap:15.6', 'RUN zypper -n patch')),
      no(f('FROM debian:12', 'RUN apt-get dist-upgrade -y'))
    ]
  },
  DL3036: {
    rule: 'zypper-cache-left',
    cases: [
      yes(f('FROM opensuse/leap:15.6', 'RUN zypper -n install curl')),
      yes(f('FROM opensuse/leap:15.6', 'RUN zypper -n in git')),
      yes(f('FROM opensuse/leap:15.6', 'RUN zypper clean && zypper -n install curl')),
      no(f('FROM opensuse/leap:15.6', 'RUN zypper -n install curl && zypper clean')),
      no(f('FROM opensuse/leap:15.6', 'RUN zypper -n in git && zypper cc')),
      no(f('FROM opensuse/leap:15.6', 'RUN zypper -n remove vim')),
      yes(f('FROM opensuse/leap:15.6 AS build', 'RUN zypper -n install gcc', 'FROM scratch', 'COPY --from=build /a /a'), { fires: false, because: SHIPS_ONLY })
    ]
  },
  DL3037: {
    rule: 'zypper-package-unpinned',
    options: PIN,
    cases: [
      yes(f('FROM opensuse/leap:15.6', 'RUN zypper -n install curl')),
      yes(f('FROM opensuse/leap:15.6', 'RUN zypper -n in git')),
      yes(f('FROM opensuse/leap:15.6', 'RUN zypper -n install curl=8.6.0 git')),
      no(f('FROM opensuse/leap:15.6', 'RUN zypper -n install curl=8.6.0')),
      no(f('FROM opensuse/leap:15.6', "RUN zypper -n install 'git>=2.43'")),
      no(f('FROM opensuse/leap:15.6', 'RUN zypper -n install /tmp/x.rpm'))
    ]
  },
  DL3038: {
    rule: 'dnf-assume-yes',
    cases: [
      yes(f('FROM fedora:40', 'RUN dnf install httpd')),
      yes(f('FROM fedora:40', 'RUN dnf groupinstall "Development Tools"')),
      yes(f('FROM fedora:40', 'RUN dnf localinstall /tmp/x.rpm')),
      no(f('FROM fedora:40', 'RUN dnf install -y httpd')),
      no(f('FROM fedora:40', 'RUN dnf --assumeyes install httpd')),
      no(f('FROM fedora:40', 'RUN dnf clean all')),
      yes(f('FROM registry.access.redhat.com/ubi9/ubi-minimal', 'RUN microdnf install httpd'), { fires: false, because: 'microdnf never asks: its -y does nothing' })
    ]
  },
  DL3040: {
    rule: 'dnf-cache-left',
    cases: [
      yes(f('FROM fedora:40', 'RUN dnf install -y httpd')),
      yes(f('FROM registry.access.redhat.com/ubi9/ubi-minimal', 'RUN microdnf install -y httpd')),
      yes(f('FROM fedora:40', 'RUN dnf clean all && dnf install -y git')),
      no(f('FROM fedora:40', 'RUN dnf install -y httpd && dnf clean all')),
      no(f('FROM registry.access.redhat.com/ubi9/ubi-minimal', 'RUN microdnf install -y httpd && microdnf clean all')),
      no(f('FROM registry.access.redhat.com/ubi9/ubi-minimal', 'RUN microdnf install -y httpd && rm -rf /var/cache/yum/*')),
      yes(f('FROM fedora:40 AS build', 'RUN dnf install -y gcc', 'FROM scratch', 'COPY --from=build /a /a'), { fires: false, because: SHIPS_ONLY })
    ]
  },
  DL3041: {
    rule: 'dnf-package-unpinned',
    options: PIN,
    cases: [
      yes(f('FROM fedora:40', 'RUN dnf install -y httpd')),
      yes(f('FROM registry.access.redhat.com/ubi9/ubi-minimal', 'RUN microdnf install -y jq')),
      yes(f('FROM fedora:40', 'RUN dnf module install -y nodejs')),
      no(f('FROM fedora:40', 'RUN dnf install -y httpd-2.4.62')),
      no(f('FROM fedora:40', 'RUN dnf install -y /tmp/x.rpm')),
      no(f('FROM fedora:40', 'RUN dnf module install -y nodejs:20'))
    ]
  },
  DL3042: {
    rule: 'pip-cache',
    cases: [
      yes(f('FROM python:3.12', 'RUN pip install flask')),
      yes(f('FROM python:3.12', 'RUN pip3 install -r requirements.txt')),
      yes(f('FROM python:3.12', 'RUN python -m pip install gunicorn')),
      no(f('FROM python:3.12', 'RUN pip install --no-cache-dir flask')),
      no(f('FROM python:3.12', 'ENV PIP_NO_CACHE_DIR=1', 'RUN pip install flask')),
      no(f('FROM python:3.12', 'RUN --mount=type=cache,target=/root/.cache/pip pip install flask'))
    ]
  },
  DL3043: {
    rule: 'onbuild-invalid-trigger',
    cases: [
      yes(f('FROM node:20', 'ONBUILD ONBUILD COPY . /app')),
      no(f('FROM node:20', 'ONBUILD WORKDIR /app')),
      yes(f('FROM node:20', 'ONBUILD ONBUILD RUN npm ci')),
      yes(f('FROM node:20', 'ONBUILD FROM alpine:3.20')),
      yes(f('FROM node:20', 'ONBUILD MAINTAINER someone')),
      no(f('FROM node:20', 'ONBUILD RUN npm ci')),
      no(f('FROM node:20', 'ONBUILD COPY . /app')),
      no(f('FROM node:20', 'ONBUILD ENV NODE_ENV=production'))
    ]
  },
  DL3044: {
    rule: 'env-self-reference',
    cases: [
      yes(f('FROM debian:12', 'ENV BASE=/opt APP=${BASE}/app')),
      no(f('FROM debian:12', 'ENV A=1 B=2')),
      yes(f('FROM debian:12', 'ENV A=1 B=$A')),
      yes(f('FROM debian:12', 'ENV JAVA_HOME=/opt/java PATH=${JAVA_HOME}/bin:$PATH')),
      yes(f('FROM debian:12', 'ENV URL=https://x/$VERSION VERSION=2')),
      no(f('FROM debian:12', 'ENV PATH=/opt/bin:$PATH')),
      no(f('FROM debian:12', 'ENV A=1', 'ENV B=$A')),
      no(f('FROM debian:12', 'ENV A=1 B=$AB'))
    ]
  },
  DL3045: {
    rule: 'copy-relative-without-workdir',
    cases: [
      no(f('# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'COPY run.ps1 c:\\tools\\run.ps1')),
      no(f('FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'COPY run.ps1 d:/tools/run.ps1')),
      no(f('FROM debian:12', 'COPY run.sh "$TOOLS_DIR"')),
      no(f('FROM debian:12', 'ONBUILD WORKDIR /usr/local/lib', 'ONBUILD COPY foo bar')),
      yes(f('FROM debian:12 AS stage1', 'WORKDIR /usr', 'FROM debian:12', 'COPY foo bar')),
      no(f('FROM debian:12', 'COPY run.sh ${TOOLS_DIR}')),
      no(f('FROM debian:12 AS base1', 'WORKDIR /usr', 'FROM base1 AS base2', 'RUN true', 'FROM base2', 'COPY foo bar')),
      no(f('FROM debian:12', 'COPY run.sh "/usr/local/bin/run.sh"')),
      yes(f('FROM node:20', 'COPY package.json app/')),
      yes(f('FROM node:20', 'COPY . app')),
      yes(f('FROM node:20', 'COPY a.txt b.txt dir/')),
      no(f('FROM node:20', 'WORKDIR /app', 'COPY . .')),
      no(f('FROM node:20', 'COPY . /app')),
      no(f('FROM node:20 AS base', 'WORKDIR /app', 'FROM base', 'COPY . .'))
    ]
  },
  DL3046: {
    rule: 'useradd-high-uid',
    cases: [
      yes(f('FROM debian:12', 'RUN useradd -u 123456 app')),
      yes(f('FROM debian:12', 'RUN useradd -m -u 99999999 app')),
      yes(f('FROM debian:12', 'RUN groupadd g && useradd -r -u 1000000 -g g app')),
      no(f('FROM debian:12', 'RUN useradd -l -u 123456 app')),
      no(f('FROM debian:12', 'RUN useradd --no-log-init -u 1000000 app')),
      no(f('FROM debian:12', 'RUN useradd -u 1000 app')),
      no(f('FROM debian:12', 'RUN useradd --uid 123456 app'), { fires: true, because: '--uid is -u' })
    ]
  },
  DL3047: {
    rule: 'wget-progress',
    levels: { 'wget-progress': 'info' },
    cases: [
      yes(f('FROM debian:12', 'RUN wget https://example.com/big.tar.gz')),
      yes(f('FROM debian:12', 'RUN wget -O /tmp/a https://example.com/a')),
      yes(f('FROM debian:12', 'RUN wget -c https://example.com/a && tar -xf a')),
      no(f('FROM debian:12', 'RUN wget --progress=dot:giga https://example.com/a')),
      no(f('FROM debian:12', 'RUN wget -q https://example.com/a')),
      no(f('FROM debian:12', 'RUN wget -nv https://example.com/a')),
      yes(f('FROM alpine:3.20', 'RUN wget https://example.com/a'), { fires: false, because: 'BusyBox wget has no dot progress and no --progress option' })
    ]
  },
  DL3048: {
    rule: 'label-invalid-key',
    labels: schema({ team: 'text' }),
    cases: [
      yes(f('FROM alpine:3.20', 'LABEL .invalid="foo"', 'LABEL team=x')),
      yes(f('FROM alpine:3.20', 'LABEL -invalid="foo"', 'LABEL team=x')),
      no(f('FROM alpine:3.20', 'LABEL validlabel="foo" team=x')),
      yes(f('FROM alpine:3.20', 'LABEL com.docker.label="foo"', 'LABEL team=x')),
      yes(f('FROM alpine:3.20', 'LABEL invalid..character="foo"', 'LABEL team=x')),
      yes(f('FROM alpine:3.20', 'LABEL 1invalid="foo"', 'LABEL team=x')),
      yes(f('FROM alpine:3.20', 'LABEL Bad_Key="foo"', 'LABEL team=x')),
      no(f('FROM alpine:3.20', 'LABEL org.valid-key.label3="foo"', 'LABEL team=x')),
      no(f('FROM alpine:3.20', 'LABEL team=x maintainer="someone"')),
      no(f('FROM alpine:3.20', 'LABEL org.opencontainers.image.source=https://a.example team=x')),
      yes(f('FROM alpine:3.20', 'LABEL com.docker.desktop.extension.api.version=">= 0.3.0"', 'LABEL team=x'), { fires: false, because: 'Docker documents these keys for Docker Desktop extensions, which must set them' }),
      yes(f('FROM alpine:3.20 AS build', 'LABEL com.docker.label=x', 'FROM alpine:3.20', 'COPY --from=build /a /a', 'LABEL team=x'), { fires: false, because: 'only the shipped image\'s labels are judged: a build stage\'s labels are never seen' })
    ]
  },
  DL3049: {
    rule: 'label-missing',
    labels: schema({ foo: 'text' }),
    cases: [
      yes(f('FROM stage1:1', 'FROM stage2:1', 'LABEL bar=baz')),
      no(f('FROM stage1:1', 'LABEL foo=bar', 'FROM stage1:1', 'LABEL foo=baz')),
      yes(f('FROM baseimage:1')),
      yes(f('FROM baseimage:1', 'LABEL bar="baz"')),
      yes(f('FROM baseimage:1 AS base', 'FROM base', 'LABEL bar=baz')),
      yes(f('FROM a:1', 'LABEL foo=bar', 'FROM b:1')),
      no(f('FROM baseimage:1', 'LABEL foo="bar"')),
      no(f('FROM baseimage:1 AS base', 'LABEL foo="bar"', 'FROM base')),
      no(f('FROM baseimage:1', 'LABEL a=1 foo=2 b=3')),
      yes(f('FROM a:1 AS build', 'RUN make', 'FROM b:1', 'COPY --from=build /out /out', 'LABEL foo=bar'), { fires: false, because: 'only the shipped image must carry the labels: a build stage\'s never reach anyone' })
    ]
  },
  DL3050: {
    rule: 'label-not-in-schema',
    labels: schema({ required: 'text' }, true),
    cases: [
      yes(f('FROM alpine:3.20', 'LABEL other="bar"')),
      yes(f('FROM alpine:3.20', 'LABEL required="foo" other="bar"')),
      yes(f('FROM alpine:3.20', 'LABEL required=foo', 'LABEL build-host=ci')),
      no(f('FROM alpine:3.20')),
      no(f('FROM alpine:3.20', 'LABEL required="foo"')),
      no(f('FROM alpine:3.20', 'LABEL required=a', 'LABEL required=b'))
    ]
  },
  DL3051: {
    rule: 'label-empty',
    labels: schema({ emptylabel: 'text' }),
    cases: [
      yes(f('FROM scratch', 'LABEL emptylabel=""', 'COPY a /a'), { fires: false, because: 'a scratch stage that only gets files copied in is an artifact for --output, not an image anyone runs: its labels are never read' }),
      no(f('FROM scratch', 'LABEL emptylabel=""', 'LABEL emptylabel="set"')),
      yes(f('FROM alpine:3.20', 'LABEL emptylabel=""')),
      yes(f('FROM alpine:3.20', 'LABEL emptylabel=" "')),
      yes(f('FROM alpine:3.20', 'LABEL other=x emptylabel=""')),
      no(f('FROM alpine:3.20', 'LABEL emptylabel="not empty"')),
      no(f('FROM alpine:3.20', 'LABEL other=""', 'LABEL emptylabel=x')),
      no(f('FROM alpine:3.20', 'LABEL emptylabel=1'))
    ]
  },
  DL3052: {
    rule: 'label-invalid-url',
    labels: schema({ urllabel: 'url' }),
    cases: [
      yes(f('FROM alpine:3.20', 'LABEL urllabel="www example com"')),
      no(f('FROM alpine:3.20', 'LABEL urllabel="ftp://ftp.example.com/pub/"')),
      yes(f('FROM alpine:3.20', 'LABEL urllabel="not-url"')),
      yes(f('FROM alpine:3.20', 'LABEL urllabel="github.com/org/app"')),
      yes(f('FROM alpine:3.20', 'LABEL urllabel="see the wiki"')),
      no(f('FROM alpine:3.20', 'LABEL urllabel="http://example.com"')),
      no(f('FROM alpine:3.20', 'LABEL urllabel="https://github.com/org/app?tab=readme#top"')),
      no(f('FROM alpine:3.20', 'LABEL other="not-url"', 'LABEL urllabel=https://a.example')),
      yes(f('FROM alpine:3.20', 'ARG URL=unknown', 'LABEL urllabel=$URL'), { fires: false, because: 'a value from a build argument is set at build time; hadolint asks to type such labels text, we judge only literal values' })
    ]
  },
  DL3053: {
    rule: 'label-invalid-rfc3339',
    labels: schema({ datelabel: 'rfc3339' }),
    cases: [
      yes(f('FROM alpine:3.20', 'LABEL datelabel="not-date"')),
      yes(f('FROM alpine:3.20', 'LABEL datelabel="today"')),
      yes(f('FROM alpine:3.20', 'LABEL datelabel="2024-13-01T00:00:00Z"')),
      no(f('FROM alpine:3.20', 'LABEL datelabel="2021-03-10T10:26:33.564595127+01:00"')),
      no(f('FROM alpine:3.20', 'LABEL datelabel="2021-03-23 13:04:29.300508335+01:00"')),
      no(f('FROM alpine:3.20', 'LABEL other="doo"', 'LABEL datelabel=2024-05-01T00:00:00Z'))
    ]
  },
  DL3054: {
    rule: 'label-invalid-spdx',
    labels: schema({ spdxlabel: 'spdx' }),
    cases: [
      yes(f('FROM alpine:3.20', 'LABEL spdxlabel="GPLv2"')),
      no(f('FROM alpine:3.20', 'LABEL spdxlabel="Apache-2.0 OR MIT"')),
      yes(f('FROM alpine:3.20', 'LABEL spdxlabel="not-spdx"')),
      yes(f('FROM alpine:3.20', 'LABEL spdxlabel="Thou shall not copyright infringe"')),
      yes(f('FROM alpine:3.20', 'LABEL spdxlabel="Apache2"')),
      no(f('FROM alpine:3.20', 'LABEL spdxlabel="BSD-3-Clause"')),
      no(f('FROM alpine:3.20', 'LABEL spdxlabel="MIT"')),
      no(f('FROM alpine:3.20', 'LABEL other="fooo"', 'LABEL spdxlabel=GPL-2.0-only'))
    ]
  },
  DL3055: {
    rule: 'label-invalid-hash',
    labels: schema({ hashlabel: 'hash' }),
    cases: [
      yes(f('FROM alpine:3.20', 'LABEL hashlabel="not-a-hash"')),
      yes(f('FROM alpine:3.20', 'LABEL hashlabel="main"')),
      yes(f('FROM alpine:3.20', 'LABEL hashlabel="2c1b"')),
      no(f('FROM alpine:3.20', 'LABEL hashlabel="2c1b3a4d5e6f708192a3b4c5d6e7f80912a3b4c5"')),
      no(f('FROM alpine:3.20', 'LABEL hashlabel="2c1b3a4"')),
      no(f('FROM alpine:3.20', 'LABEL other="xyz"', 'LABEL hashlabel=2c1b3a4')),
      yes(f('FROM alpine:3.20', 'LABEL hashlabel="2c1b3a4d5e"'), { fires: false, because: 'git abbreviates to more than 7 digits in large repositories (git rev-parse --short): any length from 7 to 40 is a commit' })
    ]
  },
  DL3056: {
    rule: 'label-invalid-semver',
    labels: schema({ semver: 'semver' }),
    cases: [
      yes(f('FROM alpine:3.20', 'LABEL semver="1.2.3.4"')),
      no(f('FROM alpine:3.20', 'LABEL semver="0.1.0"')),
      yes(f('FROM alpine:3.20', 'LABEL semver="something-other-than-a-version-number"')),
      yes(f('FROM alpine:3.20', 'LABEL semver="v1.0.0"')),
      yes(f('FROM alpine:3.20', 'LABEL semver="1.0"')),
      no(f('FROM alpine:3.20', 'LABEL semver="1.0.0-rc1"')),
      no(f('FROM alpine:3.20', 'LABEL semver="2.0.0+build.5"')),
      no(f('FROM alpine:3.20', 'LABEL other="x"', 'LABEL semver=1.2.3')),
      yes(f('FROM debian:buster', 'ARG VERSION="du-jour"', 'LABEL semver="${VERSION}"'), { fires: false, because: 'a value from a build argument is set at build time (hadolint\'s README asks to type such labels text instead)' })
    ]
  },
  DL3058: {
    rule: 'label-invalid-email',
    labels: schema({ maintainer: 'email' }),
    cases: [
      yes(f('FROM alpine:3.20', 'LABEL maintainer="not-an-email"')),
      yes(f('FROM alpine:3.20', 'LABEL maintainer="jane@"')),
      yes(f('FROM alpine:3.20', 'LABEL maintainer="a@b@example.com"')),
      no(f('FROM alpine:3.20', 'LABEL maintainer="jane.doe@example.com"')),
      no(f('FROM alpine:3.20', 'LABEL maintainer="ops+docker@example.co.uk"')),
      no(f('FROM alpine:3.20', 'LABEL other="x"', 'LABEL maintainer=team@example.com')),
      yes(f('FROM alpine:3.20', 'LABEL maintainer="Jane Doe <jane@example.com>"'), { fires: false, because: 'a mailbox with a display name is an RFC 5322 address (name-addr), and the usual form of a maintainer label' })
    ]
  },
  DL3057: {
    rule: 'missing-healthcheck',
    levels: { 'missing-healthcheck': 'info' },
    cases: [
      yes(f('FROM nginx:1.27', 'EXPOSE 8080', 'CMD ["nginx"]')),
      no(f('FROM nginx:1.27 AS base', 'HEALTHCHECK CMD true', 'FROM base', 'EXPOSE 80')),
      yes(f('FROM nginx:1.27', 'EXPOSE 80', 'CMD ["nginx", "-g", "daemon off;"]')),
      yes(f('FROM node:20-slim', 'EXPOSE 3000', 'CMD ["node", "server.js"]')),
      yes(f('FROM python:3.12-slim', 'EXPOSE 8000', 'CMD ["gunicorn", "app:app"]')),
      no(f('FROM nginx:1.27', 'EXPOSE 80', 'HEALTHCHECK CMD curl -f http://localhost/ || exit 1')),
      no(f('FROM node:20-slim AS base', 'HEALTHCHECK CMD node check.js', 'FROM base', 'EXPOSE 3000')),
      no(f('FROM nginx:1.27', 'EXPOSE 80', 'HEALTHCHECK NONE'))
    ]
  },
  DL3059: {
    rule: 'consecutive-run',
    cases: [
      yes(f('FROM debian:12', 'RUN apt-get update', 'RUN apt-get install -y curl')),
      yes(f('FROM debian:12', 'RUN apt-get install -y curl', 'RUN apt-get install -y jq')),
      yes(f('FROM alpine:3.20', 'RUN apk add --no-cache curl', 'RUN apk add --no-cache jq')),
      no(f('FROM debian:12', 'RUN apt-get update && apt-get install -y curl')),
      no(f('FROM debian:12', 'RUN apt-get install -y curl', 'COPY x /x', 'RUN apt-get install -y jq')),
      no(f('FROM debian:12', 'RUN echo a')),
      yes(f('FROM debian:12', 'RUN mkdir /a', 'RUN mkdir /b'), { fires: false, because: 'only consecutive package installs are worth a merge: other RUNs are often split on purpose for the cache' }),
      yes(f('FROM debian:12 AS build', 'RUN apt-get install -y gcc', 'RUN apt-get install -y make', 'FROM scratch', 'COPY --from=build /a /a'), { fires: false, because: SHIPS_ONLY })
    ]
  },
  DL3060: {
    rule: 'yarn-cache-left',
    cases: [
      yes(f('FROM node:20', 'RUN yarn install')),
      yes(f('FROM node:20', 'RUN yarn install --frozen-lockfile --production')),
      yes(f('FROM node:20', 'WORKDIR /app', 'RUN yarn install && yarn build')),
      no(f('FROM node:20', 'RUN yarn install && yarn cache clean')),
      no(f('FROM node:20', 'RUN yarn build')),
      no(f('FROM node:20 AS deps', 'RUN yarn install', 'FROM node:20-slim', 'COPY --from=deps /app /app'))
    ]
  },
  DL3061: {
    rule: 'parse-error',
    cases: [
      yes(f('RUN echo hi', 'FROM alpine:3.20')),
      yes(f('# a comment', 'ENV A=1', 'FROM alpine:3.20')),
      yes(f('ARG BASE=alpine:3.20', 'LABEL a=b', 'FROM $BASE')),
      no(f('FROM alpine:3.20')),
      no(f('# syntax=docker/dockerfile:1', 'ARG BASE=alpine:3.20', 'FROM $BASE')),
      no(f('# only a comment first', '', 'FROM alpine:3.20', 'RUN echo hi'))
    ]
  },
  DL3062: {
    rule: 'go-install-unpinned',
    options: PIN,
    cases: [
      yes(f('FROM golang:1.22', 'RUN go install github.com/org/tool/cmd/tool', 'CMD ["tool"]')),
      yes(f('FROM golang:1.22', 'RUN go install golang.org/x/tools/cmd/goimports github.com/a/b@v1.0.0', 'CMD ["goimports"]')),
      yes(f('FROM golang:1.22', 'RUN CGO_ENABLED=0 go install -ldflags=-s github.com/org/tool', 'CMD ["tool"]')),
      no(f('FROM golang:1.22', 'RUN go install github.com/org/tool@v1.2.3', 'CMD ["tool"]')),
      no(f('FROM golang:1.22', 'RUN go install ./cmd/...', 'CMD ["app"]')),
      no(f('FROM golang:1.22', 'RUN go build -o /app .', 'CMD ["/app"]'))
    ]
  },
  DL3063: {
    rule: 'reserved-stage-name',
    cases: [
      yes(f('FROM alpine:3.20 AS context', 'FROM alpine:3.20')),
      no(f('FROM alpine:3.20 AS ctx')),
      yes(f('FROM alpine:3.20 AS scratch')),
      yes(f('FROM alpine:3.20 AS context')),
      yes(f('FROM alpine:3.20 AS build', 'FROM alpine:3.20 AS scratch')),
      no(f('FROM alpine:3.20 AS build')),
      no(f('FROM scratch')),
      no(f('FROM alpine:3.20 AS scratchpad'))
    ]
  },
  DL3064: {
    rule: 'secrets-in-arg-env',
    cases: [
      yes(f('FROM alpine:3.20', 'ARG API_TOKEN=abc123def456', 'RUN curl -H "Authorization: $API_TOKEN" https://example.com')),
      yes(f('FROM alpine:3.20', 'ENV DB_PASSWORD=s3cr3t-Pa55')),
      yes(f('FROM alpine:3.20', 'ENV AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')),
      no(f('FROM alpine:3.20', 'ENV APP_VERSION=1.2.3')),
      no(f('FROM alpine:3.20', 'ARG PUBLIC_KEY_URL=https://example.com/key.pub')),
      no(f('FROM alpine:3.20', 'RUN --mount=type=secret,id=token cat /run/secrets/token'))
    ]
  },
  DL3065: {
    rule: 'redundant-target-platform',
    cases: [
      yes(f('FROM --platform=$TARGETPLATFORM debian:12 AS runtime')),
      no(f('FROM --platform=$BUILDPLATFORM node:20 AS assets')),
      yes(f('FROM --platform=$TARGETPLATFORM alpine:3.20')),
      yes(f('FROM --platform=${TARGETPLATFORM} alpine:3.20 AS app')),
      yes(f('FROM golang:1.22 AS build', 'FROM --platform=$TARGETPLATFORM alpine:3.20', 'COPY --from=build /a /a')),
      no(f('FROM alpine:3.20')),
      no(f('FROM --platform=$BUILDPLATFORM golang:1.22 AS build')),
      no(f('FROM --platform=linux/amd64 alpine:3.20'))
    ]
  },
  DL3066: {
    rule: 'user-not-numeric',
    cases: [
      yes(f('FROM node:20-slim', 'EXPOSE 3000', 'USER node')),
      yes(f('FROM debian:12', 'RUN useradd -u 10001 app', 'EXPOSE 80', 'USER app')),
      yes(f('FROM debian:12', 'EXPOSE 80', 'USER app:app')),
      no(f('FROM debian:12', 'EXPOSE 80', 'USER 10001')),
      no(f('FROM debian:12', 'EXPOSE 80', 'USER 10001:10001')),
      no(f('FROM debian:12', 'EXPOSE 80', 'USER $APP_UID')),
      yes(f('FROM debian:12', 'RUN useradd -m user', 'USER user', 'ENTRYPOINT ["vlc"]'), { fires: false, because: 'only a service (an image that serves a port) runs where runAsNonRoot checks the user' }),
      yes(f('FROM debian:12 AS build', 'USER builder', 'FROM debian:12', 'EXPOSE 80', 'USER 10001'), { fires: false, because: 'only the shipped image\'s final user counts' })
    ]
  },
  DL3067: {
    rule: 'broad-copy-from',
    cases: [
      yes(f('FROM golang:1.22 AS build', 'RUN go build -o /app .', 'FROM debian:12-slim', 'COPY --from=build / /')),
      yes(f('FROM node:20 AS build', 'RUN npm ci && npm run build', 'FROM node:20-slim', 'COPY --from=build / /')),
      yes(f('FROM debian:12 AS rootfs', 'RUN apt-get update && apt-get install -y curl', 'FROM debian:12-slim', 'COPY --from=rootfs / /')),
      no(f('FROM golang:1.22 AS build', 'RUN go build -o /app .', 'FROM debian:12-slim', 'COPY --from=build /app /app')),
      no(f('FROM debian:12-slim', 'COPY --from=tonistiigi/xx:1.4 / /')),
      no(f('FROM golang:1.22 AS build', 'RUN go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app')),
      yes(f('FROM tonistiigi/xx:1.4 AS xx', 'FROM debian:12-slim', 'COPY --from=xx / /'), { fires: false, because: 'a stage that only names a helper image is made to be copied whole' })
    ]
  },
  DL4000: {
    rule: 'maintainer-deprecated',
    cases: [
      yes(f('FROM debian:12', 'MAINTAINER Jane Doe <jane@example.com>', 'RUN true')),
      no(f('FROM debian:12', 'LABEL org.opencontainers.image.authors="Jane Doe"')),
      yes(f('FROM alpine:3.20', 'MAINTAINER someone <a@example.com>')),
      yes(f('FROM alpine:3.20', 'maintainer someone')),
      yes(f('FROM alpine:3.20 AS a', 'MAINTAINER x', 'FROM alpine:3.20')),
      no(f('FROM alpine:3.20', 'LABEL maintainer="someone"')),
      no(f('FROM alpine:3.20', 'LABEL org.opencontainers.image.authors="someone"')),
      no(f('FROM alpine:3.20', 'RUN echo MAINTAINER'))
    ]
  },
  DL4001: {
    rule: 'wget-and-curl',
    cases: [
      yes(f('FROM debian:12', 'RUN apt-get install -y curl wget', 'RUN wget -q https://example.com/a', 'RUN curl -fsSLO https://example.com/b')),
      yes(f('FROM alpine:3.20', 'RUN apk add --no-cache curl && curl -fsSLO https://example.com/a', 'RUN wget -q https://example.com/b')),
      yes(f('FROM debian:12', 'RUN wget -q https://example.com/a', 'RUN apt-get install -y curl && curl -fsSLO https://example.com/b')),
      no(f('FROM debian:12', 'RUN curl -fsSLO https://example.com/a', 'RUN curl -fsSLO https://example.com/b')),
      no(f('FROM alpine:3.20 AS a', 'RUN wget -q https://example.com/a', 'FROM alpine:3.20', 'RUN curl -fsSLO https://example.com/b')),
      no(f('FROM debian:12', 'RUN apt-get install -y curl wget')),
      yes(f('FROM buildpack-deps:bookworm', 'RUN wget -q https://example.com/a && curl -fsSLO https://example.com/b'), { fires: false, because: 'both come with the base image: nothing extra is installed' })
    ]
  },
  DL4003: {
    rule: 'multiple-cmd',
    cases: [
      yes(f('FROM alpine:3.20 AS a', 'FROM alpine:3.20', 'CMD ["a"]', 'CMD ["b"]')),
      no(f('FROM alpine:3.20', 'CMD ["a"]', 'FROM alpine:3.20', 'CMD ["b"]')),
      yes(f('FROM alpine:3.20', 'CMD ["a"]', 'CMD ["b"]')),
      yes(f('FROM alpine:3.20', 'CMD a', 'RUN true', 'CMD ["b"]')),
      yes(f('FROM alpine:3.20', 'CMD ["a"]', 'CMD ["b"]', 'CMD ["c"]')),
      no(f('FROM alpine:3.20', 'CMD ["a"]')),
      no(f('FROM alpine:3.20 AS a', 'CMD ["a"]', 'FROM a', 'CMD ["b"]')),
      no(f('FROM alpine:3.20', 'ENTRYPOINT ["a"]', 'CMD ["b"]'))
    ]
  },
  DL4004: {
    rule: 'multiple-entrypoint',
    cases: [
      yes(f('FROM alpine:3.20 AS a', 'FROM alpine:3.20', 'ENTRYPOINT ["a"]', 'ENTRYPOINT ["b"]')),
      no(f('FROM alpine:3.20', 'ENTRYPOINT ["a"]', 'FROM alpine:3.20', 'ENTRYPOINT ["b"]')),
      yes(f('FROM alpine:3.20', 'ENTRYPOINT ["a"]', 'ENTRYPOINT ["b"]')),
      yes(f('FROM alpine:3.20', 'ENTRYPOINT a', 'ENTRYPOINT ["b"]')),
      yes(f('FROM alpine:3.20', 'ENTRYPOINT ["a"]', 'CMD ["x"]', 'ENTRYPOINT ["b"]')),
      no(f('FROM alpine:3.20', 'ENTRYPOINT ["a"]')),
      no(f('FROM alpine:3.20 AS a', 'ENTRYPOINT ["a"]', 'FROM a', 'ENTRYPOINT ["b"]')),
      no(f('FROM alpine:3.20', 'ENTRYPOINT ["a"]', 'CMD ["b"]'))
    ]
  },
  DL4005: {
    rule: 'shell-via-symlink',
    cases: [
      yes(f('FROM ubuntu:24.04', 'RUN ln -sf /bin/bash /bin/sh')),
      yes(f('FROM debian:12', 'RUN rm /bin/sh && ln -s /bin/bash /bin/sh')),
      yes(f('FROM debian:12', 'RUN ln -sfn bash /bin/sh')),
      no(f('FROM ubuntu:24.04', 'SHELL ["/bin/bash", "-c"]')),
      no(f('FROM ubuntu:24.04', 'RUN ln -s /usr/bin/python3 /usr/bin/python')),
      no(f('FROM ubuntu:24.04', 'RUN ln -s /bin/sh /usr/local/bin/mysh'))
    ]
  },
  DL4006: {
    rule: 'pipefail',
    cases: [
      yes(f('FROM debian:12', 'RUN curl -fsSL https://example.com/install.sh | sh')),
      yes(f('FROM ubuntu:24.04', 'RUN wget -qO- https://example.com/setup | bash -')),
      yes(f('FROM debian:12', 'RUN curl -fsSL https://example.com/conf | sed s/a/b/ > /etc/app.conf')),
      no(f('FROM debian:12', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'RUN curl -fsSL https://example.com/install.sh | sh')),
      no(f('FROM debian:12', 'RUN curl -fsSLo /a.tgz https://example.com/a.tgz && tar -xzf /a.tgz')),
      yes(f('FROM debian:12 AS base', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'FROM base', 'RUN curl -fsSL https://example.com/install.sh | sh'), { fires: false, because: 'a pipefail SHELL is inherited by a stage built FROM the stage that set it (hadolint#406)' }),
      yes(f('FROM alpine:3.20', 'RUN set -o pipefail && curl -fsSL https://example.com/install.sh | sh'), { fires: false, because: 'set -o pipefail in the RUN does what the SHELL would (BusyBox ash has it)' }),
      yes(f('FROM debian:12', 'RUN curl -fsSL https://example.com/a.tgz | tar -xz'), { fires: false, because: 'tar -xz fails on an empty or cut download, so the failure cannot go unseen' })
    ]
  }
}

/** hadolint codes we do not implement, and why (docs/hadolint-parity.md says the same): none left. */
export const NOT_IMPLEMENTED: Record<string, string> = {}

/** Codes hadolint deleted: nothing to match. */
export const DELETED = ['DL3005', 'DL3017', 'DL3031', 'DL3039', 'DL4002']
