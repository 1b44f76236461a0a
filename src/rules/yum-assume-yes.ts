/** yum install (or update, remove…) without -y: yum asks "Is this ok [y/N]", and a build answers no. */
import { assumeYesRule } from './assume-yes.js'

export const yumAssumeYes = assumeYesRule(
  {
    id: 'yum-assume-yes',
    title: 'yum install without -y stops at a question no one can answer',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3030', buildkit: null }
  },
  new Set(['yum']),
  ['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'update-minimal', 'remove', 'erase', 'downgrade', 'autoremove', 'distro-sync', 'groupupdate', 'groupremove', 'swap']
)
