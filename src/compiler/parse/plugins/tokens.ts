/**
 * Small helpers over markdown-it tokens and rendered HTML, shared by the question builder:
 * grouping tokens into blocks, cutting an inline run in two, and plain text for SCORM fields.
 */
type Token = import('markdown-it').Token

/** Splits a token stream into top-level blocks (a paragraph is open + inline + close). */
export function topLevelBlocks(tokens: Token[]): Token[][] {
  const blocks: Token[][] = []
  let depth = 0
  let current: Token[] = []
  for (const token of tokens) {
    current.push(token)
    depth += token.nesting
    if (depth === 0) {
      blocks.push(current)
      current = []
    }
  }
  if (current.length) blocks.push(current)
  return blocks
}

/** Splits inline children at the first text match of `separator` (the `->` of a pair). */
export function splitChildren(children: Token[], separator: RegExp): [Token[], Token[]] | undefined {
  for (let i = 0; i < children.length; i++) {
    const token = children[i]!
    if (token.type !== 'text') continue
    const match = separator.exec(token.content)
    if (!match) continue
    // The spaces around the separator go (trimEnd/trimStart: linear, where a regex `\s*` was not).
    const before = Object.assign(Object.create(Object.getPrototypeOf(token)), token, { content: token.content.slice(0, match.index).trimEnd() }) as Token
    const after = Object.assign(Object.create(Object.getPrototypeOf(token)), token, { content: token.content.slice(match.index + match[0].length).trimStart() }) as Token
    const left = [...children.slice(0, i), before]
    const right = [after, ...children.slice(i + 1)]
    const hasText = (part: Token[]) => part.some((t) => t.content.trim() !== '' || t.type === 'image')
    return hasText(left) && hasText(right) ? [left, right] : undefined
  }
  return undefined
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' }

/** Plain text of rendered HTML, for SCORM descriptions (2004 `description` ≤ 250 characters). */
export function plainText(html: string, max: number): string {
  const text = html
    .replace(/<img [^>]*alt="([^"]*)"[^>]*>/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, (e) => ENTITIES[e] ?? e)
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
