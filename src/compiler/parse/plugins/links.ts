/**
 * Links to other sites open in a new tab: following them inside Moodle's iframe would replace the
 * course and lose the learner's place. `noopener` keeps the new page from reaching the course.
 */
import type { MarkdownIt } from 'markdown-it'

export default function links(md: MarkdownIt): void {
  const fallback = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options))
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!
    if (/^https?:\/\//i.test(String(token.attrGet('href') ?? ''))) {
      token.attrSet('target', '_blank')
      token.attrSet('rel', 'noopener noreferrer')
    }
    return fallback(tokens, idx, options, env, self)
  }
}
