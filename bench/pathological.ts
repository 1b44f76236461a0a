/**
 * Inputs built to find non-linear time: each must be analysed (parse + graph + all rules) in
 * well under 2 s. The bench times them; `__tests__/corpus/pathological.test.ts` checks that
 * they are analysed without error (never how fast: that is the bench's job).
 */
export interface Pathological {
  name: string
  text: string
}

const lines = (n: number, line: (i: number) => string): string => Array.from({ length: n }, (_, i) => line(i)).join('\n')

/** Real Dockerfiles one after another up to 10 MB: many stages, names, variables, every kind of instruction. */
export function realTenMegabytes(texts: readonly string[]): Pathological {
  const parts: string[] = []
  let size = 0
  for (let i = 0; size < 10_000_000 && texts.length > 0; i++) {
    const t = texts[i % texts.length] as string
    parts.push(t)
    size += t.length + 1
  }
  return { name: '10 MB of real Dockerfiles in one file', text: parts.join('\n') }
}

export function pathologicalInputs(): Pathological[] {
  let big = 'FROM alpine:3.20 AS base\n'
  const chunks: string[] = []
  for (let i = 0, size = big.length; size < 10_000_000; i++) {
    const line = `RUN echo line ${i} && apk add --no-cache curl\n`
    chunks.push(line)
    size += line.length
  }
  big += chunks.join('')
  return [
    { name: '10 MB Dockerfile (200,000 RUNs)', text: big },
    { name: '100,000 continuation lines', text: `FROM alpine:3.20\nRUN echo start \\\n${lines(100_000, (i) => `  && echo ${i} \\`)}\n  && true\n` },
    { name: '1,000 stages in one FROM chain', text: `FROM alpine:3.20 AS s0\n${lines(999, (i) => `FROM s${i} AS s${i + 1}\nRUN echo ${i}`)}\n` },
    { name: '1 MB single line', text: `FROM alpine:3.20\nRUN echo ${'a'.repeat(1_000_000)}\n` },
    { name: '10,000 heredocs', text: `FROM alpine:3.20\n${lines(10_000, (i) => `RUN <<EOF${i}\necho ${i}\nEOF${i}`)}\n` },
    { name: '20,000 ENV lines', text: `FROM alpine:3.20\n${lines(20_000, (i) => `ENV V${i}=${i}`)}\n` },
    { name: '20,000 global ARGs', text: `${lines(20_000, (i) => `ARG A${i}=${i}`)}\nFROM alpine:3.20\n` },
    { name: '1,000 stages copying from all earlier ones', text: `FROM alpine:3.20 AS s0\n${lines(999, (i) => `FROM alpine:3.20 AS s${i + 1}\nCOPY --from=s${i} /a /a\nCOPY --from=s0 /b /b`)}\n` },
    { name: '1 MB of nested ${} and quotes', text: `FROM alpine:3.20\nENV X=${'${A:-"'.repeat(50_000)}\n` },
    { name: '100,000 unterminated heredocs on one line', text: `FROM alpine:3.20\nRUN cat ${'<<A '.repeat(100_000)}\n` },
    { name: '10,000 ONBUILD heredocs', text: `FROM alpine:3.20\n${lines(10_000, (i) => `ONBUILD RUN <<EOF${i}\necho ${i}\nEOF${i}`)}\n` },
    { name: '100,000 lines ending in an escaped escape', text: `FROM alpine:3.20\n${lines(100_000, (i) => `LABEL l${i}=a\\\\`)}\n` },
    { name: '1 MB of blanks after an escaped escape', text: `FROM alpine:3.20\nRUN echo a\\\\${' '.repeat(1_000_000)}\nRUN echo b\n` },
    { name: '1 MB of blanks in and before directives', text: `${' '.repeat(500_000)}# escape=${' '.repeat(250_000)}\`${' '.repeat(250_000)}\n# syntax=${' '.repeat(100_000)}\nFROM alpine:3.20\nRUN echo \`\n  b\n` },
    // Inputs aimed at regular expressions that backtrack (each was quadratic once: see the regex review).
    { name: '1 MB path of slashes', text: `FROM alpine:3.20\nCOPY ${'/'.repeat(1_000_000)}x /dst/\nRUN --mount=type=cache,target=${'/'.repeat(100_000)}x pip install a\n` },
    { name: '1 MB of .git# in ADD', text: `FROM alpine:3.20\nADD ${'.git#'.repeat(200_000)}x /src\n` },
    { name: '1 MB package pin of < and =', text: `FROM alpine:3.20\nRUN apt-get install -y gcc${'<='.repeat(500_000)}\n` },
    // Rules that look ahead from a RUN (lists a later install relies on, a later build step) must stay linear.
    { name: '20,000 RUNs of apt-get update and compilers', text: `FROM debian:12-slim\n${lines(20_000, () => 'RUN apt-get update && apt-get install -y gcc make libfoo-dev')}\n` },
    { name: '1,500 stages in one FROM chain, each installing compilers', text: `FROM debian:12-slim AS s0\n${lines(1_499, (i) => `FROM s${i} AS s${i + 1}\nRUN apt-get update && apt-get install -y gcc`)}\n` },
    { name: '60,000 installs and removals in one RUN', text: `FROM alpine:3.20\nRUN ${Array.from({ length: 60_000 }, (_, i) => `apk add --virtual .v${i} gcc && npm ci && rm -rf /tmp/${i}`).join(' && ')} && apk del .v0\n` }
  ]
}
