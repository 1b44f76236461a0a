/**
 * The package's identity, read from package.json, the one place it is written: the version and
 * the canonical home (its `repository`), from which the CLI's links, SARIF's informationUri and
 * the README's `uses:` line derive.
 */
import pkg from '../../package.json' with { type: 'json' }

export const VERSION: string = pkg.version

/** `git+https://github.com/owner/name.git` (npm's form) → `https://github.com/owner/name`. */
export function repositoryHome(url: string): string {
  return url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '')
}

/** The canonical repository, e.g. https://github.com/stagecraft-dev/stagecraft-action. */
export const HOME: string = repositoryHome(pkg.repository.url)

/** owner/name of the canonical repository, as a workflow's `uses:` names it. */
export const REPOSITORY: string = new URL(HOME).pathname.replace(/^\//, '')
