/**
 * The learner state of one SCO and its `cmi.suspend_data` text: the one decoder of the runtime
 * and of `parcours inspect`, with the same verdict on a state.
 *
 * Pure: no DOM, no Node API. The browser runtime encodes and decodes it; the compiler sizes it
 * (`worstCaseStateLength`); `parcours inspect` reads a learner's state with `decodeState`.
 *
 * The text is printable ASCII without space, quotes or backslash (it survives any LMS storage,
 * any form encoding and a JSON string), short (SCORM 1.2 allows 4096 characters) and versioned.
 * Everything is named by state keys (src/shared/state-key.ts), never by position.
 *
 * Grammar, version 2 (sections after the course may come in any order):
 *
 *   state      = "2" "." sum6 "|" "c" key4 *( "|" section )
 *                sum6 = checksum (FNV-1a, 6 base62) of everything after sum6: a truncated or
 *                altered state is detected, never misread (a cut "t12" is not read as "t1");
 *                "c" key4 = stateKey(courseId): another course's state is recognised
 *                (the "v" section follows it since parcours 0.2, see below)
 *   section    = "t" uint                       accumulated time in the SCO, whole seconds
 *              / "n" uint                       cmi.interactions records written so far
 *              / "p" *pagekey                   pages seen: 4-character keys, concatenated
 *              / "q" answer *( "," answer )     answers
 *              / "a" assess *( "," assess )     module assessments
 *              / "v" key4                       stateKey(courseVersion): the version of the course
 *                                               that wrote the state (absent in older states)
 *   answer     = key4 rev2 [ "!" ] 1*token
 *                "!" = the knowledge check was checked ("Vérifier ma réponse")
 *                tokens, one character each: single / truefalse: the chosen token;
 *                multiple: the chosen tokens, sorted; matching: for each source, in the
 *                order of the question's sources, the chosen target token or "_" (none)
 *   assess     = key4 attempt [ "s" ] [ "~" points ] [ "^" best ] [ "/" total ]
 *                attempt = current attempt number (from 1); "s" = this attempt is submitted;
 *                points = points earned at the latest submitted attempt (up to 2 decimals);
 *                best = the most points earned at any submitted attempt, when it is more than
 *                points (absent: points is the best); total = the points of the module's
 *                scored questions when "points" were earned (absent in older states): an attempt
 *                submitted before the course was updated keeps its score over what it had
 *   key4       = 4 base62    rev2 = 2 base62    uint = 1*9 DIGIT
 *   token      = %x30-39 / %x61-7A / "_"
 *
 * Example: `2.Qx81Tb|cK2fa|vE5r0|t754|n6|pA1b2C3d4|qk3Jx9a!b,Zz01Qwac|aM0d22s~7.5`
 *
 * The "v" section and an assessment's "/" total were added within version 2 rather than as
 * version 3, so that every state written before them is still read as it is. A package built
 * before them reads a state that has them as `partial` (unknown section, malformed entry), hence
 * keeps it untouched (never overwrites it): only a trainer who puts an older package back in
 * Moodle meets that case.
 *
 * Version 1 (written by parcours 0.1) is the same without the header's checksum and without the
 * course section: `1|t754|n6|…`. It is still read (migration), and written back as version 2.
 *
 * Verdicts (`decodeState`): `empty` (nothing stored: a first launch), `readable`, `partial`
 * (read, but some parts dropped, each with its reason), `foreign` (another course's state:
 * ignored entirely, time included), `newer` (a later format: kept, not read), `unreadable`
 * (checksum mismatch, truncation, garbage). `writable` says whether a new state may replace it:
 * never for `newer`, `unreadable`, or a `partial` read that dropped something this code does not
 * understand (an unknown section or entry); the runtime then keeps the LMS's copy as it is.
 * Parts dropped because the course changed (a question removed, or its choices changed: an
 * answer is never reinterpreted) do not prevent writing: that is the author's update.
 * Decoding never throws.
 */

import type { QuestionData, ScoData } from './sco-data.js'
import { checksum, stateKey } from './state-key.js'

export const STATE_VERSION = '2'

