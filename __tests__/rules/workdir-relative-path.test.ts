/** workdir-relative-path: what it reports and what it must leave alone (docs/rules/workdir-relative-path.md). */
import { workdirRelativePath } from '../../src/rules/workdir-relative-path.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(workdirRelativePath, {
  valid: [
    { name: 'absolute, then relative', code: df('FROM alpine:3', 'WORKDIR /app', 'WORKDIR src') },
    { name: 'relative in a child of a stage with an absolute WORKDIR', code: df('FROM alpine:3 AS base', 'WORKDIR /app', 'FROM base', 'WORKDIR src') },
    { name: 'a variable with an absolute default', code: df('FROM alpine:3', 'ARG D=/x', 'WORKDIR $D') },
    { name: 'an absolute path in double quotes', code: df('FROM debian:12', 'RUN git clone https://example.com/tool /usr/bin/tool', 'WORKDIR "/usr/bin/tool/"') },
    { name: 'an ENV value', code: df('FROM ubuntu:24.04', 'ENV HOME=/home/app', 'WORKDIR ${HOME}') },
    { name: "a variable from the base image's environment (unknown here)", code: df('FROM golang:1.22', 'WORKDIR $GOPATH/src/example.com/app') },
    { name: 'a build argument without a default (unknown here)', code: df('FROM alpine:3', 'ARG APP_DIR', 'WORKDIR "${APP_DIR}"') },
    { name: 'FROM scratch: the working directory is / and no base image can change it', code: df('FROM scratch', 'WORKDIR out') },
    { name: 'a stage built FROM a scratch stage', code: df('FROM scratch AS files', 'COPY a /a', 'FROM files', 'WORKDIR out') },
    { name: 'a Windows drive path on a Windows image', code: df('FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'WORKDIR C:\\\\app') },
    { name: 'a lower-case drive with a forward slash', code: df('FROM mcr.microsoft.com/dotnet/framework/sdk:4.8', 'WORKDIR c:/src') },
    { name: 'a backslash path on a Windows image (escape=`)', code: df('# escape=`', 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022', 'WORKDIR \\app') },
    { name: 'a backslash path on a Windows tag of another image', code: df('ARG REPO=mcr.microsoft.com/dotnet/runtime', 'FROM $REPO:10.0-nanoserver-ltsc2022', 'WORKDIR \\\\app') }
  ],
  invalid: [
    { name: 'relative first WORKDIR', code: df('FROM alpine:3', 'WORKDIR app'), errors: [{ line: 2, message: "lands under alpine:3's working directory" }] },
    { name: 'relative, meant as $HOME (reported with the path it gives on a / base)', code: df('FROM ubuntu:16.04', 'ENV HOME /home/wireshark', 'USER wireshark', 'WORKDIR wireshark'), errors: [{ line: 4, message: 'WORKDIR /wireshark if the image keeps /' }] },
    { name: 'a relative path in quotes', code: df('FROM alpine:3', 'WORKDIR "src"'), errors: [{ line: 2, message: 'WORKDIR "src" is relative' }] },
    { name: 'a variable whose default is relative', code: df('FROM alpine:3', 'ARG D=app', 'WORKDIR $D'), errors: [{ line: 3 }] },
    { name: 'single quotes keep the variable literal (BuildKit does not expand them)', code: df('FROM alpine:3', 'ENV HOME=/root', "WORKDIR '${HOME}'"), errors: [{ line: 3, message: 'literally named ${HOME}' }] },
    { name: 'only the first WORKDIR of a FROM chain, as BuildKit', code: df('FROM alpine:3 AS base', 'WORKDIR app', 'FROM base', 'WORKDIR src'), errors: [{ line: 2 }] },
    { name: 'a backslash path on a Linux image is a relative folder name', code: df('FROM alpine:3', 'WORKDIR src\\\\app'), errors: [{ line: 2 }] }
  ]
})
