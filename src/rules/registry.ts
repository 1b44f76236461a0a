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
import { exposeInvalidFormat, exposeProtoCasing } from './expose-format.js'
import { legacyKeyValueFormat } from './legacy-key-value-format.js'
import { missingHealthcheck } from './missing-healthcheck.js'
import { noEmptyContinuation } from './no-empty-continuation.js'
import { pipefail } from './pipefail.js'
import { fromPlatformFlagConst, redundantTargetPlatform } from './platform-flags.js'
import { reservedStageName } from './reserved-stage-name.js'
import { runCd } from './run-cd.js'
import { runSudo } from './run-sudo.js'
import { workdirRelativePath } from './workdir-relative-path.js'
import { singleStageBuild } from './single-stage-build.js'
import { copyIgnoredFile, missingDockerignore } from './dockerignore.js'
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
import { baseImageLatest, baseImageUntagged } from './base-image-tag.js'
import { consistentInstructionCasing, fromAsCasing, stageNameCasing } from './casing.js'
import { copyFromIndex } from './copy-from-index.js'
import { deadInstruction } from './dead-instruction.js'
import { invalidDefaultArgInFrom, undefinedArgInFrom } from './from-args.js'
import { heavyFinalBase } from './heavy-final-base.js'
import { imageNotPinned, untrustedRegistry } from './image-policy.js'
import { invalidSuppression } from './invalid-suppression.js'
import { jsonArgsRecommended } from './json-args-recommended.js'
import { maintainerDeprecated } from './maintainer-deprecated.js'
import { multipleCmd, multipleEntrypoint, multipleHealthcheck } from './multiple-instructions.js'
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
