/**
 * `COPY --from=composer` (or a `RUN --mount` from an image) with no tag or digest: the image is
 * `:latest` and changes under the build, as an untagged FROM does. A bare name that is no stage
 * is often a stage that was renamed or removed: BuildKit then pulls `docker.io/library/<name>`.
 */
import { isDockerHub, parseImageReference } from '../parse/image-ref.js'
import { builtByThisRepository, distroless, misspeltStage, pinAdvice } from './helpers.js'
import type { Rule } from './types.js'

export const copyFromUntagged: Rule = {
  meta: {
    id: 'copy-from-untagged',
    title: 'COPY --from names an image with no tag',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3022', buildkit: null },
    inEnvironments: 'info'
  },
  check: ({ model, graph, repositoryImages }) => {
    const misspelt = misspeltStage(model)
    const stageNames = model.stages.flatMap((s) => (s.name === null ? [] : [s.name]))
    return graph.external.flatMap((ref) => {
      // An unused stage is never built: its --from is never pulled.
      if (ref.via === 'from' || graph.roles[ref.stage] === 'unused') return []
      const image = parseImageReference(ref.image)
      if (image === null || image.tag !== null || image.digest !== null) return []
      // stage-name-typo's case; a distroless -debianNN name is pinned enough; a sibling image of this repository on purpose.
      if (misspelt(ref) !== null || distroless(ref.image)?.pinsRelease === true || builtByThisRepository(ref.image, repositoryImages)) return []
      const what = ref.via === 'copy' ? 'COPY --from' : 'RUN --mount from'
      const bare = isDockerHub(image.registry) && !ref.image.includes('/')
      const message =
        bare && stageNames.length > 0
          ? `${what}=${ref.image}: no stage is named ${ref.image}, so docker build pulls the image docker.io/library/${ref.image}:latest, which changes under you; if you meant a stage, use one of its names (${stageNames.join(', ')}); if you meant the image, ${pinAdvice(ref.image)}`
          : `${what}=${ref.image} has no tag, so it means :latest and changes under you; ${pinAdvice(ref.image)}`
      return [{ line: ref.line, message, stage: ref.stage }]
    })
  }
}
