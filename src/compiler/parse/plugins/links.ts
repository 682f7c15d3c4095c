/**
 * Links to other sites open in a new tab: following them inside Moodle's iframe would replace the
 * course and lose the learner's place. `noopener` keeps the new page from reaching the course.
 */
import type { MarkdownIt } from 'markdown-it'
import { error } from '../../diagnostics.js'
import { fileLine, linesOf, type ParseEnv } from '../env.js'

export default function links(md: MarkdownIt): void {
  // markdown-it refuses `javascript:`, `vbscript:`, `file:` and `data:` links (validateLink) and
  // leaves the text as written; the author is told, at the link, instead of finding it out online.
  const refused = new Set<string>()
  const validate = md.validateLink.bind(md)
  md.validateLink = (url) => {
    const ok = validate(url)
    if (!ok) refused.add(url)
    return ok
  }
  md.core.ruler.after('inline', 'pc_refused_links', (state) => {
    if (refused.size === 0) return
    const env = state.env as ParseEnv
    const lines = linesOf(env, state.src)
    for (const url of refused) {
      const line = lines.findIndex((l) => l.includes(url))
      const at = line >= 0 ? { line: fileLine(env, line), column: lines[line]!.indexOf(url) + 1 } : { line: env.bodyLine + 1, column: 1 }
      env.diagnostics.push(error('link/refused', env.file, at, { url: url.length > 60 ? `${url.slice(0, 59)}…` : url }))
    }
    refused.clear()
  })
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
