/** pipefail: what it reports and what it must leave alone (docs/rules/pipefail.md). */
import { pipefail } from '../../src/rules/pipefail.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(pipefail, {
  valid: [
    { name: 'the registry says the base is Windows: cmd has no pipefail to set', code: df('FROM registry.example/tools:1', 'RUN curl -sSf https://example.com/install.sh | bash'), baseFacts: { 'registry.example/tools:1': { os: 'windows' } } },
    { name: "the base image's config sets a SHELL with pipefail", code: df('FROM registry.example/tools:1', 'RUN curl -sSf https://example.com/install.sh | bash'), baseFacts: { 'registry.example/tools:1': { shell: ['/bin/bash', '-o', 'pipefail', '-c'] } } },

    { name: 'SHELL with pipefail inherited from the parent stage', code: df('FROM debian:12 AS base', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'FROM base', 'RUN curl x | sh') },
    { name: 'set -o pipefail in the RUN', code: df('FROM alpine:3.20', 'RUN set -eux -o pipefail; wget -O- x | sh') },
    { name: '|| is not a pipe', code: df('FROM debian:12', 'RUN make || true') },
    // Left sides that cannot fail.
    { name: 'echo of a checksum into sha256sum -c', code: df('FROM debian:12', 'RUN set -eux; curl -fsSLo php.tar.xz "$URL"; echo "$PHP_SHA256 *php.tar.xz" | sha256sum -c -') },
    { name: 'echo of a $(cat) into sha512sum -c', code: df('FROM ubuntu:24.04', 'RUN echo "$(cat dotnet.tar.gz.sha512)  dotnet.tar.gz" | sha512sum -c -') },
    { name: 'a group of echos into tee', code: df('FROM debian:12', "RUN { echo '[global]'; echo 'error_log = /proc/self/fd/2'; } | tee /usr/local/etc/php-fpm.d/docker.conf") },
    { name: 'echo into two tees', code: df('FROM alpine:3.20', 'RUN echo user:100000:65536 | tee /etc/subuid | tee /etc/subgid') },
    { name: 'cat of a heredoc', code: df('FROM debian:12', 'RUN cat <<EOF | tee /etc/apt/sources.list.d/x.list', 'deb https://example.com stable main', 'EOF') },
    { name: 'a package database listing', code: df('FROM debian:12', "RUN dpkg -l | awk '/^ii/ {print $2}' > /tmp/dpkg.clean") },
    { name: 'a file this RUN just wrote', code: df('FROM fedora:40', 'RUN rpm -qa > /tmp/manifest && tac /tmp/manifest | gawk \'!x[$1]++\' | sort > /manifest') },
    {
      name: 'a file of the repository this RUN just cloned, read after cd',
      code: df('FROM python:3-alpine', 'RUN git clone --depth 1 https://example.com/app.git /usr/src/app && ( cd /usr/src/app && cat requirements.txt | grep -v numpy | tee reqs.txt && pip install -r reqs.txt )')
    },
    { name: 'a file of a clone into its default folder', code: df('FROM debian:12', 'WORKDIR /src', 'RUN git clone -b v1 https://example.com/tool.git && cat tool/VERSION | tee /version') },
    { name: 'a file curl -o just saved', code: df('FROM debian:12', 'RUN curl -fsSLo /tmp/list.txt https://example.com/list.txt && cat /tmp/list.txt | tee /etc/list') },
    { name: 'a file tar -x just extracted', code: df('FROM debian:12', 'RUN tar -xf /tmp/src.tar -C /opt/src && cat /opt/src/deps.txt | tee /deps') },
    // Consumers that fail on the empty or cut input a failure leaves them.
    { name: 'grep of a sums file into sha256sum -c', code: df('FROM debian:12', 'RUN grep " node-v$NODE_VERSION-linux-x64.tar.xz\\$" SHASUMS256.txt | sha256sum -c -') },
    { name: 'a key into apt-key add', code: df('FROM debian:11', 'RUN curl -sSL https://example.com/key.asc | apt-key add -') },
    { name: 'a key into gpg --dearmor', code: df('FROM debian:12', 'RUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg') },
    { name: 'a key into gpg --import', code: df('FROM debian:12', 'RUN curl -sSL https://example.com/key.asc | gpg --no-tty --import') },
    { name: 'a download into tar -xz', code: df('FROM debian:12', 'RUN curl -fsSL https://example.com/tool.tar.gz | tar -xzC /usr/local/bin') },
    { name: 'a download into old-style tar xJ', code: df('FROM debian:12', 'RUN wget -qO- https://example.com/tool.tar.xz | tar xJf - -C /opt') },
    { name: 'cat of a local file into grep', code: df('FROM ubuntu:24.04', "RUN cat /etc/passwd | grep '^root:' > /rootfs/etc/passwd") },
    { name: 'find | grep | xargs rm (rm fails when given nothing)', code: df('FROM alpine:3.20', "RUN find /usr/share/powershell -print | grep -i '[.]nupkg$' | xargs rm") },
    { name: 'find | xargs protoc (protoc fails with no input file)', code: df('FROM golang:1.22', "RUN find src -name '*.proto' | xargs protoc --go_out=/out") },
    // A report a FROM scratch stage exports: a scanner's non-zero exit must not drop it.
    {
      name: 'a scanner piped into tee in a report-export stage',
      code: df('FROM golang:1.22-alpine AS run', 'RUN mkdir /out && govulncheck ./... | tee /out/govulncheck.out', 'FROM scratch AS output', 'COPY --from=run /out /')
    },
    // Statuses that are tested, lost or thrown away.
    { name: 'a pipe in an if condition', code: df('FROM debian:12', 'RUN if [ -f .git ] && head -1 .git | grep -q "^gitdir:"; then echo worktree; fi') },
    { name: 'a pipe in a while condition', code: df('FROM debian:12', 'RUN while ! curl -fs http://localhost | grep -q ok; do sleep 1; done') },
    { name: 'a pipe in a command substitution', code: df('FROM debian:12', "RUN arch=$(echo $TARGETARCH | sed 's/amd64/x86_64/') && curl -fsSLo /x https://example.com/$arch") },
    { name: 'a pipe in a for list', code: df('FROM golang:1.22', "RUN for file in $(git status --porcelain | awk '/^ M/ {print $2}'); do echo $file; done") },
    { name: 'case patterns', code: df('FROM debian:12', 'RUN case "$(dpkg --print-architecture)" in amd64|arm64) echo ok ;; *) exit 1 ;; esac') },
    { name: 'a negated pipeline', code: df('FROM debian:12', 'RUN ! git diff --name-only | grep -q generated') },
    { name: 'a pipeline whose status is ignored', code: df('FROM debian:12', 'RUN curl -fsSL https://example.com/optional.sh | sh || true') },
    // The docker-library idiom: find over a system directory, filters, xargs.
    {
      name: 'find -exec ldd | awk | sort | xargs dpkg-query | xargs apt-mark',
      code: df('FROM debian:12', "RUN find /usr/local -type f -executable -exec ldd '{}' ';' | awk '/=>/ { print $(NF-1) }' | sort -u | xargs -r dpkg-query --search | cut -d: -f1 | sort -u | xargs -r apt-mark manual")
    },
    { name: 'find | tr | sort | xargs apk add', code: df('FROM alpine:3.20', "RUN find /usr/local -type f -executable -exec scanelf --needed --nobanner --format '%n#p' '{}' ';' | tr ',' '\\n' | sort -u | xargs -rt apk add --virtual .rundeps") },
    // Not POSIX sh.
    { name: 'SHELL powershell on a Windows base', code: df('FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'SHELL ["powershell", "-Command", "$ErrorActionPreference = \'Stop\';"]', 'RUN Get-ChildItem -Path C:\\x | Remove-Item') },
    { name: 'the default cmd of a Windows base', code: df('FROM mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022', 'RUN dir C:\\ | findstr x') },
    { name: 'a Windows tag through an ARG', code: df('ARG REPO=mcr.microsoft.com/dotnet/runtime', 'FROM $REPO:10.0-windowsservercore-ltsc2025', 'RUN type x | findstr y') },
    { name: 'SHELL pwsh on Linux, inherited by a child stage', code: df('FROM debian:12 AS ps', 'SHELL ["/usr/bin/pwsh", "-c"]', 'FROM ps', 'RUN Get-Process | Select-Object -First 1') },
    { name: 'SHELL PowerShell.exe with a Windows path', code: df('FROM ubuntu:24.04', 'SHELL ["C:\\\\Windows\\\\PowerShell.EXE", "-Command"]', 'RUN Get-Item x | Remove-Item') },
    { name: 'a hadolint shell pragma before the first FROM', code: df('# hadolint shell=powershell', 'FROM debian:12', 'RUN Get-Item x | Remove-Item') },
    { name: 'a hadolint shell pragma in the stage', code: df('FROM debian:12', '# hadolint shell=pwsh', 'RUN Get-Item x | Remove-Item') },
    // What the next command shows anyway, or what cannot hurt (frappe_docker's images).
    { name: 'an installer into bash, then sourced in the same && chain', code: df('FROM debian:12', 'RUN wget -qO- https://example.com/nvm/install.sh | bash && . ${NVM_DIR}/nvm.sh && nvm install 20') },
    { name: 'an installer into bash, then source', code: df('FROM debian:12', 'RUN curl -o- https://example.com/install.sh | bash && source ~/.nvm/nvm.sh') },
    // uptime-kuma, after GitHub CLI's install instructions: an empty key fails the apt-get update that reads it.
    { name: 'a key piped into a keyring, then apt update in the same && chain', code: df('FROM debian:12', 'RUN curl -fsSL https://cli.github.com/packages/githubcli-archive-keyring.gpg | dd of=/usr/share/keyrings/githubcli-archive-keyring.gpg && chmod go+r /usr/share/keyrings/githubcli-archive-keyring.gpg && apt update && apt install -y gh') },
    { name: 'a key through tee into /etc/apt/keyrings, then apt-get update', code: df('FROM debian:12', 'RUN wget -qO- https://example.com/key.gpg | tee /etc/apt/keyrings/example.gpg > /dev/null && apt-get update') },
    { name: 'a find into xargs rm: a failure deletes nothing', code: df('FROM python:3.12-slim', 'RUN bench init /home/frappe/bench && find apps -mindepth 1 -path "*/.git" | xargs rm -fr') }
  ],
  invalid: [
    { name: 'a key piped into a keyring with no apt update after it', code: df('FROM debian:12', 'RUN curl -fsSL https://example.com/key.gpg | dd of=/usr/share/keyrings/example.gpg'), errors: [{ line: 2, message: 'curl | dd' }] },
    { name: 'a download piped into a file that is no keyring, then apt update', code: df('FROM debian:12', 'RUN curl -fsSL https://example.com/x | tee /opt/x && apt-get update'), errors: [{ line: 2, message: 'curl | tee' }] },
    // Sourcing before the pipe, or with || between, does not check it; an installer that is used only in a later RUN is not checked by this one.
    { name: 'sourced, but joined by ;', code: df('FROM debian:12', 'RUN curl -o- https://example.com/install.sh | bash; . ~/.nvm/nvm.sh'), errors: [{ line: 2, message: 'curl | bash' }] },
    { name: 'a find into xargs chmod is no cleanup', code: df('FROM debian:12', 'RUN curl -fsSL https://example.com/list | xargs chmod +x'), errors: [{ line: 2, message: 'curl | xargs chmod' }] },
    { name: 'the same RUN on a Linux base by its config', code: df('FROM registry.example/tools:1', 'RUN curl -sSf https://example.com/install.sh | bash'), baseFacts: { 'registry.example/tools:1': { os: 'linux' } }, errors: [{ line: 2 }] },

    {
      name: 'curl | bash',
      code: df('FROM rust:1.80', 'RUN curl -sSf https://example.com/install.sh | bash'),
      errors: [{ line: 2, message: 'curl | bash: the RUN succeeds even if curl fails' }]
    },
    { name: 'the Debian fix names bash', code: df('FROM debian:12', 'RUN curl -sL https://example.com/setup | bash -'), errors: [{ line: 2, message: 'add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before it (/bin/sh here is dash' }] },
    { name: 'on Alpine the fix is ash, not bash', code: df('FROM alpine:3.20', 'RUN wget -O- -nv https://example.com/install.sh | sh -s v1.2.3'), errors: [{ line: 2, message: 'set -o pipefail (BusyBox ash has it), or add SHELL ["/bin/ash", "-eo", "pipefail", "-c"]' }] },
    { name: 'an -alpine tag through a stage chain', code: df('FROM golang:1.22-alpine AS base', 'FROM base', 'RUN git log --format=%aN | sort -uf > /AUTHORS'), errors: [{ line: 3, message: 'git | sort: the RUN succeeds even if git fails' }] },
    { name: 'on Fedora set -o pipefail works (/bin/sh is bash)', code: df('FROM fedora:40', 'RUN curl -fsSL https://example.com/x.sh | sh'), errors: [{ line: 2, message: '(/bin/sh is bash here)' }] },
    { name: 'a SHELL without pipefail: add it there', code: df('FROM debian:12', 'SHELL ["/bin/bash", "-c"]', 'RUN curl -fsSL https://example.com/x.sh | bash'), errors: [{ line: 3, message: 'add "-o", "pipefail" to the SHELL on line 2' }] },
    { name: 'a download into plain tar -x (a cut at a file boundary goes unseen)', code: df('FROM debian:12', 'RUN curl -fsSL https://example.com/tool.tar | tar -x -C /opt'), errors: [{ line: 2, message: 'curl | tar' }] },
    { name: 'a download into grep (a cut download can still match)', code: df('FROM debian:12', "RUN curl -fsSL https://example.com/releases | grep -o 'v[0-9.]*' > /version"), errors: [{ line: 2, message: 'curl | grep' }] },
    { name: 'a pipe in an if body', code: df('FROM debian:12', 'RUN if [ -n "$INSTALL" ]; then curl -fsSL "$INSTALL" | sh; fi'), errors: [{ line: 2, message: 'curl | sh' }] },
    { name: 'the failing program inside a group is named', code: df('FROM debian:12', 'RUN { echo start; curl -fsSL https://example.com/x; } | tee /log'), errors: [{ line: 2, message: 'curl | tee' }] },
    { name: 'a middle producer is named, the pipeline shortened', code: df('FROM debian:12', 'RUN echo x | git apply - | cat > /out'), errors: [{ line: 2, message: 'git | … | cat' }] },
    { name: 'xargs is named with what it runs', code: df('FROM debian:12', "RUN find proto -name '*.proto' | xargs -r protoc --go_out=/out"), errors: [{ line: 2, message: 'find | xargs protoc' }] },
    { name: 'xargs runs a program that accepts no operands', code: df('FROM debian:12', "RUN find proto -name '*.proto' | xargs echo > /list"), errors: [{ line: 2, message: 'find | xargs echo' }] },
    { name: 'a file the RUN did not write', code: df('FROM debian:12', 'RUN git clone https://example.com/a.git /src/a && cat /src/b/requirements.txt | tee /reqs'), errors: [{ line: 2, message: 'cat | tee' }] },
    { name: 'a relative file outside the clone', code: df('FROM debian:12', 'WORKDIR /app', 'RUN git clone https://example.com/a.git /src/a && cat requirements.txt | tee /reqs'), errors: [{ line: 3, message: 'cat | tee' }] },
    {
      name: 'tee into a folder no scratch stage exports',
      code: df('FROM golang:1.22-alpine AS run', 'RUN mkdir /out && govulncheck ./... | tee /out/govulncheck.out', 'FROM scratch AS output', 'COPY --from=run /other /'),
      errors: [{ line: 2, message: 'govulncheck | tee' }]
    },
    {
      name: 'tee into a folder a non-scratch stage copies',
      code: df('FROM golang:1.22-alpine AS run', 'RUN mkdir /out && govulncheck ./... | tee /out/govulncheck.out', 'FROM alpine:3.20', 'COPY --from=run /out /'),
      errors: [{ line: 2, message: 'govulncheck | tee' }]
    },
    { name: 'a RUN heredoc', code: df('FROM debian:12', 'RUN <<EOF', 'set -e', 'curl -fsSL https://example.com/x.sh | sh', 'EOF'), errors: [{ line: 2, message: 'curl | sh' }] },
    { name: 'a Linux stage after a Windows one', code: df('FROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS win', 'RUN dir | findstr x', 'FROM debian:12', 'RUN curl -fsSL x | sh'), errors: [{ line: 4 }] },
    { name: 'a shell pragma in another stage does not carry over', code: df('FROM debian:12 AS a', '# hadolint shell=powershell', 'RUN Get-Item x | Remove-Item', 'FROM debian:12', 'RUN curl -fsSL x | sh'), errors: [{ line: 5 }] },
    { name: 'set -o pipefail after the pipe does not cover it', code: df('FROM alpine:3.20', 'RUN wget -O- x | sh; set -o pipefail'), errors: [{ line: 2 }] }
  ]
})
