/**
 * A learner's `cmi.suspend_data`, decoded against the SCO it belongs to, in words a trainer reads:
 * pages seen, answers and whether they are right, assessment attempts, time, and what no longer
 * matches the course. Pure: used by the preview's inspector and by `parcours inspect`.
 */
import { judge, type Verdict } from '../runtime/answers.js'
import type { ScoData } from '../shared/sco-data.js'
import { decodeState, type DroppedPart, type StateVerdict } from '../shared/state-codec.js'
import { stateKey } from '../shared/state-key.js'

export interface StateReport {
  /** Characters, against the LMS's limit for this version. */
  size: number
  limit: number
  /** The shared decoder's verdict (src/shared/state-codec.ts): readable, partial, foreign… */
  verdict: StateVerdict
  /** Parts not restored, with the reason (course changed, not understood). */
  dropped: DroppedPart[]
  timeSeconds: number
  interactions: number
  pages: { id: string; title: string; seen: boolean }[]
  answers: { id: string; text: string; scored: boolean; value: string; verdict: Verdict; checked: boolean }[]
  assessments: { moduleId: string; title: string; attempt: number; submitted: boolean; points: number | null; best: number | null; total: number }[]
}

export function stateReport(suspendData: string, data: ScoData): StateReport {
  const { state, verdict, dropped } = decodeState(suspendData, data)
  const seen = new Set(state.seen)
  return {
    size: suspendData.length,
    limit: data.stateLimit,
    verdict,
    dropped,
    timeSeconds: state.time,
    interactions: state.interactions,
    pages: data.pages.map((p) => ({ id: p.id, title: p.title, seen: seen.has(p.key) })),
    answers: data.questions.flatMap((q) => {
      const answer = state.answers[q.key]
      return answer ? [{ id: q.id, text: q.text, scored: q.scored, value: answer.value, verdict: judge(q, answer.value), checked: answer.checked }] : []
    }),
    assessments: data.modules.flatMap((m) => {
      const a = state.assessments[stateKey(m.id)]
      const total = data.questions.filter((q) => q.moduleId === m.id && q.scored).reduce((n, q) => n + q.points, 0)
      return a ? [{ moduleId: m.id, title: m.title, attempt: a.attempt, submitted: a.submitted, points: a.points, best: a.best ?? a.points, total }] : []
    }),
  }
}
