/** Judged on the shipped image only: builders run as root by design. */
import { canonicalRepository, parseImageReference } from '../parse/image-ref.js'
import type { DockerfileModel, Instruction, Stage } from '../model/dockerfile.js'
import { distroless, effectiveInstruction, rootFacts, rootImage, stageChain } from './helpers.js'
import { baseRunsAsNonRoot, effectiveImage, isWindowsImage } from '../graph/effective.js'
import { runCommands } from './run-helpers.js'
import type { Rule } from './types.js'

// Which bases run as non-root, and Windows, are the effective image's knowledge (src/graph/effective.ts).
export { baseRunsAsNonRoot, isWindowsImage }

/**
 * Servers that start as root to bind their ports and switch their workers to an unprivileged
 * user themselves (nginx, Apache httpd, php-fpm, sshd): `USER` would break them.
 */
const SELF_DROPPING = /^(?:nginx|openresty|httpd|httpd-foreground|apache2|apache2-foreground|apache2ctl|php-fpm[\d.]*|sshd)$/
/** Official images whose default command is such a server. */
const SELF_DROPPING_BASES = new Set(['docker.io/library/nginx', 'docker.io/library/httpd', 'docker.io/openresty/openresty'])
/** Tools an entrypoint uses to drop from root to the service's user (the official images' pattern). */
const DROP_TOOLS = /^(?:gosu|su-exec|setpriv|chpst|s6-setuidgid|runuser)$/

const programOf = (ins: Instruction | null): string => {
  const first = (ins?.form === 'json' ? ins.json?.[0] : ins?.args[0]) ?? ''
  return first.slice(first.lastIndexOf('/') + 1)
}

/** The service drops root itself: a self-dropping server runs, or the image installs or runs gosu/su-exec. */
function dropsPrivileges(model: DockerfileModel, target: number, root: Stage | null): boolean {
  const chain = stageChain(model, target)
  const started = [effectiveInstruction(model, target, 'ENTRYPOINT'), effectiveInstruction(model, target, 'CMD')].map(programOf)
  if (started.some((p) => SELF_DROPPING.test(p) || DROP_TOOLS.test(p))) return true
  if (started.every((p) => p === '') && root !== null) {
    const ref = parseImageReference(root.base.resolved)
    const repo = ref === null ? '' : canonicalRepository(ref)
    if (SELF_DROPPING_BASES.has(repo) || (repo === 'docker.io/library/php' && /fpm|apache/.test(ref?.tag ?? ''))) return true
  }
  return chain.some((s) => s.instructions.some((ins) => runCommands(ins).some((c) => DROP_TOOLS.test(c.program) || c.args.some((a) => (a.includes('gosu') || a.includes('su-exec')) && /(?:^|\/)(?:gosu|su-exec)(?:[-.]|$)/.test(a)))))
}

/** The fix that works on this base: the user it already has, or a nonroot variant. */
function nonRootAdvice(root: Stage | null): string {
  const image = root?.base.image ?? ''
  if (distroless(image) !== null) return `use the :nonroot tag of ${image} (uid 65532)`
  const ref = root === null ? null : parseImageReference(root.base.resolved)
  const repo = ref === null ? '' : canonicalRepository(ref)
  if (repo === 'docker.io/library/node') return 'add USER node (the node image has that user) after the steps that need root'
  if (image.startsWith('mcr.microsoft.com/dotnet/')) return 'add USER $APP_UID (the .NET 8+ images define that user) after the steps that need root'
  return 'create an unprivileged user (adduser or useradd) and switch to it with USER after the steps that need root'
}

export const rootUser: Rule = {
  meta: {
    id: 'root-user',
    title: 'The shipped image runs as root',
    severity: 'warning',
    category: 'security',
    scope: 'ships',
    equivalents: { hadolint: 'DL3002', buildkit: null },
    about: 'file'
  },
  check: ({ model, graph, baseFacts }) => {
    if (graph.target === null) return []
    const target = model.stages[graph.target]
    if (target === undefined) return []
    const root = rootImage(model, graph.target)
    const facts = rootFacts(model, graph.target, baseFacts)
    if (facts?.os === 'windows' || (root !== null && isWindowsImage(root.base.image ?? '', root.base.tag))) return []
    // The same user the final-image table shows: written, the base image's config, or known by name.
    const user = effectiveImage(model, graph.target, facts).user
    const written = effectiveInstruction(model, graph.target, 'USER')
    // A program that drops root itself (nginx, gosu…) excuses the image; asked last, as it reads every command of the chain.
    if (written !== null) {
      if (user.root !== true || dropsPrivileges(model, graph.target, root)) return []
      return [{ line: written.line, message: `the shipped image runs as ${user.value ?? ''}: ${nonRootAdvice(root)}`, stage: written.stage }]
    }
    if (user.root === false) return []
    // Without an explicit USER, only network services are reported: base images, tools and
    // desktop apps run as root on purpose, and the base image may set a user we cannot see.
    const exposes = stageChain(model, graph.target).some((s) => s.instructions.some((i) => i.keyword === 'EXPOSE'))
    if (!exposes || dropsPrivileges(model, graph.target, root)) return []
    return [
      {
        line: target.line,
        message:
          facts !== null
            ? `the shipped image serves a port and runs as root: there is no USER here and the base image's config sets ${facts.user === null ? 'none' : `User ${facts.user}`}; ${nonRootAdvice(root)}`
            : `the shipped image serves a port but has no USER, so it runs as root unless the base image sets a user: ${nonRootAdvice(root)}`,
        stage: target.index,
        severity: 'info' as const
      }
    ]
  }
}
