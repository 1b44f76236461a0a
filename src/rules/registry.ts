/** Every rule, in the order they are documented. Adding a rule: its file, its test, its doc, one line here. */
import { addUrlWithoutChecksum } from './add-url-without-checksum.js'
import { apkNoCache } from './apk-no-cache.js'
import { aptListsLeft } from './apt-lists-left.js'
import { broadCopyFrom } from './broad-copy-from.js'
import { buildToolsShipped } from './build-tools-shipped.js'
import { chownAfterCopy } from './chown-after-copy.js'
import { cleanupInSeparateLayer } from './cleanup-in-separate-layer.js'
import { copyAllBeforeInstall } from './copy-all-before-install.js'
import { crossCompilePlatform } from './cross-compile-platform.js'
import { devDependenciesShipped } from './dev-dependencies-shipped.js'
import { pipCache } from './pip-cache.js'
import { secretFileCopied } from './secret-file-copied.js'
import { globalArgNotRedeclared } from './global-arg-not-redeclared.js'
import { stageNameTypo } from './stage-name-typo.js'
import { undefinedVar } from './undefined-var.js'
import { addLocalFile } from './add-local-file.js'
import { copyDestinationSlash } from './copy-destination-slash.js'
import { copyRelativeWithoutWorkdir } from './copy-relative-without-workdir.js'
import { exposeInvalidFormat } from './expose-invalid-format.js'
import { exposeProtoCasing } from './expose-proto-casing.js'
import { legacyKeyValueFormat } from './legacy-key-value-format.js'
import { missingHealthcheck } from './missing-healthcheck.js'
import { noEmptyContinuation } from './no-empty-continuation.js'
import { pipefail } from './pipefail.js'
import { fromPlatformFlagConst } from './from-platform-flag-const.js'
import { redundantTargetPlatform } from './redundant-target-platform.js'
import { reservedStageName } from './reserved-stage-name.js'
import { runCd } from './run-cd.js'
import { runSudo } from './run-sudo.js'
import { workdirRelativePath } from './workdir-relative-path.js'
import { singleStageBuild } from './single-stage-build.js'
import { copyIgnoredFile } from './copy-ignored-file.js'
import { missingDockerignore } from './missing-dockerignore.js'
import { aptUpgrade } from './apt-upgrade.js'
import { consecutiveRun } from './consecutive-run.js'
import { invalidDefinitionDescription } from './invalid-definition-description.js'
import { copyFromVariable } from './copy-from-variable.js'
import { duplicateStageName } from './duplicate-stage-name.js'
import { invalidStageName } from './invalid-stage-name.js'
import { parseError } from './parse-error.js'
import { stageForwardReference } from './stage-forward-reference.js'
import { stageIndexOutOfRange } from './stage-index-out-of-range.js'
import { stageSelfReference } from './stage-self-reference.js'
import type { Rule } from './types.js'
import { unknownTarget } from './unknown-target.js'
import { baseImageLatest } from './base-image-latest.js'
import { baseImageUntagged } from './base-image-untagged.js'
import { consistentInstructionCasing } from './consistent-instruction-casing.js'
import { fromAsCasing } from './from-as-casing.js'
import { stageNameCasing } from './stage-name-casing.js'
import { copyFromIndex } from './copy-from-index.js'
import { deadInstruction } from './dead-instruction.js'
import { invalidDefaultArgInFrom } from './invalid-default-arg-in-from.js'
import { undefinedArgInFrom } from './undefined-arg-in-from.js'
import { heavyFinalBase } from './heavy-final-base.js'
import { toolchainVersionMismatch } from './toolchain-version-mismatch.js'
import { imageNotPinned } from './image-not-pinned.js'
import { untrustedRegistry } from './untrusted-registry.js'
import { invalidSuppression } from './invalid-suppression.js'
import { jsonArgsRecommended } from './json-args-recommended.js'
import { maintainerDeprecated } from './maintainer-deprecated.js'
import { multipleCmd } from './multiple-cmd.js'
import { multipleEntrypoint } from './multiple-entrypoint.js'
import { multipleHealthcheck } from './multiple-healthcheck.js'
import { rootUser } from './root-user.js'
import { secretsInArgEnv } from './secrets-in-arg-env.js'
import { unusedStage } from './unused-stage.js'

export const RULES: readonly Rule[] = [
  parseError,
  stageForwardReference,
  stageSelfReference,
  stageIndexOutOfRange,
  copyFromVariable,
  duplicateStageName,
  invalidStageName,
  reservedStageName,
  unknownTarget,
  stageNameTypo,
  globalArgNotRedeclared,
  undefinedVar,
  undefinedArgInFrom,
  invalidDefaultArgInFrom,
  multipleCmd,
  multipleEntrypoint,
  multipleHealthcheck,
  copyDestinationSlash,
  copyRelativeWithoutWorkdir,
  workdirRelativePath,
  pipefail,
  fromPlatformFlagConst,
  redundantTargetPlatform,
  exposeInvalidFormat,
  exposeProtoCasing,
  baseImageUntagged,
  baseImageLatest,
  unusedStage,
  copyFromIndex,
  singleStageBuild,
  deadInstruction,
  heavyFinalBase,
  toolchainVersionMismatch,
  buildToolsShipped,
  broadCopyFrom,
  devDependenciesShipped,
  aptListsLeft,
  apkNoCache,
  pipCache,
  cleanupInSeparateLayer,
  consecutiveRun,
  aptUpgrade,
  chownAfterCopy,
  copyAllBeforeInstall,
  missingDockerignore,
  copyIgnoredFile,
  crossCompilePlatform,
  rootUser,
  missingHealthcheck,
  jsonArgsRecommended,
  secretsInArgEnv,
  secretFileCopied,
  addUrlWithoutChecksum,
  runSudo,
  addLocalFile,
  runCd,
  stageNameCasing,
  fromAsCasing,
  consistentInstructionCasing,
  maintainerDeprecated,
  legacyKeyValueFormat,
  noEmptyContinuation,
  invalidDefinitionDescription,
  untrustedRegistry,
  imageNotPinned,
  invalidSuppression
]

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id)
}
