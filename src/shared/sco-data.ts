/**
 * What the compiler hands to the browser runtime: one JSON object per SCO, embedded in the SCO's
 * HTML as `<script type="application/json" id="pc-data">`. Shared by the Node compiler (which
 * writes it and sizes the learner state with it) and the browser runtime (which reads it).
 * Keep it plain data: it is also what `parcours inspect` will use to decode a learner's state.
 */

import type { AnswerCheck } from './answer-seal.js'

export type ScormVersion = 'scorm12' | 'scorm2004'
export type Lang = 'fr' | 'en'
export type QuestionType = 'single' | 'multiple' | 'truefalse' | 'matching'

/** The course's declared tracking policy, identical in the manifest and in the runtime. */
export interface Policy {
  /** Passing score 0–100 on this SCO's weighted assessment score (1.2 masteryscore). */
  passingScore: number
  /** Completion needs every page of the SCO to have been seen. */
  allPages: boolean
  /** Completion needs at least this much time spent in the SCO, over all sessions (seconds). */
  minTimeSeconds: number
  /** Assessment attempts allowed; 0 = unlimited. */
  attempts: number
  /**
   * Which attempt of a module's assessment counts: `best` (the highest score of the submitted
   * attempts: a retry can never lower the result) or `last` (the latest submitted attempt).
   */
  attemptScore: 'best' | 'last'
  /** Knowledge checks are recorded as interactions too (course.yml `interactions: all`); absent: graded questions only. */
  checkInteractions?: boolean
}

export interface PageData {
  /** Qualified stable id: `<module-id>/<page-id>`. */
  id: string
  /** Short state key (see src/shared/state-codec.ts), unique in the SCO. */
  key: string
  moduleId: string
  title: string
  /** True for the scored assessment page of a module. */
  assessment: boolean
}

export interface ChoiceData {
  /** Token used in DOM values and in SCORM responses: `a`…`z`, then `0`…`9` (1.2 choice tokens are single characters). */
  token: string
  /** Plain text of the choice (for the 2004 interaction description and the inspector). */
  text: string
}

export interface QuestionData {
  /** Author's stable id, unique in the course: `[a-z0-9-]`. */
  id: string
  /** Short state key, unique in the SCO. */
  key: string
  /** Fingerprint of what the answer means (choices, pairs): an old answer with another rev is dropped, never reinterpreted. */
  rev: string
  /** Qualified id of the page that holds it. */
  pageId: string
  moduleId: string
  type: QuestionType
  /** Scored (on an assessment page) or knowledge check. */
  scored: boolean
  points: number
  /** Plain text of the question stem, at most 250 characters (2004 `description` limit). */
  text: string
  /** single / multiple / truefalse: the choices; matching: the targets (right-hand side). */
  choices: ChoiceData[]
  /** matching only: the sources (left-hand side), tokens `1`…`9` then `a`…`z`. */
  sources: ChoiceData[]
  /**
   * The right answer, sealed (src/shared/answer-seal.ts): digests the runtime compares with the
   * learner's answer. The key itself is never in the package (`parcours build --answer-key`).
   */
  check: AnswerCheck
  /** The author's "Correct:" feedback (HTML), sealed with the right answer; '' when none. */
  feedback: string
}

export interface ModuleData {
  id: string
  title: string
  /** Qualified page ids, in order. */
  pages: string[]
}

export interface ScoData {
  /** Format of this object; bump on incompatible change (2: right answers sealed, issue 12). */
  format: 2
  version: ScormVersion
  courseId: string
  courseVersion: string
  /** Identifier of the SCO: the course id (one SCO) or the module id (one SCO per module). */
  scoId: string
  title: string
  lang: Lang
  policy: Policy
  modules: ModuleData[]
  pages: PageData[]
  questions: QuestionData[]
  /** Largest `cmi.suspend_data` the LMS accepts for this version (4096 for 1.2, 64000 for 2004). */
  stateLimit: number
  /**
   * SCORM 2004, one SCO per module: local objective id the SCO marks `passed` once the module is
   * completed (cmi.objectives.n), which the manifest maps to a global objective that enables the
   * next module (imsss preConditionRule). Absent otherwise.
   */
  completionObjective?: string
  /** UI strings of the runtime, in `lang`. */
  strings: Record<string, string>
}

/* ---------- Reading it back ---------- */

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isString = (value: unknown): value is string => typeof value === 'string'
const isNumber = (value: unknown): value is number => typeof value === 'number' && isFinite(value)
const allOf = <T>(value: unknown, check: (item: unknown) => boolean): value is T[] => Array.isArray(value) && value.every(check)

const isChoice = (c: unknown): boolean => isObject(c) && isString(c.token) && isString(c.text)
const isPage = (p: unknown): boolean => isObject(p) && isString(p.id) && isString(p.key) && isString(p.moduleId)
const isModule = (m: unknown): boolean => isObject(m) && isString(m.id) && allOf<string>(m.pages, isString)
const isQuestion = (q: unknown): boolean =>
  isObject(q) &&
  isString(q.id) &&
  isString(q.key) &&
  isString(q.rev) &&
  isString(q.moduleId) &&
  (q.type === 'single' || q.type === 'multiple' || q.type === 'truefalse' || q.type === 'matching') &&
  isNumber(q.points) &&
  allOf(q.choices, isChoice) &&
  allOf(q.sources, isChoice) &&
  isObject(q.check) &&
  isString(q.check.salt) &&
  isString(q.check.whole) &&
  allOf<string>(q.check.parts, isString) &&
  isString(q.feedback)

/**
 * Why `value` is not a ScoData this code can use, or null when it is. The one check of the
 * runtime (reading `#pc-data`) and of `parcours inspect` (reading a package): a SCO of another
 * format, or a broken one, is refused the same way by both.
 */
export function scoDataProblem(value: unknown): string | null {
  if (!isObject(value)) return 'not an object'
  if (value.format !== 2) return `format ${String(value.format)} (this code reads format 2)`
  if (value.version !== 'scorm12' && value.version !== 'scorm2004') return 'version'
  for (const field of ['courseId', 'courseVersion', 'scoId', 'title'] as const) if (!isString(value[field])) return field
  const policy = value.policy
  if (!isObject(policy) || !isNumber(policy.passingScore) || typeof policy.allPages !== 'boolean' || !isNumber(policy.minTimeSeconds) || !isNumber(policy.attempts)) return 'policy'
  if (!allOf(value.modules, isModule)) return 'modules'
  if (!allOf(value.pages, isPage)) return 'pages'
  if (!allOf(value.questions, isQuestion)) return 'questions'
  if (!isNumber(value.stateLimit)) return 'stateLimit'
  if (value.strings !== undefined && !isObject(value.strings)) return 'strings'
  return null
}

/** The ScoData in a SCO's `#pc-data` text, or null if it is not valid JSON or not a usable ScoData. */
export function parseScoData(text: string): ScoData | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  return scoDataProblem(value) === null ? (value as ScoData) : null
}
