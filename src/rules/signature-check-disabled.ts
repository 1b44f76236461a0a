/**
 * Package signature checks turned off: apk --allow-untrusted, apt-get --allow-unauthenticated
 * (or --force-yes, [trusted=yes]), --nogpgcheck and gpgcheck=0 for yum and dnf, rpm
 * --nosignature, zypper --no-gpg-checks. A package whose signature is not checked can be anything
 * the mirror or the network hands over, in any stage. Checkov's CKV2_DOCKER_2–17 cover the same ground.
 */
import { posixShellAt } from './helpers.js'
import { hasOption, isCommand, lowerRunText, runCommands, runs, runText, wordsAfterSubcommand } from './run-helpers.js'
import type { Instruction, ShellCommand } from '../model/dockerfile.js'
import type { Rule } from './types.js'

const RPM_MANAGERS = new Set(['yum', 'dnf', 'dnf5', 'microdnf', 'tdnf'])
/** The programs commandProblem can report. */
const PROGRAMS: ReadonlySet<string> = new Set([...RPM_MANAGERS, 'apk', 'apt-get', 'apt', 'rpm', 'zypper'])
const GPGCHECK_OFF = /(?:repo_|localpkg_)?gpgcheck\s*=\s*(?:0|false|no|off)\b/i
/** `[trusted=yes]`, `[arch=amd64 allow-insecure=yes]` in an apt sources entry. Brackets without `[` inside, so the scan stays linear. */
function aptTrusted(text: string): boolean {
  if (!text.includes('=yes')) return false
  for (const m of text.matchAll(/\[[^[\]\n]*\]/g)) if (/\b(?:trusted|allow-insecure|allow-weak)=yes\b/.test(m[0])) return true
  return false
}
const APT_INSECURE_OPTION = /AllowUnauthenticated|AllowInsecureRepositories|AllowDowngradeToInsecureRepositories/i

/** Every package is a local file (`apk add --allow-untrusted /tmp/x.apk`) that the RUN did not download: the author's own build. */
function localPackagesOnly(c: ShellCommand, run: Instruction, extension: string): boolean {
  const words = wordsAfterSubcommand(c, new Set())
  const downloads = runCommands(run).some((x) => x.program === 'curl' || x.program === 'wget')
  return words.length > 0 && words.every((w) => w.endsWith(extension) && !/^[a-z]+:\/\//.test(w)) && !downloads
}

function commandProblem(c: ShellCommand, run: Instruction): string | null {
  if (isCommand(c, 'apk') && hasOption(c, ['allow-untrusted']) && !localPackagesOnly(c, run, '.apk')) return 'apk --allow-untrusted installs packages whose signature apk cannot check: add the repository key to /etc/apk/keys instead (or check the file\'s sha256 before installing it)'
  if ((isCommand(c, 'apt-get') || isCommand(c, 'apt')) && (hasOption(c, ['allow-unauthenticated', 'allow-insecure-repositories', 'allow-downgrade-to-insecure-repositories', 'force-yes']) || c.args.some((a) => APT_INSECURE_OPTION.test(a) && !/=(?:false|0|no)$/i.test(a)))) {
    const flag = hasOption(c, ['force-yes']) ? '--force-yes' : '--allow-unauthenticated'
    return `${c.program} ${flag} installs packages whose signature apt cannot check: add the repository's key (a signed-by= keyring in its sources entry) and drop ${flag}`
  }
  if (RPM_MANAGERS.has(c.program) && (hasOption(c, ['nogpgcheck', 'no-gpgchecks']) || c.args.some((a) => GPGCHECK_OFF.test(a))) && !localPackagesOnly(c, run, '.rpm')) return `${c.program} --nogpgcheck installs packages without checking their signatures: import the repository's key (rpm --import <key url>) and drop it`
  if (c.program === 'rpm' && hasOption(c, ['nosignature', 'nodigest', 'noverify'])) return 'rpm --nosignature installs a package without checking its signature or digest: import the vendor\'s key (rpm --import <key>) and let rpm check it'
  if (isCommand(c, 'zypper') && hasOption(c, ['no-gpg-checks', 'no-gpg-check'])) return 'zypper --no-gpg-checks installs packages whose signature zypper does not check: import the repository\'s key (rpm --import <key>) and drop it'
  return null
}

export const signatureCheckDisabled: Rule = {
  meta: {
    id: 'signature-check-disabled',
    title: 'Packages are installed without checking their signatures',
    severity: 'warning',
    category: 'security',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        const commands = runCommands(run)
        const text = runText(run)
        // What can be reported needs one of the programs, an apt `=yes` option or a gpgcheck setting: most RUNs have none.
        if (!commands.some((c) => PROGRAMS.has(c.program)) && !text.includes('=yes') && !lowerRunText(run).includes('gpgcheck')) return []
        if (!posixShellAt(model, stage.index)(run.line)) return []
        const found = commands.map((c) => commandProblem(c, run))
        if (aptTrusted(text)) found.push('[trusted=yes] in an apt sources entry makes apt install from that repository without checking signatures: add its key (signed-by=<keyring>) instead')
        if (GPGCHECK_OFF.test(text) && !found.some((f) => f?.includes('--nogpgcheck') === true)) found.push('gpgcheck=0 in a repository file makes yum and dnf install from it without checking signatures: set gpgcheck=1 and gpgkey=<key url>')
        return [...new Set(found.filter((f): f is string => f !== null))].map((message) => ({ line: run.line, endLine: run.endLine, message, stage: stage.index }))
      })
    )
}
