/**
 * Module front matter: split here, parsed by `yaml` with positions. YAML only.
 *
 * We split it ourselves rather than with gray-matter: gray-matter picks a parser from the word
 * after the opening fence, and `---js` / `---javascript` front matter is run through `eval()` on
 * the trainer's machine (gray-matter/lib/engines.js). Nothing an author writes is ever evaluated:
 * a fence with any language other than YAML is a course error, and its text is never parsed.
 */
import { error, type Diagnostic } from '../diagnostics.js'
import type { ModuleMeta } from '../types.js'
import { ID_PATTERN, suggestedId } from './course-config.js'
import { validate, type Schema } from './schema.js'
import { parseYaml } from './yaml-source.js'

export type FrontMatter = ModuleMeta

export const MODULE_SCHEMA: Schema = {
  id: { type: 'string', required: true, pattern: ID_PATTERN, expected: 'a-z, 0-9, - (rgpd-ecole-2025)', suggest: suggestedId },
  title: { type: 'string', required: true, maxLength: 200 },
  duration: { type: 'number', required: true, min: 1, max: 10000, integer: true },
  objectives: { type: 'strings', required: true, minItems: 1 },
  passingScore: { type: 'number', min: 0, max: 100 },
}

/** `---`, optionally `---yaml` / `---yml`, then the end of the line. */
const YAML_FENCE = /^---[ \t]*(?:ya?ml[ \t]*)?$/i
const CLOSING_FENCE = /^---[ \t]*$/

export type SplitFrontMatter =
  | { kind: 'none' }
  /** A fence that names another language (`---js`, `---toml`…): refused, never parsed. */
  | { kind: 'not-yaml'; language: string; body?: string; bodyLine: number }
  | { kind: 'unclosed' }
  /** `matter` starts on line 2 of the file; `bodyLine` is the 0-based line where the body starts. */
  | { kind: 'yaml'; matter: string; body: string; bodyLine: number }

/**
 * Splits a module into its front matter and body. Pure text work: no parser is chosen from the
 * author's text. A first line of `----` (or more) is a Markdown rule, not a fence.
 */
export function splitFrontMatter(text: string): SplitFrontMatter {
  if (!text.startsWith('---') || text[3] === '-') return { kind: 'none' }
  const lines = text.split('\n')
  const first = lines[0]!
  const close = lines.findIndex((line, i) => i > 0 && CLOSING_FENCE.test(line))
  const body = close < 0 ? undefined : lines.slice(close + 1).join('\n')
  const bodyLine = close < 0 ? 0 : close + 1
  if (!YAML_FENCE.test(first)) {
    const language = first.slice(3).trim()
    return { kind: 'not-yaml', language: language.length > 40 ? `${language.slice(0, 39)}…` : language, ...(body !== undefined && { body }), bodyLine }
  }
  if (body === undefined) return { kind: 'unclosed' }
  return { kind: 'yaml', matter: lines.slice(1, close).join('\n'), body, bodyLine }
}

/**
 * `data` is undefined when the front matter has errors; `body` is undefined when the body itself
 * cannot be told apart (front matter not closed), else the body is still parsed for its own mistakes.
 */
export function parseFrontMatter(text: string, file: string): { data?: FrontMatter; body?: string; bodyLine: number; diagnostics: Diagnostic[] } {
  const split = splitFrontMatter(text)
  switch (split.kind) {
    case 'none':
      return { body: text, bodyLine: 0, diagnostics: [error('module/no-front-matter', file, { line: 1, column: 1 })] }
    case 'unclosed':
      // Without its closing `---`, the whole module would be read as YAML: say that, not "invalid YAML" in the text.
      return { bodyLine: 0, diagnostics: [error('module/unclosed-front-matter', file, { line: 1, column: 1 })] }
    case 'not-yaml': {
      const refused = error('module/front-matter-not-yaml', file, { line: 1, column: 4 }, { language: split.language })
      return { ...(split.body !== undefined && { body: split.body }), bodyLine: split.bodyLine, diagnostics: [refused] }
    }
  }
  const { source, diagnostics } = parseYaml(split.matter, file, 2)
  if (!source) return { body: split.body, bodyLine: split.bodyLine, diagnostics }
  const problems = validate(source, MODULE_SCHEMA, file)
  if (problems.length) return { body: split.body, bodyLine: split.bodyLine, diagnostics: problems }
  const raw = source.value as Record<string, unknown>
  const data: FrontMatter = {
    id: String(raw.id),
    title: String(raw.title),
    duration: raw.duration as number,
    objectives: (raw.objectives as unknown[]).map(String),
    ...(typeof raw.passingScore === 'number' && { passingScore: raw.passingScore }),
    idAt: source.locate(['id'], 'value'),
    durationAt: source.locate(['duration'], 'value'),
    ...(typeof raw.passingScore === 'number' && { passingScoreAt: source.locate(['passingScore'], 'value') }),
  }
  return { data, body: split.body, bodyLine: split.bodyLine, diagnostics: [] }
}
