/**
 * The data that flows between the stages. Everything here is plain, serialisable data (no class
 * instances, no Maps), so that `parcours preview` can hold a compiled course in memory and
 * `parcours inspect` can read the model back from JSON.
 */
import type { Lang, QuestionType } from '../shared/sco-data.js'
import type { Diagnostic } from './diagnostics.js'

/**
 * A file of the course folder. `text` for course.yml, modules and templates, `bytes` for the
 * images they use; neither for a file listed but not needed (never read), or not readable.
 */
export interface SourceFile {
  /** Path relative to the course folder, with `/` separators. */
  path: string
  text?: string
  bytes?: Uint8Array
}

/** Everything the read stage found in a course folder, keyed by relative path. */
export interface SourceTree {
  /** Absolute or user-given path of the course folder, for messages. */
  root: string
  files: Record<string, SourceFile>
  /** What the read stage could not do (unreadable, too large, not UTF-8), reported with the course's diagnostics. */
  problems?: Diagnostic[]
}

/** A file of the package, before zipping. */
export interface OutputFile {
  path: string
  contents: string | Uint8Array
}

/** A file of the package, or how to render it: a build renders its pages as the zip reaches them. */
export interface PlannedFile {
  path: string
  contents: string | Uint8Array | (() => string | Uint8Array)
}

export type CompletionRule = { pages: 'all' | 'none'; minTime: number }
export type ScoMode = 'course' | 'module'
export type AttemptScore = 'best' | 'last'

/** course.yml, validated. */
export interface CourseConfig {
  id: string
  title: string
  language: Lang
  version: string
  description: string
  audience: string
  duration: number
  modules: string[]
  passingScore: number
  completion: CompletionRule
  attempts: number
  /** Which attempt of a module's assessment counts: the best (default) or the last. */
  attemptScore: AttemptScore
  /** Which answers become `cmi.interactions` records: the graded ones (default) or all, knowledge checks included. */
  interactions: 'graded' | 'all'
  sco: ScoMode
  theme: ThemeConfig
}

export interface ThemeConfig {
  /** CSS custom properties without the `--pc-` prefix, e.g. `{ accent: '#00508f' }`. */
  colors: Record<string, string>
  /** Path of a logo image in the course folder, and its alt text. */
  logo?: { src: string; alt: string }
}

export interface Choice {
  token: string
  /** Inline HTML of the choice. */
  html: string
  /** Plain text, for SCORM descriptions and the inspector. */
  text: string
}

export interface Question {
  id: string
  type: QuestionType
  points: number
  scored: boolean
  /** Block HTML of the stem. */
  stemHtml: string
  /** Plain text of the stem (≤ 250 chars: the SCORM 2004 description limit). */
  text: string
  choices: Choice[]
  sources: Choice[]
  correct: string[]
  feedbackCorrectHtml: string
  feedbackWrongHtml: string
  /** Where the author wrote it: `file:line`. */
  source: { file: string; line: number }
}

/** A page is a list of HTML chunks and questions, in the author's order. */
export type PageBlock = { kind: 'html'; html: string } | { kind: 'question'; question: Question }

export interface Page {
  /** Author's page id, unique in the module. */
  id: string
  title: string
  /** Inline HTML of the title. */
  titleHtml: string
  assessment: boolean
  blocks: PageBlock[]
  source: { file: string; line: number }
}

/** A media file a module refers to, copied into the package. */
export interface Asset {
  /** Path in the course folder. */
  from: string
  /** Path in the package. */
  to: string
}

/** A module's front matter, validated. */
export interface ModuleMeta {
  id: string
  title: string
  duration: number
  objectives: string[]
  passingScore?: number
  /** Where the module's `id:` is written, for "duplicate module id". */
  idAt: { line: number; column: number }
  /** Where `duration:` and `passingScore:` are written, for the check rules. */
  durationAt?: { line: number; column: number }
  passingScoreAt?: { line: number; column: number }
}

export interface Module extends ModuleMeta {
  file: string
  pages: Page[]
  assets: Asset[]
  /** Every link of the module's Markdown, as written, for the course-wide link check. */
  links?: { href: string; line: number; column: number }[]
}

export interface Course {
  config: CourseConfig
  modules: Module[]
}
