/**
 * How an image reference is shown to a person: the comment, the job summary, the check run and
 * the CLI's text all use `displayImage`, so a reference reads the same everywhere. The full
 * reference stays available (a tooltip in the Markdown, and the JSON and SARIF reports). Pure.
 */

/** Hex digits of a digest that are shown (as `docker images` does). */
export const DIGEST_SHOWN = 12
/** Longer names (with their tag, before any digest) are cut in the middle, keeping the registry's start and the tag's end. */
export const IMAGE_SHOWN = 48

export interface DisplayedImage {
  /** What is shown: Docker Hub's `docker.io/library/` dropped, the digest shortened, long names cut. */
  text: string
  /** The reference as written (resolved), for a tooltip or a report. */
  full: string
}

const DIGEST = /@(sha256|sha512):([0-9a-f]{32,128})/gi

function cutMiddle(text: string, max: number): string {
  const chars = [...text]
  if (chars.length <= max) return text
  const tail = Math.ceil((max - 1) * 0.6)
  return `${chars.slice(0, max - 1 - tail).join('')}…${chars.slice(chars.length - tail).join('')}`
}

export function displayImage(ref: string, max = IMAGE_SHOWN): DisplayedImage {
  let text = ref.replace(/^(?:(?:index|registry-1)\.)?docker\.io\/(?:library\/)?/, '')
  let digest = ''
  const at = text.search(/@(?:sha256|sha512):/i)
  if (at >= 0) {
    digest = text.slice(at).replace(DIGEST, (_, algo: string, hex: string) => `@${algo}:${hex.slice(0, DIGEST_SHOWN)}${hex.length > DIGEST_SHOWN ? '…' : ''}`)
    text = text.slice(0, at)
  }
  // The digest is already short; the name and tag are cut on their own.
  text = cutMiddle(text, max)
  return { text: `${text}${digest}`, full: ref }
}

/**
 * A message with every digest-pinned reference in it shown as `displayImage` shows it
 * (`node:20@sha256:0123456789ab…`), for the readable reports; the machine-readable ones keep it whole.
 */
export function displayText(message: string): string {
  return message.replace(/(?:[A-Za-z0-9][\w.-]*(?::\d+)?\/)*[\w.-]+(?::[\w.-]+)?@(?:sha256|sha512):[0-9a-f]{32,128}/gi, (ref) => displayImage(ref).text)
}
