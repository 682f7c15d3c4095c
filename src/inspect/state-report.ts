/**
 * A learner's `cmi.suspend_data`, decoded against the SCO it belongs to, in words a trainer reads:
 * pages seen, answers and whether they are right, assessment attempts, time, and what no longer
 * matches the course. Pure: used by the preview's inspector and by `parcours inspect`.
 */
import { judge, type Verdict } from '../runtime/answers.js'
import { moduleResults, summarize } from '../runtime/tracking.js'
import type { QuestionData, ScoData } from '../shared/sco-data.js'
import { decodeState, type DroppedPart, type StateVerdict } from '../shared/state-codec.js'
import { stateKey } from '../shared/state-key.js'

export interface StateReport {
  /** Characters, against the LMS's limit for this version. */
  size: number
  limit: number
  /** The shared decoder's verdict (src/shared/state-codec.ts): readable, partial, foreign… */
  verdict: StateVerdict
  /** The runtime may write a new state over this one (nothing it could not read would be lost). */
  writable: boolean
  /** Written by another `version` of the course: the learner is told, once, that it was updated. */
  updated: boolean
  /** Parts not restored, with the reason (course changed, not understood), and the id in the course of what they name, when it is still there. */
  dropped: (DroppedPart & { id?: string })[]
  timeSeconds: number
  interactions: number
  pages: { id: string; title: string; seen: boolean }[]
  /** `chosen`: the answer in the course's words (matching: "source → target"). */
  answers: { id: string; text: string; scored: boolean; value: string; chosen: string[]; verdict: Verdict; checked: boolean }[]
  assessments: {
    moduleId: string
    title: string
    attempt: number
    submitted: boolean
    points: number | null
    best: number | null
    total: number
    /** Score and verdict of the latest submitted attempt (`points`); the one that counts is in `outcome` (policy.attemptScore: `best` may be an earlier attempt). */
    score: number | null
    passed: boolean | null
  }[]
  /** What the runtime computes from this state and reports to the LMS (src/runtime/tracking.ts); the LMS may hold a better one, never a worse. */
  outcome: { complete: boolean; score: number | null; passed: boolean | null; passingScore: number }
}

export function stateReport(suspendData: string, data: ScoData): StateReport {
  const { state, verdict, dropped, writable, updated } = decodeState(suspendData, data)
  const seen = new Set(state.seen)
  const summary = summarize(data, state)
  const results = moduleResults(data, state)
  return {
    size: suspendData.length,
    limit: data.stateLimit,
    verdict,
    writable,
    updated,
    dropped: dropped.map((d) => {
      const id = idOf(d.part, data)
      return id === undefined ? d : { ...d, id }
    }),
    timeSeconds: state.time,
    interactions: state.interactions,
    pages: data.pages.map((p) => ({ id: p.id, title: p.title, seen: seen.has(p.key) })),
    answers: data.questions.flatMap((q) => {
      const answer = state.answers[q.key]
      return answer
        ? [{ id: q.id, text: q.text, scored: q.scored, value: answer.value, chosen: chosenWords(q, answer.value), verdict: judge(q, answer.value), checked: answer.checked }]
        : []
    }),
    assessments: data.modules.flatMap((m) => {
      const a = state.assessments[stateKey(m.id)]
      const result = results.find((r) => r.moduleId === m.id)
      // What the score is over: an attempt submitted before the course changed keeps its own total.
      const total = result?.total ?? data.questions.filter((q) => q.moduleId === m.id && q.scored).reduce((n, q) => n + q.points, 0)
      return a
        ? [
            {
              moduleId: m.id,
              title: m.title,
              attempt: a.attempt,
              submitted: a.submitted,
              points: a.points,
              best: a.best ?? a.points,
              total,
              score: result?.lastScore ?? null,
              passed: result && result.lastScore !== null ? result.lastScore >= data.policy.passingScore : null,
            },
          ]
        : []
    }),
    outcome: { complete: summary.complete, score: summary.score, passed: summary.passed, passingScore: data.policy.passingScore },
  }
}

/** The choices an answer value names, in the course's words (tokens: src/shared/state-codec.ts). */
function chosenWords(q: QuestionData, value: string): string[] {
  const text = (token: string): string => q.choices.find((c) => c.token === token)?.text ?? token
  if (q.type === 'matching') return q.sources.flatMap((source, i) => (value[i] && value[i] !== '_' ? [`${source.text} → ${text(value[i])}`] : []))
  return value.split('').map(text)
}

/** The id, in the course, of what a dropped part names by its state key (`answer k3Jx` → its question's id). */
function idOf(part: string, data: ScoData): string | undefined {
  const [kind, key] = part.split(' ')
  if (kind === 'answer') return data.questions.find((q) => q.key === key)?.id
  if (kind === 'page') return data.pages.find((p) => p.key === key)?.id
  if (kind === 'assessment') return data.modules.find((m) => stateKey(m.id) === key)?.id
  return undefined
}
