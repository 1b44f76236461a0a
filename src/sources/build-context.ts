/**
 * What Stagecraft can know of the build context without building: its .dockerignore. The context
 * is the folder a build definition names, else the Dockerfile's folder (the usual
 * `docker build -f dir/Dockerfile dir`). BuildKit prefers `<Dockerfile>.dockerignore` next to
 * the Dockerfile over the context's `.dockerignore`.
 */
import { readdirSync, realpathSync } from 'node:fs'
import { basename, dirname, join, resolve, sep } from 'node:path'
import type { BuildContext } from '../model/analysis.js'
import { readRegularFile, realRoot } from './workspace.js'

/** A .dockerignore is a few lines; a larger one is not read (as if there were none). */
const MAX_DOCKERIGNORE_BYTES = 1024 * 1024

const NONE: BuildContext = Object.freeze({ dockerignore: null, dockerignorePath: null })

/**
 * Reads build contexts under `root`, listing each folder once: probing two names per Dockerfile
 * with failing opens cost more than the analysis on large runs. Synchronous on purpose: the
 * files are small and a promise per file costs thread-pool round trips.
 */
export class BuildContextReader {
  private readonly listings = new Map<string, { ignores: ReadonlySet<string>; entries: ReadonlySet<string> }>()
  constructor(private readonly root: string) {}

  private listing(folder: string): { ignores: ReadonlySet<string>; entries: ReadonlySet<string> } {
    let listed = this.listings.get(folder)
    if (listed === undefined) {
      try {
        // A folder that is a link out of the repository (`ctx -> ~/.ssh`) is not listed.
        const real = realpathSync.native(folder)
        const root = realRoot(this.root)
        if (real !== root && !real.startsWith(root + sep)) throw new Error('outside the repository')
        const dirents = readdirSync(folder, { withFileTypes: true })
        // Regular files only: a FIFO or a link planted by a pull request is not read.
        listed = { ignores: new Set(dirents.filter((d) => d.isFile() && d.name.endsWith('.dockerignore')).map((d) => d.name)), entries: new Set(dirents.map((d) => d.name)) }
      } catch {
        listed = { ignores: new Set(), entries: new Set() }
      }
      this.listings.set(folder, listed)
    }
    return listed
  }

  private readIn(folder: string, name: string, shown: string): BuildContext | null {
    if (!this.listing(folder).ignores.has(name)) return null
    // Read without blocking or following links: a FIFO put there after the listing, or a huge file, is as if it were not there.
    const read = readRegularFile(this.root, join(folder, name), MAX_DOCKERIGNORE_BYTES)
    return read.ok ? { dockerignore: read.bytes.toString('utf8'), dockerignorePath: shown } : null
  }

  /** The context of the Dockerfile at `path` (relative to the root, as reported); `context` is the build's context folder, when known. */
  read(path: string, context: string | null = null): BuildContext {
    const absolute = resolve(this.root, path)
    const own = `${basename(absolute)}.dockerignore`
    const nextTo = own === '.dockerignore.dockerignore' ? null : this.readIn(dirname(absolute), own, join(dirname(path), own))
    if (nextTo !== null) return { ...nextTo, entries: this.listing(context === null ? dirname(absolute) : resolve(this.root, context)).entries }
    const folder = context === null ? dirname(absolute) : resolve(this.root, context)
    const found = this.readIn(folder, '.dockerignore', context === null ? join(dirname(path), '.dockerignore') : join(context, '.dockerignore')) ?? NONE
    return { ...found, entries: this.listing(folder).entries }
  }
}
