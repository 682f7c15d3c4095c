/**
 * A page's title is the screen's `<h1>` (one page is shown at a time), so the author's `###`
 * inside a page becomes `<h2>`: heading levels stay in order for screen readers (RGAA 9.1).
 */
import type { MarkdownIt } from 'markdown-it'

export default function headingLevels(md: MarkdownIt): void {
  for (const rule of ['heading_open', 'heading_close'] as const) {
    md.renderer.rules[rule] = (tokens, idx, options, _env, self) => {
      const token = tokens[idx]!
      const level = Number(token.tag.slice(1))
      token.tag = `h${Math.max(1, level - 1)}`
      return self.renderToken(tokens, idx, options)
    }
  }
}
