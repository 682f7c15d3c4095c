/**
 * `cmi.interactions.n.*` records, one per checked or submitted answer. Pure.
 *
 * Formats are Moodle's, which are stricter than scorm-again's (docs: shared/reference/
 * scorm-and-moodle.md §2): 1.2 id printable ASCII without space, responses as single-character
 * tokens (`a,c`; `t`/`f`; `1.a,2.c`), time `HH:MM:SS`; 2004 tokens `^[\w\.]{1,250}$` joined by
 * `[,]` and `[.]`, true-false `true`/`false`, result `incorrect`, description ≤ 250 characters.
 * The id is sent first and the type before any response (2004 answers 408 otherwise).
 * No `correct_responses`: the package does not know the right answers (src/shared/answer-seal.ts);
 * trainers have the answer key (`parcours build --answer-key`), Moodle's report has the result.
 */

import type { QuestionData } from '../shared/sco-data.js'
import type { Verdict } from './answers.js'
import { clockTime12, duration2004, timespan12, timestamp2004 } from './time.js'

export interface InteractionInput {
  question: QuestionData
  /** Answer value (see answers.ts). */
  value: string
  verdict: Verdict
  latencySeconds: number
  date: Date
}

const TYPES = { single: 'choice', multiple: 'choice', truefalse: 'true-false', matching: 'matching' } as const

/** Printable ASCII without space, ≤ 255 (Moodle 1.2 CMIIdentifier). Question ids already are. */
export function interactionId(id: string): string {
  return (id.replace(/[^\x21-\x7e]/g, '_') || 'q').slice(0, 255)
}

/** Responses as lists of items: choice tokens, or [source, target] pairs. */
function items(q: QuestionData, value: string): string[][] {
  if (q.type === 'matching') {
    const pairs: string[][] = []
    value.split('').forEach((target, i) => {
      const source = q.sources[i]
      if (source && target !== '_') pairs.push([source.token, target])
    })
    return pairs
  }
  return value.split('').map((token) => [token])
}

function response(q: QuestionData, value: string, list: string, pair: string, tf: (t: string) => string): string {
  if (q.type === 'truefalse') return tf(value)
  return items(q, value)
    .map((item) => item.join(pair))
    .join(list)
}

export function interaction12(n: number, input: InteractionInput): Array<[string, string]> {
  const { question: q, value } = input
  const p = `cmi.interactions.${n}.`
  const tf = (t: string) => t
  return [
    [p + 'id', interactionId(q.id)],
    [p + 'type', TYPES[q.type]],
    [p + 'time', clockTime12(input.date)],
    [p + 'weighting', String(q.points)],
    [p + 'student_response', response(q, value, ',', '.', tf)],
    [p + 'result', input.verdict === 'correct' ? 'correct' : 'wrong'],
    [p + 'latency', timespan12(input.latencySeconds)],
  ]
}

/** Longest 2004 `description` written: the id names the question; this is a reminder for tutors. */
export const DESCRIPTION_MAX = 80

/**
 * Plain text for the 2004 `description` (localized_string_type allows 250 characters): cut at a
 * word boundary within DESCRIPTION_MAX, with "…". Moodle's 2004 API resends the data model on
 * each commit, so every character here is paid again at every commit (issue 12).
 */
export function description(text: string): string {
  const plain = text
    .replace(/\s+/g, ' ')
    .replace(/^[\s{]+/, '')
    .trim()
  if (plain.length <= DESCRIPTION_MAX) return plain
  const cut = plain.slice(0, DESCRIPTION_MAX - 1)
  const space = cut.lastIndexOf(' ')
  return (space > DESCRIPTION_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.!?]+$/, '') + '…'
}

export function interaction2004(n: number, input: InteractionInput): Array<[string, string]> {
  const { question: q, value } = input
  const p = `cmi.interactions.${n}.`
  const tf = (t: string) => (t === 't' ? 'true' : 'false')
  const out: Array<[string, string]> = [
    [p + 'id', interactionId(q.id)],
    [p + 'type', TYPES[q.type]],
    [p + 'timestamp', timestamp2004(input.date)],
    [p + 'weighting', String(q.points)],
    [p + 'learner_response', response(q, value, '[,]', '[.]', tf)],
    [p + 'result', input.verdict === 'correct' ? 'correct' : 'incorrect'],
    [p + 'latency', duration2004(input.latencySeconds)],
  ]
  const text = description(q.text)
  if (text !== '') out.push([p + 'description', text])
  return out
}
