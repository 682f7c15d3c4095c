/** Module front matter: gray-matter finds it, `yaml` parses it with positions. */
import matter from 'gray-matter'
import { error, type Diagnostic } from '../diagnostics.js'
import type { ModuleMeta } from '../types.js'
import { ID_PATTERN } from './course-config.js'
import { validate, type Schema } from './schema.js'
import { parseYaml } from './yaml-source.js'

export type FrontMatter = ModuleMeta

export const MODULE_SCHEMA: Schema = {
  id: { type: 'string', required: true, pattern: ID_PATTERN, expected: 'a-z, 0-9, - (rgpd-ecole-2025)' },
  title: { type: 'string', required: true, maxLength: 200 },
  duration: { type: 'number', required: true, min: 1, max: 10000, integer: true },
  objectives: { type: 'strings', required: true, minItems: 1 },
  passingScore: { type: 'number', min: 0, max: 100 },
}

// gray-matter only splits: its js-yaml engine has no positions for unknown keys, so it parses nothing.
const SPLIT_ONLY = { engines: { yaml: () => ({}) } }

/**
 * `data` is undefined when the front matter has errors; `body` is undefined when the body itself
 * cannot be told apart (front matter not closed), else the body is still parsed for its own mistakes.
 */
export function parseFrontMatter(text: string, file: string): { data?: FrontMatter; body?: string; bodyLine: number; diagnostics: Diagnostic[] } {
  const split = matter(text, SPLIT_ONLY as never)
  const bodyLine = text.slice(0, text.length - split.content.length).split('\n').length - 1
  if (bodyLine === 0) return { body: text, bodyLine, diagnostics: [error('module/no-front-matter', file, { line: 1, column: 1 })] }
  // Without its closing `---`, gray-matter takes the whole module for YAML: say that, not "invalid YAML" in the text.
  if (!/\n---/.test(text.slice(3))) return { bodyLine, diagnostics: [error('module/unclosed-front-matter', file, { line: 1, column: 1 })] }
  const { source, diagnostics } = parseYaml(split.matter, file)
  if (!source) return { body: split.content, bodyLine, diagnostics }
  const problems = validate(source, MODULE_SCHEMA, file)
  if (problems.length) return { body: split.content, bodyLine, diagnostics: problems }
  const raw = source.value as Record<string, unknown>
  const data: FrontMatter = {
    id: String(raw.id),
    title: String(raw.title),
    duration: raw.duration as number,
    objectives: (raw.objectives as unknown[]).map(String),
    ...(typeof raw.passingScore === 'number' && { passingScore: raw.passingScore }),
    idAt: source.locate(['id'], 'value'),
  }
  return { data, body: split.content, bodyLine, diagnostics: [] }
}