/** An answer to one question. */
export interface AnswerState {
  /** The question's `rev` when the answer was given. */
  rev: string
  /** One character per token, as in the grammar above. */
  value: string
  /** Knowledge check: the learner checked this answer. */
  checked: boolean
}

/** A module's assessment. */
export interface AssessmentState {
  /** Current attempt, from 1. */
  attempt: number
  /** The current attempt has been submitted. */
  submitted: boolean
  /** Points earned at the latest submitted attempt (null: never submitted). */
  points: number | null
  /** The most points earned at any submitted attempt, when more than `points` (else absent: `points` is the best). */
  best?: number | null
  /**
   * Points of the module's scored questions when `points` were earned. After an update that adds
   * or rewords graded questions, the attempt can no longer be re-scored; it is then scored over
   * this total, so its verdict is kept (absent in states written before it existed).
   */
  total?: number | null
}

export interface LearnerState {
  /** Keys of the pages seen, sorted. */
  seen: string[]
  /** Accumulated time in the SCO over all sessions, whole seconds. */
  time: number
  /** Number of `cmi.interactions` records written so far. */
  interactions: number
  /** By question key. */
  answers: Record<string, AnswerState>
  /** By module key (stateKey(moduleId)). */
  assessments: Record<string, AssessmentState>
}

export type StateVerdict = 'empty' | 'readable' | 'partial' | 'foreign' | 'newer' | 'unreadable'

/**
 * Why a part of a state was not restored. Course changes: `removed` (its page, question or module
 * is no longer in the SCO), `changed` (the question's choices changed), `invalid` (the answer's
 * tokens are not valid for the question any more). Not understood: `unknown-section`,
 * `malformed` (an entry that does not follow the grammar).
 */
export type DropReason = 'removed' | 'changed' | 'invalid' | 'unknown-section' | 'malformed'

export interface DroppedPart {
  /** What was dropped: `page <key>`, `answer <key>`, `assessment <key>`, `section <text>`… */
  part: string
  reason: DropReason
}

export interface StateReading {
  verdict: StateVerdict
  /** What could be restored (an empty state unless readable or partial). */
  state: LearnerState
  dropped: DroppedPart[]
  /** Format version found (`1`, `2`…), '' if none. */
  version: string
  /** A new state may replace this one without losing anything this code could not read. */
  writable: boolean
  /**
   * The state was written by another version of the course (its "v" section names another
   * `courseVersion`): the learner is told the course was updated. False when the state does not
   * say (written before the section existed).
   */
  updated: boolean
}

const COURSE_CHANGES: DropReason[] = ['removed', 'changed', 'invalid']

/** Upper bounds kept by the encoder, so that the worst case is a fixed length. */
const MAX_UINT = 999_999_999

export function emptyState(): LearnerState {
  return { seen: [], time: 0, interactions: 0, answers: {}, assessments: {} }
}

function uint(value: number): string {
  if (!(value > 0)) return '0'
  return String(Math.min(MAX_UINT, Math.floor(value)))
}

function decimal(value: number): string {
  if (!(value > 0)) return '0'
  return String(Math.round(Math.min(MAX_UINT, value) * 100) / 100)
}

/** The state of `sco`'s learner as `cmi.suspend_data` text (version 2). */
export function encode(state: LearnerState, sco: Pick<ScoData, 'courseId' | 'courseVersion'>): string {
  const out = ['c' + stateKey(sco.courseId), 'v' + stateKey(sco.courseVersion), 't' + uint(state.time), 'n' + uint(state.interactions)]
  const seen = state.seen.slice().sort()
  if (seen.length > 0) out.push('p' + seen.join(''))
  const answers = Object.keys(state.answers)
    .sort()
    .map((key) => {
      const a = state.answers[key] as AnswerState
      return key + a.rev + (a.checked ? '!' : '') + a.value
    })
  if (answers.length > 0) out.push('q' + answers.join(','))
  const assessments = Object.keys(state.assessments)
    .sort()
    .map((key) => {
      const a = state.assessments[key] as AssessmentState
      return (
        key +
        uint(Math.max(1, a.attempt)) +
        (a.submitted ? 's' : '') +
        (a.points === null ? '' : '~' + decimal(a.points)) +
        (a.best != null && (a.points === null || a.best > a.points) ? '^' + decimal(a.best) : '') +
        (a.total != null && a.points !== null ? '/' + decimal(a.total) : '')
      )
    })
  if (assessments.length > 0) out.push('a' + assessments.join(','))
  const body = '|' + out.join('|')
  return STATE_VERSION + '.' + checksum(body) + body
}

