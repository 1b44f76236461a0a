/**
 * What `/bin/sh` is on a base image, read from its name and tag: it decides what a shell-form
 * RUN, CMD or ENTRYPOINT can use (pipefail) and whether the shell stays PID 1. Only well-known
 * images and tag words are classified; anything else is 'unknown'.
 */

/**
 * `ash`: BusyBox ash (Alpine, busybox); has `set -o pipefail`, execs the command it runs last.
 * `dash`: Debian and Ubuntu; no pipefail (dash 0.5.12), never execs the last command.
 * `bash`: /bin/sh is bash (Fedora, RHEL and its rebuilds, Amazon Linux, Azure Linux).
 * `cmd`: a Windows image, whose default shell is `cmd /S /C`.
 * `none`: no shell at all (scratch, distroless, chiseled Ubuntu).
 */
export type BaseShell = 'ash' | 'dash' | 'bash' | 'cmd' | 'none' | 'unknown'

/** Official images built on Debian or Ubuntu unless their tag says otherwise. */
const DEBIAN_BASED = new Set([
  'debian', 'ubuntu', 'buildpack-deps', 'node', 'python', 'golang', 'ruby', 'php', 'perl', 'rust', 'gcc', 'eclipse-temurin', 'openjdk', 'maven', 'gradle',
  'nginx', 'httpd', 'postgres', 'redis', 'mariadb', 'mongo', 'wordpress', 'elixir', 'erlang', 'haskell', 'julia', 'r-base', 'swift', 'pypy', 'clojure', 'groovy', 'sapmachine'
])

const RHEL_LIKE = new Set(['fedora', 'centos', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux', 'archlinux', 'photon', 'ubi', 'ubi8', 'ubi9', 'ubi10', 'ubi-minimal', 'ubi8-minimal', 'ubi9-minimal', 'ubi-init'])

/** Words that only Windows images have in their name or tag: `mcr.microsoft.com/windows/servercore`, `…:ltsc2022`, `dotnet/framework`. */
const WINDOWS_WORDS = /windows|nanoserver|servercore|dotnet\/framework|ltsc20\d\d/i

/** Whether an image reference (name and tag, as written or resolved) is a Windows image. */
export const isWindowsImage = (reference: string): boolean => WINDOWS_WORDS.test(reference)
const ALPINE_TAG = /alpine|busybox/
const RHEL_TAG = /azurelinux|cbl-mariner|mariner|fedora|centos|rockylinux|almalinux|amazonlinux|amazoncorretto|oraclelinux|ubi\d/
const DEBIAN_TAG = /bookworm|bullseye|buster|stretch|jessie|trixie|forky|sid|xenial|bionic|focal|jammy|noble|oracular|plucky|questing|resolute/

/** The shell of an image (`node`, `mcr.microsoft.com/dotnet/aspnet`) with its tag, or 'unknown'. */
export function baseShell(image: string, tag: string | null): BaseShell {
  const name = image.toLowerCase().replace(/^(?:docker\.io\/|index\.docker\.io\/)/, '').replace(/^library\//, '')
  const t = (tag ?? '').toLowerCase()
  const last = name.slice(name.lastIndexOf('/') + 1)
  if (isWindowsImage(`${name}:${t}`)) return 'cmd'
  if (t.includes('chiseled') || (name.includes('distroless') && !t.includes('debug'))) return 'none'
  if (last === 'alpine' || last === 'busybox' || ALPINE_TAG.test(t)) return 'ash'
  if (RHEL_TAG.test(t) || RHEL_LIKE.has(last) || name.includes('azurelinux') || name.includes('cbl-mariner') || name.startsWith('registry.access.redhat.com/') || name.startsWith('registry.redhat.io/')) return 'bash'
  if (DEBIAN_TAG.test(t) || DEBIAN_BASED.has(name) || name.startsWith('mcr.microsoft.com/dotnet/') || name.startsWith('mcr.microsoft.com/devcontainers/')) return 'dash'
  return 'unknown'
}

/** Shells that do not read POSIX sh: PowerShell and cmd, with or without a folder and `.exe`. */
export function isPosixShellProgram(program: string): boolean {
  const base = program.slice(Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\')) + 1).toLowerCase().replace(/\.exe$/, '')
  return base !== 'pwsh' && base !== 'powershell' && base !== 'cmd'
}
