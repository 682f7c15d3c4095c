/**
 * course.yml → CourseConfig. All defaults live in DEFAULTS, so that an absent key and its
 * default behave the same everywhere.
 */
import { checkThemeColors } from '../check/theme.js'
import type { Diagnostic } from '../diagnostics.js'
import type { CourseConfig, SourceFile } from '../types.js'
import { isRecord, validate, type Schema } from './schema.js'
import { checkCharacters, withoutRepeats } from './text-safety.js'
import { parseYaml } from './yaml-source.js'

export const ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/

/** `Question-Année` → `question-annee`: the id Moodle accepts, offered in the hint. */
export function suggestedId(id: string): { didYouMean?: string } {
  const slug = id
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '')
  return slug && ID_PATTERN.test(slug) && slug !== id ? { didYouMean: slug } : {}
}

const DEFAULTS = {
  language: 'fr',
  passingScore: 80,
  completion: { pages: 'all', minTime: 0 },
  attempts: 0,
  // The best attempt counts: retrying can only raise a module's score, never take back a pass.
  attemptScore: 'best',
  // Knowledge checks stay out of Moodle's interactions report unless asked (issue 12): tutors read it for the assessments.
  interactions: 'graded',
  sco: 'course',
} as const

export const COURSE_SCHEMA: Schema = {
  id: { type: 'string', required: true, pattern: ID_PATTERN, expected: 'a-z, 0-9, - (rgpd-ecole-2025)', suggest: suggestedId },
  title: { type: 'string', required: true, maxLength: 200 },
  language: { type: 'enum', values: ['fr', 'en'] },
  version: { type: 'string', required: true, pattern: /^[0-9A-Za-z.+-]{1,40}$/, expected: '1.0.0' },
  description: { type: 'string', required: true },
  audience: { type: 'string', required: true },
  duration: { type: 'number', required: true, min: 1, max: 100000, integer: true },
  modules: { type: 'strings', required: true, minItems: 1 },
  passingScore: { type: 'number', min: 0, max: 100 },
  completion: {
    type: 'object',
    fields: {
      pages: { type: 'enum', values: ['all', 'none'] },
      minTime: { type: 'number', min: 0, max: 100000, integer: true },
    },
  },
  attempts: { type: 'number', min: 0, max: 99, integer: true },
  attemptScore: { type: 'enum', values: ['best', 'last'] },
  interactions: { type: 'enum', values: ['graded', 'all'] },
  sco: { type: 'enum', values: ['course', 'module'] },
  // Read by `parcours certify issue` (src/certify/config.ts, which checks the rules a table cannot say:
  // exactly one of rule.activities / rule.course); validated here so that `parcours check` reports it.
  certification: {
    type: 'object',
    fields: {
      title: { type: 'string', maxLength: 120 },
      wording: { type: 'string', required: true, maxLength: 300 },
      objectives: { type: 'strings' },
      duration: { type: 'number', min: 1, max: 100000, integer: true },
      rule: {
        type: 'object',
        required: true,
        fields: {
          activities: { type: 'strings', minItems: 1 },
          course: { type: 'enum', values: ['complete'] },
          minGrade: { type: 'number', min: 0, max: 100000 },
        },
      },
      issuer: {
        type: 'object',
        required: true,
        fields: { name: { type: 'string', required: true, maxLength: 120 }, address: { type: 'string', required: true, maxLength: 200 } },
      },
      signatory: { type: 'object', required: true, fields: { role: { type: 'string', required: true, maxLength: 120 }, name: { type: 'string', maxLength: 80 } } },
      timezone: { type: 'string', pattern: /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/, expected: 'Europe/Paris' },
    },
  },
  theme: {
    type: 'object',
    fields: {
      colors: { type: 'object', fields: {}, open: true },
      logo: { type: 'string' },
      logoAlt: { type: 'string' },
    },
  },
}

export interface ParsedCourseConfig {
  config?: CourseConfig
  /** Where each entry of `modules:` is written, for "module not found" diagnostics. */
  moduleAt: { line: number; column: number }[]
  /** Where `theme.logo` is written, for "logo not found". */
  logoAt?: { line: number; column: number }
  /** Where `passingScore` is written, when it is (absent: the default applies). */
  passingScoreAt?: { line: number; column: number }
  diagnostics: Diagnostic[]
}

/**
 * `config` is undefined only when course.yml is not YAML at all. With other errors it is a
 * best-effort config (keys in error replaced by their defaults), so that the run goes on and
 * reports the modules' mistakes too; the pipeline stops before rendering anyway.
 */
export function parseCourseConfig(file: SourceFile): ParsedCourseConfig {
  const characters = checkCharacters(file.text ?? '', file.path)
  const { source, diagnostics } = parseYaml(file.text ?? '', file.path)
  if (!source) return { moduleAt: [], diagnostics: [...characters, ...diagnostics] }
  const problems = validate(source, COURSE_SCHEMA, file.path)
  const wrong = new Set(problems.map((d) => String(d.params?.key ?? '').split('.')[0]))
  const raw = Object.fromEntries(Object.entries(isRecord(source.value) ? source.value : {}).filter(([key]) => !wrong.has(key))) as Record<string, any>
  const completion = { ...DEFAULTS.completion, ...(raw.completion ?? {}) }
  const theme = raw.theme ?? {}
  const config: CourseConfig = {
    id: String(raw.id ?? ''),
    title: String(raw.title ?? ''),
    language: raw.language ?? DEFAULTS.language,
    version: String(raw.version ?? ''),
    description: String(raw.description ?? ''),
    audience: String(raw.audience ?? ''),
    duration: raw.duration ?? 0,
    // NFC: a name typed on macOS (NFD) matches the file listed (the read stage lists names in NFC).
    modules: ((raw.modules ?? []) as unknown[]).map((entry) => String(entry).normalize('NFC')),
    passingScore: raw.passingScore ?? DEFAULTS.passingScore,
    completion,
    attempts: raw.attempts ?? DEFAULTS.attempts,
    attemptScore: raw.attemptScore ?? DEFAULTS.attemptScore,
    interactions: raw.interactions ?? DEFAULTS.interactions,
    sco: raw.sco ?? DEFAULTS.sco,
    theme: {
      colors: Object.fromEntries(Object.entries((theme.colors ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)])),
      ...(theme.logo && { logo: { src: String(theme.logo).normalize('NFC'), alt: String(theme.logoAlt ?? '') } }),
    },
  }
  const colorProblems = checkThemeColors(config.theme.colors, (name) => source.locate(['theme', 'colors', name]), file.path)
  const moduleAt = config.modules.map((_, i) => source.locate(['modules', i], 'value'))
  const logoAt = config.theme.logo ? source.locate(['theme', 'logo'], 'value') : undefined
  // An explicit pass mark with nothing graded is a mistake; the default one is not.
  const passingScoreAt = raw.passingScore !== undefined ? source.locate(['passingScore'], 'value') : undefined
  return {
    config,
    moduleAt,
    ...(logoAt && { logoAt }),
    ...(passingScoreAt && { passingScoreAt }),
    diagnostics: [...characters, ...withoutRepeats(characters, problems), ...colorProblems],
  }
}
