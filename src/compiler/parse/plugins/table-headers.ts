/**
 * A table whose header row has an empty cell leaves a column (or the row headers) without a name
 * for screen readers (RGAA 5.6, 5.7): a warning that names the line, so the author can fill it.
 */
import type { MarkdownIt } from 'markdown-it'
import { warning } from '../../diagnostics.js'
import { fileLine, type ParseEnv } from '../env.js'

export default function tableHeaders(md: MarkdownIt): void {
  md.core.ruler.push('pc_table_headers', (state) => {
    const env = state.env as ParseEnv
    const tokens = state.tokens
    for (let i = 0; i < tokens.length - 1; i++) {
      if (tokens[i]!.type !== 'th_open' || tokens[i + 1]!.content.trim() !== '') continue
      const row = [...tokens.slice(0, i)].reverse().find((t) => t.type === 'tr_open')
      env.diagnostics.push(warning('table/empty-header', env.file, { line: fileLine(env, row?.map?.[0] ?? 0), column: 1 }))
    }
  })
}
