/**
 * What the end page says, from the same Summary the runtime sends (session.summary(): the state's
 * summary held at what the LMS kept, tracking.ts holdOutcome): the verdict as the LMS holds it,
 * each graded assessment with the score that counts and its weight, and what is left to do. Pure:
 * unit-tested from a Summary; src/runtime/end-page.ts only writes it into the page.
 */

import type { ScoData } from '../shared/sco-data.js'
import type { LearnerState } from '../shared/state-codec.js'
import type { Summary } from './tracking.js'
import { moduleResults, round2 } from './tracking.js'

/** Page id of the end page: `_` is not allowed in an author's id (ID_PATTERN), so it names no page of a course. */
export const END_PAGE = '_end'

export interface EndRow {
  moduleId: string
  title: string
  /** Score that counts (best or last attempt, as the policy says), null until submitted. */
  score: number | null
  /** The module's points, and their share of the SCO's graded points (percent, 2 decimals). */
  points: number
  share: number
  /** Attempts left, null = unlimited. */
  attemptsLeft: number | null
}

export type Todo =
  | { kind: 'pages'; count: number; total: number }
  | { kind: 'submit' | 'finish'; module: string }
  | { kind: 'retry'; module: string; score: number }
  | { kind: 'time'; minutes: number }

export interface Ending {
  /** Success as sent to the LMS: passed, failed, or none yet (null); `assessed` false when the SCO has no graded question. */
  assessed: boolean
  passed: boolean | null
  completed: boolean
  score: number | null
  rows: EndRow[]
  todo: Todo[]
  /** Not passed, and no assessment may be retried any more: only the trainer can reopen an attempt. */
  noAttemptsLeft: boolean
}

export function ending(data: ScoData, state: LearnerState, summary: Summary): Ending {
  const results = moduleResults(data, state)
  const titles = new Map(data.modules.map((m) => [m.id, m.title] as const))
  const all = results.reduce((sum, r) => sum + r.total, 0)
  const rows = results.map((r) => ({
    moduleId: r.moduleId,
    title: titles.get(r.moduleId) as string,
    score: r.score,
    points: r.total,
    share: all > 0 ? round2((r.total / all) * 100) : 0,
    attemptsLeft: r.attemptsLeft,
  }))
  const todo: Todo[] = []
  const left = summary.pagesTotal - summary.pagesSeen
  if (data.policy.allPages && left > 0 && !summary.complete) todo.push({ kind: 'pages', count: left, total: summary.pagesTotal })
  // Once the LMS holds a pass, nothing about the assessments is left to do (it is never taken back).
  if (summary.passed !== true) {
    for (const r of results) {
      const module = titles.get(r.moduleId) as string
      if (r.earned === null) todo.push({ kind: 'submit', module })
      else if (!r.submitted) todo.push({ kind: 'finish', module })
      else if (summary.passed === false && r.canRetry && r.score !== null) todo.push({ kind: 'retry', module, score: r.score })
    }
  }
  const missing = data.policy.minTimeSeconds - state.time
  if (missing > 0 && !summary.complete) todo.push({ kind: 'time', minutes: Math.ceil(missing / 60) })
  return {
    assessed: summary.assessed,
    passed: summary.passed,
    completed: summary.complete,
    score: summary.score,
    rows,
    todo,
    noAttemptsLeft: summary.passed === false && !todo.some((x) => x.kind !== 'pages' && x.kind !== 'time'),
  }
}
