/**
 * A small declarative schema for course.yml and front matter: one table per file, so that the
 * documented keys and the accepted keys cannot drift apart. Unknown keys are errors with the
 * closest known key as a hint (a typo in `pasingScore` must not silently drop the pass mark).
 */
import { didYouMean } from '../did-you-mean.js'
import { error, type Diagnostic } from '../diagnostics.js'
import { codePoint, CONTROL } from './text-safety.js'
import type { YamlSource } from './yaml-source.js'

export type Field =
  | {
      type: 'string'
      required?: boolean
      pattern?: RegExp
      expected?: string
      maxLength?: number
      /** A value close to the refused one (`Éléments` → `elements` for an id), for the hint. */
      suggest?: (value: string) => { didYouMean?: string }
    }
  | { type: 'number'; required?: boolean; min: number; max: number; integer?: boolean }
  | { type: 'enum'; required?: boolean; values: readonly string[] }
  | { type: 'strings'; required?: boolean; minItems?: number }
  | { type: 'object'; required?: boolean; fields: Schema; open?: boolean }

export type Schema = Record<string, Field>

/**
 * Keys a French-speaking author may write in French (accents ignored): "did you mean" gives the
 * English key even though the words are far apart (`duree` → `duration`).
 */
const FRENCH_KEYS: Record<string, string> = {
  titre: 'title',
  intitule: 'title',
  duree: 'duration',
  objectifs: 'objectives',
  objectif: 'objectives',
  langue: 'language',
  seuil: 'passingScore',
  'seuil-de-reussite': 'passingScore',
  essais: 'attempts',
  tentatives: 'attempts',
  public: 'audience',
  'public-cible': 'audience',
  theme: 'theme',
  couleurs: 'colors',
  achevement: 'completion',
  identifiant: 'id',
}

export function validate(source: YamlSource, schema: Schema, file: string): Diagnostic[] {
  // An empty file (or front matter) is an empty mapping: report the missing keys, not "null".
  const root = source.value ?? {}
  if (!isRecord(root)) {
    return [
      error('config/invalid-value', file, { line: 1, column: 1 }, { key: '/', value: JSON.stringify(root ?? null), expected: expectedOf({ type: 'object', fields: schema }) }),
    ]
  }
  return validateObject(root, schema, [], source, file)
}

function validateObject(value: Record<string, unknown>, schema: Schema, path: string[], source: YamlSource, file: string, open = false): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const known = Object.keys(schema)
  // Keys suggested for a typo: "did you mean objectives?" already says that objectives is missing.
  const suggested = new Set<string>()
  for (const key of Object.keys(value)) {
    if (key in schema || open) continue
    const alias =
      FRENCH_KEYS[
        key
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase()
      ]
    const guess = alias && known.includes(alias) ? alias : didYouMean(key, known)
    if (guess) suggested.add(guess)
    diagnostics.push(
      error(
        'config/unknown-key',
        file,
        source.locate([...path, key]),
        guess ? { key: dotted(path, key), didYouMean: guess } : { key: dotted(path, key), allowed: known.join(', ') },
      ),
    )
  }
  for (const [key, field] of Object.entries(schema)) {
    const here = [...path, key]
    if (value[key] === undefined || value[key] === null) {
      if (field.required && !suggested.has(key))
        diagnostics.push(error('config/missing-key', file, source.locate(path, 'value'), { key: dotted(path, key), expected: expectedOf(field) }))
      continue
    }
    const items = field.type === 'strings' && Array.isArray(value[key]) ? (value[key] as unknown[]) : []
    if (items.some(isRecord)) {
      // `- Savoir : lire` is a one-key mapping to YAML, not a text with a colon.
      items.forEach((item, i) => {
        if (isRecord(item)) diagnostics.push(error('yaml/colon-in-value', file, source.locate([...here, i], 'value'), { key: dotted(path, key) }))
      })
      continue
    }
    const problem = checkField(value[key], field)
    if (problem === 'object' && field.type === 'object') {
      diagnostics.push(...validateObject(value[key] as Record<string, unknown>, field.fields, here, source, file, field.open))
    } else if (problem !== 'ok') {
      const suggestion = field.type === 'string' && field.suggest && typeof value[key] === 'string' ? field.suggest(value[key] as string) : {}
      diagnostics.push(
        error('config/invalid-value', file, source.locate(here, 'value'), { key: dotted(path, key), value: shown(value[key]), expected: expectedOf(field), ...suggestion }),
      )
    } else {
      // A YAML escape ("\x01", "\0") writes a control character the file itself does not hold.
      const char = [value[key]]
        .flat()
        .find((v): v is string => typeof v === 'string' && CONTROL.test(v))
        ?.match(CONTROL)?.[0]
      if (char) diagnostics.push(error('text/control-character', file, source.locate(here, 'value'), { char: codePoint(char) }))
    }
  }
  return diagnostics
}

function checkField(value: unknown, field: Field): 'ok' | 'bad' | 'object' {
  switch (field.type) {
    case 'string':
      if (typeof value === 'number') value = String(value)
      if (typeof value !== 'string' || value.trim() === '') return 'bad'
      if (field.maxLength && value.length > field.maxLength) return 'bad'
      return field.pattern && !field.pattern.test(value) ? 'bad' : 'ok'
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value) || value < field.min || value > field.max) return 'bad'
      return field.integer && !Number.isInteger(value) ? 'bad' : 'ok'
    case 'enum':
      return typeof value === 'string' && field.values.includes(value) ? 'ok' : 'bad'
    case 'strings':
      if (!Array.isArray(value) || value.length < (field.minItems ?? 0)) return 'bad'
      return value.every((v) => (typeof v === 'string' && v.trim() !== '') || typeof v === 'number') ? 'ok' : 'bad'
    case 'object':
      return isRecord(value) ? 'object' : 'bad'
  }
}

/** What a field accepts, in words that are the same in French and English (values, ranges). */
function expectedOf(field: Field): string {
  switch (field.type) {
    case 'string':
      // %text% and %list% are worded by formatDiagnostic in the reader's language.
      return field.expected ?? '%text%'
    case 'number':
      // No word: "1, 2, 3… 100" reads as "a whole number from 1 to 100" in both languages.
      return field.integer ? `${field.min}, ${field.min + 1}, ${field.min + 2}… ${field.max}` : `${field.min}–${field.max}`
    case 'enum':
      return field.values.join(' | ')
    case 'strings':
      return `%list%${field.minItems ? ` (≥ ${field.minItems})` : ''}`
    case 'object':
      return `{ ${Object.keys(field.fields).join(', ')} }`
  }
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

function dotted(path: string[], key: string): string {
  return [...path, key].join('.')
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
