import { describe, expect, it } from '@jest/globals'
import { parseHcl, type Body, type Expr } from '../../src/builds/hcl.js'
import { evaluate, UNKNOWN, type Scope, type Value } from '../../src/builds/hcl-eval.js'

function body(text: string): Body {
  const result = parseHcl(text)
  if (!result.ok) throw new Error(`line ${result.line}: ${result.message}`)
  return result.body
}

function attr(text: string, name: string, b: Body = body(text)): Expr {
  const found = b.attributes.find((a) => a.name === name)
  if (found === undefined) throw new Error(`no attribute ${name}`)
  return found.expr
}

const scope = (vars: Record<string, Value> = {}): Scope => ({ lookup: (n) => vars[n], functions: new Map() })
const value = (text: string, vars: Record<string, Value> = {}): Value => evaluate(attr(`x = ${text}\n`, 'x'), scope(vars))

describe('parseHcl', () => {
  it('reads blocks with labels, attributes and their lines', () => {
    const b = body(`# bake file
variable "TAG" {
  default = "latest"
}

target "app" {
  dockerfile = "app.Dockerfile"
  args = {
    A = "1"
    B = 2,
  }
}
group default { targets = ["app"] }
`)
    expect(b.blocks.map((x) => [x.type, x.labels, x.line])).toEqual([
      ['variable', ['TAG'], 2],
      ['target', ['app'], 6],
      ['group', ['default'], 13]
    ])
    const app = b.blocks[1] as (typeof b.blocks)[number]
    expect(app.body.attributes.map((a) => [a.name, a.line])).toEqual([
      ['dockerfile', 7],
      ['args', 8]
    ])
    expect(evaluate(attr('', 'args', app.body), scope())).toEqual({ A: '1', B: 2 })
  })

  it('skips all three comment styles, also inside lists', () => {
    const b = body(`/* a
block comment */
target "t" { // trailing
  platforms = [
    "linux/amd64", # one
    // "linux/arm64",
    "linux/riscv64", /* three */
  ]
}
`)
    expect(evaluate(attr('', 'platforms', (b.blocks[0] as Body['blocks'][number]).body), scope())).toEqual(['linux/amd64', 'linux/riscv64'])
  })

  it('interpolates templates, keeps escapes, and a lone interpolation keeps its type', () => {
    expect(value('"${REPO}:${TAG}-x"', { REPO: 'me/app', TAG: 1 })).toBe('me/app:1-x')
    expect(value('"a\\"b\\n$${NOT} %%{x}"')).toBe('a"b\n${NOT} %{x}')
    expect(value('"${LIST}"', { LIST: ['a'] })).toEqual(['a'])
    expect(value('"${ "nested ${X}" }"', { X: 'y' })).toBe('nested y')
    expect(value('"${MISSING}-x"')).toBe(UNKNOWN)
  })

  it('reads heredocs, stripping the common indent of <<-', () => {
    expect(value('<<EOT\nFROM ${BASE}\nRUN x\nEOT', { BASE: 'alpine' })).toBe('FROM alpine\nRUN x\n')
    expect(value('<<-EOT\n    FROM a\n      RUN b\n    EOT')).toBe('FROM a\n  RUN b\n')
    const b = body('target "t" {\n  dockerfile-inline = <<EOT\nFROM scratch\nEOT\n  target = "x"\n}\n')
    const t = (b.blocks[0] as Body['blocks'][number]).body
    expect(t.attributes.map((a) => [a.name, a.line])).toEqual([
      ['dockerfile-inline', 2],
      ['target', 5]
    ])
  })

  it('evaluates operators, conditionals and the standard functions it knows', () => {
    expect(value('A != null ? ["x"] : []', { A: null })).toEqual([])
    expect(value('A != null ? ["x"] : []', { A: '1' })).toEqual(['x'])
    expect(value('1 + 2 * 3 == 7 && !false')).toBe(true)
    expect(value('notequal("", V) ? upper(V) : "none"', { V: 'abc' })).toBe('ABC')
    expect(value('join(",", split(" ", "a b"))')).toBe('a,b')
    expect(value('{ a = [1, 2] }.a[1]')).toBe(2)
    expect(value('U || true', { U: UNKNOWN })).toBe(true)
    expect(value('U && true', { U: UNKNOWN })).toBe(UNKNOWN)
    expect(value('timestamp()')).toBe(UNKNOWN)
    expect(value('constructor("x")')).toBe(UNKNOWN)
  })

  it('keeps for expressions, splats and directives as unknown values', () => {
    expect(value('[for v in split(",", VERSIONS) : "img:${v}" if v != ""]')).toBe(UNKNOWN)
    expect(value('{ for k, v in M : k => v }')).toBe(UNKNOWN)
    expect(value('target.app.tags[*]')).toBe(UNKNOWN)
    expect(value('"%{ if X }a%{ endif }"')).toBe(UNKNOWN)
  })

  it('calls user functions with their parameters, and gives up on recursion', () => {
    const b = body(`function "bindir" {
  params = [defaultdir]
  result = DESTDIR != "" ? DESTDIR : "./bin/\${defaultdir}"
}
function "loop" {
  params = [x]
  result = loop(x)
}
`)
    const functions = new Map(
      b.blocks.map((f) => [f.labels[0] as string, { params: ['defaultdir', 'x'].slice(f.labels[0] === 'loop' ? 1 : 0, f.labels[0] === 'loop' ? 2 : 1), variadic: null, result: attr('', 'result', f.body) }])
    )
    const s: Scope = { lookup: (n) => ({ DESTDIR: '' })[n], functions }
    expect(evaluate(attr('x = bindir("build")\n', 'x'), s)).toBe('./bin/build')
    expect(evaluate(attr('x = loop(1)\n', 'x'), s)).toBe(UNKNOWN)
  })

  it('reports syntax errors with their line', () => {
    const cases: [string, number, RegExp][] = [
      ['target "a" {\n  args = {\n    A = \n  }\n}\n', 4, /expected an expression/],
      ['target "a" {\n  x = "open\n}\n', 2, /unterminated string/],
      ['target "a" {\n  x = 1\n', 3, /unterminated block/],
      ['target "a" {\n  x = 1 y = 2\n}\n', 2, /end of the line/],
      ['target "a" "b" c\n', 1, /expected '=' or a block/],
      ['x = <<EOT\nno end\n', 1, /unterminated heredoc/],
      ['}\n', 1, /unexpected/],
      ['x = [1, 2\n', 2, /expected ',' or '\]'/]
    ]
    for (const [text, line, message] of cases) {
      const result = parseHcl(text)
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect([result.line, result.message]).toEqual([line, expect.stringMatching(message)])
      }
    }
  })

  it('stops deep nesting with an error, not a stack overflow, and stays fast on long input', () => {
    const deep = parseHcl(`x = ${'['.repeat(100000)}`)
    expect(deep.ok).toBe(false)
    const start = Date.now()
    const long = parseHcl(`x = "${'a'.repeat(500000)}"\n${'target "t" { a = 1 }\n'.repeat(20000)}`)
    expect(long.ok).toBe(true)
    expect(Date.now() - start).toBeLessThan(3000)
  })
})
