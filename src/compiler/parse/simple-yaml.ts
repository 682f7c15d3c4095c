/**
 * The front matter and course.yml trainers write, read without building a YAML document: top-level
 * `key: value` lines, lists of `- item` and one level of `key: value` under a key, with plain,
 * '…' or "…" (no escape) scalars, blank lines and `#` comments. The `yaml` package's document model
 * cost ≈ 0.4 ms per module (a fifth of a 200-module build's analysis) and ≈ 14 ms for the sample's
 * course.yml, cold. Anything else (escapes, deeper nesting, numbers other than integers, keywords,
 * tabs, a repeated key…) returns undefined and goes through `yaml`, which also gives every syntax
 * error: this reader only says yes to text whose value and positions are sure to be the same
 * (test/unit/compiler/simple-yaml.test.ts compares both on every YAML text of the repository).
 */

/** Offsets in the text: where each key, value, list item and key of a nested map starts. */
export interface SimpleYaml {
  value: Record<string, unknown>
  keys: Map<string, Entry>
  /** Where the top-level map starts: its first key, after any blank or comment line. */
  start: number
}

interface Entry {
  key: number
  value: number
  items?: number[]
  map?: Map<string, { key: number; value: number }>
}

const KEY = /^( *)([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/
const ITEM = /^( +)- +(.*)$/
/** A plain scalar, on one line, that is a string in YAML 1.2's core schema unless it is a NUMBER. */
const PLAIN_STRING = /^[^\s\-?:,[\]{}#&*!|>'"%@`+.~][^\t#]*$/
/** What the core schema reads as a number (YAML 1.2 §10.3.2): `01-module.md` and `1.0.0` are strings. */
const NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/
const KEYWORDS = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/
/** A line that holds nothing for YAML: blank, or a comment. */
const EMPTY = /^ *(?:#.*)?$/

/** A scalar's value, or undefined when `yaml` might read it otherwise. */
function scalar(text: string): { value: string | number } | undefined {
  if (/^"[^"\\]*"$/.test(text) || /^'[^']*'$/.test(text)) return { value: text.slice(1, -1) }
  if (/^(?:0|[1-9][0-9]{0,8})$/.test(text)) return { value: Number(text) }
  if (!PLAIN_STRING.test(text) || NUMBER.test(text) || KEYWORDS.test(text) || /: |:$| #|\s$/.test(text)) return undefined
  return { value: text }
}

/**
 * A value as written, without its trailing comment and spaces (`''` when there is none), or
 * undefined when unsure. A comment starts at a `#` after a space; a quoted scalar ends at its quote.
 */
function withoutComment(text: string): string | undefined {
  const quote = text[0] === '"' || text[0] === "'" ? text.indexOf(text[0], 1) : -1
  if (quote > 0) return /^(?: +#.*| *)$/.test(text.slice(quote + 1)) ? text.slice(0, quote + 1) : undefined
  const hash = text.search(/(?:^| )#/)
  return (hash < 0 ? text : text.slice(0, hash)).trimEnd()
}

export function readSimpleYaml(text: string): SimpleYaml | undefined {
  if (text.includes('\r') || text.includes('\t')) return undefined
  const value: Record<string, unknown> = {}
  const keys: SimpleYaml['keys'] = new Map()
  /** The key whose items or pairs the next indented lines hold; `indent` is set by the first. */
  let open: { key: string; entry: Entry; items?: string[]; pairs?: Record<string, unknown>; indent: number } | undefined
  let offset = 0
  for (const line of text.split('\n')) {
    const at = offset
    offset += line.length + 1
    if (EMPTY.test(line)) continue
    const item = ITEM.exec(line)
    if (item && open && !open.pairs && (open.indent < 0 || open.indent === item[1]!.length)) {
      const written = withoutComment(item[2]!)
      const parsed = written === undefined ? undefined : scalar(written)
      if (!parsed || typeof parsed.value !== 'string') return undefined
      // A list's node starts at its first `-`.
      if (open.indent < 0) open.entry.value = at + item[1]!.length
      open.indent = item[1]!.length
      ;(open.items ??= value[open.key] = []).push(parsed.value)
      ;(open.entry.items ??= []).push(at + item[1]!.length + line.slice(item[1]!.length).indexOf(item[2]!))
      continue
    }
    const pair = KEY.exec(line)
    if (!pair) return undefined
    const indent = pair[1]!.length
    const key = pair[2]!
    const written = pair[3] === undefined ? '' : withoutComment(pair[3])
    if (written === undefined) return undefined
    const valueAt = at + indent + key.length + 1 + line.slice(indent + key.length + 1).indexOf(written)
    if (indent > 0) {
      // `completion:` then `  pages: all`: a pair of the open key's map, each at the same indent.
      if (!open || open.items || (open.indent >= 0 && open.indent !== indent)) return undefined
      const map = (open.entry.map ??= new Map())
      const parsed = scalar(written)
      if (!parsed || map.has(key)) return undefined
      // A map's node starts at its first key.
      if (open.indent < 0) open.entry.value = at + indent
      open.indent = indent
      ;(open.pairs ??= value[open.key] = {})[key] = parsed.value
      map.set(key, { key: at + indent, value: valueAt })
      continue
    }
    if (open && !open.items && !open.pairs) return undefined
    open = undefined
    if (keys.has(key)) return undefined
    if (written === '') {
      // `objectives:` or `completion:`, then its items or pairs, each on its own line.
      const entry: Entry = { key: at, value: -1 }
      keys.set(key, entry)
      value[key] = undefined // keeps the key's place; its list or map comes with the next line
      open = { key, entry, indent: -1 }
      continue
    }
    const parsed = scalar(written)
    if (!parsed) return undefined
    value[key] = parsed.value
    keys.set(key, { key: at, value: valueAt })
  }
  if (open && !open.items && !open.pairs) return undefined
  const first = keys.values().next().value
  if (!first) return undefined
  return { value, keys, start: first.key }
}

/** The offset `yaml` gives for `path` (see offsetOf in yaml-source.ts): the same walk on this shape. */
export function simpleOffset(doc: SimpleYaml, path: (string | number)[], what: 'key' | 'value'): number {
  let offset = doc.start
  const [first, second] = path
  if (first === undefined) return offset
  const entry = typeof first === 'string' ? doc.keys.get(first) : undefined
  if (!entry) return offset
  offset = path.length === 1 && what === 'key' ? entry.key : entry.value
  if (path.length === 1) return offset
  // Past a list item or a nested value, `yaml` stops there (a scalar has nothing inside).
  if (entry.items) return typeof second === 'number' ? (entry.items[second] ?? offset) : offset
  const pair = entry.map && typeof second === 'string' ? entry.map.get(second) : undefined
  if (!pair) return offset
  return path.length === 2 && what === 'key' ? pair.key : pair.value
}
