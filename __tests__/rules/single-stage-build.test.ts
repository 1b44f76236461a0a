/** single-stage-build: what it reports and what it must leave alone (docs/rules/single-stage-build.md). */
import { singleStageBuild } from '../../src/rules/single-stage-build.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(singleStageBuild, {
  valid: [
    { name: 'the build in a build stage', code: df('FROM node:20 AS b', 'RUN npm ci && npm run build', 'FROM node:20-slim', 'COPY --from=b /app/dist /app/dist') },
    { name: 'built from source with the toolchain removed in the same RUN', code: df('FROM alpine:3', 'RUN apk add --virtual .deps gcc make && make && make install && apk del .deps') },
    {
      name: 'a kernel module built at run time (usage mounts /lib/modules and /usr/src)',
      code: df('# docker run -v /lib/modules:/lib/modules -v /usr/src:/usr/src:ro example/wg', 'FROM debian:12-slim', 'RUN apt-get install -y build-essential git', 'RUN git clone https://example.com/wg.git /wg && git clone https://example.com/tools.git /tools && cd /tools && make && make install', 'ENTRYPOINT ["/entrypoint.sh"]')
    },
    { name: 'a toolchain base (heavy-final-base covers it)', code: df('FROM golang:1.22', 'RUN go build -o /app') },
    { name: 'no build at all', code: df('FROM nginx:1', 'COPY site /usr/share/nginx/html') },
    {
      name: 'apk del $buildDeps in the same RUN',
      code: df('FROM alpine:3', "RUN buildDeps='g++ git make' \\", '  && apk --no-cache add $buildDeps \\', '  && git clone https://example.com/x /usr/src/x && (cd /usr/src/x && make && mv bin/x /usr/local/bin/) \\', '  && apk del $buildDeps')
    },
    { name: 'apt-get purge --auto-remove $buildDeps in the same RUN', code: df('FROM debian:12-slim', "RUN buildDeps='gcc make' && apt-get update && apt-get install -y $buildDeps && make && apt-get purge -y --auto-remove $buildDeps") },
    { name: 'the source tree removed in the same RUN', code: df('FROM debian:12-slim', 'RUN git clone https://example.com/x /usr/src/x \\', '  && (cd /usr/src/x && mkdir build && cd build && cmake .. && make && make install) \\', '  && rm -rf /usr/src/x') },
    { name: 'the cloned folder removed in the same RUN', code: df('FROM debian:12-slim', 'RUN git clone https://example.com/x "$APPDIR" && cd "$APPDIR" && make && cp x /usr/local/bin && rm -rf "$APPDIR"') },
    { name: 'an …-sdk base', code: df('FROM example.com/android-sdk:34', 'RUN make') }
  ],
  invalid: [
    { name: '/usr/src alone is no kernel build', code: df('FROM debian:12-slim', 'RUN apt-get install -y build-essential git', 'RUN git clone https://example.com/app.git /usr/src/app && cd /usr/src/app && make'), errors: [{ line: 3, message: 'make runs in the only stage' }] },
    { name: 'npm run build in the only stage', code: df('FROM node:20-slim', 'RUN npm ci', 'RUN npm run build'), errors: [{ line: 3, message: 'npm run build runs in the only stage' }] },
    { name: 'dotnet publish', code: df('FROM ubuntu:24.04', 'RUN dotnet publish -c Release'), errors: [{ line: 2, message: 'the compiler, the sources and the intermediate files ship' }] },
    { name: 'a JS build: node_modules, not a compiler', code: df('FROM node:18-alpine', 'COPY . .', 'RUN yarn --frozen-lockfile', 'RUN yarn build'), errors: [{ line: 4, message: 'yarn build runs in the only stage, so the sources, node_modules with its devDependencies and the build cache ship' }] },
    { name: 'make in its own RUN, sources kept', code: df('FROM debian:12-slim', 'RUN apt-get install -y gcc make git', 'RUN git clone https://example.com/x /src', 'WORKDIR /src', 'RUN make && make install'), errors: [{ line: 5 }] },
    { name: 'removing a cache folder is not removing the sources', code: df('FROM node:20-slim', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build && rm -rf /tmp/*'), errors: [{ line: 4 }] },
    { name: 'a removal of unrelated packages', code: df('FROM debian:12-slim', 'RUN apt-get install -y gcc make && make && apt-get purge -y curl'), errors: [{ line: 2 }] }
  ]
})
