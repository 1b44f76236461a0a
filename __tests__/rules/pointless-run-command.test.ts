/** pointless-run-command: what it reports and what it must leave alone (docs/rules/pointless-run-command.md). */
import { pointlessRunCommand } from '../../src/rules/pointless-run-command.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(pointlessRunCommand, {
  valid: [
    { name: 'installing packages named like the commands', code: df('FROM debian:12', 'RUN apt-get install -y vim procps openssh-client mount && rm -rf /var/lib/apt/lists/*') },
    { name: 'the words as arguments', code: df('FROM debian:12', 'RUN echo "run top and ps" && grep -r service /etc/x || true') },
    { name: 'a service started and then used', code: df('FROM mysql:8', 'RUN service mysql start && mysql -e "CREATE DATABASE app" && service mysql stop') },
    { name: 'kill of what the RUN started', code: df('FROM node:20', 'RUN node server.js & sleep 2 && curl -f localhost:3000 && kill %1') },
    { name: 'ssh through a forwarded agent', code: df('FROM alpine:3.20', 'RUN --mount=type=ssh ssh -T git@github.com || true') },
    { name: 'mount with --security=insecure', code: df('FROM alpine:3.20', 'RUN --security=insecure mount -t tmpfs none /mnt') },
    { name: 'other programs that start the same', code: df('FROM debian:12', 'RUN ssh-keygen -A && ssh-keyscan github.com >> /etc/ssh/ssh_known_hosts && psql --version && killall -q x || true') },
    { name: 'the names inside other words (https, --mount, dev, stop, vim.tiny)', code: df('FROM debian:12', 'RUN --mount=type=cache,target=/root/.cache curl -fsS https://x.dev/top-stop | sh && vim.tiny --version') }
  ],
  invalid: [
    { name: 'vim in RUN', code: df('FROM debian:12', 'RUN vim /etc/hosts'), errors: [{ line: 2, severity: 'info', message: 'vim in RUN: an interactive editor' }] },
    { name: 'a service started last', code: df('FROM debian:12', 'RUN apt-get install -y nginx && service nginx start'), errors: [{ line: 2, message: 'service in RUN' }] },
    { name: 'ps, free and shutdown', code: df('FROM debian:12', 'RUN ps aux', 'RUN free -m', 'RUN shutdown -h now'), errors: [{ line: 2, message: 'ps in RUN' }, { line: 3, message: 'free in RUN' }, { line: 4, message: 'shutdown in RUN' }] },
    { name: 'mount without privileges, kill first', code: df('FROM debian:12', 'RUN mount -t tmpfs none /mnt', 'RUN kill 1'), errors: [{ line: 2, message: 'mount in RUN' }, { line: 3, message: 'kill in RUN' }] },
    { name: 'ssh without an agent, inside if', code: df('FROM debian:12', 'RUN if true; then ssh host true; fi'), errors: [{ line: 2, message: 'ssh in RUN' }] },
    { name: 'in a heredoc script', code: df('FROM debian:12', 'RUN <<EOF', 'set -e', 'top -b -n1', 'EOF'), errors: [{ line: 2, message: 'top in RUN' }] },
    {
      name: 'by path, in a substitution, after an operator, quoted',
      code: df('FROM debian:12', 'RUN /usr/bin/vim /etc/hosts', 'RUN echo "$(ps aux)"', 'RUN true&&free -m', 'RUN "htop"'),
      errors: [{ line: 2, message: 'vim in RUN' }, { line: 3, message: 'ps in RUN' }, { line: 4, message: 'free in RUN' }, { line: 5, message: 'htop in RUN' }]
    }
  ]
})
