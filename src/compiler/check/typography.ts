/**
 * French typography in the authors' sources (course language fr): findings for `check` and
 * `build`, and the safe rewrite of `check --fix`. The rules and the engine are in
 * shared/french-typography.ts; this module only chooses what text is prose (prose.ts) and maps
 * findings to file positions.
 */
import { applyEdits, typographyEdits, type TypographyEdit } from '../../shared/french-typography.js'
import { warning, type Diagnostic } from '../diagnostics.js'
import { answerLines, proseView } from './prose.js'
import { lineStarts, positionOf } from '../positions.js'

/**
 * One finding per file and kind, at its first occurrence, with the count: a course written with
 * plain spaces has hundreds, and `check --fix` lists every change it makes.
 */
export function typographyDiagnostics(file: string, text: string): Diagnostic[] {
  const starts = lineStarts(text)
  const edits = safeEdits(text, starts)
  const byKind = new Map<TypographyEdit['kind'], { first: TypographyEdit; count: number }>()
  for (const edit of edits) {
    const seen = byKind.get(edit.kind)
    if (seen) seen.count++
    else byKind.set(edit.kind, { first: edit, count: 1 })
  }
  return [...byKind.values()].map(({ first, count }) =>
    warning(`typography/${first.kind}`, file, positionOf(starts, first.index + (first.kind === 'space-before' ? first.length : 0)), {
      count: first.kind === 'straight-quotes' ? count / 2 : count,
      ...(first.kind === 'space-before' && { mark: first.mark }),
    }),
  )
}

export interface TypographyFix {
  file: string
  text: string
  /** What changed, one entry per edit, with its position in the original file. */
  changes: { line: number; column: number; kind: TypographyEdit['kind']; mark: string }[]
}

/** The file with its French typography fixed; only no-break spaces and « » ever change. */
export function fixTypography(file: string, text: string): TypographyFix {
  const starts = lineStarts(text)
  const edits = safeEdits(text, starts)
  return { file, text: applyEdits(text, edits), changes: edits.map((e) => ({ ...positionOf(starts, e.index), kind: e.kind, mark: e.mark })) }
}

/**
 * The edits of a file, less those that would change a question's saved answers: in an answer
 * line only a space may become a no-break space (see prose.ts, answerLines). The others are left
 * to the build, which typesets the rendered text without touching the answers' identity.
 */
function safeEdits(text: string, starts: readonly number[]): TypographyEdit[] {
  const answers = answerLines(text)
  return typographyEdits(proseView(text)).filter((e) => {
    if (!answers.has(positionOf(starts, e.index).line - 1)) return true
    return e.kind !== 'straight-quotes' && e.length > 0 && /^[ \t]+$/.test(text.slice(e.index, e.index + e.length))
  })
}
