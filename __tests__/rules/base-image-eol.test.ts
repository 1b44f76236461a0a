/** base-image-eol: what it reports and what it must leave alone (docs/rules/base-image-eol.md). */
import { baseImageEol } from '../../src/rules/base-image-eol.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

// Judged on a fixed day, so the cases hold whatever day the tests run.
const today = '2026-12-01'

testRule(baseImageEol, {
  valid: [
    { name: 'a supported Node.js line', code: df('FROM node:22-alpine', 'CMD ["node", "server.js"]'), today },
    { name: 'no version in the tag (latest, lts): nothing to judge', code: df('FROM node:lts-alpine', 'FROM python', 'CMD ["python"]'), today },
    { name: 'an image the table does not know', code: df('FROM registry.example/base:16', 'CMD ["x"]'), today },
    { name: 'a line with no end date published yet', code: df('FROM golang:1.27', 'CMD ["go"]'), today },
    { name: 'Node 16 was fine before its end of life', code: df('FROM node:16-alpine', 'CMD ["node", "server.js"]'), today: '2023-01-01' },
    { name: 'an unused stage is not judged', code: df('FROM node:16 AS old', 'FROM node:22-slim', 'CMD ["node", "x.js"]'), today },
    { name: 'a digest-pinned supported line', code: df(`FROM python:3.12-slim-bookworm@sha256:${'a'.repeat(64)}`, 'CMD ["python"]'), today }
  ],
  invalid: [
    // docker-node's 22/bullseye-slim/Dockerfile, dotnet-docker's monitor-base/9.0/…: one variant of an image matrix, retired with its release.
    { name: 'a folder named for the ended release builds it on purpose: info', code: df('FROM debian:bullseye-slim', 'CMD ["node"]'), path: '22/bullseye-slim/Dockerfile', today, errors: [{ line: 1, severity: 'info', message: 'the folder bullseye-slim says this file builds that release on purpose' }] },
    { name: 'a folder named for the dotted line: info', code: df('FROM mcr.microsoft.com/dotnet/aspnet:9.0.19-azurelinux3.0-distroless-amd64', 'ENTRYPOINT ["dotnet-monitor"]'), path: 'src/monitor-base/9.0/azurelinux-distroless/amd64/Dockerfile', today, errors: [{ line: 1, severity: 'info', message: 'the folder 9.0' }] },
    { name: 'a folder that names another release, or a bare number, does not excuse it', code: df('FROM debian:bullseye-slim', 'CMD ["node"]'), path: '11/bookworm/Dockerfile', today, errors: [{ line: 1, severity: 'warning' }] },
    {
      name: 'a language line and the distribution under it are one finding with one tag that fixes both',
      code: df('FROM golang:1.22-alpine3.20 AS build', 'RUN go build -o /app', 'FROM scratch', 'COPY --from=build /app /app', 'ENTRYPOINT ["/app"]'),
      today,
      errors: [{ line: 1, severity: 'info', message: 'FROM golang:1.22-alpine3.20: Go 1.22 reached its end of life on 2025-02-11, and Alpine Linux 3.20 reached its end of life on 2026-04-01' }]
    },
    {
      name: 'one ARG behind two FROMs is one finding that names both',
      code: df('ARG ALPINE_VERSION=3.20', 'FROM alpine:${ALPINE_VERSION} AS certs', 'RUN apk add --no-cache ca-certificates', 'FROM alpine:${ALPINE_VERSION} AS image', 'COPY --from=certs /etc/ssl/certs /etc/ssl/certs', 'ENTRYPOINT ["/app"]'),
      today,
      errors: [{ line: 1, severity: 'warning', message: 'ARG ALPINE_VERSION=3.20 (used by FROM on lines 2, 4): Alpine Linux 3.20 reached its end of life on 2026-04-01' }]
    },
    {
      // The example named node:22-alpine; on the table's day Node 22 has five months left, so the move that lasts is 24.
      name: "the issue's example: node:16-alpine ended 2023-09-11, move to the nearest line with a year left (node:24-alpine)",
      code: df('FROM node:16-alpine', 'CMD ["node", "server.js"]'),
      today,
      errors: [{ line: 1, severity: 'warning', message: 'FROM node:16-alpine: Node.js 16 reached its end of life on 2023-09-11 (https://endoflife.date, table of 2026-12-01); it gets no security fixes: move to node:24-alpine' }]
    },
    { name: 'a build stage past its end of life: info only', code: df('FROM golang:1.21 AS build', 'RUN go build -o /app .', 'FROM gcr.io/distroless/static-debian12', 'COPY --from=build /app /app', 'ENTRYPOINT ["/app"]'), today, errors: [{ line: 1, severity: 'info', message: 'Go 1.21 reached its end of life on 2024-08-13' }] },
    { name: 'within 90 days of the date: info, with the days left', code: df('FROM php:8.2-fpm', 'CMD ["php-fpm"]'), today, errors: [{ line: 1, severity: 'info', message: 'PHP 8.2 reaches its end of life on 2026-12-31, in 30 days' }] },
    { name: 'the tag through an ARG default: reported at the ARG', code: df('ARG NODE_VERSION=18', 'FROM node:${NODE_VERSION}-slim', 'CMD ["node", "x.js"]'), today, errors: [{ line: 1, message: 'ARG NODE_VERSION=18 (used by FROM on line 2): Node.js 18 reached its end of life on 2025-04-30' }] },
    { name: "the distribution under a language image (python's buster): its own line", code: df('FROM python:3.12-slim-buster', 'CMD ["python"]'), today, errors: [{ line: 1, message: 'Debian 10 reached its end of life on 2024-06-30 (https://endoflife.date, table of 2026-12-01); it gets no security fixes: move to python:3.12-slim-bookworm' }] },
    { name: 'Debian by code name', code: df('FROM debian:bullseye-slim', 'CMD ["bash"]'), today, errors: [{ line: 1, message: 'move to debian:bookworm-slim' }] },
    { name: 'Python 3.10 → the oldest newer line with a year of support left, 3.12 (3.11 ends in 2027-10)', code: df('FROM python:3.10.14-slim', 'CMD ["python"]'), today, errors: [{ line: 1, message: 'move to python:3.12-slim' }] },
    // dotnet-docker's aspire-dashboard: the ARG names the repository, the FROM writes the version.
    { name: 'an ARG that names only the repository: reported at the FROM', code: df('ARG REPO=mcr.microsoft.com/dotnet/aspnet', 'FROM $REPO:6.0-jammy', 'ENTRYPOINT ["dotnet", "app.dll"]'), today, errors: [{ line: 2, message: 'FROM mcr.microsoft.com/dotnet/aspnet:6.0-jammy: .NET 6.0 reached its end of life' }] },
    { name: '.NET 8 on mcr.microsoft.com', code: df('FROM mcr.microsoft.com/dotnet/aspnet:8.0', 'ENTRYPOINT ["dotnet", "app.dll"]'), today, errors: [{ line: 1, message: '.NET 8.0 reached its end of life on 2026-11-10 (https://endoflife.date, table of 2026-12-01); it gets no security fixes: move to mcr.microsoft.com/dotnet/aspnet:10.0' }] },
    { name: 'a line with no supported successor in the table (CentOS 7)', code: df('FROM centos:7', 'CMD ["bash"]'), today, errors: [{ line: 1, message: 'CentOS 7 reached its end of life on 2024-06-30 (https://endoflife.date, table of 2026-12-01); it gets no security fixes: move to a supported release' }] }
  ]
})
