import { describe, expect, it } from '@jest/globals'
import { EMPTY_SCOPE, expandWord, globMatches, referencedNames, replaceReferences, withBinding } from '../../src/parse/variables.js'
import type { VariableScope } from '../../src/model/dockerfile.js'

function scopeOf(values: Record<string, string | null>): VariableScope {
  let scope = EMPTY_SCOPE
  for (const [name, value] of Object.entries(values)) scope = withBinding(scope, name, { kind: 'arg', value, line: 1 })
  return scope
}

describe('expandWord', () => {
  const scope = scopeOf({ GO: '1.22', EMPTY: '', NOVALUE: null, PATHV: '/usr/local/bin/go' })

  it.each([
    ['golang:$GO', 'golang:1.22'],
    ['golang:${GO}-alpine', 'golang:1.22-alpine'],
    ['${MISSING:-fallback}', 'fallback'],
    ['${EMPTY:-fallback}', 'fallback'],
    ['${EMPTY-fallback}', ''],
    ['${MISSING-fallback}', 'fallback'],
    ['${GO:+set}', 'set'],
    ['${EMPTY:+set}', ''],
    ['${EMPTY+set}', 'set'],
    ['${MISSING:+set}', ''],
    ['${MISSING:-${GO}}', '1.22'],
    ['${PATHV##*/}', 'go'],
    ['${PATHV#*/}', 'usr/local/bin/go'],
    ['${PATHV%/*}', '/usr/local/bin'],
    ['${PATHV%%/*}', ''],
    ['${GO/./_}', '1_22'],
    ['\\$GO', '$GO'],
    ["'$GO'", '$GO'],
    ['"$GO"', '1.22'],
    ['a$', 'a$'],
    ['$1', '$1']
  ])('%s → %s', (input, expected) => {
    expect(expandWord(input, scope).value).toBe(expected)
  })

  it('lists names that have no value, but not those covered by a default', () => {
    expect(expandWord('$MISSING-${NOVALUE}-${OTHER:-x}', scope).unresolved).toEqual(['MISSING', 'NOVALUE'])
  })

  it('uses the backtick as escape when the file says so', () => {
    expect(expandWord('`$GO', scope, '`').value).toBe('$GO')
    expect(expandWord('\\$GO', scope, '`').value).toBe('\\1.22')
  })

  it('keeps an unterminated ${ as written and says it is malformed', () => {
    const result = expandWord('x${GO', scope)
    expect(result).toEqual({ value: 'x${GO', unresolved: [], malformed: true })
  })

  it('keeps quotes when asked to', () => {
    expect(expandWord('"a $GO"', scope, '\\', false).value).toBe('"a 1.22"')
  })
})

describe('referencedNames', () => {
  it('finds plain and braced names once each', () => {
    expect(referencedNames('$A ${B:-x} $A ${C} $ $1')).toEqual(['A', 'B', 'C'])
  })
})

describe('replaceReferences', () => {
  it('replaces $NAME and ${…} references, nested braces included, and keeps the rest', () => {
    expect(replaceReferences('base-${VARIANT}', '*')).toBe('base-*')
    expect(replaceReferences('golang:$GO_VERSION-alpine', '')).toBe('golang:-alpine')
    expect(replaceReferences('${REGISTRY:-${MIRROR}}/node:${TAG}', '*')).toBe('*/node:*')
    expect(replaceReferences('no references', '*')).toBe('no references')
    expect(replaceReferences('a lone $ or a$', '*')).toBe('a lone $ or a$')
  })
})

describe('globMatches', () => {
  it('matches * and ? like a shell pattern', () => {
    expect(globMatches('*.tar.gz', 'x.tar.gz')).toBe(true)
    expect(globMatches('a?c', 'abc')).toBe(true)
    expect(globMatches('a?c', 'ac')).toBe(false)
    expect(globMatches('*a*a*a*a*b', 'a'.repeat(200))).toBe(false)
  })
})

describe('withBinding (versioned scopes)', () => {
  const bind = (scope: VariableScope, name: string, value: string): VariableScope => withBinding(scope, name, { kind: 'env', value, line: 1 })

  it('leaves the scope it extends unchanged, and keeps scopes that branch from it apart', () => {
    const base = bind(EMPTY_SCOPE, 'A', 'a')
    const left = bind(base, 'B', 'left')
    const right = bind(base, 'B', 'right')
    const leftAgain = bind(left, 'A', 'changed')
    expect([base.has('B'), base.get('A')?.value]).toEqual([false, 'a'])
    expect([left.get('B')?.value, left.get('A')?.value]).toEqual(['left', 'a'])
    expect([right.get('B')?.value, right.get('A')?.value]).toEqual(['right', 'a'])
    expect([leftAgain.get('A')?.value, leftAgain.get('B')?.value]).toEqual(['changed', 'left'])
    expect(bind(right, 'C', 'c').keys().sort()).toEqual(['A', 'B', 'C'])
    expect(EMPTY_SCOPE.keys()).toEqual([])
  })

  it('finds the binding in force at each version of a long chain', () => {
    const scopes: VariableScope[] = []
    let scope = EMPTY_SCOPE
    for (let i = 0; i < 1000; i++) {
      scope = bind(scope, i % 2 === 0 ? 'EVEN' : `ODD${i}`, String(i))
      scopes.push(scope)
    }
    expect(scopes[0]?.get('EVEN')?.value).toBe('0')
    expect(scopes[501]?.get('EVEN')?.value).toBe('500')
    expect(scopes[501]?.has('ODD503')).toBe(false)
    expect(scopes[999]?.keys()).toHaveLength(501)
  })
})
