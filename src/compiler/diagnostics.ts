/**
 * Diagnostics: what a stage reports about the author's input. Stages never throw for a user
 * mistake; they return diagnostics, and the pipeline stops after a stage that reported an error.
 * A diagnostic holds a stable code and parameters, not a sentence: the CLI words it in the
 * learner-facing language (French by default) with `formatDiagnostic`.
 */
import type { Lang } from '../shared/sco-data.js'
import { DIAGNOSTIC_TEXTS, type DiagnosticCode } from '../i18n/diagnostics.js'
import { terminalSafe } from '../shared/terminal-text.js'
import { fill } from '../shared/fill.js'

export type { DiagnosticCode }

export interface Diagnostic {
  /** `info`: a finding that needs nothing (e.g. a safe change of `check --against`); never from analyse(). */
  severity: 'error' | 'warning' | 'info'
  code: DiagnosticCode
  /** Path relative to the course folder (or the template's path). */
  file: string
  /** 1-based, editor-clickable. */
  line?: number
  column?: number
  params?: Record<string, string | number>
}

/** Thrown by `compile()` when the input has errors; carries every diagnostic of the run. */
export class CompileError extends Error {
  readonly diagnostics: Diagnostic[]
  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length
    super(`compilation failed with ${errors} error(s)`)
    this.name = 'CompileError'
    this.diagnostics = diagnostics
  }
}

export function error(code: DiagnosticCode, file: string, at?: { line?: number; column?: number }, params?: Diagnostic['params']): Diagnostic {
  return { severity: 'error', code, file, ...positionOf(at), ...(params && { params }) }
}

export function warning(code: DiagnosticCode, file: string, at?: { line?: number; column?: number }, params?: Diagnostic['params']): Diagnostic {
  return { severity: 'warning', code, file, ...positionOf(at), ...(params && { params }) }
}

function positionOf(at?: { line?: number; column?: number }): { line?: number; column?: number } {
  if (!at?.line) return {}
  return { line: at.line, column: at.column ?? 1 }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error')
}

/** Sorts by file, then position, so that a run's report is stable and reads top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.code.localeCompare(b.code))
}

function worded(params: Diagnostic['params'] = {}, words: Record<string, string>): Diagnostic['params'] {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === 'string'
        ? v.replace(/%(text|list|contrast-text|contrast-ui|scope-course|scope-module|update-safe|update-state-reset|update-results)%/g, (_, w: string) => words[w] ?? w)
        : v,
    ]),
  )
}

/**
 * `content/02-rgpd.md:12:1: erreur [question/no-correct-answer] La question … n'a aucune bonne réponse.
 *    conseil : cochez au moins une réponse avec [x].`
 */
export function formatDiagnostic(d: Diagnostic, lang: Lang = 'fr'): string {
  const texts = DIAGNOSTIC_TEXTS[lang]
  const [message, hint] = texts.codes[d.code]
  const where = d.line ? `${d.file}:${d.line}:${d.column ?? 1}` : d.file
  const severity = texts[d.severity]
  const params = { ...worded(d.params, texts.words), suggestion: suggestionOf(d.params, texts) }
  // File names and parameters come from the course: no escape sequence of theirs reaches the terminal.
  return terminalSafe(`${where}: ${severity} [${d.code}] ${fill(message, params)}\n  ${texts.hint} ${fill(hint, params).trim()}`)
}

/** "Did you mean" and "allowed keys" are worded here, so that stages only pass the words. */
function suggestionOf(params: Diagnostic['params'] = {}, texts: (typeof DIAGNOSTIC_TEXTS)[Lang]): string {
  if (params.didYouMean !== undefined) return fill(texts.didYouMean, { word: params.didYouMean })
  if (params.allowed !== undefined) return fill(texts.allowed, { list: params.allowed })
  return ''
}
