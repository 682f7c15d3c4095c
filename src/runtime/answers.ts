/**
 * Judging one answer. Pure. An answer value has one character per token (see
 * src/shared/state-codec.ts): single / truefalse the chosen token, multiple the chosen tokens
 * sorted, matching the chosen target of each source in order (`_` = none).
 *
 * The package does not hold the right answers, only digests of them (src/shared/answer-seal.ts):
 * the learner's answer is hashed the same way and compared.
 */

import { digest, label, unseal } from '../shared/answer-seal.js'
import type { QuestionData } from '../shared/sco-data.js'

export type Verdict = 'correct' | 'partial' | 'wrong'

/** Every part of the question has an answer (matching: every source has a target). */
export function isComplete(q: QuestionData, value: string): boolean {
  if (value === '') return false
  if (q.type === 'matching') return value.length === q.sources.length && value.indexOf('_') < 0
  return true
}

/**
 * All-or-nothing: `correct` only when the whole answer is right. `partial` ("partly correct")
 * when some of it is right: a right choice among those ticked, or a right pair.
 */
export function judge(q: QuestionData, value: string): Verdict {
  const { salt, whole, parts } = q.check
  if (value !== '' && digest(salt, label.whole(value)) === whole) return 'correct'
  let right = 0
  if (q.type === 'multiple') {
    for (const token of value.split('')) {
      const i = q.choices.map((c) => c.token).indexOf(token)
      if (i >= 0 && digest(salt, label.choice(token, true)) === parts[i]) right++
    }
  } else if (q.type === 'matching') {
    value.split('').forEach((token, i) => {
      const source = q.sources[i]
      if (source && token !== '_' && digest(salt, label.pair(source.token, token)) === parts[i]) right++
    })
  }
  return right > 0 ? 'partial' : 'wrong'
}

/** The "Correct:" feedback HTML, readable only with the right answer value; '' otherwise. */
export function correctFeedback(q: QuestionData, value: string): string {
  return q.feedback ? (unseal(q.feedback, q.check.salt, value) ?? '') : ''
}
