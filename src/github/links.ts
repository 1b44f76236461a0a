/**
 * The links of this run: the runner sets GITHUB_ACTION_REPOSITORY and GITHUB_ACTION_REF for an
 * action step (`uses: owner/name@v1` gives owner/name and v1), so links open the docs of the
 * version the workflow pinned, in the repository it came from (a fork's own, too). A local
 * action (`uses: ./`) has neither: then the package's repository at the release tag of its
 * version, as the CLI.
 */
import { HOME, VERSION } from '../model/version.js'
import { linksAt, releaseTag, type Links } from '../report/links.js'

export function actionLinks(env: NodeJS.ProcessEnv = process.env): Links {
  const repository = env.GITHUB_ACTION_REPOSITORY?.trim() ?? ''
  const ref = env.GITHUB_ACTION_REF?.trim() ?? ''
  if (repository === '' || ref === '' || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return linksAt(HOME, releaseTag(VERSION))
  const server = (env.GITHUB_SERVER_URL?.trim() || 'https://github.com').replace(/\/+$/, '')
  return linksAt(`${server}/${repository}`, ref)
}
