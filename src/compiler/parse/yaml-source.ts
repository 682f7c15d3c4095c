/**
 * YAML with positions. course.yml and front matter are parsed with the `yaml` package rather
 * than gray-matter's js-yaml because a trainer needs `file:line:col` on an unknown key, not only
 * on a syntax error.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml'
import { error, type Diagnostic } from '../diagnostics.js'
import { lineStarts, positionOf } from '../positions.js'
import { readSimpleYaml, simpleOffset } from './simple-yaml.js'

export interface YamlSource {
  value: unknown
  /** Position (1-based, in the whole file) of the key or item at `path`, else of its parent. */
  locate(path: (string | number)[], what?: 'key' | 'value'): { line: number; column: number }
}

/**
 * @param firstLine 1-based line of the file where `text` starts (front matter starts on line 2, after its `---`).
 */
export function parseYaml(text: string, file: string, firstLine = 1): { source?: YamlSource; diagnostics: Diagnostic[] } {
  const simple = readSimpleYaml(text)
  if (simple) {
    const starts = lineStarts(text)
    const at = (offset: number): { line: number; column: number } => {
      const { line, column } = positionOf(starts, offset)
      return { line: line + firstLine - 1, column }
    }
    return { source: { value: simple.value, locate: (path, what = 'key') => at(simpleOffset(simple, path, what)) }, diagnostics: [] }
  }
  return parseYamlDocument(text, file, firstLine)
}

/** parseYaml through the `yaml` package's document model, for any YAML. */
export function parseYamlDocument(text: string, file: string, firstLine = 1): { source?: YamlSource; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    const lines = text.split('\n')
    const diagnostics: Diagnostic[] = []
    const seen = new Set<number>()
    for (const e of doc.errors) {
      const pos = lineCounter.linePos(e.pos[0])
      if (seen.has(pos.line)) continue // one error per line: the parser's follow-up errors are noise
      seen.add(pos.line)
      const at = { line: pos.line + firstLine - 1, column: pos.col }
      const line = lines[pos.line - 1] ?? ''
      // `title: Le RGPD : les bases` (French typography puts a space before « : »): the usual mistake.
      const colon = e.code === 'BLOCK_AS_IMPLICIT_KEY' && /:(\s|$)/.test(line.slice(pos.col - 1)) ? keyBefore(line, pos.col) : undefined
      const duplicate = e.code === 'DUPLICATE_KEY' ? keyOf(line) : undefined
      if (colon) diagnostics.push(error('yaml/colon-in-value', file, at, { key: colon }))
      else if (duplicate) diagnostics.push(error('yaml/duplicate-key', file, at, { key: duplicate }))
      else diagnostics.push(error('yaml/syntax', file, at, { reason: reasonOf(e.message) }))
    }
    return { diagnostics }
  }
  const at = (offset: number | undefined): { line: number; column: number } => {
    const pos = lineCounter.linePos(offset ?? 0)
    return { line: pos.line + firstLine - 1, column: pos.col }
  }
  let value: unknown
  try {
    value = doc.toJS()
  } catch (e) {
    // An alias to an unknown anchor (`*x`) or an alias bomb: the author's YAML, not a parcours bug.
    return { diagnostics: [error('yaml/syntax', file, at(unresolvedAlias(doc)), { reason: reasonOf(e instanceof Error ? e.message : String(e)) })] }
  }
  return {
    source: { value, locate: (path, what = 'key') => at(offsetOf(doc, path, what)) },
    diagnostics: [],
  }
}

/** Offset of the first alias that points at no anchor, else of the document. */
function unresolvedAlias(doc: Document): number | undefined {
  let offset: number | undefined
  visit(doc, {
    Alias(_, node) {
      if (node.resolve(doc) !== undefined) return undefined
      offset = node.range?.[0]
      return visit.BREAK
    },
  })
  return offset
}

/** `title` in `title: Le RGPD : les bases` when the error is at column 8, else undefined. */
function keyBefore(line: string, column: number): string | undefined {
  const before = line.slice(0, column - 1)
  // `key:` then at least one space, and no other colon: a key, not text with a colon in it.
  if (!/\s$/.test(before) || !before.trimEnd().endsWith(':') || before.indexOf(':') !== before.trimEnd().length - 1) return undefined
  const key = keyOf(before)
  return key && !/^['"]/.test(key) ? key : undefined
}

/**
 * The key of a `key: …` or `- key: …` line (before its first colon, without `#`). String
 * functions, not a regex: `\s*` around a lazy key was quadratic on a line of 250,000 spaces.
 */
function keyOf(line: string): string | undefined {
  let rest = line.trimStart()
  if (/^-\s/.test(rest)) rest = rest.slice(1).trimStart()
  const colon = rest.indexOf(':')
  const key = colon < 0 ? '' : rest.slice(0, colon).trimEnd()
  return key && !key.includes('#') ? key : undefined
}

/** The first line of the parser's message, without its code excerpt. */
function reasonOf(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '')
}

function offsetOf(doc: Document, path: (string | number)[], what: 'key' | 'value'): number | undefined {
  let node: unknown = doc.contents
  let offset = rangeStart(node)
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === step)
      if (!pair) return offset
      const keyStart = rangeStart(pair.key)
      node = pair.value
      offset = step === path[path.length - 1] && what === 'key' ? keyStart : (rangeStart(node) ?? keyStart)
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step]
      offset = rangeStart(node) ?? offset
    } else return offset
  }
  return offset
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range
  return range?.[0]
}
