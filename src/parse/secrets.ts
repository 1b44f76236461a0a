/** Which variable names look like they hold secrets (BuildKit's word list, split on `_`). */

const SENSITIVE = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token'])
// BuildKit exempts public, file and version; GPG/PGP key ids and fingerprints are public too (GPG_KEY in the official images).
const EXEMPT = new Set(['public', 'file', 'version', 'gpg', 'pgp', 'fingerprint'])

/** A sensitive word among the name's `_`-separated parts, exemptions not considered. */
export function hasSecretWord(name: string): boolean {
  return name.toLowerCase().split('_').some((t) => SENSITIVE.has(t))
}

/** Secret-looking as the secrets-in-arg-env rule judges it: a sensitive word and no exempt one. */
export function looksSecret(name: string): boolean {
  const tokens = name.toLowerCase().split('_')
  return tokens.some((t) => SENSITIVE.has(t)) && !tokens.some((t) => EXEMPT.has(t))
}
