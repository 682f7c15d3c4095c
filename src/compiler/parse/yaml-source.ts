/**
 * YAML with positions. course.yml and front matter are parsed with the `yaml` package rather
 * than gray-matter's js-yaml because a trainer needs `file:line:col` on an unknown key, not only
 * on a syntax error.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml'
import { error, type Diagnostic } from '../diagnostics.js'

export interface YamlSource {
  value: unknown
  /** Position (1-based, in the whole file) of the key or item at `path`, else of its parent. */
  locate(path: (string | number)[], what?: 'key' | 'value'): { line: number; column: number }
}

/**
 * @param firstLine 1-based line of the file where `text` starts (2 for front matter after `---`).
 */
export function parseYaml(text: string, file: string, firstLine = 1): { source?: YamlSource; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    const diagnostics = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0])
      return error('yaml/syntax', file, { line: pos.line + firstLine - 1, column: pos.col }, { reason: reasonOf(e.message) })
    })
    return { diagnostics }
  }
  const at = (offset: number | undefined): { line: number; column: number } => {
    const pos = lineCounter.linePos(offset ?? 0)
    return { line: pos.line + firstLine - 1, column: pos.col }
  }
  return {
    source: { value: doc.toJS() as unknown, locate: (path, what = 'key') => at(offsetOf(doc, path, what)) },
    diagnostics: [],
  }
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
