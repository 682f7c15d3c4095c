/**
 * Every table sits in a `<div class="pc-table">`: the wrapper scrolls sideways on a narrow
 * screen while the table keeps `display: table`, and with it its table semantics for screen
 * readers (a `display: block` table loses them in some browsers). The runtime names the wrapper
 * and makes it focusable only when it does scroll (RGAA 10.11, WCAG 2.1.1).
 */
import type { MarkdownIt } from 'markdown-it'

export default function tableWrap(md: MarkdownIt): void {
  const open = md.renderer.rules.table_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options))
  const close = md.renderer.rules.table_close ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options))
  md.renderer.rules.table_open = (tokens, idx, options, env, self) => `<div class="pc-table">\n${open(tokens, idx, options, env, self)}`
  md.renderer.rules.table_close = (tokens, idx, options, env, self) => `${close(tokens, idx, options, env, self)}</div>\n`
}
