/** Judged on the shipped image only: builders run as root by design. */
import { effectiveInstruction, rootImage, stageChain } from './helpers.js'
import type { Rule } from './types.js'

const ROOT = /^(?:root|0)(?::.*)?$/

/** Base images known to run as a non-root user by default. */
function baseRunsAsNonRoot(image: string, tag: string | null): boolean {
  if ((tag ?? '').includes('nonroot')) return true
  if (image.startsWith('cgr.dev/chainguard/') && !(tag ?? '').includes('-dev') && tag !== 'latest-dev') return true
  return false
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
  check: ({ model, graph }) => {
    if (graph.target === null) return []
    const target = model.stages[graph.target]
    if (target === undefined) return []
    const user = effectiveInstruction(model, graph.target, 'USER')
    if (user !== null) {
      const value = user.args.join(' ')
      if (!ROOT.test(value)) return []
      return [{ line: user.line, message: `the shipped image runs as ${value}: switch to an unprivileged user after the steps that need root`, stage: user.stage }]
    }
    const root = rootImage(model, graph.target)
    if (root !== null && baseRunsAsNonRoot(root.base.image ?? '', root.base.tag)) return []
    // Without an explicit USER, only network services are reported: base images, tools and
    // desktop apps run as root on purpose, and the base image may set a user we cannot see.
    const exposes = stageChain(model, graph.target).some((s) => s.instructions.some((i) => i.keyword === 'EXPOSE'))
    if (!exposes) return []
    return [
      {
        line: target.line,
        message: 'the shipped image serves a port but has no USER, so it runs as root unless the base image sets a user: add USER with an unprivileged user',
        stage: target.index,
        severity: 'info' as const
      }
    ]
  }
}
