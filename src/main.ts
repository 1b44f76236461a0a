/** The action: the event's Dockerfiles → one review → published where people look. */
import { BuildContextReader } from './sources/build-context.js'
import { repositoryFiles } from './sources/repository.js'
import { createClient } from './github/client.js'
import { eventSources, repositoryRef } from './github/event.js'
import { InputError, readInputs } from './github/inputs.js'
import { actionLinks } from './github/links.js'
import { failRun, log, publish } from './github/publish.js'
import { ConfigError, review } from './review/review.js'

export async function run(): Promise<void> {
  try {
    const inputs = readInputs()
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
    const ref = repositoryRef()
    const client = inputs.token === '' || ref.owner === '' ? null : createClient(inputs.token, { log })
    const event = await eventSources(inputs, workspace, client, ref)
    const contexts = new BuildContextReader(workspace)
    const result = await review(
      event.sources,
      {
        root: workspace,
        configFile: inputs.config,
        hadolintConfigFile: inputs.hadolintConfig,
        ...(inputs.shellcheck === null ? {} : { shellcheck: inputs.shellcheck }),
        overrides: { target: inputs.target, buildArgs: inputs.buildArgs },
        annotate: inputs.annotate,
        failOn: inputs.failOn,
        registry: { sizes: inputs.registryLookup, images: inputs.images, credentials: inputs.registryCredentials, timeoutMs: inputs.registryTimeoutMs, allow: inputs.registryAllow },
        budgets: { size: inputs.sizeBudget, delta: inputs.sizeDeltaBudget },
        removed: event.removed,
        notes: event.notes,
        incomplete: event.incomplete
      },
      { buildContext: (path, context) => contexts.read(path, context), repository: repositoryFiles(workspace) }
    )
    await publish(result, { inputs, workspace, client, ref, pr: event.pr, headSha: event.headSha, links: actionLinks() })
  } catch (err) {
    failRun(err instanceof InputError || err instanceof ConfigError ? err.message : `stagecraft failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
  }
}
