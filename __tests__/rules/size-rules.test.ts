import { apkNoCache } from '../../src/rules/apk-no-cache.js'
import { aptListsLeft } from '../../src/rules/apt-lists-left.js'
import { broadCopyFrom } from '../../src/rules/broad-copy-from.js'
import { buildToolsShipped } from '../../src/rules/build-tools-shipped.js'
import { chownAfterCopy } from '../../src/rules/chown-after-copy.js'
import { cleanupInSeparateLayer } from '../../src/rules/cleanup-in-separate-layer.js'
import { devDependenciesShipped } from '../../src/rules/dev-dependencies-shipped.js'
import { pipCache } from '../../src/rules/pip-cache.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const BUILD_THEN_SHIP = (buildRun: string): string => df('FROM debian:bookworm AS build', buildRun, 'FROM debian:bookworm-slim', 'COPY --from=build /out /out')

testRule(aptListsLeft, {
  valid: [
    { name: 'lists removed in the same RUN', code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*') },
    { name: 'a cache mount on the lists', code: df('FROM debian:12', 'RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl') },
    { name: 'in a build stage (hadolint#167)', code: BUILD_THEN_SHIP('RUN apt-get update && apt-get install -y gcc') }
  ],
  invalid: [
    { name: 'left in the only stage', code: df('FROM debian:12', 'RUN apt-get update && \\', '    apt-get install -y curl'), errors: [{ line: 2 }] },
    { name: 'left in a base stage the shipped one is built FROM', code: df('FROM debian:12 AS base', 'RUN apt-get update && apt-get install -y curl', 'FROM base'), errors: [{ line: 2 }] }
  ]
})

testRule(apkNoCache, {
  valid: [
    { name: '--no-cache', code: df('FROM alpine:3', 'RUN apk add --no-cache curl') },
    { name: 'in a build stage', code: df('FROM alpine:3 AS b', 'RUN apk add gcc', 'FROM alpine:3', 'COPY --from=b /x /x') }
  ],
  invalid: [{ name: 'apk add without --no-cache in the shipped stage', code: df('FROM alpine:3', 'RUN apk update && apk add curl'), errors: [{ line: 2 }] }]
})

testRule(pipCache, {
  valid: [
    { name: '--no-cache-dir', code: df('FROM python:3.12-slim', 'RUN pip install --no-cache-dir flask') },
    { name: 'PIP_NO_CACHE_DIR in scope', code: df('FROM python:3.12-slim', 'ENV PIP_NO_CACHE_DIR=1', 'RUN pip install flask') },
    { name: 'in a build stage', code: df('FROM python:3.12 AS b', 'RUN pip wheel -w /w flask && pip install flask', 'FROM python:3.12-slim', 'COPY --from=b /w /w') }
  ],
  invalid: [{ name: 'python -m pip install', code: df('FROM python:3.12-slim', 'RUN python3 -m pip install -r requirements.txt'), errors: [{ line: 2 }] }]
})

testRule(buildToolsShipped, {
  valid: [
    { name: 'compilers in the build stage only', code: BUILD_THEN_SHIP('RUN apt-get install -y build-essential libssl-dev') },
    { name: 'a virtual group removed in the same RUN', code: df('FROM alpine:3', 'RUN apk add --no-cache --virtual .build-deps gcc musl-dev && make && apk del .build-deps') },
    { name: 'the apt-mark auto + purge --auto-remove pattern', code: df('FROM debian:12-slim', 'RUN apt-get install -y gcc && apt-mark auto ".*" && apt-get purge -y --auto-remove') },
    { name: 'an image built on buildpack-deps on purpose', code: df('FROM buildpack-deps:bookworm', 'RUN apt-get install -y libssl-dev') }
  ],
  invalid: [
    { name: 'gcc and a -dev package in a single stage', code: df('FROM python:3.12-slim', 'RUN apt-get install -y gcc libpq-dev'), errors: [{ line: 2, message: 'split the file' }] },
    { name: 'git in the runtime stage of a multi-stage file', code: df('FROM golang:1.22 AS b', 'FROM alpine:3', 'RUN apk add --no-cache git', 'COPY --from=b /a /a'), errors: [{ line: 3, message: 'install them in a build stage' }] }
  ]
})

testRule(devDependenciesShipped, {
  valid: [
    { name: '--omit=dev', code: df('FROM node:20-slim', 'RUN npm ci --omit=dev') },
    { name: 'NODE_ENV=production', code: df('FROM node:20-slim', 'ENV NODE_ENV=production', 'RUN npm ci') },
    { name: 'a build stage that installs everything, a runtime that copies the output', code: df('FROM node:20 AS build', 'RUN npm ci && npm run build', 'FROM node:20-slim', 'COPY --from=build /app/dist /app/dist') },
    { name: 'pruned later', code: df('FROM node:20-slim', 'RUN npm ci && npm run build && npm prune --omit=dev') },
    { name: 'a global tool and yarn --version', code: df('FROM node:20-slim', 'RUN npm install -g pm2 && yarn --version') }
  ],
  invalid: [
    { name: 'npm ci in the shipped stage', code: df('FROM node:20-slim', 'RUN npm ci'), errors: [{ line: 2 }] },
    {
      name: 'node_modules copied from a stage that installed dev dependencies',
      code: df('FROM node:20 AS deps', 'RUN npm ci', 'FROM node:20-slim', 'COPY --from=deps /app/node_modules /app/node_modules'),
      errors: [{ line: 4, message: 'installed on line 2' }]
    }
  ]
})

testRule(cleanupInSeparateLayer, {
  valid: [
    { name: 'cleaned in the same RUN', code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*') },
    { name: 'removing a config file on purpose', code: df('FROM nginx:1.27', 'RUN rm /etc/nginx/conf.d/default.conf') },
    { name: 'in a build stage', code: df('FROM debian:12 AS b', 'RUN apt-get clean', 'FROM scratch', 'COPY --from=b /x /x') }
  ],
  invalid: [{ name: 'a RUN that only cleans', code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y curl', 'RUN apt-get clean && rm -rf /var/lib/apt/lists/*'), errors: [{ line: 3 }] }]
})

testRule(chownAfterCopy, {
  valid: [
    { name: 'COPY --chown', code: df('FROM node:20-slim', 'COPY --chown=node:node . /app') },
    { name: 'chown of a path nothing was copied to', code: df('FROM node:20-slim', 'COPY . /app', 'RUN mkdir /data && chown -R node /data') },
    { name: 'in a build stage', code: df('FROM node:20 AS b', 'COPY . /app', 'RUN chown -R node /app', 'FROM node:20-slim', 'COPY --from=b /app/dist /dist') }
  ],
  invalid: [{ name: 'chown -R of a relative path after COPY to the workdir', code: df('FROM node:20-slim', 'WORKDIR /app', 'COPY . .', 'RUN chown -R node:node .'), errors: [{ line: 4, message: 'copied on line 3' }] }]
})

testRule(broadCopyFrom, {
  valid: [
    { name: 'the artifact only', code: df('FROM golang:1.22 AS b', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /out/app', 'FROM scratch', 'COPY --from=b /out/app /app') },
    { name: 'a whole stage root into a build stage (it does not ship)', code: df('FROM alpine:3 AS a', 'FROM alpine:3 AS b', 'COPY --from=a / /', 'FROM scratch', 'COPY --from=b /x /x') }
  ],
  invalid: [
    { name: 'a stage root', code: df('FROM alpine:3 AS a', 'FROM scratch', 'COPY --from=a / /'), errors: [{ line: 3, message: 'whole filesystem' }] },
    { name: "the builder's source workdir, written relative", code: df('FROM node:20 AS b', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'FROM node:20-slim', 'COPY --from=b /app /app'), errors: [{ line: 6, message: 'copies /app' }] }
  ]
})