const UINT_RE = /^[0-9]{1,9}$/
const PAGES_RE = /^(?:[0-9A-Za-z]{4})*$/
const ANSWER_RE = /^([0-9A-Za-z]{4})([0-9A-Za-z]{2})(!?)([0-9a-z_]+)$/
const ASSESS_RE = /^([0-9A-Za-z]{4})([0-9]{1,9})(s?)(?:~([0-9]{1,9}(?:\.[0-9]{1,2})?))?(?:\^([0-9]{1,9}(?:\.[0-9]{1,2})?))?(?:\/([0-9]{1,9}(?:\.[0-9]{1,2})?))?$/

/**
 * The answer value, normalised, if it is a valid answer to `q` (at least one token chosen);
 * null otherwise.
 */
export function validAnswer(q: QuestionData, value: string): string | null {
  const tokens = q.choices.map((c) => c.token)
  const chars = value.split('')
  if (q.type === 'matching') {
    if (chars.length !== q.sources.length) return null
    if (chars.every((c) => c === '_')) return null
    return chars.every((c) => c === '_' || tokens.indexOf(c) >= 0) ? value : null
  }
  if (chars.length === 0 || chars.some((c) => tokens.indexOf(c) < 0)) return null
  if (q.type === 'multiple') {
    const sorted = chars.slice().sort()
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return null
    return sorted.join('')
  }
  return chars.length === 1 ? value : null
}

function reading(verdict: StateVerdict, version: string, state = emptyState(), dropped: DroppedPart[] = [], updated = false): StateReading {
  const writable = verdict === 'empty' || verdict === 'readable' || verdict === 'foreign' || (verdict === 'partial' && dropped.every((d) => COURSE_CHANGES.indexOf(d.reason) >= 0))
  return { verdict, state, dropped, version, writable, updated }
}

const KNOWN_TAGS = 'ctnpqav'
const HEADER_RE = /^([0-9]{1,3})(?:\.([0-9A-Za-z]{6}))?$/

/**
 * Reads `cmi.suspend_data` for `sco`: what can be restored, what was dropped and why, and the
 * verdict (see the top of this file). Never throws, whatever `raw` is.
 */
export function decodeState(raw: unknown, sco: ScoData): StateReading {
  if (raw === '' || raw === undefined || raw === null) return reading('empty', '')
  if (typeof raw !== 'string') return reading('unreadable', '')
  try {
    const bar = raw.indexOf('|')
    const header = HEADER_RE.exec(bar < 0 ? raw : raw.slice(0, bar))
    if (!header) return reading('unreadable', '')
    const version = header[1] as string
    const body = bar < 0 ? '' : raw.slice(bar)
    if (Number(version) > Number(STATE_VERSION)) return reading('newer', version)
    if (version === '2') {
      if (header[2] !== checksum(body)) return reading('unreadable', version)
      return readSections(body.slice(1).split('|'), sco, version)
    }
    if (version === '1' && header[2] === undefined && bar === 1) return readSections(body.slice(1).split('|'), sco, version)
    return reading('unreadable', version)
  } catch {
    return reading('unreadable', '')
  }
}

