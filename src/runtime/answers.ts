/**
 * Judging one answer. Pure. An answer value has one character per token (see
 * src/shared/state-codec.ts): single / truefalse the chosen token, multiple the chosen tokens
 * sorted, matching the chosen target of each source in order (`_` = none).
 */

import type { QuestionData } from '../shared/sco-data.js'

export type Verdict = 'correct' | 'partial' | 'wrong'

/** Every part of the question has an answer (matching: every source has a target). */
export function isComplete(q: QuestionData, value: string): boolean {
  if (value === '') return false
  if (q.type === 'matching') return value.length === q.sources.length && value.indexOf('_') < 0
  return true
}

/** The right answer, as an answer value. */
export function correctValue(q: QuestionData): string {
  return q.type === 'multiple' ? q.correct.slice().sort().join('') : q.correct.join('')
}

/**
 * All-or-nothing: `correct` only when the whole answer is right. `partial` ("partly correct")
 * when some of it is right: a right choice among those ticked, or a right pair.
 */
export function judge(q: QuestionData, value: string): Verdict {
  if (value === correctValue(q)) return 'correct'
  let right = 0
  if (q.type === 'multiple') {
    for (const token of value.split('')) if (q.correct.indexOf(token) >= 0) right++
  } else if (q.type === 'matching') {
    value.split('').forEach((token, i) => {
      if (token === q.correct[i]) right++
    })
  }
  return right > 0 ? 'partial' : 'wrong'
}
