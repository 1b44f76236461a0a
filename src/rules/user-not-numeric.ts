/** The shipped image's USER is a name: Kubernetes' runAsNonRoot cannot check that a name is not root. */
import { effectiveInstruction, isWindowsStage, rootImage, stageChain } from './helpers.js'
import { runCommands } from './run-helpers.js'
import type { DockerfileModel } from '../model/dockerfile.js'
import type { Rule } from './types.js'

/** Users the well-known base images define, with their UIDs. */
function knownUid(model: DockerfileModel, index: number, name: string): string | null {
  const image = rootImage(model, index)?.base.image ?? ''
  const alpine = /alpine/.test(rootImage(model, index)?.base.tag ?? '') || image === 'alpine'
  if (name === 'nonroot' && image.includes('distroless')) return '65532'
  if (name === 'node' && /^(?:docker\.io\/)?(?:library\/)?node$/.test(image)) return '1000'
  if (name === 'app' && image.startsWith('mcr.microsoft.com/dotnet/')) return '$APP_UID'
  if (name === 'nobody') return '65534'
  if (name === 'www-data') return alpine ? '82' : '33'
  return null
}

/** The UID a useradd/adduser in the stage chain gives the user (`useradd -u 10001 app`), or null. */
function createdUid(model: DockerfileModel, index: number, name: string): string | null {
  for (const stage of stageChain(model, index)) {
    for (const run of stage.instructions) {
      for (const c of runCommands(run)) {
        if (!['useradd', 'adduser'].includes(c.program) || !c.args.includes(name)) continue
        const at = c.args.findIndex((a) => a === '-u' || a === '--uid')
        const uid = at >= 0 ? c.args[at + 1] : c.args.find((a) => a.startsWith('--uid='))?.slice(6)
        if (uid !== undefined && /^\d+$/.test(uid)) return uid
      }
    }
  }
  return null
}

export const userNotNumeric: Rule = {
  meta: {
    id: 'user-not-numeric',
    title: 'The shipped image runs as a user name, not a UID',
    severity: 'info',
    category: 'security',
    scope: 'ships',
    equivalents: { hadolint: 'DL3066', buildkit: null }
  },
  check: ({ model, graph }) => {
    const reported = new Set<number>()
    return graph.targets.flatMap(({ stage }) => {
      // Kubernetes' check is for Linux services: a Windows user has no UID, and a desktop or CLI tool that serves no port is not run there.
      if (isWindowsStage(model, stage) || !stageChain(model, stage).some((s) => s.instructions.some((i) => i.keyword === 'EXPOSE'))) return []
      const user = effectiveInstruction(model, stage, 'USER')
      const value = user?.args[0] ?? ''
      const name = value.split(':')[0] ?? ''
      // A UID, root (the root-user rule's case), or a variable whose value we cannot know.
      if (user === null || reported.has(user.line) || name === '' || /^\d+$/.test(name) || name === 'root' || value.includes('$')) return []
      reported.add(user.line)
      const created = createdUid(model, stage, name)
      const known = knownUid(model, stage, name)
      const uid = created ?? known
      const group = value.includes(':') ? `:${value.split(':')[1] ?? ''}` : ''
      const createdHere = stageChain(model, stage).some((s) => s.instructions.some((i) => runCommands(i).some((c) => ['useradd', 'adduser'].includes(c.program) && c.args.includes(name))))
      const advice =
        uid !== null
          ? `write USER ${uid}${/^\d+$/.test(group.slice(1)) || group === '' ? group : created === null && group === `:${name}` ? `:${uid}` : ''} (${name}'s UID)`
          : createdHere
            ? `create ${name} with a fixed UID (useradd -u 10001 ${name}, or adduser -u 10001) and write USER 10001`
            : `write ${name}'s UID (USER <uid>${group})`
      return [{ line: user.line, message: `USER ${value} is a name: with runAsNonRoot: true and no runAsUser, Kubernetes cannot tell that ${name} is not root and refuses to start the container; ${advice}`, stage: user.stage }]
    })
  }
}
