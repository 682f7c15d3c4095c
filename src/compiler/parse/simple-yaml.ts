/**
 * The front matter trainers write, read without building a YAML document: top-level `key: value`
 * lines and lists of `- item`, with plain, '…' or "…" (no escape) scalars. The `yaml` package's
 * document model cost ≈ 0.4 ms per module (a fifth of a 200-module build's analysis). Anything
 * else (comments, escapes, nesting, numbers other than integers, keywords, tabs, blank lines, a
 * repeated key…) returns undefined and goes through `yaml`, which also gives every syntax error:
 * this reader only says yes to text whose value and positions are sure to be the same
 * (test/unit/compiler/simple-yaml.test.ts compares both on every front matter of the repository).
 */

/** Offsets in the text: where each key, value and list item starts. */
export interface SimpleYaml {
  value: Record<string, unknown>
  keys: Map<string, { key: number; value: number; items?: number[] }>
}

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/
const ITEM = /^( +)- +(.*)$/
/** A plain scalar that can only be a string in YAML 1.2's core schema, on one line. */
const PLAIN_STRING = /^[^\s\-?:,[\]{}#&*!|>'"%@`0-9+.~][^\t#]*$/
const KEYWORDS = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/

/** A scalar's value, or undefined when `yaml` might read it otherwise. */
function scalar(text: string): { value: string | number } | undefined {
  if (/^"[^"\\]*"$/.test(text) || /^'[^']*'$/.test(text)) return { value: text.slice(1, -1) }
  if (/^(?:0|[1-9][0-9]{0,8})$/.test(text)) return { value: Number(text) }
  if (!PLAIN_STRING.test(text) || KEYWORDS.test(text) || /: |:$| #|\s$/.test(text)) return undefined
  return { value: text }
}

export function readSimpleYaml(text: string): SimpleYaml | undefined {
  if (text.includes('\r') || text.includes('\t')) return undefined
  const value: Record<string, unknown> = {}
  const keys: SimpleYaml['keys'] = new Map()
  let list: { key: string; items: unknown[]; offsets: number[]; indent: number } | undefined
  let offset = 0
  for (const line of text.split('\n')) {
    const at = offset
    offset += line.length + 1
    const item = ITEM.exec(line)
    if (item && list && (list.indent < 0 || list.indent === item[1]!.length)) {
      const parsed = scalar(item[2]!)
      if (!parsed || typeof parsed.value !== 'string') return undefined
      // A list's node starts at its first `-`.
      if (list.indent < 0) keys.get(list.key)!.value = at + item[1]!.length
      list.indent = item[1]!.length
      list.items.push(parsed.value)
      list.offsets.push(at + item[1]!.length + line.slice(item[1]!.length).indexOf(item[2]!))
      continue
    }
    if (list && list.items.length === 0) return undefined
    list = undefined
    const pair = KEY.exec(line)
    if (!pair || keys.has(pair[1]!)) return undefined
    const key = pair[1]!
    if (pair[2] === undefined) {
      // `objectives:` then its items, each on its own line.
      if (line.length !== key.length + 1) return undefined
      const items: unknown[] = []
      const offsets: number[] = []
      value[key] = items
      list = { key, items, offsets, indent: -1 }
      keys.set(key, { key: at, value: -1, items: offsets })
      continue
    }
    const parsed = scalar(pair[2])
    if (!parsed) return undefined
    value[key] = parsed.value
    keys.set(key, { key: at, value: at + key.length + 1 + line.slice(key.length + 1).indexOf(pair[2]) })
  }
  if (list && list.items.length === 0) return undefined
  if (keys.size === 0) return undefined
  return { value, keys }
}

/** The offset `yaml` gives for `path` (see offsetOf in yaml-source.ts): the same walk on this shape. */
export function simpleOffset(doc: SimpleYaml, path: (string | number)[], what: 'key' | 'value'): number {
  // The text starts with its first key (nothing else is accepted): `yaml`'s map starts at 0.
  let offset = 0
  const [first, second] = path
  if (first === undefined) return offset
  const entry = typeof first === 'string' ? doc.keys.get(first) : undefined
  if (!entry) return offset
  offset = first === path[path.length - 1] && what === 'key' ? entry.key : entry.value
  if (path.length === 1) return offset
  // Past a list item, `yaml` stops at the item (a scalar has nothing inside).
  return entry.items && typeof second === 'number' ? (entry.items[second] ?? offset) : offset
}
