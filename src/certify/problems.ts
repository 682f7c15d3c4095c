/**
 * What the certify domain reports about its input: a stable code, a place (file:line:col) and
 * parameters, never a sentence. The CLI words it with `formatProblem` (French by default).
 * A whole-file problem (unknown column, truncated file…) throws a CertifyError: nothing is issued.
 */
import { CERTIFY_TEXTS, type ProblemCode } from './messages.js'

export type Lang = 'fr' | 'en'
export type { ProblemCode }

export interface Problem {
  code: ProblemCode
  file: string
  /** 1-based. */
  line?: number
  column?: number
  params?: Record<string, string | number>
}

export class CertifyError extends Error {
  readonly problems: Problem[]
  constructor(problems: Problem | Problem[]) {
    const list = Array.isArray(problems) ? problems : [problems]
    super(list.map((p) => formatProblem(p, 'en')).join('\n'))
    this.name = 'CertifyError'
    this.problems = list
  }
}

export function problem(code: ProblemCode, file: string, at?: { line?: number; column?: number }, params?: Problem['params']): Problem {
  return { code, file, ...(at?.line !== undefined && { line: at.line, column: at.column ?? 1 }), ...(params && { params }) }
}

export function fail(code: ProblemCode, file: string, at?: { line?: number; column?: number }, params?: Problem['params']): never {
  throw new CertifyError(problem(code, file, at, params))
}

export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** `file:line:col: message (code)` then the hint on its own line, like the compiler's diagnostics. */
export function formatProblem(p: Problem, lang: Lang): string {
  const [message, hint] = CERTIFY_TEXTS[lang][p.code]
  const where = p.line !== undefined ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file
  const label = lang === 'fr' ? 'erreur' : 'error'
  const hintLabel = lang === 'fr' ? 'conseil' : 'hint'
  return `${where}: ${label} ${p.code}: ${fill(message, p.params)}${hint ? `\n  ${hintLabel} : ${fill(hint, p.params)}`.replace(' :', lang === 'fr' ? ' :' : ':') : ''}`
}
