/**
 * Score, completion and status of a SCO, from the course data and the learner state. Pure: the
 * policy is unit-tested here, so that what the manifest declares and what the runtime reports are
 * the same. Each dialect (lms/scorm12.ts, lms/scorm2004.ts) turns a Summary into its elements.
 *
 * Score: points of the right answers of the attempt that counts of every assessment (the best
 * submitted attempt, or the latest with `policy.attemptScore: last`), over the points of all
 * scored questions of the SCO, × 100, 2 decimals. It exists only once every assessment of the SCO
 * has been submitted at least once.
 * Completion: every page seen (if `policy.allPages`) and accumulated time ≥ `policy.minTimeSeconds`.
 */

import type { QuestionData, ScoData } from '../shared/sco-data.js'
import type { LearnerState } from '../shared/state-codec.js'
import { stateKey } from '../shared/state-key.js'
import { isComplete, judge } from './answers.js'
import type { HeldOutcome } from './lms/types.js'

export interface ModuleResult {
  moduleId: string
  key: string
  /**
   * Points the module's score is over: those of its scored questions, or, for an attempt that can
   * no longer be re-scored (graded questions added or reworded since it was submitted), the total
   * it was submitted with.
   */
  total: number
  /** Points of the attempt that counts (policy.attemptScore: best or last); null if never submitted. */
  earned: number | null
  /** Module score 0–100 (2 decimals) of the attempt that counts. */
  score: number | null
  /** Module score of the latest submitted attempt (differs from `score` when an earlier attempt was better and the best counts). */
  lastScore: number | null
  passed: boolean | null
  attempt: number
  /** The current attempt is submitted. */
  submitted: boolean
  /** Attempts the learner may still start or use, null = unlimited. */
  attemptsLeft: number | null
  /** Failed, and another attempt is allowed. */
  canRetry: boolean
}

export interface Summary {
  pagesSeen: number
  pagesTotal: number
  /** pagesSeen / pagesTotal, 0..1. */
  progress: number
  complete: boolean
  /** The SCO has scored questions. */
  assessed: boolean
  /** Every assessment of the SCO has a submitted attempt. */
  allSubmitted: boolean
  /** 0–100, 2 decimals; null until every assessment has been submitted. */
  score: number | null
  passed: boolean | null
  /** Failed, and some assessment may still be retried (or a new attempt is under way). */
  canRetry: boolean
}

export const round2 = (value: number): number => Math.round(value * 100) / 100

/** A module with scored questions: its key in the state, its questions and their points. */
interface GradedModule {
  id: string
  key: string
  questions: QuestionData[]
  total: number
}

/** What never changes in a SCO's data, indexed once: every page shown reads it (2,400-page SCOs). */
const indexes = new WeakMap<ScoData, { graded: GradedModule[]; pageKeys: Set<string> }>()
function indexed(data: ScoData): { graded: GradedModule[]; pageKeys: Set<string> } {
  let index = indexes.get(data)
  if (!index) {
    // In module order; each module's key and points once, not at every page shown (240 modules: ≈ 0.3 ms a page).
    const graded: GradedModule[] = data.modules.map((m) => ({ id: m.id, key: stateKey(m.id), questions: [], total: 0 }))
    const byId = new Map(graded.map((m) => [m.id, m] as const))
    for (const q of data.questions) {
      const m = q.scored && byId.get(q.moduleId)
      if (m) {
        m.questions.push(q)
        m.total += q.points
      }
    }
    indexes.set(data, (index = { graded: graded.filter((m) => m.questions.length), pageKeys: new Set(data.pages.map((p) => p.key)) }))
  }
  return index
}

