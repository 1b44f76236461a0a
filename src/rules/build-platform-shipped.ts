/**
 * `FROM --platform=$BUILDPLATFORM` pins a stage to the machine that builds: right for a compiler
 * stage that cross-compiles, wrong for a stage the image is made of. Built for linux/arm64 on an
 * amd64 runner, that image ships amd64 binaries under an arm64 tag (exec format error).
 */
import { referencedNames } from '../parse/variables.js'
import { stageLabel } from '../graph/image.js'
import { stageChain } from './helpers.js'
import type { Stage } from '../model/dockerfile.js'
import type { Rule } from './types.js'

/** A --platform value made of BUILDPLATFORM/BUILDOS/BUILDARCH/BUILDVARIANT only. */
function onBuildPlatform(platform: string | null): boolean {
  if (platform === null || !platform.includes('$')) return false
  const names = referencedNames(platform)
  return names.length > 0 && names.every((n) => /^BUILD(?:PLATFORM|OS|ARCH|VARIANT)$/.test(n))
}

/** Instructions that say the image is run (not only exported as files with --output). */
const RUN_AS_IMAGE: ReadonlySet<string> = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'HEALTHCHECK'])

export const buildPlatformShipped: Rule = {
  meta: {
    id: 'build-platform-shipped',
    title: 'The shipped image is built on the build platform instead of the target platform',
    severity: 'warning',
    category: 'correctness',
    scope: 'ships',
    equivalents: { hadolint: null, buildkit: null },
    about: 'file'
  },
  check: ({ model, graph }) => {
    if (graph.target === null) return []
    const chain = stageChain(model, graph.target)
    if (!chain.some((s) => s.instructions.some((i) => RUN_AS_IMAGE.has(i.keyword)))) return []
    // The platform is inherited through FROM <stage>: the stage that sets it is the one to fix.
    const pinned = chain.find((s: Stage) => s.base.kind !== 'stage' && onBuildPlatform(s.base.platform))
    if (pinned === undefined || pinned.base.kind === 'scratch') return []
    const target = model.stages[graph.target] as Stage
    const shipped = target.name === null ? `the shipped stage (line ${target.line})` : `the shipped stage ${target.name}`
    const via = pinned.index === target.index ? 'The shipped stage' : `Stage ${stageLabel(pinned)}, which ${shipped} is built FROM,`
    const image = `${pinned.base.image ?? pinned.base.resolved}${pinned.base.tag === null ? '' : `:${pinned.base.tag}`}`
    return [
      {
        line: pinned.line,
        message: `${via} uses --platform=${pinned.base.platform ?? ''}, so an image built for another platform (--platform linux/arm64 on an amd64 runner) gets the build machine's ${image} and fails with "exec format error": drop --platform here; keep $BUILDPLATFORM for stages that only cross-compile and are copied from`,
        stage: pinned.index
      }
    ]
  }
}
