/**
 * `$X` that expands to nothing because no ARG or ENV defines X at that point. BuildKit's
 * UndefinedVar checks the instructions Docker expands; it knows the base image's environment
 * (PATH, JAVA_HOME...), a static reader does not, so outside `scratch` a name is reported only
 * with evidence that it is a mistake:
 *  - it looks like a typo of a name in scope (BuildKit's "did you mean");
 *  - the stage declares it, but later (also in RUN: the shell sees it empty too);
 *  - another stage declares it, and stages do not share ARG and ENV (also in RUN);
 *  - EXPOSE uses it (BuildKit does not check EXPOSE; the port silently disappears).
 * Global ARGs used without re-declaring them are `global-arg-not-redeclared`'s.
 */
import { canonicalRepository, parseImageReference } from '../parse/image-ref.js'
import { environmentReads, runScript } from '../parse/shell.js'
import { PLATFORM_ARGS, referencedNames, unguardedNames } from '../parse/variables.js'
import { stageLabel } from '../graph/image.js'
import type { DockerfileModel, Instruction, Stage } from '../model/dockerfile.js'
import { closest, expandableText, rootFacts } from './helpers.js'
import type { Rule, RuleReport } from './types.js'

const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'ARG', 'WORKDIR', 'LABEL', 'USER', 'VOLUME', 'EXPOSE', 'STOPSIGNAL', 'ONBUILD'])

/**
 * Names that public base images set in their environment (PATH, HOME, GOPATH, NODE_VERSION,
 * PYTHON_VERSION, DOTNET_..., JAVA_HOME...): another stage declaring one says nothing about this one.
 */
const BASE_IMAGE_ENV =
  /^(?:PATH|HOME|HOSTNAME|LANG|LANGUAGE|LC_\w+|TERM|TZ|USER|SHELL|PWD|GPG_KEYS?|PHPIZE_DEPS|APP_UID|PKG_RELEASE|DEBIAN_FRONTEND|(?:LD_)?LIBRARY_PATH|PKG_CONFIG_PATH|MANPATH|VIRTUAL_ENV|XDG_\w+)$|^(?:JAVA|JDK|JRE|GO|GOLANG|NODE|NPM|YARN|PYTHON|PIP|RUBY|GEM|BUNDLE|BUNDLER|PHP|DOTNET|ASPNETCORE|ASPNET|NUGET|CARGO|RUSTUP|RUST|MAVEN|GRADLE|NGINX|NJS|HTTPD|TOMCAT|CATALINA|PG|POSTGRES|MYSQL|MARIADB|MONGO|REDIS|ELIXIR|ERLANG|OTP|GHC|PERL|JULIA|SWIFT|DART|CONDA|MAMBA|HADOOP|SPARK|CUDA|NVIDIA|NV|ANDROID|DOCKER|JENKINS)(?:_\w+|PATH|ROOT|BIN|FLAGS)$/

const MAX_SUGGESTION_NAMES = 500

/**
 * Official OS images whose configuration sets no environment but PATH: on them, as on scratch,
 * a name no ARG or ENV defines is undefined for sure (BuildKit, which reads the image, says so too).
 */
const PATH_ONLY_BASES: ReadonlySet<string> = new Set(
  ['alpine', 'busybox', 'debian', 'ubuntu', 'fedora', 'centos', 'rockylinux', 'almalinux', 'amazonlinux', 'archlinux', 'oraclelinux', 'photon'].map((n) => `docker.io/library/${n}`)
)

/** The environment a stage's root image is known to set: none (scratch), PATH only, or unknown (null). */
function knownEnvironment(root: Stage): readonly string[] | null {
  if (root.base.kind === 'scratch') return []
  if (root.base.kind !== 'image' || root.base.unresolved.length > 0) return null
  const ref = parseImageReference(root.base.resolved)
  return ref !== null && PATH_ONLY_BASES.has(canonicalRepository(ref)) ? ['PATH'] : null
}

interface Declaration {
  stage: Stage
  line: number
  keyword: string
}

/** Where each name is declared by ARG or ENV, per stage (first declaration). */
function declarations(model: DockerfileModel): Map<string, Declaration[]> {
  const byName = new Map<string, Declaration[]>()
  for (const stage of model.stages) {
    for (const ins of stage.instructions) {
      if (ins.keyword !== 'ARG' && ins.keyword !== 'ENV') continue
      for (const v of ins.variables ?? []) {
        const list = byName.get(v.name) ?? []
        if (!list.some((d) => d.stage === stage)) list.push({ stage, line: ins.line, keyword: ins.keyword })
        byName.set(v.name, list)
      }
    }
  }
  return byName
}

/** The names an instruction reads: what Docker expands, or for RUN what its shell reads from the environment. */
function readNames(ins: Instruction, declared: ReadonlyMap<string, unknown>): string[] {
  // RUN is judged only against the file's own declarations: a quick look for such names first,
  // the shell-aware reading (quotes, the script's own assignments) only when there is one.
  if (ins.keyword === 'RUN') {
    if (ins.form === 'json' || !ins.raw.includes('$')) return []
    if (!referencedNames(ins.raw).some((n) => (declared.has(n) || PLATFORM_ARGS.includes(n)) && !ins.scope.has(n))) return []
    return environmentReads(runScript(ins))
  }
  if (!EXPANDED.has(ins.keyword)) return []
  // The text below is made of the instruction's own words and its heredoc bodies: without a `$` there, it reads no name.
  if (!ins.raw.includes('$') && !ins.heredocs.some((h) => h.content.includes('$'))) return []
  const text = ins.keyword === 'ARG' || ins.keyword === 'ENV' ? (ins.variables ?? []).map((v) => v.raw ?? '').join(' ') : expandableText(ins)
  return unguardedNames(text)
}

