/**
 * `## Title {#id .class}`: the only attribute syntax we accept, and only on headings.
 * (markdown-it-attrs would let an author add `onclick=` to anything; packages run inside Moodle.)
 * The parsed attributes go to `token.meta` of the heading_open token; nothing reaches the HTML.
 */
import type { MarkdownIt } from 'markdown-it'
import { error } from '../../diagnostics.js'
import { fileLine, type ParseEnv } from '../env.js'

export interface HeadingMeta {
  id?: string
  classes: string[]
  /** Column (1-based) of the `{`, for diagnostics. */
  column?: number
}

/**
 * Starts at the brace: a leading `\s*` made a heading of 250,000 spaces take 30 s (each space
 * started a match that ran through all the others). The spaces before the brace are trimmed after.
 */
const TRAILING_ATTRS = /\{([^{}]*)\}[ \t]*$/

export default function headingAttrs(md: MarkdownIt): void {
  md.core.ruler.after('block', 'pc_heading_attrs', (state) => {
    const tokens = state.tokens
    for (let i = 0; i < tokens.length - 1; i++) {
      const open = tokens[i]!
      const inline = tokens[i + 1]!
      if (open.type !== 'heading_open' || inline.type !== 'inline') continue
      const meta: HeadingMeta = { classes: [] }
      const match = TRAILING_ATTRS.exec(inline.content)
      if (match) {
        meta.column = open.markup.length + 2 + match.index
        for (const part of match[1]!.trim().split(/\s+/).filter(Boolean)) {
          if (part.startsWith('#') && meta.id === undefined) meta.id = part.slice(1)
          else if (part.startsWith('.')) meta.classes.push(part.slice(1))
          else {
            // `{#mon id}` (a space in the id), `{onclick=…}`: never silently dropped, never in the HTML.
            const env = state.env as ParseEnv
            const at = { line: fileLine(env, open.map?.[0] ?? 0), column: meta.column }
            env.diagnostics.push(error('page/invalid-attribute', env.file, at, { attribute: part.length > 60 ? `${part.slice(0, 59)}…` : part }))
          }
        }
        inline.content = inline.content.slice(0, match.index).trimEnd()
      }
      open.meta = meta as unknown as Record<string, unknown>
    }
  })
}
