/**
 * .dockerignore matching as Docker does it: the cases of Docker's documentation (the build
 * context page), exceptions, the syntax Docker refuses, agreement with @balena/dockerignore (a
 * port of Docker's Go code) on random patterns, and linear time where a RegExp would backtrack.
 */
import { describe, expect, it } from '@jest/globals'
import balena from '@balena/dockerignore'
import fc from 'fast-check'
import { cleanPath, exclusionOf, excludesEverything, parseDockerignore, type Dockerignore } from '../../src/parse/dockerignore.js'

// A CommonJS module: its function is module.exports, also exported as .default.
const ignore = balena.default

function parsed(text: string): Dockerignore {
  const result = parseDockerignore(text)
  if (!result.ok) throw new Error(result.reason)
  return result.ignore
}

/** Is the path left out of the context? */
const out = (text: string, path: string): boolean => exclusionOf(parsed(text), path) !== null

describe('the cases of Docker\'s documentation', () => {
  const doc = '# comment\n*/temp*\n*/*/temp*\ntemp?\n'

  it('*/temp* leaves out names starting with temp in any folder one level below the root', () => {
    expect(out(doc, 'somedir/temporary.txt')).toBe(true)
    expect(out(doc, 'somedir/temp')).toBe(true)
    expect(out(doc, 'somedir/temp/inner.txt')).toBe(true)
    expect(out(doc, 'temporary.txt')).toBe(false)
  })

  it('*/*/temp* leaves out names starting with temp two levels below the root', () => {
    expect(out(doc, 'somedir/subdir/temporary.txt')).toBe(true)
    expect(out(doc, 'a/b/c/temporary.txt')).toBe(false)
  })

  it('temp? leaves out names of one more character in the root', () => {
    expect(out(doc, 'tempa')).toBe(true)
    expect(out(doc, 'tempb')).toBe(true)
    expect(out(doc, 'temp')).toBe(false)
    expect(out(doc, 'tempab')).toBe(false)
  })

  it('# comment is a comment, not a pattern', () => {
    expect(parsed(doc).patterns.map((p) => p.pattern)).toEqual(['*/temp*', '*/*/temp*', 'temp?'])
  })

  it('/foo/bar and foo/bar are the same pattern and exclude only that path', () => {
    for (const text of ['/foo/bar', 'foo/bar', './foo/bar/', 'foo//bar']) {
      expect(out(text, 'foo/bar')).toBe(true)
      expect(out(text, 'foo/bar/baz.txt')).toBe(true)
      expect(out(text, 'bar')).toBe(false)
      expect(out(text, 'other/foo/bar')).toBe(false)
    }
  })

  it('**/*.go leaves out .go files in every folder, the root included', () => {
    expect(out('**/*.go', 'main.go')).toBe(true)
    expect(out('**/*.go', 'cmd/tool/main.go')).toBe(true)
    expect(out('**/*.go', 'main.gox')).toBe(false)
  })

  it('*.md with !README.md keeps README.md only', () => {
    const text = '*.md\n!README.md\n'
    expect(out(text, 'CHANGELOG.md')).toBe(true)
    expect(out(text, 'README.md')).toBe(false)
  })

  it('the last matching line decides: *.md, !README*.md, README-secret.md', () => {
    const text = '*.md\n!README*.md\nREADME-secret.md\n'
    expect(out(text, 'README-secret.md')).toBe(true)
    expect(out(text, 'README-public.md')).toBe(false)
    expect(out(text, 'notes.md')).toBe(true)
  })

  it('…and with the exception last, every README file is kept', () => {
    const text = '*.md\nREADME-secret.md\n!README*.md\n'
    expect(out(text, 'README-secret.md')).toBe(false)
    expect(out(text, 'README.md')).toBe(false)
    expect(out(text, 'notes.md')).toBe(true)
  })

  it('* then exceptions names what is in the context (an allowlist)', () => {
    const text = '*\n!src\n!package.json\n'
    expect(out(text, 'package.json')).toBe(false)
    expect(out(text, 'src/index.ts')).toBe(false)
    expect(out(text, 'README.md')).toBe(true)
    expect(out(text, 'docs/guide.md')).toBe(true)
  })
})

