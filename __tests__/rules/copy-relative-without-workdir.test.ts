/** copy-relative-without-workdir: what it reports and what it must leave alone (docs/rules/copy-relative-without-workdir.md). */
import { copyRelativeWithoutWorkdir } from '../../src/rules/copy-relative-without-workdir.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(copyRelativeWithoutWorkdir, {
  valid: [
    // Copied and used in the same working directory by the next RUN (vscode-dev-containers' dotnet-mssql, uptime-kuma's apprise.deb).
    { name: 'a script copied and run by ./ in the next RUN', code: df('FROM mcr.microsoft.com/vscode/devcontainers/dotnet:6.0', 'COPY mssql/installSQLtools.sh installSQLtools.sh', 'RUN bash ./installSQLtools.sh && apt-get clean -y') },
    { name: 'a package copied, installed and removed by the next RUN', code: df('FROM node:20-bookworm-slim', 'COPY --from=download /app/apprise.deb ./apprise.deb', 'RUN apt update && apt --yes install ./apprise.deb && rm -f apprise.deb', 'CMD ["node", "server.js"]') },
    { name: 'WORKDIR first', code: df('FROM alpine:3', 'WORKDIR /app', 'COPY . .') },
    { name: 'WORKDIR set in the parent stage', code: df('FROM alpine:3 AS base', 'WORKDIR /app', 'FROM base', 'COPY . .') },
    { name: 'an absolute destination in quotes', code: df('FROM alpine:3', 'COPY app.conf "/etc/app/"') },
    { name: 'a destination from a build argument without a default (unknown, not relative)', code: df('FROM alpine:3', 'ARG copy_origin', 'ARG copy_destination', 'COPY $copy_origin $copy_destination') },
    { name: 'a quoted unresolved variable', code: df('FROM alpine:3', 'ARG DEST', 'COPY a.txt "${DEST}"') },
    { name: 'a variable with an absolute default', code: df('FROM alpine:3', 'ARG DEST=/opt/tool/', 'COPY tool $DEST') },
    { name: 'an ENV value', code: df('FROM alpine:3', 'ENV APP_HOME=/srv/app', 'COPY . $APP_HOME/') },
    { name: 'FROM scratch: its working directory is /', code: df('FROM golang:1.22 AS build', 'RUN go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app .') },
    { name: 'a stage built FROM a scratch stage', code: df('FROM scratch AS files', 'COPY a.txt /a.txt', 'FROM files AS more', 'COPY b.txt b.txt') },
    { name: 'a Windows drive path on a Windows image', code: df('FROM mcr.microsoft.com/windows/nanoserver:ltsc2022', 'COPY app.exe C:\\\\app\\\\') },
    { name: 'a backslash path on a Windows image (escape=`)', code: df('# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'COPY tools \\tools\\') },
    {
      name: 'a throwaway build stage that installs from a file it copied to the cwd and hands out absolute paths',
      code: df('FROM python:3.12-alpine AS base', 'FROM base AS builder', 'COPY requirements.txt .', 'RUN pip install --prefix="/install" -r requirements.txt', 'FROM base', 'WORKDIR /app', 'COPY --from=builder /install /usr/local', 'COPY . .')
    },
    {
      name: 'a build stage whose packages are taken from site-packages',
      code: df('FROM python:3.12-slim AS builder', 'COPY requirements.txt .', 'RUN pip install -r requirements.txt', 'FROM python:3.12-slim', 'WORKDIR /app', 'COPY --from=builder /usr/local/lib/python3.12/ /usr/local/lib/python3.12/', 'COPY . .')
    }
  ],
  invalid: [
    // argo-workflows' ui stage: three copies, one cause, one finding listing them.
    {
      name: 'several relative copies of one build stage are one finding',
      code: df('FROM node:20-alpine AS ui', 'COPY ui/package.json ui/yarn.lock ui/', 'RUN yarn --cwd ui install', 'COPY ui ui', 'COPY api api', 'RUN yarn --cwd ui build', 'FROM alpine:3', 'COPY --from=ui ui/dist/app /app', 'CMD ["/app"]'),
      errors: [{ line: 2, message: 'COPY to relative paths (ui/ on line 2, ui on line 4, api on line 5) before any WORKDIR' }, { line: 4 }, { line: 5 }]
    },
    { name: 'used in place, but by a later RUN only', code: df('FROM debian:12', 'COPY install.sh install.sh', 'RUN apt-get update', 'RUN bash ./install.sh', 'CMD ["bash"]'), errors: [{ line: 2, message: 'the relative path install.sh' }] },
    { name: 'the next RUN names it under another folder only', code: df('FROM debian:12', 'COPY app.conf app.conf', 'RUN cp /etc/app.conf /tmp/x', 'CMD ["bash"]'), errors: [{ line: 2 }] },
    { name: 'relative before WORKDIR', code: df('FROM alpine:3', 'COPY a.txt data/'), errors: [{ line: 2, message: "lands in alpine:3's working directory" }] },
    { name: 'ADD too', code: df('FROM nginx:1.27', 'ADD site.tar.gz html/'), errors: [{ line: 2 }] },
    { name: 'a variable whose default is relative', code: df('FROM alpine:3', 'ARG DEST=data', 'COPY a.txt $DEST'), errors: [{ line: 3, message: '$DEST (data)' }] },
    {
      name: 'a build stage whose output is taken from where the working directory happened to be',
      code: df('FROM rust:1.80 AS build', 'COPY Cargo.toml .', 'COPY src ./src', 'RUN cargo build --release && cp target/release/app app.bin', 'FROM scratch', 'COPY --from=build /app.bin /app'),
      errors: [
        { line: 2, message: 'line 6 takes /app.bin out of this stage' },
        { line: 3, message: 'line 6 takes /app.bin' }
      ]
    },
    {
      name: 'a build stage whose relatively copied folder is taken out',
      code: df('FROM node:20 AS build', 'COPY package.json .', 'COPY src ./src', 'RUN npm ci && npx tsc -p src', 'FROM node:20-slim', 'WORKDIR /app', 'COPY --from=build /src/dist ./dist'),
      errors: [{ line: 2 }, { line: 3, message: 'takes /src/dist' }]
    },
    { name: 'a stage no other stage uses (it may be a --target)', code: df('FROM alpine:3 AS tools', 'COPY tool.sh .', 'FROM alpine:3', 'WORKDIR /app'), errors: [{ line: 2 }] }
  ]
})
