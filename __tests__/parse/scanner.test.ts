/**
 * The scanner read as BuildKit's parser reads a file (moby/buildkit frontend/dockerfile/parser:
 * parser.go, directives.go): where a line continues, which instructions open heredocs, and which
 * parser directives count for what. The cases are ours, modelled on BuildKit's code and tests.
 */
import { describe, expect, it } from '@jest/globals'
import { continuationAt } from '../../src/parse/words.js'
import { scanDirectives } from '../../src/parse/scanner.js'
import { df, parse } from '../helpers/dockerfile.js'

const shape = (text: string): string[] => parse(text).instructions.map((i) => `${i.keyword} ${i.line}-${i.endLine}`)
const errorsOf = (text: string): string[] => parse(text).errors.map((e) => `${e.line}: ${e.message}`)

describe('where a line continues (BuildKit lineContinuationRegex `([^\\\\])\\\\[ \\t]*$|^\\\\[ \\t]*$`)', () => {
  it('finds the escape that ends a line, blanks after it allowed', () => {
    expect(continuationAt('RUN a \\', 0, 0, '\\')).toBe(6)
    expect(continuationAt('RUN a \\ \t ', 0, 0, '\\')).toBe(6)
    expect(continuationAt('RUN a', 0, 0, '\\')).toBe(-1)
    expect(continuationAt('RUN a \\ b', 0, 0, '\\')).toBe(-1)
  })

  it('does not take an escaped escape for a continuation', () => {
    expect(continuationAt('ENV C trailing\\\\backslash\\\\', 0, 0, '\\')).toBe(-1)
    expect(continuationAt('ENV C a\\\\  ', 0, 0, '\\')).toBe(-1)
    // BuildKit looks at one character before the escape only (its own comment: it "does not
    // currently handle a line-continuation token preceded by an *escaped* escape-token").
    expect(continuationAt('RUN a\\\\\\', 0, 0, '\\')).toBe(-1)
    expect(continuationAt('RUN a ``', 0, 0, '`')).toBe(-1)
    // Another character before the escape is not the escape: `\` does not escape a backtick escape.
    expect(continuationAt('RUN dir C:\\`', 0, 0, '`')).toBe(11)
  })

  it('continues at an escape alone on a line, at the start of the line only', () => {
    expect(continuationAt('\\', 0, 0, '\\')).toBe(0)
    expect(continuationAt('  \\', 0, 0, '\\')).toBe(2)
    // The first line's indentation is stripped: its start is `^`.
    expect(continuationAt('  \\\\', 0, 2, '\\')).toBe(-1)
    expect(continuationAt('  \\\\', 0, 0, '\\')).toBe(-1)
  })

  it('ends ENV C at the doubled escape, so ENV D is an instruction of its own (testfiles/trailing-backslash)', () => {
    expect(shape(df('FROM alpine', 'ENV B another\\\\path', 'ENV C trailing\\\\backslash\\\\', 'ENV D not appended to C'))).toEqual(['FROM 1-1', 'ENV 2-2', 'ENV 3-3', 'ENV 4-4'])
    expect(parse(df('FROM alpine', 'ENV C trailing\\\\backslash\\\\', 'ENV D x')).instructions[1]?.args).toEqual(['C', 'trailing\\\\backslash\\\\'])
  })

  it('still continues at an escape after a blank, an escape alone on a line and one after a space (testfiles/trailing-backslash E, F, G)', () => {
    expect(shape(df('FROM alpine', 'ENV E hello\\', '\\', 'world', 'ENV F hello\\', ' \\', 'world', 'ENV G hello \\', '\\', 'world', 'USER nobody'))).toEqual([
      'FROM 1-1',
      'ENV 2-4',
      'ENV 5-7',
      'ENV 8-10',
      'USER 11-11'
    ])
  })

  it('does not continue at a tripled escape either, as BuildKit reads it', () => {
    expect(shape(df('FROM alpine', 'RUN echo a\\\\\\', 'RUN echo b'))).toEqual(['FROM 1-1', 'RUN 2-2', 'RUN 3-3'])
  })

  it('with escape=`, a doubled backtick ends the line and a backslash before the backtick does not escape it', () => {
    expect(shape(df('# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'RUN echo ``', 'RUN dir C:\\`', '  /b', 'USER ContainerUser'))).toEqual([
      'FROM 2-2',
      'RUN 3-3',
      'RUN 4-5',
      'USER 6-6'
    ])
  })

  it('takes the escape after a keyword for a continuation, blanks after it or not, and a doubled one for part of the keyword', () => {
    expect(shape(df('FROM alpine', 'RUN\\', '  echo hi', 'USER nobody'))).toEqual(['FROM 1-1', 'RUN 2-3', 'USER 4-4'])
    expect(parse(df('FROM alpine', 'RUN\\  ', '  echo hi')).instructions[1]).toMatchObject({ keyword: 'RUN', line: 2, endLine: 3, args: ['echo', 'hi'] })
    // `RUN\\` does not continue, and BuildKit reads `RUN\\` as an instruction it does not know.
    expect(shape(df('FROM alpine', 'RUN\\\\', 'USER nobody'))).toEqual(['FROM 1-1', 'RUN\\\\ 2-2', 'USER 3-3'])
    expect(errorsOf(df('FROM alpine', 'RUN\\\\', 'USER nobody'))).toEqual(['2: unknown instruction "RUN\\\\"'])
  })
})

describe('heredocs through ONBUILD (BuildKit canContainHeredoc looks through ONBUILD to its trigger)', () => {
  it('gives the body of ONBUILD RUN <<EOF to the ONBUILD, not to instructions of their own', () => {
    const model = parse(df('FROM alpine', 'ONBUILD RUN <<EOF', 'apk add --no-cache curl', 'FROM scratch', 'EOF', 'USER nobody'))
    expect(model.instructions.map((i) => `${i.keyword} ${i.line}-${i.endLine}`)).toEqual(['FROM 1-1', 'ONBUILD 2-5', 'USER 6-6'])
    expect(model.stages).toHaveLength(1)
    expect(model.instructions[1]?.heredocs).toEqual([{ name: 'EOF', stripTabs: false, quoted: false, line: 3, endLine: 5, content: 'apk add --no-cache curl\nFROM scratch', terminated: true }])
    expect(model.errors).toEqual([])
  })

  it('reads COPY and ADD triggers in any case, <<- and quoted delimiters', () => {
    const model = parse(df('FROM alpine', "onbuild copy <<'CONF' /etc/app.conf", 'port=$PORT', 'CONF', 'ONBUILD ADD <<-EOT /x', '\tone', '\tEOT', 'USER nobody'))
    expect(model.instructions.map((i) => `${i.keyword} ${i.line}-${i.endLine}`)).toEqual(['FROM 1-1', 'ONBUILD 2-4', 'ONBUILD 5-7', 'USER 8-8'])
    expect(model.instructions[1]?.heredocs.map((h) => [h.name, h.quoted, h.content])).toEqual([['CONF', true, 'port=$PORT']])
    expect(model.instructions[2]?.heredocs.map((h) => [h.name, h.stripTabs, h.content])).toEqual([['EOT', true, 'one']])
  })

  it('reports an unclosed heredoc of an ONBUILD trigger at the ONBUILD', () => {
    expect(errorsOf(df('FROM alpine', 'ONBUILD RUN <<EOF', 'echo hi'))).toEqual(['2: heredoc <<EOF is never closed: everything after line 2 is read as its body'])
  })

  it('opens none for other triggers, nor for a plain ONBUILD', () => {
    expect(shape(df('FROM alpine', 'ONBUILD ENV A=<<EOF', 'USER nobody'))).toEqual(['FROM 1-1', 'ONBUILD 2-2', 'USER 3-3'])
    expect(shape(df('FROM alpine', 'ONBUILD CMD cat <<EOF', 'USER nobody'))).toEqual(['FROM 1-1', 'ONBUILD 2-2', 'USER 3-3'])
    expect(shape(df('FROM alpine', 'ONBUILD <<EOF', 'USER nobody'))).toEqual(['FROM 1-1', 'ONBUILD 2-2', 'USER 3-3'])
  })
})

describe('parser directives: the escape as Parse reads them, syntax and check as DetectSyntax and ParseDirective read them', () => {
  it('sets the escape character from an indented directive (Parse strips the indentation first)', () => {
    for (const lead of ['  ', '\t', ' \t ']) {
      const model = parse(df(`${lead}# escape=\``, 'FROM alpine', 'RUN echo `', '  hi'))
      expect(model.directives.escape).toEqual({ value: '`', line: 1 })
      expect(shape(df(`${lead}# escape=\``, 'FROM alpine', 'RUN echo `', '  hi'))).toEqual(['FROM 2-2', 'RUN 3-4'])
      expect(model.comments).toEqual([])
    }
  })

  it('takes no frontend from an indented syntax line, which does not end the escape directives', () => {
    const model = parse(df('  # syntax=docker/dockerfile:1', '# escape=`', 'FROM alpine'))
    expect(model.directives.syntax).toBeNull()
    expect(model.directives.escape).toEqual({ value: '`', line: 2 })
    // Parse took the line for a directive: it is no comment.
    expect(model.comments).toEqual([])
  })

  it('reads no check options from an indented line, nor from the lines after it', () => {
    expect(parse(df('  # check=skip=all', 'FROM alpine')).directives.check).toBeNull()
    const model = parse(df('# syntax=docker/dockerfile:1', '\t# escape=`', '# check=skip=all', 'FROM alpine'))
    expect(model.directives).toEqual({ syntax: { value: 'docker/dockerfile:1', line: 1 }, escape: { value: '`', line: 2 }, check: null })
  })

  it('reads syntax and check after a #! first line, but not escape (directives.go discardShebang; Parse keeps the line)', () => {
    const model = parse(df('#!/usr/bin/env -S docker build -f', '# syntax=docker/dockerfile:1', '# check = skip=all', '# escape=`', 'FROM alpine', 'RUN echo `', 'USER nobody'))
    expect(model.directives.syntax).toEqual({ value: 'docker/dockerfile:1', line: 2 })
    expect(model.directives.check).toMatchObject({ line: 3, skip: 'all' })
    expect(model.directives.escape).toBeNull()
    expect(model.instructions.map((i) => `${i.keyword} ${i.line}-${i.endLine}`)).toEqual(['FROM 5-5', 'RUN 6-6', 'USER 7-7'])
    // To Parse those lines are comments.
    expect(model.comments.map((c) => c.line)).toEqual([1, 2, 3, 4])
    // As BuildKit's TestParseDirective: a blank line after the #! ends the directives.
    expect(parse(df('#!/bin/sh', '', '# check = skip=all', 'FROM alpine')).directives.check).toBeNull()
  })

  it('takes a directive with no value for a comment that ends the directives (the value is `(.+?)`)', () => {
    for (const empty of ['# syntax=', '# escape=', '#check=', '  # syntax =']) {
      const text = df(empty, '# escape=`', 'FROM alpine', 'RUN echo `', '  b')
      const model = parse(text)
      expect(model.directives).toEqual({ syntax: null, escape: null, check: null })
      // Both lines are comments, and the RUN ends at its backtick.
      expect(model.comments.map((c) => c.line)).toEqual([1, 2])
      expect(model.instructions.map((i) => `${i.keyword} ${i.line}-${i.endLine}`)).toEqual(['FROM 3-3', 'RUN 4-4', 'B 5-5'])
    }
  })

  it('keeps one blank of a value of blanks, as the regular expression does: an invalid escape', () => {
    expect(errorsOf(df('# escape=  ', 'FROM alpine'))).toEqual(['1: invalid escape directive " ": it must be \\ or `'])
  })

  it('reads the name in any case and trims blanks around the value', () => {
    expect(parse(df('#ESCAPE = `', '# Syntax =\tdocker/dockerfile:1.7  ', 'FROM alpine')).directives).toEqual({
      syntax: { value: 'docker/dockerfile:1.7', line: 2 },
      escape: { value: '`', line: 1 },
      check: null
    })
  })

  it('reports a repeated directive, which fails the build, and keeps the first', () => {
    const text = df('# syntax=docker/dockerfile:1', '# escape=`', '# syntax=docker/dockerfile:1.7', '# escape=\\', 'FROM alpine')
    expect(errorsOf(text)).toEqual([
      '3: only one syntax parser directive can be used: BuildKit fails the build on this second one; remove one of them',
      '4: only one escape parser directive can be used: BuildKit fails the build on this second one; remove one of them'
    ])
    expect(parse(text).directives).toEqual({ syntax: { value: 'docker/dockerfile:1', line: 1 }, escape: { value: '`', line: 2 }, check: null })
  })

  it('scans both readings in one pass each, up to the first line that is not a directive', () => {
    expect(scanDirectives(['#!/bin/sh', '# syntax=a', 'FROM b'])).toEqual({ parsed: [], raw: [{ name: 'syntax', value: 'a', line: 1 }] })
    expect(scanDirectives(['  # escape=`', '# syntax=a', '# foo=bar', '# check=skip=all'])).toEqual({
      parsed: [
        { name: 'escape', value: '`', line: 0 },
        { name: 'syntax', value: 'a', line: 1 }
      ],
      raw: []
    })
  })
})
