/** apt-get install in a shipped stage without --no-install-recommends: every recommended package ships too. */
import { argumentReferences, baseHasBuildTools, officialName, posixShellAt, stageChain } from './helpers.js'
import { configuredBefore, hasOption, isCommand, listNames, operands, runCommands, runs, runText } from './run-helpers.js'
import type { DockerfileModel, ShellCommand } from '../model/dockerfile.js'
import type { Rule } from './types.js'

/** `APT::Install-Recommends "false"` in apt.conf.d, or `-o APT::Install-Recommends=0`. */
const RECOMMENDS_OFF = /Install-Recommends\W+(?:false|0|no|off)\b/i

/**
 * Packages of priority required (Essential) that every Debian and Ubuntu image already has:
 * apt adds no recommends for a package that is installed (open-runtimes' `apt-get install -y bash`).
 */
const ALREADY_INSTALLED = new Set(['bash', 'coreutils', 'dash', 'grep', 'sed', 'tar', 'gzip', 'findutils', 'diffutils', 'hostname', 'login', 'util-linux', 'base-files', 'debianutils', 'ncurses-bin', 'ncurses-base', 'perl-base', 'sysvinit-utils', 'mawk', 'bsdutils', 'libc-bin', 'debconf', 'dpkg', 'apt', 'init-system-helpers'])

/** A local package file or a list from a variable: what it recommends cannot be read here. */
const unknownPackage = (name: string): boolean => name.includes('$') || name.endsWith('.deb')

/** JDK, SDK and development images: already hundreds of MB of tools, next to which recommends are a small share. */
const LARGE_IMAGE = /(?:^|[/:._-])(?:devel|dev|sdk|jdk)(?:$|[/:._-])|^(?:openjdk|amazoncorretto|swift|dart|haskell)$/

/**
 * Why what the recommends add is a small share of the shipped image, or null when the base is
 * minimal (debian, ubuntu, -slim variants…) and the recommends can double what a RUN adds: a full
 * language or toolchain image (python:3.12 carries gcc and headers), a JDK/SDK/devel image, or a
 * base named only by a build argument with no value, whose size cannot be read here.
 */
function largeOrUnknownBase(model: DockerfileModel, index: number): string | null {
  const root = stageChain(model, index)[0]
  if (root === undefined || root.base.kind !== 'image') return null
  if (root.base.image === null || root.base.unresolved.length > 0) return `the base image comes from ${root.base.unresolved.length > 0 ? `the build argument ${argumentReferences(root.base.unresolved)}` : root.base.raw}, so how much the recommends add to it cannot be judged here`
  const image = officialName(root.base.image)
  const tag = root.base.tag ?? 'latest'
  // The repository path, without a registry host (`us-docker.pkg.dev/…` is no development image).
  const path = image.replace(/^[^/]*[.:][^/]*\//, '')
  if (baseHasBuildTools(model, index)) return `${image}:${tag} is a full image with compilers and headers, next to which the recommends are a small share`
  const jdk = /^(?:eclipse-temurin|ibm-semeru-runtimes|sapmachine)$/.test(path) && !/jre/.test(root.base.tag ?? '')
  if (LARGE_IMAGE.test(path) || jdk || LARGE_IMAGE.test(`:${root.base.tag ?? ''}`)) return `${image}:${tag} is a development image, next to which the recommends are a small share`
  return null
}

function installsRecommends(c: ShellCommand): boolean {
  if (!(isCommand(c, 'apt-get', 'install') || isCommand(c, 'apt', 'install'))) return false
  // --only-upgrade installs nothing new (localstack's `apt-get install --only-upgrade libexpat1`).
  if (operands(c).length < 2 || hasOption(c, ['no-install-recommends', 'simulate', 'dry-run', 'just-print', 'recon', 'no-act', 'download-only', 'only-upgrade'], 'sd')) return false
  if (operands(c).slice(1).every((p) => ALREADY_INSTALLED.has(p.split('=')[0] as string))) return false
  return !c.args.some((a) => RECOMMENDS_OFF.test(a) || /^--install-recommends=(?:false|0|no|off)$/i.test(a))
}

export const aptNoInstallRecommends: Rule = {
  meta: {
    id: 'apt-no-install-recommends',
    title: 'apt-get install ships the recommended packages too',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: 'DL3015', buildkit: null },
    needs: { programs: ['apt-get', 'apt'] }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        const commands = runCommands(run)
        const command = commands.find(installsRecommends)
        if (command === undefined || !posixShellAt(model, stage.index)(run.line)) return []
        // The same RUN passes --no-install-recommends to another install: leaving it off this one
        // is a choice (a desktop app from a PPA that needs its recommends), not an oversight.
        if (commands.some((c) => (isCommand(c, 'apt-get', 'install') || isCommand(c, 'apt', 'install')) && hasOption(c, ['no-install-recommends']))) return []
        if (RECOMMENDS_OFF.test(runText(run)) || configuredBefore(model, stage.index, run.line, RECOMMENDS_OFF)) return []
        const packages = operands(command).slice(1)
        const unknown = packages.every(unknownPackage)
        const large = unknown ? null : largeOrUnknownBase(model, stage.index)
        if (large !== null) {
          return [{ line: run.line, endLine: run.endLine, message: `${command.program} install ${listNames(packages)} without --no-install-recommends also installs what the named packages recommend; ${large}: add --no-install-recommends if the image does not need them`, stage: stage.index, severity: 'info' as const }]
        }
        return [
          {
            line: run.line,
            endLine: run.endLine,
            message: unknown
              ? `${command.program} install ${listNames(packages)} without --no-install-recommends also installs whatever ${packages.length === 1 ? 'it recommends' : 'they recommend'}, which cannot be read from here: add --no-install-recommends if the image does not need them`
              : `${command.program} install ${listNames(packages)} without --no-install-recommends also installs every package the named ones recommend (documentation, extra tools, often as much again) into the shipped image: add --no-install-recommends, and name the recommended packages the image really needs`,
            stage: stage.index,
            // A local .deb or a list from a build argument may recommend nothing at all.
            ...(unknown ? { severity: 'info' as const } : {})
          }
        ]
      })
    )
}
