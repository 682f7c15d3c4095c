/**
 * A table whose header row has an empty cell leaves a column (or the row headers) without a name
 * for screen readers (RGAA 5.6, 5.7): a warning that names the line, so the author can fill it.
 * A header row whose cells are all empty is one mistake (a table without header row), not one per cell.
 */
import type { MarkdownIt } from 'markdown-it'
import { warning } from '../../diagnostics.js'
import { fileLine, type ParseEnv } from '../env.js'

export default function tableHeaders(md: MarkdownIt): void {
  md.core.ruler.push('pc_table_headers', (state) => {
    const env = state.env as ParseEnv
    const tokens = state.tokens
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.type !== 'thead_open') continue
      const at = { line: fileLine(env, tokens[i]!.map?.[0] ?? 0), column: 1 }
      const cells: string[] = []
      for (let j = i + 1; j < tokens.length && tokens[j]!.type !== 'thead_close'; j++) if (tokens[j]!.type === 'th_open') cells.push(tokens[j + 1]!.content.trim())
      if (cells.length && cells.every((c) => c === '')) env.diagnostics.push(warning('table/no-header', env.file, at))
      else for (const cell of cells) if (cell === '') env.diagnostics.push(warning('table/empty-header', env.file, at))
    }
  })
}
