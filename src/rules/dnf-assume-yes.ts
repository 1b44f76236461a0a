/** dnf or tdnf install (or update, remove…) without -y: they ask "Is this ok [y/N]", and a build answers no. */
import { assumeYesRule } from './assume-yes.js'

export const dnfAssumeYes = assumeYesRule(
  {
    id: 'dnf-assume-yes',
    title: 'dnf install without -y stops at a question no one can answer',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3038', buildkit: null }
  },
  // microdnf never asks (its -y is accepted and ignored), so it is not among them.
  new Set(['dnf', 'dnf5', 'dnf-3', 'tdnf']),
  ['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'update-minimal', 'upgrade-minimal', 'remove', 'erase', 'downgrade', 'autoremove', 'distro-sync', 'distrosync', 'dsync', 'swap', 'in', 'rm', 'up']
)