/** The results of each module that has scored questions, in module order. */
export function moduleResults(data: ScoData, state: LearnerState): ModuleResult[] {
  const results: ModuleResult[] = []
  for (const { id, key, questions, total: points } of indexed(data).graded) {
    const a = state.assessments[key]
    const attempt = a ? a.attempt : 1
    const submitted = a ? a.submitted : false
    let total = points
    let earned: number | null = null
    const answers = submitted ? questions.map((q) => state.answers[q.key]) : []
    if (submitted && answers.every((ans, i) => ans && isComplete(questions[i]!, ans.value))) {
      // Re-scored with the current right answers: fixing a wrong key re-scores (see answerRev).
      earned = questions.reduce((sum, q, i) => sum + (judge(q, answers[i]!.value) === 'correct' ? q.points : 0), 0)
    } else if (a && a.points !== null) {
      // The points stored at submission, over the total they were earned on: a course update
      // that adds a graded question does not turn a pass into a failure (issue 9).
      if (a.total) total = a.total
      earned = Math.min(Math.max(a.points, 0), total)
    }
    const last = earned
    // The best attempt counts unless the course says otherwise: a retry never lowers a result.
    if (data.policy.attemptScore !== 'last' && a && a.best != null && (earned === null || a.best > earned)) earned = Math.min(Math.max(a.best, 0), total)
    const percent = (points: number | null) => (points === null || total <= 0 ? null : round2((points / total) * 100))
    const score = percent(earned)
    const passed = score === null ? null : score >= data.policy.passingScore
    const max = data.policy.attempts
    const attemptsLeft = max > 0 ? Math.max(0, max - (submitted ? attempt : attempt - 1)) : null
    const canRetry = passed === false && submitted && (attemptsLeft === null || attemptsLeft > 0)
    results.push({ moduleId: id, key, total, earned, score, lastScore: percent(last), passed, attempt, submitted, attemptsLeft, canRetry })
  }
  return results
}

export function summarize(data: ScoData, state: LearnerState): Summary {
  const { pageKeys } = indexed(data)
  const pagesSeen = state.seen.filter((k) => pageKeys.has(k)).length
  const pagesTotal = data.pages.length
  const progress = pagesTotal > 0 ? Math.min(1, pagesSeen / pagesTotal) : 1
  const complete = (!data.policy.allPages || pagesSeen >= pagesTotal) && state.time >= data.policy.minTimeSeconds
  const results = moduleResults(data, state)
  const assessed = results.length > 0
  const allSubmitted = assessed && results.every((r) => r.earned !== null)
  let score: number | null = null
  if (allSubmitted) {
    const total = results.reduce((sum, r) => sum + r.total, 0)
    const earned = results.reduce((sum, r) => sum + (r.earned ?? 0), 0)
    score = total > 0 ? round2((earned / total) * 100) : 0
  }
  const passed = score === null ? null : score >= data.policy.passingScore
  // Failed, but the learner can still change it: a failed module may be retried, or a new
  // attempt is under way.
  const canRetry = passed === false && results.some((r) => r.canRetry || (!r.submitted && r.earned !== null))
  return { pagesSeen, pagesTotal, progress, complete, assessed, allSubmitted, score, passed, canRetry }
}

/**
 * A learner's outcome is never taken back: not by a course update (re-scored or added questions,
 * a newer version of the package), nor by a session that could not read the learner's state.
 * What the LMS holds at launch is a floor: completed stays completed, passed stays passed (with
 * the score it had), failed stays failed until there is a new verdict.
 */
export function holdOutcome(s: Summary, held: HeldOutcome): Summary {
  const out: Summary = { ...s, complete: s.complete || held.completed }
  if (held.passed === true && s.passed !== true) {
    return { ...out, assessed: true, allSubmitted: true, passed: true, canRetry: false, score: held.score }
  }
  if (held.passed === false && s.passed === null) {
    return { ...out, assessed: true, allSubmitted: true, passed: false, canRetry: true, score: held.score }
  }
  return out
}

/** A number as a CMIDecimal: no exponent, at most 4 decimals. */
export function decimal(value: number): string {
  return String(Math.round(value * 10000) / 10000)
}