/** The earlier stage a stage is built FROM, or null. */
function parentStage(stage: Stage): number | null {
  return stage.base.kind === 'stage' && stage.base.stage !== null && stage.base.stage < stage.index ? stage.base.stage : null
}

function report(ins: Instruction, stage: Stage, message: string): RuleReport {
  return { line: ins.line, endLine: ins.endLine, message, stage: stage.index }
}

export const undefinedVar: Rule = {
  meta: {
    id: 'undefined-var',
    title: 'A variable is used that is not defined',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: 'UndefinedVar' }
  },
  check: ({ model, baseFacts }) => {
    const globals = new Set(model.globalArgs.map((a) => a.name))
    const declared = declarations(model)
    // Per stage, through FROM <stage> (bases come first, so one pass): the root's kind, and how many names the chain declares.
    const rootEnv: (readonly string[] | null)[] = []
    const names: number[] = []
    for (const stage of model.stages) {
      const base = parentStage(stage)
      const own = stage.instructions.reduce((m, i) => m + (i.variables?.length ?? 0), 0)
      rootEnv[stage.index] = base === null ? knownEnvironment(stage) : (rootEnv[base] ?? null)
      names[stage.index] = own + (base === null ? 0 : (names[base] ?? 0))
    }
    return model.stages.flatMap((stage) => {
      const inChain = (other: number): boolean => {
        for (let at: number | null = stage.index, steps = 0; at !== null && steps <= model.stages.length; at = parentStage(model.stages[at] as Stage), steps++) if (at === other) return true
        return false
      }
      // The base's environment, when it is known: the registry's config of the base image, else
      // what its name says (scratch, or an OS image that sets only PATH), as BuildKit knows it.
      const facts = rootFacts(model, stage.index, baseFacts)
      const named = rootEnv[stage.index] ?? null
      const baseEnv: ReadonlySet<string> = new Set(facts?.env ?? named ?? [])
      const envKnown = facts !== null || named !== null
      const manyNames = (names[stage.index] ?? 0) > MAX_SUGGESTION_NAMES
      const reported = new Set<string>()
      const reports: RuleReport[] = []
      for (const ins of stage.instructions.slice(1)) {
        for (const name of readNames(ins, declared)) {
          if (ins.scope.has(name) || globals.has(name) || reported.has(name) || baseEnv.has(name)) continue
          const places = declared.get(name) ?? []
          const later = places.find((d) => d.stage === stage && d.line > ins.line)
          const elsewhere = places.find((d) => !inChain(d.stage.index))
          const baseMayHave = !envKnown && BASE_IMAGE_ENV.test(name)
          let message: string | null = null
          if (later !== undefined && !baseMayHave) {
            message = `$${name} is used before ${later.keyword} ${name} (line ${later.line}) defines it, so it expands to nothing here; move the ${later.keyword} above this line`
          } else if (ins.keyword !== 'RUN') {
            // A typo is a guess among a few names; thousands of generated ones make it costly and unlikely.
            const suggestion = manyNames ? null : closest(name, [...ins.scope.keys(), ...(envKnown ? baseEnv : ['PATH'])])
            if (suggestion !== null) message = `$${name} is not defined at this point, so it expands to nothing. Did you mean $${suggestion}?`
          }
          if (message === null && PLATFORM_ARGS.includes(name)) {
            message = `$${name} is empty here: the platform ARGs are global, and a stage sees ${name} only after ARG ${name} (no value needed); add it to this stage before this line`
          }
          if (message === null && elsewhere !== undefined && !baseMayHave) {
            message = `$${name} is empty here: ${elsewhere.keyword} ${name} (line ${elsewhere.line}) belongs to stage ${stageLabel(elsewhere.stage)}, and stages do not share ARG or ENV; ${elsewhere.keyword === 'ARG' ? `repeat ARG ${name} in this stage (or declare it before the first FROM and repeat ARG ${name} here)` : `set ENV ${name} in this stage too`}, or build this stage FROM ${stageLabel(elsewhere.stage)}`
          }
          if (message === null && ins.keyword !== 'RUN' && (envKnown || (ins.keyword === 'EXPOSE' && !baseMayHave))) {
            message =
              ins.keyword === 'EXPOSE'
                ? `$${name} is not defined by any ARG or ENV, so EXPOSE gets no port from it; declare ARG ${name}=<port> (or ENV) in this stage`
                : facts !== null
                  ? `$${name} is not defined at this point, nor in the base image's environment (its config from the registry), so it expands to nothing`
                  : `$${name} is not defined at this point, so it expands to nothing`
          }
          if (message === null) continue
          reported.add(name)
          reports.push(report(ins, stage, message))
        }
      }
      return reports
    })
  }
}
