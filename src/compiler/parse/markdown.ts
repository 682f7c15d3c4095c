/** The one configured markdown-it instance: our syntax, and no raw HTML. */
import MarkdownItFactory, { type MarkdownIt } from 'markdown-it'
import deflist from 'markdown-it-deflist'
import blocks from './plugins/blocks.js'
import headingAttrs from './plugins/heading-attrs.js'
import headingLevels from './plugins/heading-levels.js'
import images from './plugins/images.js'
import langSpan from './plugins/lang-span.js'
import links from './plugins/links.js'
import tableHeaders from './plugins/table-headers.js'
import tableWrap from './plugins/table-wrap.js'
import checkRules from '../check/token-rules.js'

export function createMarkdown(): MarkdownIt {
  // html: false — raw HTML in a module is shown as text, never executed (no script injection).
  const md = MarkdownItFactory({ html: false, linkify: false, typographer: false })
  md.use(deflist).use(langSpan).use(headingAttrs).use(images).use(links).use(headingLevels).use(tableHeaders).use(tableWrap).use(checkRules).use(blocks)
  return md
}

/**
 * HTML comments are the authors' notes (e.g. `<!-- faits : A-15 -->`): removed before parsing,
 * keeping their line breaks so that diagnostics still point at the right line. `unclosed` is the
 * offset of a `<!--` that is never closed: its text is left in (shown to learners) and reported.
 */
export function stripComments(body: string): { text: string; unclosed?: number } {
  // indexOf, not /<!--[\s\S]*?-->/g: with unclosed `<!--`, the regex searched to the end of the
  // text from each of them (150,000 of them took 30 s).
  const parts: string[] = []
  let from = 0
  for (let open = body.indexOf('<!--'); open >= 0; open = body.indexOf('<!--', from)) {
    const close = body.indexOf('-->', open + 4)
    if (close < 0) return { text: parts.join('') + body.slice(from), unclosed: open }
    parts.push(body.slice(from, open), body.slice(open, close + 3).replace(/[^\n]/g, ''))
    from = close + 3
  }
  return { text: parts.join('') + body.slice(from) }
}
