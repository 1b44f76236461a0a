/** chown-after-copy: what it reports and what it must leave alone (docs/rules/chown-after-copy.md). */
import { chownAfterCopy } from '../../src/rules/chown-after-copy.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(chownAfterCopy, {
  valid: [
    { name: 'COPY --chown', code: df('FROM node:20-slim', 'COPY --chown=node:node . /app') },
    { name: 'chown of a path nothing was copied to', code: df('FROM node:20-slim', 'COPY . /app', 'RUN mkdir /data && chown -R node /data') },
    { name: 'in a build stage', code: df('FROM node:20 AS b', 'COPY . /app', 'RUN chown -R node /app', 'FROM node:20-slim', 'COPY --from=b /app/dist /dist') },
    { name: 'the copied file already has its owner; the chown covers its parent', code: df('FROM nginx:1.27-alpine', 'COPY --chown=nginx:nginx start.sh /app/start.sh', 'WORKDIR /app', 'RUN chown -R nginx:nginx /app && chmod -R 755 /app') },
    { name: 'the parent of a copied file, which holds package files too', code: df('FROM alpine:3', 'RUN apk --no-cache add privoxy', 'COPY privoxy.conf /etc/privoxy/config', 'RUN chown -R privoxy /etc/privoxy') },
    {
      name: 'the user is made in the chowning RUN, which also owns folders it created',
      code: df('FROM python:3-alpine', 'COPY app.conf /config/app.conf', 'RUN addgroup -g 666 -S app && adduser -u 666 -SHG app app && mkdir -p /data && chown -R app:app /data /config /opt/app')
    },
    { name: 'a copied folder a RUN filled afterwards', code: df('FROM node:20-slim', 'WORKDIR /app', 'COPY . .', 'RUN npm ci --omit=dev', 'RUN chown -R node:node /app') },
    { name: 'a copied folder the same RUN filled first', code: df('FROM node:20-slim', 'COPY . /app', 'RUN cd /app && npm ci && chown -R node /app') },
    { name: 'a copied folder a RUN filled before the COPY', code: df('FROM node:20-slim', 'RUN mkdir -p /app/data && touch /app/data/db', 'COPY . /app', 'RUN chown -R node /app') },
    { name: 'a copied folder that holds package files', code: df('FROM nginx:1.27', 'COPY conf/ /etc/nginx/', 'RUN chown -R nginx /etc/nginx') },
    { name: 'a target from a variable with no value here', code: df('FROM alpine:3', 'ARG DATA', 'COPY data/ /srv/data/', 'RUN chown -R nobody $DATA') }
  ],
  invalid: [
    { name: 'chown -R of a relative path after COPY to the workdir', code: df('FROM node:20-slim', 'WORKDIR /app', 'COPY . .', 'RUN chown -R node:node .'), errors: [{ line: 4, message: 'chown rewrites /app, which line 3 copied' }] },
    {
      name: 'exactly the file just copied (the user comes with the package)',
      code: df('FROM debian:sid-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends tor && rm -rf /var/lib/apt/lists/*', 'COPY torrc.default /etc/tor/torrc.default', 'RUN chown -R debian-tor:debian-tor /etc/tor/torrc.default', 'USER debian-tor'),
      errors: [{ line: 4, message: 'use COPY --chown=debian-tor:debian-tor on line 3 instead' }]
    },
    { name: 'a plain chown of a copied file', code: df('FROM alpine:3', 'COPY run.sh /usr/local/bin/run.sh', 'RUN chown nobody /usr/local/bin/run.sh'), errors: [{ line: 3 }] },
    {
      name: 'the user is created in the same RUN, with numeric ids: suggest them',
      code: df('FROM node:20-alpine', 'COPY . /srv/app', 'RUN addgroup -g 1001 -S app && adduser -u 1001 -S -G app app && chown -R app:app /srv/app'),
      errors: [{ line: 3, message: 'COPY --chown=1001:1001' }]
    },
    {
      name: 'the user is created in the same RUN, ids unknown',
      code: df('FROM debian:12', 'COPY . /srv/app', 'RUN useradd --system app && chown -R app /srv/app'),
      errors: [{ line: 3, message: 'app is created after line 2: create it in a RUN before that COPY' }]
    },
    { name: 'a folder made empty before the COPY', code: df('FROM node:20-slim', 'RUN mkdir -p /app', 'COPY . /app', 'RUN chown -R node /app'), errors: [{ line: 4 }] },
    { name: 'a user created before the COPY: its name works', code: df('FROM debian:12', 'RUN useradd -u 1000 app', 'COPY . /srv/app', 'RUN chown -R app:app /srv/app'), errors: [{ line: 4, message: 'use COPY --chown=app:app on line 3 instead' }] },
    { name: 'a path from ENV', code: df('FROM ruby:3.3', 'ENV APP_HOME=/srv/app', 'COPY . $APP_HOME', 'RUN chown -R www-data:www-data $APP_HOME'), errors: [{ line: 4, message: 'rewrites /srv/app' }] }
  ]
})