function readSections(sections: string[], data: ScoData, version: string): StateReading {
  const state = emptyState()
  const dropped: DroppedPart[] = []
  const drop = (part: string, reason: DropReason): void => void dropped.push({ part, reason })
  const pageKeys = new Set(data.pages.map((p) => p.key))
  const questions = new Map(data.questions.map((q) => [q.key, q] as const))
  const modules = new Set(data.modules.map((m) => stateKey(m.id)))
  const seen = new Set<string>()
  let course: string | null = null
  let courseVersion: string | null = null
  /** Keys that name something of this SCO, and keys that name nothing of it (another course?). */
  let known = 0
  let unknown = 0

  for (const section of sections) {
    const tag = section.charAt(0)
    const body = section.slice(1)
    if (tag === 'c' && version !== '1' && course === null && /^[0-9A-Za-z]{4}$/.test(body)) course = body
    else if (tag === 'v' && version !== '1' && courseVersion === null && /^[0-9A-Za-z]{4}$/.test(body)) courseVersion = body
    else if ((tag === 't' || tag === 'n') && UINT_RE.test(body)) {
      if (tag === 't') state.time = Number(body)
      else state.interactions = Number(body)
    } else if (tag === 'p' && PAGES_RE.test(body)) {
      for (let j = 0; j < body.length; j += 4) {
        const key = body.slice(j, j + 4)
        if (pageKeys.has(key)) {
          seen.add(key)
          known++
        } else {
          drop('page ' + key, 'removed')
          unknown++
        }
      }
    } else if (tag === 'q') {
      for (const entry of body.split(',')) {
        const m = ANSWER_RE.exec(entry)
        if (!m) {
          drop('answer ' + entry, 'malformed')
          continue
        }
        const q = questions.get(m[1] as string)
        if (!q) {
          drop('answer ' + m[1], 'removed')
          unknown++
          continue
        }
        known++
        if (m[2] !== q.rev) {
          drop('answer ' + q.key, 'changed')
          continue
        }
        const value = validAnswer(q, m[4] as string)
        if (value === null) drop('answer ' + q.key, 'invalid')
        else state.answers[q.key] = { rev: q.rev, value, checked: !q.scored && m[3] === '!' }
      }
    } else if (tag === 'a') {
      for (const entry of body.split(',')) {
        const m = ASSESS_RE.exec(entry)
        if (!m || Number(m[2]) < 1) {
          drop('assessment ' + entry, 'malformed')
          continue
        }
        const key = m[1] as string
        if (!modules.has(key)) {
          drop('assessment ' + key, 'removed')
          unknown++
          continue
        }
        known++
        const points = m[4] === undefined ? null : Number(m[4])
        const a: AssessmentState = { attempt: Number(m[2]), submitted: m[3] === 's', points }
        // Kept only when above the latest attempt's points (which are otherwise the best).
        if (m[5] !== undefined && Number(m[5]) > (points ?? -1)) a.best = Number(m[5])
        if (m[6] !== undefined && points !== null && Number(m[6]) > 0) a.total = Number(m[6])
        state.assessments[key] = a
      }
    } else drop('section ' + section.slice(0, 16), KNOWN_TAGS.indexOf(tag) >= 0 ? 'malformed' : 'unknown-section')
  }
  // Another course's state: ignored entirely, time included (it must not count toward minTime).
  // Version 2 says whose it is; version 1 did not: it is another course's when something in it
  // names pages, questions or modules and none of them is this SCO's.
  if (version !== '1' && course !== stateKey(data.courseId)) return reading(course === null ? 'unreadable' : 'foreign', version)
  if (version === '1' && unknown > 0 && known === 0) return reading('foreign', version)
  state.seen = Array.from(seen).sort()
  const updated = courseVersion !== null && courseVersion !== stateKey(data.courseVersion)
  return reading(dropped.length > 0 ? 'partial' : 'readable', version, state, dropped, updated)
}

/** What a state says of itself, read without its course (`parcours inspect` with no `--course`). */
export interface StateOutline {
  /** `ours`: parcours' format, intact; `newer`: a later parcours format; `damaged`: parcours' header, but the checksum or the grammar fails; `not-ours`: another tool's state; `empty`. */
  kind: 'empty' | 'ours' | 'newer' | 'damaged' | 'not-ours'
  version: string
  /** stateKey(courseId) of the course that wrote it (version 2). */
  courseKey: string | null
  time: number
  interactions: number
  pages: number
  answers: number
  assessments: number
}

