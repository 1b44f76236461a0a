/**
 * XML escaping for the reports (checkstyle, JUnit). XML 1.0 allows no control character but tab,
 * line feed and carriage return, not even as a character reference, and no lone surrogate: a
 * Dockerfile can hold any byte, so those become U+FFFD instead of an unreadable report.
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** Characters XML 1.0 cannot carry at all; one linear pass, no backtracking. */
// eslint-disable-next-line no-control-regex -- matching the control characters is the point
const UNREPRESENTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

function representable(text: string): string {
  return text.replace(UNREPRESENTABLE, '\ufffd')
}

/** Text for an attribute value in double quotes; line breaks kept as references so parsers keep them. */
export function xmlAttribute(value: string | number): string {
  return representable(String(value)).replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c] ?? `&#${c.charCodeAt(0)};`)
}

/** Text for element content. */
export function xmlText(value: string): string {
  return representable(value).replace(/[&<>]/g, (c) => ENTITIES[c] as string)
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
