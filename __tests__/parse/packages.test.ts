import { describe, expect, it } from '@jest/globals'
import { packageInstalls, packageName, packageRemoval } from '../../src/parse/packages.js'
import { splitCommands } from '../../src/parse/shell.js'

const installs = (script: string): string[][] => packageInstalls(splitCommands(script)).map((i) => i.packages)
const removal = (script: string) => packageRemoval(splitCommands(script)[0] as never)

describe('packageInstalls', () => {
  it('leaves option values out of the package list', () => {
    expect(installs('apt-get -o Dpkg::Options::=--force-confold install -y curl')).toEqual([['curl']])
    expect(installs('apt-get install -y -t bookworm-backports golang')).toEqual([['golang']])
    expect(installs('apk add --no-cache --virtual .build-deps gcc musl-dev')).toEqual([['gcc', 'musl-dev']])
    expect(installs('dnf --setopt install_weak_deps=False -y install gcc')).toEqual([['gcc']])
    // Azure Linux's tdnf (the .NET images on azurelinux3.0).
    expect(packageInstalls(splitCommands('tdnf install -y build-essential clang && tdnf clean all')).map((i) => [i.manager, ...i.packages])).toEqual([['tdnf', 'build-essential', 'clang']])
  })
})

describe('packageName', () => {
  it('drops version pins and architectures', () => {
    expect(packageName('gcc=4:12.2.0-3')).toBe('gcc')
    expect(packageName('make>=4')).toBe('make')
    expect(packageName('musl-dev~1.2')).toBe('musl-dev')
    expect(packageName('libc6-dev:i386')).toBe('libc6-dev')
    expect(packageName('git')).toBe('git')
  })

  it('is linear on long runs of pin characters', () => {
    expect(packageName('a' + '<'.repeat(200_000))).toBe('a')
  })
})

describe('packageRemoval', () => {
  it('reads the names a removal lists', () => {
    expect(removal('apt-get purge -y gcc=4:12.2.0-3 make')).toEqual({ names: ['gcc', 'make'], unknown: false })
    expect(removal('apk del --no-network .build-deps')).toEqual({ names: ['.build-deps'], unknown: false })
    expect(removal('dnf remove -y gcc')).toEqual({ names: ['gcc'], unknown: false })
  })

  it('cannot read computed lists or auto-removal', () => {
    expect(removal('apt-get purge -y --auto-remove $buildDeps')?.unknown).toBe(true)
    expect(removal('apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false')?.unknown).toBe(true)
    expect(removal('apt-get autoremove -y')?.unknown).toBe(true)
    expect(removal('apk del $buildDeps')?.unknown).toBe(true)
  })

  it('is null for anything else', () => {
    expect(removal('apt-get install -y gcc')).toBeNull()
    expect(removal('rm -rf /var/lib/apt/lists/*')).toBeNull()
  })
})
