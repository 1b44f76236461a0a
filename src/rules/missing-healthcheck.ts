/** Judged on the shipped image, and only for services (it EXPOSEs a port). */
import { canonicalRepository, parseImageReference } from '../parse/image-ref.js'
import type { Instruction, Stage } from '../model/dockerfile.js'
import { distroless, rootFacts, rootImage, stageChain } from './helpers.js'
import { effectiveImage } from '../graph/effective.js'
import type { Rule } from './types.js'

/** The first port an EXPOSE names, as a number, or null (`$PORT`). */
function firstPort(expose: readonly Instruction[]): string | null {
  for (const ins of expose) for (const a of ins.args) if (/^\d+(?:\/tcp)?$/.test(a)) return a.replace('/tcp', '')
  return null
}

/** Ports that conventionally serve HTTP; others may speak FastCGI (9000), gRPC, SSH, SOCKS, … */
const HTTP_PORTS = new Set(['80', '3000', '4000', '5000', '8000', '8008', '8080', '8081', '8088', '8888', '9090'])

/** A HEALTHCHECK that works on this base: its shell and HTTP client, or an exec-form probe where there is neither. */
function probeFor(chain: readonly Stage[], root: Stage | null, port: string): string | null {
  const url = `http://localhost:${port}/`
  if (chain[0]?.base.kind === 'scratch') return 'a scratch image has no shell or HTTP client: use an exec-form HEALTHCHECK that runs a probe built into the app or copied into the image'
  if (root === null) return null
  if (!HTTP_PORTS.has(port)) return `port ${port} may not speak HTTP: run a client for its protocol (the app's own health command, or a probe such as grpc_health_probe for gRPC)`
  const image = root.base.image ?? ''
  const tag = root.base.tag ?? ''
  const shellless = distroless(image) !== null || image.startsWith('cgr.dev/') || tag.includes('chiseled') || tag.includes('distroless')
  if (shellless) return 'this base has no shell, curl or wget: use an exec-form HEALTHCHECK that runs a probe built into the app or copied into the image'
  const ref = parseImageReference(root.base.resolved)
  const repo = ref === null ? '' : canonicalRepository(ref)
  if (repo === 'docker.io/library/node') return `e.g. HEALTHCHECK CMD node -e "fetch('${url}').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" (Node 18+)`
  if (repo === 'docker.io/library/python') return `e.g. HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('${url}')"`
  // busybox wget is in alpine and busybox images; curl is not.
  if (repo === 'docker.io/library/alpine' || repo === 'docker.io/library/busybox' || /(?:^|-)alpine/.test(tag)) return `e.g. HEALTHCHECK CMD wget -q --spider ${url} || exit 1 (busybox wget)`
  return `e.g. HEALTHCHECK CMD curl -fsS ${url} || exit 1, if curl is in the image (slim images have neither curl nor wget)`
}

export const missingHealthcheck: Rule = {
  meta: {
    id: 'missing-healthcheck',
    title: 'A shipped service has no HEALTHCHECK',
    severity: 'info',
    category: 'correctness',
    scope: 'ships',
    equivalents: { hadolint: 'DL3057', buildkit: null },
    about: 'file'
  },
  check: ({ model, graph, baseFacts }) => {
    if (graph.target === null) return []
    const chain = stageChain(model, graph.target)
    const all = chain.flatMap((s) => s.instructions)
    const expose = all.filter((i) => i.keyword === 'EXPOSE')
    if (expose.length === 0 || all.some((i) => i.keyword === 'HEALTHCHECK')) return []
    // A HEALTHCHECK the base image's config carries is inherited (unless it is NONE): the table's value.
    const inherited = effectiveImage(model, graph.target, rootFacts(model, graph.target, baseFacts)).healthcheck
    if (inherited.value !== null && inherited.value !== 'NONE') return []
    const target = model.stages[graph.target]
    if (target === undefined) return []
    const port = firstPort(expose)
    const advice = port === null ? null : probeFor(chain, rootImage(model, graph.target), port)
    const probe = advice === null ? '' : `; ${advice}`
    return [{ line: target.line, message: `the shipped image serves a port but has no HEALTHCHECK, so docker and compose cannot tell a hung service from a healthy one${probe}`, stage: target.index }]
  }
}
