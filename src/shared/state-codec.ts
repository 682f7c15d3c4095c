/**
 * The learner state of one SCO and its `cmi.suspend_data` text.
 *
 * Pure: no DOM, no Node API. The browser runtime encodes and decodes it; the compiler sizes it
 * (`worstCaseStateLength`) and `parcours inspect` can decode a learner's state with it.
 *
 * The text is printable ASCII without space, quotes or backslash (it survives any LMS storage,
 * any form encoding and a JSON string), short (SCORM 1.2 allows 4096 characters) and versioned.
 * Everything is named by state keys (src/shared/state-key.ts), never by position.
 *
 * Grammar, version 1 (sections after the version may come in any order; unknown section letters
 * are ignored so that later versions can add sections that older runtimes skip):
 *
 *   state      = "1" *( "|" section )
 *   section    = "t" uint                       accumulated time in the SCO, whole seconds
 *              / "n" uint                       cmi.interactions records written so far
 *              / "p" *pagekey                   pages seen: 4-character keys, concatenated
 *              / "q" answer *( "," answer )     answers
 *              / "a" assess *( "," assess )     module assessments
 *   answer     = key4 rev2 [ "!" ] 1*token
 *                "!" = the knowledge check was checked ("Vérifier ma réponse")
 *                tokens, one character each: single / truefalse: the chosen token;
 *                multiple: the chosen tokens, sorted; matching: for each source, in the
 *                order of the question's sources, the chosen target token or "_" (none)
 *   assess     = key4 attempt [ "s" ] [ "~" points ] [ "^" best ]
 *                attempt = current attempt number (from 1); "s" = this attempt is submitted;
 *                points = points earned at the latest submitted attempt (up to 2 decimals);
 *                best = the most points earned at any submitted attempt, when it is more than
 *                points (absent: points is the best)
 *   key4       = 4 base62    rev2 = 2 base62    uint = 1*9 DIGIT
 *   token      = %x30-39 / %x61-7A / "_"
 *
 * Example: `1|t754|n6|pA1b2C3d4|qk3Jx9a!b,Zz01Qwac|aM0d22s~7.5`
 *
 * Decoding never throws. Unknown version or garbage: clean state and an `unreadable` notice
 * (a parcours state of another version: `reset`). Keys that no longer exist are ignored. An
 * answer whose rev is not the question's current rev, or whose tokens are not valid any more, is
 * dropped (`dropped-answers`): an answer is never reinterpreted.
 */

import type { QuestionData, ScoData } from './sco-data.js'
import { stateKey } from './state-key.js'

export const STATE_VERSION = '1'

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

export type StateNotice = 'reset' | 'dropped-answers' | 'unreadable'

export interface Decoded {
  state: LearnerState
  notices: StateNotice[]
}

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

export function encode(state: LearnerState): string {
  const out = [STATE_VERSION, 't' + uint(state.time), 'n' + uint(state.interactions)]
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
        (a.best != null && (a.points === null || a.best > a.points) ? '^' + decimal(a.best) : '')
      )
    })
  if (assessments.length > 0) out.push('a' + assessments.join(','))
  return out.join('|')
}

const UINT_RE = /^[0-9]{1,9}$/
const PAGES_RE = /^(?:[0-9A-Za-z]{4})*$/
const ANSWER_RE = /^([0-9A-Za-z]{4})([0-9A-Za-z]{2})(!?)([0-9a-z_]+)$/
const ASSESS_RE = /^([0-9A-Za-z]{4})([0-9]{1,9})(s?)(?:~([0-9]{1,9}(?:\.[0-9]{1,2})?))?(?:\^([0-9]{1,9}(?:\.[0-9]{1,2})?))?$/

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

export function decode(text: string, data: ScoData): Decoded {
  try {
    return decodeOrThrow(text, data)
  } catch {
    return { state: emptyState(), notices: ['unreadable'] }
  }
}

function decodeOrThrow(text: string, data: ScoData): Decoded {
  if (typeof text !== 'string' || text === '') return { state: emptyState(), notices: [] }
  const sections = text.split('|')
  const version = sections[0] as string
  if (version !== STATE_VERSION) {
    // Another parcours format (a newer runtime wrote it): start again, but say it plainly.
    const ours = /^[0-9]{1,3}$/.test(version) && sections.length > 1
    return { state: emptyState(), notices: [ours ? 'reset' : 'unreadable'] }
  }
  const state = emptyState()
  let dropped = false
  const pageKeys = new Set(data.pages.map((p) => p.key))
  const questions = new Map(data.questions.map((q) => [q.key, q] as const))
  const modules = new Map(data.modules.map((m) => [stateKey(m.id), m] as const))
  const seen = new Set<string>()

  for (let i = 1; i < sections.length; i++) {
    const section = sections[i] as string
    const tag = section.charAt(0)
    const body = section.slice(1)
    if (tag === 't' || tag === 'n') {
      if (!UINT_RE.test(body)) throw new Error('bad number')
      if (tag === 't') state.time = Number(body)
      else state.interactions = Number(body)
    } else if (tag === 'p') {
      if (!PAGES_RE.test(body)) throw new Error('bad pages')
      for (let j = 0; j < body.length; j += 4) {
        const key = body.slice(j, j + 4)
        if (pageKeys.has(key)) seen.add(key)
      }
    } else if (tag === 'q') {
      for (const entry of body.split(',')) {
        const m = ANSWER_RE.exec(entry)
        if (!m) {
          dropped = true
          continue
        }
        const q = questions.get(m[1] as string)
        if (!q) continue // the question was removed: nothing to restore, nothing to say
        const value = m[2] === q.rev ? validAnswer(q, m[4] as string) : null
        if (value === null) {
          dropped = true
          continue
        }
        state.answers[q.key] = { rev: q.rev, value, checked: !q.scored && m[3] === '!' }
      }
    } else if (tag === 'a') {
      for (const entry of body.split(',')) {
        const m = ASSESS_RE.exec(entry)
        if (!m) {
          dropped = true
          continue
        }
        const key = m[1] as string
        if (!modules.has(key)) continue
        const attempt = Number(m[2])
        if (attempt < 1) {
          dropped = true
          continue
        }
        const points = m[4] === undefined ? null : Number(m[4])
        state.assessments[key] = { attempt, submitted: m[3] === 's', points }
        // Kept only when above the latest attempt's points (which are otherwise the best).
        if (m[5] !== undefined && Number(m[5]) > (points ?? -1)) state.assessments[key].best = Number(m[5])
      }
    }
    // Any other letter: a section added by a later version of format 1; skipped.
  }
  state.seen = Array.from(seen).sort()
  return { state, notices: dropped ? ['dropped-answers'] : [] }
}

/**
 * The text to store, within `limit` characters when possible: if the full state is too long,
 * knowledge-check answers are left out (they are not scored) until it fits. The compiler checks
 * that the worst case fits, so this is a safety net, not a normal path.
 */
export function encodeWithin(
  state: LearnerState,
  data: ScoData,
  limit: number,
): { text: string; dropped: string[] } {
  let text = encode(state)
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
    text = encode(trimmed)
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
    state.assessments[stateKey(moduleId)] = { attempt, submitted: true, points: points - 0.01, best: points }
  })
  return encode(state).length
}
