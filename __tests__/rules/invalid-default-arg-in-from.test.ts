/** invalid-default-arg-in-from: what it reports and what it must leave alone (docs/rules/invalid-default-arg-in-from.md). */
import { invalidDefaultArgInFrom } from '../../src/rules/invalid-default-arg-in-from.js'
import { describe, expect, it } from '@jest/globals'
import { df, parse } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(invalidDefaultArgInFrom, {
  valid: [
    { name: 'an ARG with a default', code: df('ARG IMG=alpine:3', 'FROM $IMG') },
    { name: 'an ARG given as a build arg', code: df('ARG IMG', 'FROM $IMG'), buildArgs: { IMG: 'alpine:3' } },
    { name: 'a default in the expression', code: df('ARG IMG', 'FROM ${IMG:-alpine:3}') },
    { name: 'a platform ARG (BuildKit knows its value)', code: df('FROM alpine:3 AS base-amd64', 'FROM alpine:3 AS base-arm64', 'FROM base-${TARGETARCH}') },
    { name: 'an undeclared ARG is undefined-arg-in-from’s', code: df('FROM alpine:$VERSON') }
  ],
  invalid: [
    {
      name: 'the whole image is an ARG without default: a required build argument, info',
      code: df('ARG TARGET_IMAGE_NAME', 'FROM ${TARGET_IMAGE_NAME} AS scan', 'RUN true'),
      errors: [{ line: 2, severity: 'info', message: 'required build argument: ARG TARGET_IMAGE_NAME has no default, so a plain docker build fails; pass --build-arg TARGET_IMAGE_NAME=<image>' }]
    },
    { name: 'registry and name both from ARGs without defaults: still required build arguments', code: df('ARG REGISTRY', 'ARG IMAGE', 'FROM $REGISTRY/$IMAGE'), errors: [{ line: 3, severity: 'info' }] },
    { name: 'an empty default is the same: info, never a parse error', code: df('ARG BASE=', 'FROM $BASE'), errors: [{ line: 2, severity: 'info' }] },
    { name: 'a tag ARG without default breaks the reference: warning', code: df('ARG TAG', 'FROM busybox:${TAG}'), errors: [{ line: 2, severity: 'warning', message: 'becomes "busybox:", not a valid image reference: give ARG TAG a default' }] },
    { name: 'an empty tag default: warning', code: df('ARG TAG=', 'FROM busybox:$TAG'), errors: [{ line: 2, severity: 'warning' }] },
    { name: 'an invalid default: warning at the FROM', code: df('ARG IMG=Alpine:3', 'FROM $IMG'), errors: [{ line: 2, severity: 'warning', message: 'fix the default of ARG IMG' }] }
  ]
})

describe('references built from ARGs', () => {
  it('are not parse errors, whatever their defaults', () => {
    expect(parse(df('ARG TAG=', 'FROM busybox:$TAG', 'ARG IMG=Alpine', 'FROM $IMG')).errors).toEqual([])
  })
})
