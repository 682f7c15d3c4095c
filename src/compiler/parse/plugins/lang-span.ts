/**
 * `[Digital Services Act]{lang=en}` → `<span lang="en">Digital Services Act</span>`: a passage
 * in another language is announced with the right voice by screen readers (RGAA 8.7).
 * Only `lang` is accepted, with a BCP 47-looking value: no other attribute reaches the HTML.
 */
import type { MarkdownIt } from 'markdown-it'

/** Read where the label ends (at its first `]`): `]{lang=xx}`, with a BCP 47-looking value. */
const LANG_ATTR = /\]\{lang=([a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*)\}/y

/**
 * The next `]` and line break after a position, remembered per inline run: searching the rest of
 * the line again from every `[` made a line of 1,000,000 `[` quadratic (`/^\[([^\]\n]+)\]/` on
 * `src.slice(pos)`). A remembered search answers for any later start up to what it found.
 */
type Search = { from: number; found: number }

function nextOf(cache: Map<string, Search>, src: string, char: string, from: number): number {
  const known = cache.get(char)
  if (known && known.from <= from && (known.found >= from || known.found === -1)) return known.found
  const found = src.indexOf(char, from)
  cache.set(char, { from, found })
  return found
}

export default function langSpan(md: MarkdownIt): void {
  const caches = new WeakMap<object, Map<string, Search>>()
  md.inline.ruler.before('link', 'pc_lang_span', (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x5b /* [ */) return false
    let cache = caches.get(state)
    if (!cache) caches.set(state, (cache = new Map()))
    const close = nextOf(cache, state.src, ']', state.pos + 1)
    const newline = nextOf(cache, state.src, '\n', state.pos + 1)
    if (close <= state.pos + 1 || (newline >= 0 && newline < close)) return false
    LANG_ATTR.lastIndex = close
    const attr = LANG_ATTR.exec(state.src)
    if (!attr) return false
    if (!silent) {
      const open = state.push('pc_lang_open', 'span', 1)
      open.attrSet('lang', attr[1]!)
      const end = state.posMax
      state.pos += 1
      state.posMax = close
      state.md.inline.tokenize(state)
      state.posMax = end
      state.push('pc_lang_close', 'span', -1)
    }
    state.pos = close + attr[0].length
    return true
  })
}
