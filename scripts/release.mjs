#!/usr/bin/env node
/**
 * Makes a release, as the actions/typescript-action template's script/release does, from a
 * clean checkout of the default branch with dist/ built:
 *
 *   node scripts/release.mjs patch|minor|major|X.Y.Z [--date YYYY-MM-DD] [--notes FILE] [--push] [--dry-run]
 *
 * 1. bumps the version in package.json and package-lock.json, and rebuilds dist/ (`npm run
 *    build`, when package.json has it), whose bundles carry the version;
 * 2. moves CHANGELOG.md's Unreleased entries into a section for the version (Keep a Changelog),
 *    with its compare link;
 * 3. commits "Release vX.Y.Z", tags vX.Y.Z (annotated) and moves the major tag vX to it, so
 *    workflows pinned to `@vX` get the release;
 * 4. with --push, pushes the commit and vX.Y.Z, and force-pushes vX.
 *
 * --dry-run says all of this and changes nothing. --notes writes the release's CHANGELOG
 * section to FILE (the release workflow makes the GitHub release from it).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

class ReleaseError extends Error {}

export function parseArgs(argv) {
  const options = { bump: null, date: new Date().toISOString().slice(0, 10), notes: null, push: false, dryRun: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--push') options.push = true
    else if (arg === '--dry-run') options.dryRun = true
    else if (arg === '--date' || arg === '--notes') {
      const value = argv[++i]
      if (value === undefined) throw new ReleaseError(`${arg} needs a value`)
      options[arg.slice(2)] = value
    } else if (arg.startsWith('-')) throw new ReleaseError(`unknown option ${arg}`)
    else if (options.bump === null) options.bump = arg
    else throw new ReleaseError(`one version or bump only, not also "${arg}"`)
  }
  if (options.bump === null) throw new ReleaseError('usage: release.mjs patch|minor|major|X.Y.Z [--date YYYY-MM-DD] [--notes FILE] [--push] [--dry-run]')
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date)) throw new ReleaseError(`--date must be YYYY-MM-DD, not "${options.date}"`)
  return options
}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/

/** The next version: a bump of the current one, or a version given outright (it must be higher). */
export function nextVersion(current, bump) {
  const m = SEMVER.exec(current)
  if (m === null) throw new ReleaseError(`package.json version "${current}" is not X.Y.Z`)
  const [major, minor, patch] = m.slice(1).map(Number)
  if (bump === 'major') return `${major + 1}.0.0`
  if (bump === 'minor') return `${major}.${minor + 1}.0`
  if (bump === 'patch') return `${major}.${minor}.${patch + 1}`
  const given = SEMVER.exec(bump.replace(/^v/, ''))
  if (given === null) throw new ReleaseError(`"${bump}" is not patch, minor, major or X.Y.Z`)
  const order = (v) => v.slice(1).map(Number).reduce((a, n) => a * 100000 + n, 0)
  if (order(given) <= order(m)) throw new ReleaseError(`${bump} is not higher than the current ${current}`)
  return given.slice(1).join('.')
}

/** owner/name page of package.json's repository (git+https://github.com/o/n.git → https://github.com/o/n). */
export function homeOf(pkg) {
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url
  if (typeof url !== 'string') throw new ReleaseError('package.json has no repository')
  return url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '')
}

/**
 * CHANGELOG.md with the Unreleased entries under `## [version] - date`, an empty Unreleased
 * above, and the links at the bottom for both. Also returns the release's own section.
 */
export function releaseChangelog(text, version, date, home, previous) {
  const head = /^## \[Unreleased\][^\n]*\n/m.exec(text)
  if (head === null) throw new ReleaseError('CHANGELOG.md has no "## [Unreleased]" section')
  const start = head.index + head[0].length
  const next = text.slice(start).search(/^## \[|^\[[^\]]+\]: /m)
  const end = next < 0 ? text.length : start + next
  const entries = text.slice(start, end).trim()
  if (entries === '') throw new ReleaseError('CHANGELOG.md: nothing under Unreleased to release')
  const section = `## [${version}] - ${date}\n\n${entries}\n`
  const rest = text.slice(end).replace(/^\n+/, '')
  let out = `${text.slice(0, start)}\n${section}\n${rest}`
  const tag = `v${version}`
  // Keep a Changelog lists the links newest first, Unreleased on top.
  const links = `[Unreleased]: ${home}/compare/${tag}...HEAD\n[${version}]: ${previous === null ? `${home}/releases/tag/${tag}` : `${home}/compare/${previous}...${tag}`}\n`
  if (/^\[Unreleased\]: .*$/m.test(out)) out = out.replace(/^\[Unreleased\]: .*\n?/m, links)
  else out = `${out.trimEnd()}\n\n${links}`
  return { changelog: out, section }
}

function git(cwd, args, options = {}) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options }).trim()
}