/** The outline of a state, without the course: whose format it is and how much it holds. Never throws. */
export function stateOutline(raw: string): StateOutline {
  const outline: StateOutline = { kind: 'empty', version: '', courseKey: null, time: 0, interactions: 0, pages: 0, answers: 0, assessments: 0 }
  if (raw === '') return outline
  const bar = raw.indexOf('|')
  const header = HEADER_RE.exec(bar < 0 ? raw : raw.slice(0, bar))
  // A parcours state starts with its version, then (version 2) its checksum, then "|": anything
  // else is another tool's, and is said to be so rather than guessed at.
  if (!header || (header[2] === undefined && bar !== 1)) return { ...outline, kind: 'not-ours' }
  outline.version = header[1] as string
  if (Number(outline.version) > Number(STATE_VERSION)) return { ...outline, kind: 'newer' }
  const body = bar < 0 ? '' : raw.slice(bar)
  if ((outline.version === '2' && header[2] !== checksum(body)) || (outline.version !== '1' && outline.version !== '2')) return { ...outline, kind: 'damaged' }
  for (const section of body.slice(1).split('|')) {
    const tag = section.charAt(0)
    const rest = section.slice(1)
    if (tag === 'c') outline.courseKey = rest
    else if (tag === 't' && UINT_RE.test(rest)) outline.time = Number(rest)
    else if (tag === 'n' && UINT_RE.test(rest)) outline.interactions = Number(rest)
    else if (tag === 'p' && PAGES_RE.test(rest)) outline.pages = rest.length / 4
    else if (tag === 'q') outline.answers = rest.split(',').length
    else if (tag === 'a') outline.assessments = rest.split(',').length
  }
  return { ...outline, kind: outline.version === '2' && outline.courseKey === null ? 'damaged' : 'ours' }
}

/**
 * The text to store, within `limit` characters when possible: if the full state is too long,
 * knowledge-check answers are left out (they are not scored) until it fits. The compiler checks
 * that the worst case fits, so this is a safety net, not a normal path.
 */
export function encodeWithin(state: LearnerState, data: ScoData, limit: number): { text: string; dropped: string[] } {
  let text = encode(state, data)
  const dropped: string[] = []
  if (text.length <= limit) return { text, dropped }
  const scored = new Set(data.questions.filter((q) => q.scored).map((q) => q.key))
  const answers: Record<string, AnswerState> = {}
  for (const key of Object.keys(state.answers)) answers[key] = state.answers[key] as AnswerState
  const trimmed: LearnerState = {
    seen: state.seen,
    time: state.time,
    interactions: state.interactions,
    answers,
    assessments: state.assessments,
  }
  for (const key of Object.keys(trimmed.answers).sort()) {
    if (scored.has(key)) continue
    delete trimmed.answers[key]
    dropped.push(key)
    text = encode(trimmed, data)
    if (text.length <= limit) break
  }
  return { text, dropped }
}

/** The longest answer value a question can have. */
function longestAnswer(q: QuestionData): string {
  const first = q.choices[0]?.token ?? 'a'
  if (q.type === 'matching') return first.repeat(Math.max(1, q.sources.length))
  if (q.type === 'multiple') return q.choices.map((c) => c.token).join('') || first
  return first
}

/**
 * Length of the longest `cmi.suspend_data` this SCO can produce: every page seen, every question
 * answered with its longest answer (and checked), every assessment submitted at the largest
 * attempt number, time and interaction count at their largest encoded values (time is capped at
 * 999 999 999 s, about 31 years). The compiler compares it with the LMS limit at build time.
 */
export function worstCaseStateLength(data: ScoData): number {
  const state = emptyState()
  state.seen = data.pages.map((p) => p.key)
  state.time = MAX_UINT
  state.interactions = MAX_UINT
  const totals = new Map<string, number>()
  for (const q of data.questions) {
    state.answers[q.key] = { rev: q.rev, value: longestAnswer(q), checked: !q.scored }
    if (q.scored) totals.set(q.moduleId, (totals.get(q.moduleId) ?? 0) + q.points)
  }
  const attempt = data.policy.attempts > 0 ? data.policy.attempts : MAX_UINT
  totals.forEach((total, moduleId) => {
    // The longest "points" text up to `total`: its integer digits and two decimals.
    const points = Number(String(Math.floor(total)).replace(/[0-9]/g, '9') + '.99')
    // A best attempt above the latest one adds its own "^points".
    state.assessments[stateKey(moduleId)] = { attempt, submitted: true, points: points - 0.01, best: points, total }
  })
  return encode(state, data).length
}
