import { describe, expect, it } from '@jest/globals'
import { runCommands, splitCommands } from '../../src/parse/shell.js'
import { df, parse } from '../helpers/dockerfile.js'

const names = (script: string): string[] => splitCommands(script).map((c) => [c.name, ...c.args].join(' '))

describe('splitCommands', () => {
  it('splits on && || ; | & and newlines outside quotes', () => {
    expect(names('apt-get update && apt-get install -y "a b" || true; echo "x && y" | tee f & wait')).toEqual([
      'apt-get update',
      'apt-get install -y a b',
      'true',
      'echo x && y',
      'tee f',
      'wait'
    ])
  })

  it('drops assignments and wrappers before the program', () => {
    expect(names('DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y curl')).toEqual(['apt-get install -y curl'])
    expect(names('CGO_ENABLED=0 GOOS=linux go build ./...')).toEqual(['go build ./...'])
  })

  it('skips leading redirections before the program (heredocs on file descriptors)', () => {
    expect(names('5<<file cat /proc/self/fd/5')).toEqual(['cat /proc/self/fd/5'])
    expect(names('> out.txt echo hi')).toEqual(['echo hi'])
    expect(names('2>/dev/null make')).toEqual(['make'])
  })

  it('finds the subcommand after package-manager options that take a value', () => {
    const sub = (script: string): string[] => splitCommands(script).map((c) => c.subcommand)
    expect(sub('apt-get -o Dpkg::Options::=--force-confold install -y curl')).toEqual(['install'])
    expect(sub('apt-get -y -t bookworm-backports install curl')).toEqual(['install'])
    expect(sub('apk --repository https://example.com/edge add curl')).toEqual(['add'])
    expect(sub('dnf --setopt install_weak_deps=False install -y gcc')).toEqual(['install'])
    // Other programs keep the first non-option word.
    expect(sub('tar -C /x -xf a.tar')).toEqual(['/x'])
  })

  it('ignores comments and marks piped commands', () => {
    const commands = splitCommands('curl -fsSL x | sh # install\nmake')
    expect(commands.map((c) => [c.name, c.piped])).toEqual([
      ['curl', true],
      ['sh', false],
      ['make', false]
    ])
  })
})

describe('runCommands', () => {
  it('reads shell form, exec form and a shell heredoc', () => {
    const model = parse(df('FROM a', 'RUN apt-get update && \\', '  apt-get install -y git', 'RUN ["pip", "install", "x"]', 'RUN <<EOF', 'npm ci', 'npm run build', 'EOF', 'RUN python3 <<EOF', 'import os', 'EOF'))
    const runs = model.stages[0]?.instructions.filter((i) => i.keyword === 'RUN') ?? []
    expect(runs.map((r) => runCommands(r).map((c) => c.name))).toEqual([['apt-get', 'apt-get'], ['pip'], ['npm', 'npm'], ['python3']])
  })
})

describe('wrappers', () => {
  it('skips the values of their options', () => {
    expect(names('sudo -u postgres psql -c x && nice -n 10 make -j4 && env -u HOME npm ci')).toEqual(['psql -c x', 'make -j4', 'npm ci'])
  })
})