/** The newest vX.Y.Z tag reachable from HEAD, or null before the first release. */
function previousTag(cwd) {
  try {
    return git(cwd, ['describe', '--tags', '--abbrev=0', '--match', 'v[0-9]*.[0-9]*.[0-9]*', 'HEAD'])
  } catch {
    return null
  }
}

export function release(cwd, argv, log = (line) => process.stdout.write(`${line}\n`)) {
  const options = parseArgs(argv)
  const pkgPath = join(cwd, 'package.json')
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'))
  const version = nextVersion(pkg.version, options.bump)
  const tag = `v${version}`
  const major = `v${version.split('.')[0]}`
  const home = homeOf(pkg)
  const status = git(cwd, ['status', '--porcelain'])
  if (status !== '') throw new ReleaseError(`the working tree has changes; commit or stash them first:\n${status}`)
  if (git(cwd, ['tag', '--list', tag]) !== '') throw new ReleaseError(`tag ${tag} exists already`)
  const previous = previousTag(cwd)
  const changelogPath = join(cwd, 'CHANGELOG.md')
  const { changelog, section } = releaseChangelog(readFileSync(changelogPath, 'utf8'), version, options.date, home, previous)

  const build = typeof pkg.scripts?.build === 'string'
  log(`${options.dryRun ? 'would release' : 'releasing'} ${tag} (after ${previous ?? 'no earlier release'}): package.json ${pkg.version} → ${version}${build ? ', npm run build' : ''}, CHANGELOG.md section ${version} - ${options.date}, commit "Release ${tag}", tag ${tag}, move ${major}${options.push ? ', push' : ''}`)
  log(section.trimEnd())
  if (options.dryRun) return { version, tag, major, section, changed: false }

  pkg.version = version
  writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`)
  const lockPath = join(cwd, 'package-lock.json')
  try {
    const lock = JSON.parse(readFileSync(lockPath, 'utf8'))
    lock.version = version
    if (lock.packages?.[''] !== undefined) lock.packages[''].version = version
    writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`)
  } catch (err) {
    if (err.code !== 'ENOENT') throw err
  }
  writeFileSync(changelogPath, changelog)
  if (options.notes !== null) writeFileSync(options.notes, section.replace(/^## [^\n]*\n\n/, ''))
  if (build) execFileSync('npm', ['run', 'build', '--silent'], { cwd, stdio: ['ignore', 'ignore', 'inherit'] })
  const tracked = (path) => git(cwd, ['ls-files', path]) !== ''
  git(cwd, ['add', 'package.json', 'CHANGELOG.md', ...['package-lock.json', 'dist'].filter(tracked)])
  git(cwd, ['commit', '-q', '-m', `Release ${tag}`])
  git(cwd, ['tag', '-a', tag, '-m', `Release ${tag}`])
  git(cwd, ['tag', '-f', '-a', major, '-m', `${major}: latest is ${tag}`])
  if (options.push) {
    git(cwd, ['push', 'origin', 'HEAD', tag])
    git(cwd, ['push', '-f', 'origin', major])
  }
  log(`released ${tag}; ${major} points at it${options.push ? '' : ' (not pushed: git push origin HEAD ' + tag + ' && git push -f origin ' + major + ')'}`)
  return { version, tag, major, section, changed: true }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  try {
    release(process.cwd(), process.argv.slice(2))
  } catch (err) {
    process.stderr.write(`release: ${err instanceof ReleaseError ? err.message : (err.stderr?.toString() || err.message)}\n`)
    process.exit(1)
  }
}
