/**
 * `[Digital Services Act]{lang=en}` → `<span lang="en">Digital Services Act</span>`: a passage
 * in another language is announced with the right voice by screen readers (RGAA 8.7).
 * Only `lang` is accepted, with a BCP 47-looking value: no other attribute reaches the HTML.
 */
import type { MarkdownIt } from 'markdown-it'

const LANG_SPAN = /^\[([^\]\n]+)\]\{lang=([a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*)\}/

export default function langSpan(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'pc_lang_span', (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x5b /* [ */) return false
    const match = LANG_SPAN.exec(state.src.slice(state.pos))
    if (!match) return false
    if (!silent) {
      const open = state.push('pc_lang_open', 'span', 1)
      open.attrSet('lang', match[2]!)
      const end = state.posMax
      state.pos += 1
      state.posMax = state.pos + match[1]!.length
      state.md.inline.tokenize(state)
      state.posMax = end
      state.push('pc_lang_close', 'span', -1)
    }
    state.pos += match[0].length - (silent ? 0 : 1 + match[1]!.length)
    return true
  })
}