describe('what Docker reads', () => {
  it('a folder pattern leaves out everything below it; a trailing ** only what is below', () => {
    expect(out('node_modules', 'node_modules/a/index.js')).toBe(true)
    expect(out('dist/**', 'dist/app.js')).toBe(true)
    expect(out('dist/**', 'dist')).toBe(false)
  })

  it('is case-sensitive, as on Linux', () => {
    expect(out('Dist', 'dist/app.js')).toBe(false)
  })

  it('takes classes, escapes and the characters regular expressions would misread', () => {
    expect(out('file[0-9].txt', 'file7.txt')).toBe(true)
    expect(out('file[^0-9].txt', 'file7.txt')).toBe(false)
    expect(out('file[^0-9].txt', 'fileA.txt')).toBe(true)
    expect(out('literal\\*star', 'literal*star')).toBe(true)
    expect(out('literal\\*star', 'literalXstar')).toBe(false)
    expect(out('a+b(c)|{d}$', 'a+b(c)|{d}$')).toBe(true)
    expect(out('a.b', 'axb')).toBe(false)
  })

  it('keeps the whole context: `.` is never left out', () => {
    expect(exclusionOf(parsed('*'), '.')).toBeNull()
  })

  it('refuses what Docker refuses, with the line', () => {
    expect(parseDockerignore('ok\n[abc\n')).toEqual({ ok: false, reason: 'line 2: "[abc" is not a valid pattern' })
    expect(parseDockerignore('!\n').ok).toBe(false)
    expect(parseDockerignore('trailing\\\n').ok).toBe(false)
    expect(parseDockerignore('[z-a]\n').ok).toBe(false)
    expect(parseDockerignore('[]\n').ok).toBe(false)
  })

  it('strips a BOM, CRLF line ends and surrounding blanks', () => {
    expect(parsed('\uFEFFa\r\n  b  \r\n\r\n! c\n').patterns.map((p) => [p.exception, p.pattern])).toEqual([
      [false, 'a'],
      [false, 'b'],
      [true, 'c']
    ])
  })

  it('cleans paths as Go does', () => {
    expect(['', '.', './a/', 'a//b', 'a/./b/../c', '/..', '../x', '/a/'].map(cleanPath)).toEqual(['.', '.', 'a', 'a/b', 'a/c', '/', '../x', '/a'])
  })
})

describe('exceptions below an excluded folder', () => {
  it('says when a later ! pattern may put files below the folder back', () => {
    expect(exclusionOf(parsed('dist\n!dist/keep.txt\n'), 'dist')).toMatchObject({ by: { pattern: 'dist' }, exceptionsBelow: true })
    expect(exclusionOf(parsed('dist\n!**/*.txt\n'), 'dist')?.exceptionsBelow).toBe(true)
    expect(exclusionOf(parsed('dist\n!src\n'), 'dist')?.exceptionsBelow).toBe(false)
    expect(exclusionOf(parsed('dist\n!dist*/x\n'), 'dist')?.exceptionsBelow).toBe(true)
    expect(exclusionOf(parsed('dist\n!distro/x\n!dist?/x\n'), 'dist')?.exceptionsBelow).toBe(false)
    // An exception before the pattern that excludes cannot put anything back.
    expect(exclusionOf(parsed('!dist/keep\ndist\n'), 'dist')?.exceptionsBelow).toBe(false)
  })

  it('knows a .dockerignore that leaves out everything, unless an exception follows', () => {
    expect(excludesEverything(parsed('node_modules\n*\n'))?.pattern).toBe('*')
    expect(excludesEverything(parsed('*\n!src\n'))).toBeNull()
    expect(excludesEverything(parsed('!src\n**\n'))?.pattern).toBe('**')
    expect(excludesEverything(parsed('dist\n'))).toBeNull()
  })
})

describe('agreement with @balena/dockerignore (a port of Docker\'s Go matcher)', () => {
  // Small alphabets make collisions between patterns and paths likely. Balena ports Docker
  // 19.03: it leaves the characters Docker now escapes (+, ( …) to the RegExp, and tries only the
  // parent folder as deep as the pattern, where today's Docker tries every parent (which differs
  // only for a class that matches `/`, such as [^a]): neither is generated.
  // Context paths are clean: no `.` or `..` segment.
  const segment = fc.stringMatching(/^[ab][ab.]{0,2}$/)
  const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'))
  // `**` only as a whole segment: inside one (`**[ab]`), Balena again tries only the parent as deep as the pattern.
  const patternPiece = fc.stringMatching(/^(?:[ab.?*]|\[ab\]|\[a-b\]){1,3}$/).filter((p) => !p.includes('**'))
  const pattern = fc
    .tuple(fc.boolean(), fc.boolean(), fc.array(fc.oneof(patternPiece, fc.constant('**')), { minLength: 1, maxLength: 3 }))
    .map(([exception, rooted, parts]) => `${exception ? '!' : ''}${rooted ? '/' : ''}${parts.join('/')}`)

  it('leaves out the same paths', () => {
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 4 }), fc.array(path, { minLength: 1, maxLength: 6 }), (patterns, paths) => {
        const text = patterns.join('\n')
        const reference = ignore({ ignorecase: false }).add(patterns)
        const ours = parsed(text)
        for (const p of paths) expect([text, p, exclusionOf(ours, p) !== null]).toEqual([text, p, reference.ignores(p)])
      }),
      { numRuns: 3000 }
    )
  })
})

describe('time', () => {
  it('stays linear where a backtracking RegExp takes minutes', () => {
    const started = Date.now()
    expect(out('*a*a*a*a*a*a*a*a*b', 'a'.repeat(4000))).toBe(false)
    expect(out('**/**/**/**/**/**/x', Array.from({ length: 2000 }, () => 'a').join('/'))).toBe(false)
    expect(out('!x\n' + Array.from({ length: 2000 }, (_, i) => `*a*a*a*${i}`).join('\n'), 'a'.repeat(1000))).toBe(false)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('does not read a .dockerignore larger than 64 KB, nor check a path longer than PATH_MAX', () => {
    expect(parseDockerignore('a\n'.repeat(40_000)).ok).toBe(false)
    expect(exclusionOf(parsed('*'), 'a'.repeat(5000))).toBeNull()
  })
})
