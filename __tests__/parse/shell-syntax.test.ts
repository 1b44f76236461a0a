/** The shell parser: structure, contexts of pipelines, and robustness on hostile input. */
import { describe, expect, it } from '@jest/globals'
import { forEachPipeline, parseShell, simpleCommands, type PipelineContext, type ShCommand, type ShList } from '../../src/parse/shell-syntax.js'

/** A compact rendering: [words] for simple commands, kind(C:conditions B:bodies) for compound ones. */
const show = (l: ShList): string => l.map((a) => a.pipelines.map((p, i) => (p.negated ? '! ' : '') + p.commands.map(cmd).join(' | ') + (a.operators[i] ? ` ${a.operators[i]} ` : '')).join('') + (a.background ? ' &' : '')).join(' ; ')
const cmd = (c: ShCommand): string =>
  c.kind === 'simple'
    ? `[${[...c.assignments.map((a) => `${a.text}=`), ...c.words.map((w) => w.text)].join(' ')}${c.redirects.map((r) => ` ${r.fd}${r.op}${r.target?.text ?? ''}`).join('')}]`
    : `${c.kind}(${[...c.conditions.map((l) => `C:${show(l)}`), ...c.bodies.map((l) => `B:${show(l)}`)].join(' ')})`

const pipes = (script: string): string[] => {
  const out: string[] = []
  forEachPipeline(parseShell(script), (p, ctx: PipelineContext) => {
    if (p.commands.length > 1) out.push(`${p.commands.map(cmd).join(' | ')}${ctx.tested ? ' tested' : ''}${ctx.substituted ? ' substituted' : ''}${ctx.ignored ? ' ignored' : ''}`)
  })
  return out
}

describe('parseShell', () => {
  it('reads lists, and-or chains, pipelines and background jobs', () => {
    expect(show(parseShell('a | b && c || d; e & f'))).toBe('[a] | [b] && [c] || [d] ; [e] & ; [f]')
  })

  it('unquotes words and keeps quoted operators as text', () => {
    expect(show(parseShell(`echo 'a | b' "c && d" e\\;f | tee x`))).toBe('[echo a | b c && d e;f] | [tee x]')
  })

  it('tells if conditions from bodies', () => {
    expect(show(parseShell('if [ -f .git ] && head -1 .git | grep -q x; then echo y; elif z; then w; else v | u; fi'))).toBe(
      'if(C:[[ -f .git ]] && [head -1 .git] | [grep -q x] C:[z] B:[echo y] B:[w] B:[v] | [u])'
    )
  })

  it('reads loops, groups, subshells, case and functions', () => {
    expect(show(parseShell('while read l; do echo "$l"; done'))).toBe('while(C:[read l] B:[echo $l])')
    expect(show(parseShell('for f in a b; do rm $f; done'))).toBe('for(B:[rm $f])')
    expect(show(parseShell('{ echo a; echo b; } | tee f'))).toBe('group(B:[echo a] ; [echo b]) | [tee f]')
    expect(show(parseShell('( cd x && make ) | tee log'))).toBe('subshell(B:[cd x] && [make]) | [tee log]')
    expect(show(parseShell('case "$a" in a|b) echo 1 ;; *) exit 2 ;; esac; next'))).toBe('case(B:[echo 1] B:[exit 2]) ; [next]')
    expect(show(parseShell('f() { a | b; }; f'))).toBe('function(B:group(B:[a] | [b])) ; [f]')
  })

  it('reads assignments, redirections and file descriptors', () => {
    expect(show(parseShell('A=1 B="x y" make -j2 >out 2>&1 </dev/null'))).toBe('[A=1= B=x y= make -j2 >out 2>&1 </dev/null]')
  })

  it('parses command substitutions as nested scripts, whatever their nesting', () => {
    const [first] = simpleCommands(parseShell('x=$(echo "$(uname -m | tr a b)" | sed s/a/b/) y'))
    expect(first?.assignments[0]?.substitutions.map(show)).toEqual(['[echo $(uname -m | tr a b)] | [sed s/a/b/]'])
    expect(show(parseShell('$( (a) | b ) c'))).toBe('[$( (a) | b ) c]')
  })

  it('skips heredoc bodies', () => {
    expect(show(parseShell('cat <<EOF | kubectl apply -f -\nbody | x\nEOF\nnext'))).toBe('[cat <<EOF] | [kubectl apply -f -] ; [next]')
    expect(show(parseShell('cat <<-EOF > f\n\tbody\n\tEOF\nnext'))).toBe('[cat <<-EOF >f] ; [next]')
  })

  it('keeps [[ … ]], arithmetic and ${…} whole', () => {
    expect(pipes('[[ $x =~ a|b ]] && y')).toEqual([])
    expect(pipes('echo $((1|2)) ${a|b} x')).toEqual([])
  })

  it('drops comments and line continuations', () => {
    expect(show(parseShell('a \\\n  | b # c | d\ne'))).toBe('[a] | [b] ; [e]')
  })
})

describe('forEachPipeline', () => {
  it('marks tested, substituted and ignored pipelines', () => {
    expect(pipes('if a | b; then c | d; fi')).toEqual(['[a] | [b] tested', '[c] | [d]'])
    expect(pipes('until ! x | y; do z | w; done')).toEqual(['[x] | [y] tested', '[z] | [w]'])
    expect(pipes('! a | b')).toEqual(['[a] | [b] tested'])
    expect(pipes('for f in $(git ls | awk x); do :; done')).toEqual(['[git ls] | [awk x] substituted'])
    expect(pipes('curl x | sh || true; a | b &')).toEqual(['[curl x] | [sh] ignored', '[a] | [b] ignored'])
    expect(pipes('while read l; do echo; done < <(find . | sort)')).toEqual(['[find .] | [sort] substituted'])
  })
})

describe('robustness', () => {
  it('never throws and stays fast on hostile input', () => {
    const n = 200_000
    const inputs = ['('.repeat(n), ')'.repeat(n), '{ '.repeat(n), '$('.repeat(n), '"'.repeat(n), '`'.repeat(n), '`\\`'.repeat(n), 'a|'.repeat(n), '${'.repeat(n), '<<A '.repeat(n), 'if '.repeat(n), 'case x in '.repeat(n), 'fi done esac } ) ;; '.repeat(n / 10), "'".repeat(n)]
    const start = Date.now()
    for (const s of inputs) forEachPipeline(parseShell(s), () => undefined)
    expect(Date.now() - start).toBeLessThan(10_000)
  })
})
