/**
 * French typography, one engine for two uses:
 *   - `parcours check` finds (and `--fix` rewrites) the mistakes in the authors' Markdown sources,
 *     through `typographyEdits` on the learner-visible parts of each line;
 *   - the build applies `applyFrenchTypography` to text that reaches learners (rendered text, UI
 *     strings), so that « question ; » never wraps before its semicolon.
 *
 * The rules (Lexique des règles typographiques en usage à l'Imprimerie nationale):
 *   - a no-break space before « : » (U+00A0) and a narrow no-break space before « ; ! ? » (U+202F);
 *   - a narrow no-break space inside « guillemets »;
 *   - straight double quotes "…" become « … ».
 * Only these; the engine is idempotent (fixing fixed text changes nothing). It never touches a
 * character that is masked (see `MASK`): callers mask code, URLs, ids and attributes.
 */

export const NBSP = '\u00a0'
export const NNBSP = '\u202f'
/** A character callers put in place of protected text (same length): the rules never edit it. */
export const MASK = '\ue000'

export type TypographyKind = 'space-before' | 'guillemets' | 'straight-quotes'

export interface TypographyEdit {
  kind: TypographyKind
  /** Start index in the text, and how many characters are replaced. */
  index: number
  length: number
  replacement: string
  /** The punctuation concerned (`;`, `«`, `"`…), for messages. */
  mark: string
}

