/** build-tools-shipped: what it reports and what it must leave alone (docs/rules/build-tools-shipped.md). */
import { buildToolsShipped } from '../../src/rules/build-tools-shipped.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const BUILD_THEN_SHIP = (buildRun: string): string => df('FROM debian:bookworm AS build', buildRun, 'FROM debian:bookworm-slim', 'COPY --from=build /out /out')

testRule(buildToolsShipped, {
  valid: [
    // localstack: make and git are listed, and commented, as the image's run-time packages.
    { name: 'packages a comment inside the RUN calls run-time packages', code: df('FROM python:3.13-slim', 'RUN apt-get update && \\', '    apt-get install -y --no-install-recommends \\', '    # Runtime packages (groff-base is necessary for AWS CLI help)', '    ca-certificates curl git make', 'RUN npm install -g npm') },
    { name: 'packages the comment above calls run-time dependencies', code: df('FROM python:3.13-slim', '# Install runtime OS package dependencies', 'RUN apt-get update && apt-get install -y make gcc', 'RUN pip install -r requirements.txt') },
    { name: 'compilers in the build stage only', code: BUILD_THEN_SHIP('RUN apt-get install -y build-essential libssl-dev && make') },
    { name: 'a virtual group removed in the same RUN', code: df('FROM alpine:3', 'RUN apk add --no-cache --virtual .build-deps gcc musl-dev && make && apk del .build-deps') },
    { name: 'the apt-mark auto + purge --auto-remove pattern', code: df('FROM debian:12-slim', 'RUN apt-get install -y gcc && make && apt-mark auto ".*" && apt-get purge -y --auto-remove') },
    { name: 'apt-get purge --auto-remove of a computed list', code: df('FROM debian:12-slim', "RUN buildDeps='gcc make libc6-dev' \\", '  && apt-get update && apt-get install -y gcc make libc6-dev \\', '  && make \\', '  && apt-get purge -y --auto-remove $buildDeps') },
    { name: 'apt-get remove of a $(…) list', code: df('FROM debian:12-slim', 'RUN apt-get install -y gcc golang && go build ./... && apt-get remove --purge -y $(cat /tmp/new-packages)') },
    { name: 'apt-get autoremove after the build', code: df('FROM debian:12-slim', 'RUN apt-get install -y gcc && make && apt-get autoremove -y') },
    { name: 'apk del of the named tools', code: df('FROM alpine:3', 'RUN apk add --no-cache gcc musl-dev && make && apk del gcc musl-dev') },
    { name: 'apt-get purge of the pinned tools by name', code: df('FROM debian:12-slim', 'RUN apt-get install -y gcc=4:12.2.0-3 && make && apt-get purge -y gcc') },
    { name: 'an image built on buildpack-deps on purpose', code: df('FROM buildpack-deps:bookworm', 'RUN apt-get install -y libssl-dev gcc && make') },
    { name: 'golang:*-alpine is a toolchain base', code: df('FROM golang:1.22-alpine', 'RUN apk add --no-cache gcc musl-dev && go build -o /app .') },
    { name: 'rust:*-slim is a toolchain base', code: df('FROM rust:1.79-slim', 'RUN apt-get install -y pkg-config libssl-dev gcc && cargo build --release') },
    { name: 'an …-sdk image is a toolchain base', code: df('FROM example.com/tools/android-sdk:34', 'RUN apt-get install -y make && make') },
    { name: 'the full node image already has gcc and make (node-gyp)', code: df('FROM node:20-bookworm', 'RUN apt-get install -y build-essential && npm ci') },
    { name: 'the full php image keeps PHPIZE_DEPS for docker-php-ext-install', code: df('FROM php:8.3-apache', 'RUN apt-get install -y libpng-dev gcc && docker-php-ext-install gd') },
    // git is a run-time dependency of many programs (a Git server, buildkitd, an SDK that restores from git).
    { name: 'git alone', code: df('FROM golang:1.22 AS b', 'FROM alpine:3', 'RUN apk add --no-cache git', 'COPY --from=b /a /a', 'RUN git clone https://example.com/x /x') },
    // Desktop apps dlopen the unversioned .so that only the -dev package ships (libX11-xcb.so, libpcap.so).
    { name: 'a lone -dev package with no compiler', code: df('FROM debian:12-slim', 'RUN apt-get install -y libx11-xcb-dev', 'RUN make -C /opt/app') },
    { name: 'headers and git with no compiler', code: df('FROM debian:12-slim', 'RUN apt install -y git libgmp-dev libncurses-dev', 'RUN pip install foo') },
    // A compiler image, or a benchmark that compiles at run time: nothing in the file builds with them.
    { name: 'a compiler nothing in the file builds with', code: df('FROM debian:12-slim', 'RUN apt-get install -y gcc libc6-dev') },
    // The base image is the toolchain: the file builds with cmake and never installs it.
    {
      name: 'a build program the file never installs',
      code: df('FROM registry.example.com/bcc', 'RUN apt-get install -y clang gcc g++ git', 'RUN git clone https://example.com/tool.git /usr/src/tool && cd /usr/src/tool && cmake . && make install')
    },
    // The image builds a kernel module (or BPF programs) against the host's kernel when it runs.
    {
      name: 'a usage comment mounting /lib/modules and /usr/src',
      code: df('# docker run -v /lib/modules:/lib/modules -v /usr/src:/usr/src:ro example/wg', 'FROM debian:12-slim', 'RUN apt-get install -y build-essential libelf-dev git', 'RUN git clone https://example.com/wg.git /wg && git clone https://example.com/wg-tools.git /wg-tools && make -C /wg-tools/src install', 'ENTRYPOINT ["/entrypoint.sh"]')
    },
    {
      name: 'kernel sources cloned under /usr/src and never built',
      code: df('FROM debian:12-slim', 'RUN apt-get install -y build-essential gcc git', 'ENV KERNEL_TREE /usr/src/linux', 'RUN git clone -b v6.1 https://example.com/linux.git "${KERNEL_TREE}"', 'RUN git clone https://example.com/suite.git /opt/suite', 'WORKDIR /opt/suite', 'RUN make install')
    },
    { name: 'compilers used only by the program at run time', code: df('FROM alpine:3', 'RUN apk add --no-cache gcc make musl-dev perl', 'COPY Run /Run', 'ENTRYPOINT ["/Run"]') }
  ],
  invalid: [
    {
      // open-runtimes' runtimes: one recipe laid on the bases bake passes in, to build users' functions.
      name: 'a base named only by a build argument with no value: info, and why',
      code: df('ARG BASE_IMAGE', 'FROM ${BASE_IMAGE}', 'RUN apk add --no-cache bash npm python3 make g++ gcc git', 'RUN npm install pnpm -g', 'ENV SERVER_COMMAND="bun src/server.ts"'),
      errors: [{ line: 3, severity: 'info', message: 'the base comes from the build argument ${BASE_IMAGE}, so this may be an image made to build code on any base' }]
    },
    { name: 'a build argument with a default is a known base: a warning', code: df('ARG BASE_IMAGE=alpine:3.20', 'FROM ${BASE_IMAGE}', 'RUN apk add --no-cache make g++', 'RUN npm install'), errors: [{ line: 3, severity: 'warning' }] },
    { name: 'a comment further up does not speak for this RUN', code: df('FROM python:3.13-slim', '# Runtime image', '', 'RUN apt-get update && apt-get install -y gcc', 'RUN pip install psycopg2'), errors: [{ line: 4, message: 'gcc is installed to build (pip on line 5)' }] },
    { name: 'gcc and a -dev package, then pip install in a single stage', code: df('FROM python:3.12-slim', 'RUN apt-get install -y gcc libpq-dev', 'RUN pip install psycopg2'), errors: [{ line: 2, message: 'gcc, libpq-dev are installed to build (pip on line 3)' }] },
    { name: 'one tool: "it", not "them"', code: df('FROM alpine:3', 'RUN apk add --no-cache build-base && pip3 install -r requirements.txt'), errors: [{ line: 2, message: 'build-base is installed to build (pip3 in this RUN) and ships in the final image: split the file: install it in a build stage' }] },
    { name: 'a version pin is not shown', code: df('FROM debian:12-slim', 'RUN apt-get install -y gcc=4:12.2.0-3 make && make'), errors: [{ line: 2, message: 'gcc, make are installed' }] },
    { name: 'git is listed with the compilers it came with', code: df('FROM debian:12-slim', 'RUN apt-get install -y gcc git make', 'RUN git clone https://example.com/x /src && make -C /src'), errors: [{ line: 2, message: 'gcc, git, make are installed to build (make on line 3)' }] },
    { name: 'the runtime stage of a multi-stage file', code: df('FROM golang:1.22 AS b', 'FROM alpine:3', 'RUN apk add --no-cache build-base', 'COPY --from=b /a /a', 'RUN npm install'), errors: [{ line: 3, message: 'install it in a build stage and copy only the result' }] },
    { name: 'apk: the removal hint', code: df('FROM node:20-alpine', 'RUN apk add --no-cache build-base python3 && npm ci'), errors: [{ line: 2, message: 'apk add --virtual .build-deps … then apk del .build-deps' }] },
    { name: 'removing only some of them keeps the others', code: df('FROM debian:12-slim', 'RUN apt-get install -y gcc make libssl-dev && make && apt-get purge -y make'), errors: [{ line: 2, message: 'gcc, libssl-dev are installed' }] },
    { name: 'a removal in a later RUN does not shrink this layer', code: df('FROM alpine:3', 'RUN apk add --no-cache --virtual .build-deps gcc make musl-dev', 'RUN make', 'RUN apk del .build-deps'), errors: [{ line: 2 }] },
    { name: 'the slim node image has no compiler', code: df('FROM node:20-slim', 'RUN apt-get install -y g++ make python3 && npm ci'), errors: [{ line: 2 }] },
    { name: 'a build program installed by a pip package still counts as installed', code: df('FROM python:3.12-slim', 'RUN apt-get install -y gcc g++ make && pip install cmake && cmake . && make'), errors: [{ line: 2 }] },
    { name: 'installs through a variable: what they hold is unknown', code: df('FROM debian:12-slim', 'ENV DEPS="gcc make"', 'RUN apt-get install -y $DEPS gcc', 'RUN make'), errors: [{ line: 3 }] },
    {
      name: 'sources under /usr/src that the file builds',
      code: df('FROM debian:12-slim', 'RUN apt-get install -y build-essential git', 'RUN git clone https://example.com/app.git /usr/src/app && make -C /usr/src/app install'),
      errors: [{ line: 2 }]
    },
    { name: '/lib/modules alone (modprobe at run time) is no kernel build', code: df('# docker run -v /lib/modules:/lib/modules example/x', 'FROM debian:12-slim', 'RUN apt-get install -y gcc make kmod', 'RUN make -C /opt/x'), errors: [{ line: 3 }] },
    { name: 'used by a stage built FROM this one', code: df('FROM debian:12-slim AS base', 'RUN apt-get install -y gcc make', 'FROM base', 'RUN make'), errors: [{ line: 2 }] }
  ]
})
