/**
 * The runner's side of a step: inputs from INPUT_* variables, workflow commands on stdout
 * (annotations, masks), outputs and the job summary in the files the runner names
 * (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY). This is the part of @actions/core the action uses, written
 * to GitHub's "Workflow commands" protocol; its test checks it byte for byte against @actions/core.
 * Not @actions/core itself: its module loads an HTTP client (undici, for OIDC tokens) that costs
 * ≈ 50 ms of start-up and is never used here.
 */
import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync } from 'node:fs'
import { appendFile } from 'node:fs/promises'
import { EOL } from 'node:os'

/** Where an annotation points (what @actions/core calls AnnotationProperties). */
export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

/** A value as the runner reads it: strings as they are, anything else as JSON, nothing as ''. */
function commandValue(value: unknown): string {
  if (value === null || value === undefined) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

const escapeData = (value: unknown): string => commandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (value: unknown): string => escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')

/** `::name key=value,…::message` on stdout; properties with no value are left out (the space before them stays, as @actions/core writes it). */
function issue(name: string, properties: Record<string, unknown>, message: unknown): void {
  const props = Object.entries(properties)
    .filter(([, v]) => Boolean(v))
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',')
  process.stdout.write(`::${name}${Object.keys(properties).length === 0 ? '' : ` ${props}`}::${escapeData(message)}${EOL}`)
}

/** The input `name` (INPUT_NAME, spaces as underscores), trimmed; '' when not given. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** The non-empty lines of an input, each trimmed. */
export function getMultilineInput(name: string): string[] {
  return getInput(name)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.trim())
}

/** Tells the runner to mask a value in the log. */
export function setSecret(value: string): void {
  issue('add-mask', {}, value)
}

function annotate(kind: 'error' | 'warning' | 'notice', message: string, at: AnnotationProperties): void {
  const properties = Object.keys(at).length === 0 ? {} : { title: at.title, file: at.file, line: at.startLine, endLine: at.endLine, col: at.startColumn, endColumn: at.endColumn }
  issue(kind, properties, message)
}

export const error = (message: string, at: AnnotationProperties = {}): void => annotate('error', message, at)
export const warning = (message: string, at: AnnotationProperties = {}): void => annotate('warning', message, at)
export const notice = (message: string, at: AnnotationProperties = {}): void => annotate('notice', message, at)

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

/** An error annotation, and the step fails when the action ends. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

/** Appends `name<<delimiter` … to GITHUB_OUTPUT; without that file, the old `set-output` command. */
export function setOutput(name: string, value: unknown): void {
  const file = process.env.GITHUB_OUTPUT ?? ''
  if (file === '') {
    process.stdout.write(EOL)
    issue('set-output', { name }, commandValue(value))
    return
  }
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`)
  const delimiter = `ghadelimiter_${randomUUID()}`
  const text = commandValue(value)
  // A value holding the delimiter would end the entry early and let it write other outputs.
  if (name.includes(delimiter) || text.includes(delimiter)) throw new Error(`Unexpected input: name or value contains the delimiter ${delimiter}`)
  appendFileSync(file, `${name}<<${delimiter}${EOL}${text}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' })
}

/** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY). */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY ?? ''
  if (file === '') throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.')
  await appendFile(file, markdown, { encoding: 'utf8' })
}