const HIGH = new Set([';', ':', '!', '?'])
const isSpace = (c: string): boolean => c === ' ' || c === '\t'
const NO_BREAK = new Set([NBSP, NNBSP])
/** After a mark: the end, a space, or closing punctuation; else it is not a sentence mark (`a;b`, `C:\`, `Yahoo!Mail`). */
const CLOSING = /[\ue000\s\u00a0\u202f)\]»"'’.,;:!?*_…]/
/** URLs and e-mail addresses written in plain text keep their characters. */
const URL_LIKE = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>]*|\bwww\.[^\s<>]+|\b(?:mailto|tel):[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi

/** Masks URLs in a text (same length), so that `https://…?a=b` is never "fixed". */
export function maskUrls(text: string): string {
  // Every URL_LIKE match holds one of these; most texts have none, and the scan is the costly part.
  if (!/:\/\/|www\.|mailto:|tel:|@/i.test(text)) return text
  return text.replace(URL_LIKE, (url) => MASK.repeat(url.length))
}

/** The characters every rule starts from: a text without them has nothing to fix. */
const MARKS = /[;:!?«»"]/

/** Every typographic mistake of a text, as non-overlapping edits in order. */
export function typographyEdits(text: string): TypographyEdit[] {
  if (!MARKS.test(text)) return []
  const view = maskUrls(text)
  const edits: TypographyEdit[] = []
  // Jump from mark to mark: prose is mostly letters, and each rule starts at one of these.
  const marks = /[;:!?«»]/g
  for (let found = marks.exec(view); found; found = marks.exec(view)) {
    const i = found.index
    const c = view[i]!
    if (HIGH.has(c)) {
      const edit = spaceBefore(view, i, c)
      if (edit) edits.push(edit)
    } else if (c === '«') {
      let j = i + 1
      while (j < view.length && isSpace(view[j]!)) j++
      if (j < view.length && view[j] !== '\n' && !NO_BREAK.has(view[j]!) && (j > i + 1 || view[j] !== '»'))
        edits.push({ kind: 'guillemets', index: i + 1, length: j - i - 1, replacement: NNBSP, mark: '«' })
    } else if (c === '»') {
      let j = i - 1
      while (j >= 0 && isSpace(view[j]!)) j--
      if (j >= 0 && view[j] !== '\n' && !NO_BREAK.has(view[j]!) && view[j] !== '«')
        edits.push({ kind: 'guillemets', index: j + 1, length: i - j - 1, replacement: NNBSP, mark: '»' })
    }
  }
  edits.push(...quoteEdits(view))
  return edits.sort((a, b) => a.index - b.index)
}

function spaceBefore(view: string, i: number, mark: string): TypographyEdit | undefined {
  const next = view[i + 1]
  if (next !== undefined && !CLOSING.test(next)) return undefined
  let j = i - 1
  while (j >= 0 && isSpace(view[j]!)) j--
  // At the start of a line (a definition list's `: `), after another mark (`?!`, `::`) or a no-break space: nothing to do.
  if (j < 0 || view[j] === '\n' || NO_BREAK.has(view[j]!) || HIGH.has(view[j]!)) return undefined
  // An emoticon or an opening bracket before the mark is not a sentence.
  if ('([{«'.includes(view[j]!) && j === i - 1) return undefined
  return { kind: 'space-before', index: j + 1, length: i - j - 1, replacement: mark === ':' ? NBSP : NNBSP, mark }
}

/** Straight double quotes, paired left to right on each line; an unpaired one is left alone. */
function quoteEdits(view: string): TypographyEdit[] {
  const edits: TypographyEdit[] = []
  if (!view.includes('"')) return edits
  let offset = 0
  for (const line of view.split('\n')) {
    const quotes = [...line.matchAll(/"/g)].map((m) => m.index)
    for (let k = 0; k + 1 < quotes.length; k += 2) {
      const open = quotes[k]!
      const close = quotes[k + 1]!
      let a = open + 1
      while (a < close && isSpace(line[a]!)) a++
      let b = close - 1
      while (b > a && isSpace(line[b]!)) b--
      if (b < a) continue
      edits.push({ kind: 'straight-quotes', index: offset + open, length: a - open, replacement: `«${NNBSP}`, mark: '"' })
      edits.push({ kind: 'straight-quotes', index: offset + b + 1, length: close - b, replacement: `${NNBSP}»`, mark: '"' })
    }
    offset += line.length + 1
  }
  return edits
}

/** Applies edits (from `typographyEdits` on the same text). */
export function applyEdits(text: string, edits: readonly TypographyEdit[]): string {
  let out = ''
  let at = 0
  for (const edit of [...edits].sort((a, b) => a.index - b.index)) {
    if (edit.index < at) continue
    out += text.slice(at, edit.index) + edit.replacement
    at = edit.index + edit.length
  }
  return out + text.slice(at)
}

/**
 * French typography for a plain text that reaches learners (a UI string, a rendered text node).
 * Idempotent. `{placeholders}` and URLs are left as they are.
 */
export function applyFrenchTypography(text: string): string {
  return applyEdits(text, typographyEdits(text))
}

/**
 * The same on an HTML fragment: only text between tags changes, never a tag, an attribute, an
 * entity, nor the contents of `<code>`, `<pre>`, `<kbd>`, `<script>`, `<style>` or of an element
 * in another language (`lang="en"`…).
 */
export function applyFrenchTypographyHtml(html: string): string {
  const edits = typographyEdits(/\blang="/i.test(html) ? maskWithLanguages(html) : maskNotProse(html))
  return edits.length ? applyEdits(html, edits) : html
}

/** Elements whose text is not French prose (masked with their contents), tags and entities. */
const NOT_PROSE = /<(code|pre|kbd|samp|script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<[^>]*>|&[#\w]+;/gi

/** MASK × n; the short ones (tags, entities: most masked parts) made once. */
const masks: string[] = []
const maskOf = (n: number): string => (n < 256 ? (masks[n] ??= MASK.repeat(n)) : MASK.repeat(n))

/** MASK in place of each character of `part`, line breaks kept (same length). */
export const maskPart = (part: string): string => (part.includes('\n') ? part.replace(/[^\n]/g, MASK) : maskOf(part.length))

/**
 * The HTML with NOT_PROSE masked: the same as `html.replace(NOT_PROSE, maskPart)`, in a loop, which
 * takes half the time (a build typesets every block of every page; issue 14).
 */
function maskNotProse(html: string): string {
  let view = ''
  let at = 0
  NOT_PROSE.lastIndex = 0
  for (let m = NOT_PROSE.exec(html); m; m = NOT_PROSE.exec(html)) {
    view += html.slice(at, m.index) + maskPart(m[0])
    at = m.index + m[0].length
  }
  return at === 0 ? html : view + html.slice(at)
}

/** The same view, also masking each element in another language (`lang="en"`…) up to its closing tag. */
function maskWithLanguages(html: string): string {
  const masked: [number, number][] = []
  for (const m of html.matchAll(NOT_PROSE)) masked.push([m.index, m.index + m[0].length])
  for (const m of html.matchAll(/<(\w+)\b[^>]*\blang="(?!fr)[^"]*"[^>]*>/gi)) masked.push([m.index, findClose(html, m[1]!, m.index + m[0].length)])
  return maskRanges(html, masked)
}

/** The text with the given ranges replaced by MASK, line breaks kept (same length). */
function maskRanges(text: string, ranges: [number, number][]): string {
  ranges.sort((a, b) => a[0] - b[0])
  let view = ''
  let at = 0
  for (const [from, to] of ranges) {
    if (to <= at) continue
    const start = Math.max(from, at)
    view += text.slice(at, start) + maskPart(text.slice(start, to))
    at = to
  }
  return view + text.slice(at)
}

/** Index just after the element closing the one opened before `from` (same tag, nesting counted). */
function findClose(html: string, tag: string, from: number): number {
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi')
  re.lastIndex = from
  let depth = 1
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1
    if (depth === 0) return m.index + m[0].length
  }
  return html.length
}
