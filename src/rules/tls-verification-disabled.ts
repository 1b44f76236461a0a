/**
 * Certificate checks turned off for downloads: curl -k, wget --no-check-certificate, pip
 * --trusted-host, Node's, Python's, npm's and git's switches, sslverify=0 for yum and dnf. Anyone
 * between the build and the server can then swap what is downloaded, in any stage (a builder's
 * downloads end up in what it builds). Checkov's CKV2_DOCKER_2–17 cover the same ground.
 */
import { posixShellAt } from './helpers.js'
import { hasOption, lowerRunText, mentions, programOf, runCommands, runSimpleCommands, runText } from './run-helpers.js'
import type { Instruction, ShellCommand } from '../model/dockerfile.js'
import type { Rule, RuleReport } from './types.js'

/** curl's short options that take a value: in `-sSLko f` the k counts, in `-Hk` it is the header. */
const CURL_VALUED = 'oOuHdXAebcCEFKmrTUwxyYzDPQt'

function curlInsecure(c: ShellCommand): boolean {
  if (hasOption(c, ['insecure', 'proxy-insecure'])) return true
  return c.args.some((a) => {
    if (!/^-[A-Za-z0-9#]+$/.test(a)) return false
    for (const letter of a.slice(1)) {
      if (letter === 'k') return true
      if (CURL_VALUED.includes(letter)) return false
    }
    return false
  })
}

const isPip = (c: ShellCommand): boolean => /^pip[0-9.]*$/.test(c.program) || (/^python[0-9.]*$/.test(c.program) && c.args[0] === '-m' && /^pip[0-9.]*$/.test(c.args[1] ?? ''))
const FALSE = /^(?:false|0|no|off)$/i
const SSLVERIFY_OFF = /(?<!\.)sslverify\s*=\s*(?:0|false|no|off)\b/i
const WGETRC_OFF = /check[-_]certificate\s*=\s*off/i

/** What a command turns off, as the start of the message, or null. */
function commandProblem(c: ShellCommand): string | null {
  if (c.program === 'curl' && curlInsecure(c)) return 'curl -k (--insecure) accepts any certificate, so anyone between the build and the server can replace what it downloads: drop -k; for a server with a private CA give curl its certificate (--cacert <file>) or add it to the system store (update-ca-certificates)'
  if (c.program === 'wget' && hasOption(c, ['no-check-certificate'])) return 'wget --no-check-certificate accepts any certificate, so anyone between the build and the server can replace what it downloads: drop it; for a server with a private CA use --ca-certificate=<file> or add the CA to the system store'
  if (isPip(c) && (hasOption(c, ['trusted-host']) || c.args.some((a) => /trusted-host/.test(a)))) return 'pip --trusted-host lets pip fetch from that host over plain HTTP or with any certificate: serve the index over HTTPS with a valid certificate (for a private CA, pip --cert <bundle>) and drop --trusted-host'
  if (['npm', 'yarn', 'pnpm'].includes(c.program)) {
    const words = c.args.filter((a) => !a.startsWith('-'))
    const at = words.indexOf('strict-ssl')
    const set = (words[0] === 'config' && words[1] === 'set') || words[0] === 'set'
    if ((set && at >= 0 && FALSE.test(words[at + 1] ?? '')) || c.args.some((a) => /^--strict-ssl=(?:false|0)$/i.test(a))) return `${c.program} strict-ssl false makes ${c.program} accept any certificate from the registry: drop it; for a private CA set cafile (${c.program} config set cafile <file>)`
  }
  if (c.program === 'git') {
    const i = c.args.findIndex((a) => /^http\.(?:[^=\s]+\.)?sslverify(?:=|$)/i.test(a))
    const value = i < 0 ? null : (c.args[i] as string).includes('=') ? (c.args[i] as string).slice((c.args[i] as string).indexOf('=') + 1) : (c.args[i + 1] ?? '')
    if (value !== null && FALSE.test(value)) return 'git http.sslVerify false makes git accept any certificate: drop it; for a private CA set http.sslCAInfo=<file>'
  }
  if (['yum', 'dnf', 'dnf5', 'microdnf', 'tdnf'].includes(c.program) && c.args.some((a) => SSLVERIFY_OFF.test(a))) return `${c.program} --setopt=sslverify=0 makes ${c.program} accept any certificate from the repositories: drop it; for a private CA set sslcacert=<file> in the .repo file`
  return null
}

/** What an environment variable turns off, or null. Names as the tools read them (npm's in any case). */
function variableProblem(name: string, value: string): string | null {
  if (name === 'NODE_TLS_REJECT_UNAUTHORIZED' && value === '0') return 'NODE_TLS_REJECT_UNAUTHORIZED=0 makes every Node.js process accept any certificate: drop it; for a private CA use NODE_EXTRA_CA_CERTS=<file>'
  if (name === 'PYTHONHTTPSVERIFY' && value === '0') return "PYTHONHTTPSVERIFY=0 turns off certificate checks in Python's standard HTTPS client: drop it; for a private CA point SSL_CERT_FILE at a CA bundle"
  if (name === 'GIT_SSL_NO_VERIFY' && value !== '') return 'GIT_SSL_NO_VERIFY (set to any value) makes git accept any certificate: drop it; for a private CA use GIT_SSL_CAINFO=<file>'
  if (name === 'PIP_TRUSTED_HOST' && value !== '') return 'PIP_TRUSTED_HOST lets pip fetch from those hosts over plain HTTP or with any certificate: serve the index over HTTPS with a valid certificate (for a private CA, PIP_CERT=<bundle>) and drop it'
  if (name.toLowerCase() === 'npm_config_strict_ssl' && FALSE.test(value)) return 'npm_config_strict_ssl=false makes npm accept any certificate from the registry: drop it; for a private CA use npm_config_cafile=<file>'
  return null
}

/** The names variableProblem knows (the value is read only for these). */
const PROBLEM_NAMES: ReadonlySet<string> = new Set(['NODE_TLS_REJECT_UNAUTHORIZED', 'PYTHONHTTPSVERIFY', 'GIT_SSL_NO_VERIFY', 'PIP_TRUSTED_HOST'])
const mayBeProblem = (name: string): boolean => PROBLEM_NAMES.has(name) || name.toLowerCase() === 'npm_config_strict_ssl'

const unquote = (v: string): string => v.replace(/^(["'])(.*)\1$/, '$2')

/** `NAME=value cmd`, `export NAME=value` in a RUN. */
const VARIABLES = /NODE_TLS_REJECT_UNAUTHORIZED|PYTHONHTTPSVERIFY|GIT_SSL_NO_VERIFY|PIP_TRUSTED_HOST|npm_config_strict_ssl/i

function runAssignments(run: Instruction): { name: string; value: string }[] {
  // Parse only a RUN that names one of the variables.
  if (run.form === 'json' || !mentions(run, VARIABLES)) return []
  const out: { name: string; value: string }[] = []
  for (const c of runSimpleCommands(run)) {
    const words = [...c.assignments, ...(programOf(c) === 'export' ? c.words.slice(1) : [])]
    for (const w of words) {
      const eq = w.text.indexOf('=')
      if (eq > 0) out.push({ name: w.text.slice(0, eq), value: w.text.slice(eq + 1) })
    }
  }
  return out
}

/** The programs commandProblem can report (and pip, by its several names). */
const PROGRAMS: ReadonlySet<string> = new Set(['curl', 'wget', 'npm', 'yarn', 'pnpm', 'git', 'yum', 'dnf', 'dnf5', 'microdnf', 'tdnf'])

/** Whether runProblems can find anything: one of the programs, variables or settings is there (most RUNs have none). */
function mayHaveProblems(run: Instruction): boolean {
  if (runCommands(run).some((c) => PROGRAMS.has(c.program) || isPip(c))) return true
  const lower = lowerRunText(run)
  return lower.includes('sslverify') || lower.includes('certificate') || mentions(run, VARIABLES)
}

function runProblems(run: Instruction): string[] {
  if (!mayHaveProblems(run)) return []
  const found = runCommands(run).map(commandProblem)
  found.push(...runAssignments(run).map((a) => variableProblem(a.name, a.value)))
  const text = runText(run)
  if (SSLVERIFY_OFF.test(text) && !found.some((f) => f?.includes('sslverify') === true)) found.push('sslverify=0 in a repository file makes yum and dnf accept any certificate from that repository: drop it; for a private CA set sslcacert=<file> in the .repo file')
  if (WGETRC_OFF.test(text)) found.push('check_certificate = off in a wgetrc makes every wget accept any certificate: drop it; for a private CA set ca_certificate=<file>')
  return [...new Set(found.filter((f): f is string => f !== null))]
}

export const tlsVerificationDisabled: Rule = {
  meta: {
    id: 'tls-verification-disabled',
    title: 'A download turns off certificate checks',
    severity: 'warning',
    category: 'security',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      stage.instructions.flatMap((i): RuleReport[] => {
        let problems: string[] = []
        if (i.keyword === 'RUN' && posixShellAt(model, stage.index)(i.line)) problems = runProblems(i)
        else if (i.keyword === 'RUN') problems = runCommands(i).map(commandProblem).filter((p): p is string => p !== null)
        else if (i.keyword === 'ENV' || i.keyword === 'ARG') problems = (i.variables ?? []).flatMap((v) => (v.raw === null || !mayBeProblem(v.name) ? [] : [variableProblem(v.name, unquote(v.raw))])).filter((p): p is string => p !== null)
        return problems.map((message) => ({ line: i.line, endLine: i.endLine, message, stage: stage.index }))
      })
    )
}
