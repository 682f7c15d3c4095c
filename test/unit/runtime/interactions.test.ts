import { describe, expect, it } from 'vitest'
import { interaction12, interaction2004, interactionId, description } from '../../../src/runtime/interactions.js'
import { judge } from '../../../src/runtime/answers.js'
import type { QuestionData } from '../../../src/shared/sco-data.js'
import { sampleSco } from '../../helpers/sco.js'

// Moodle 1.2 (scorm_12.js) and ADL 1.2 per-type response formats; Moodle 2004 (scorm_13.js).
const R12 = {
  id: /^[\u0021-\u007E]{0,255}$/,
  time: /^([0-2][0-9]):([0-5][0-9]):([0-5][0-9])(\.[0-9]{1,2})?$/,
  timespan: /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/,
  decimal: /^-?([0-9]{0,3})(\.[0-9]*)?$/,
  type: /^true-false$|^choice$|^fill-in$|^matching$|^performance$|^sequencing$|^likert$|^numeric$/,
  result: /^correct$|^wrong$|^unanticipated$|^neutral$/,
  'true-false': /^[01tf]$/,
  choice: /^[0-9a-z](,[0-9a-z])*$/,
  matching: /^[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*$/,
}
const SHORT_ID = /^[\w.]{1,250}$/
const R2004 = {
  id: /^(?:(?!urn:)\S{1,4000}|urn:[A-Za-z0-9-]{1,31}:\S{1,4000})$/,
  type: /^true-false$|^choice$|^(long-)?fill-in$|^matching$|^performance$|^sequencing$|^likert$|^numeric$|^other$/,
  result: /^correct$|^incorrect$|^unanticipated$|^neutral$/,
  decimal: /^-?([0-9]{1,5})(\.[0-9]{1,18})?$/,
  timespan: /^P(\d+Y)?(\d+M)?(\d+D)?(T(((\d+H)(\d+M)?(\d+(\.\d{1,2})?S)?)|((\d+M)(\d+(\.\d{1,2})?S)?)|((\d+(\.\d{1,2})?S))))?$/,
  timestamp: /^(19[7-9][0-9]|20[0-2][0-9]|203[0-8])-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([0-1][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$/,
}

/** Checks a 2004 response the way Moodle does: split on [,] then [.], every node a short id. */
function valid2004Response(type: string, value: string): boolean {
  if (type === 'true-false') return value === 'true' || value === 'false'
  const nodes = value.split('[,]')
  if (nodes.length > 36) return false
  if (type === 'choice') return new Set(nodes).size === nodes.length && nodes.every((n) => SHORT_ID.test(n))
  return nodes.every((n) => {
    const parts = n.split('[.]')
    return parts.length === 2 && parts.every((p) => SHORT_ID.test(p))
  })
}

const data = sampleSco()
const date = new Date(2026, 0, 15, 14, 30, 0)
const byType = (type: QuestionData['type']): QuestionData => data.questions.find((q) => q.type === type && q.scored)!
const answers: Array<[QuestionData, string]> = [
  [byType('single'), 'b'],
  [byType('single'), 'a'],
  [byType('multiple'), 'ac'],
  [byType('multiple'), 'abd'],
  [byType('truefalse'), 't'],
  [byType('truefalse'), 'f'],
  [byType('matching'), 'bac'],
  [byType('matching'), 'a_c'],
]

describe('SCORM 1.2 interactions', () => {
  it.each(answers)('%# %o answered %s: Moodle-valid', (q, value) => {
    const verdict = judge(q, value)
    const rec = Object.fromEntries(interaction12(4, { question: q, value, verdict, latencySeconds: 12.345, date }))
    const p = 'cmi.interactions.4.'
    expect(Object.keys(rec)[0]).toBe(p + 'id')
    expect(rec[p + 'id']).toMatch(R12.id)
    expect(rec[p + 'id']).toBe(q.id)
    expect(rec[p + 'type']).toMatch(R12.type)
    expect(rec[p + 'time']).toMatch(R12.time)
    expect(rec[p + 'weighting']).toMatch(R12.decimal)
    expect(rec[p + 'latency']).toMatch(R12.timespan)
    expect(rec[p + 'result']).toMatch(R12.result)
    const re = R12[rec[p + 'type'] as 'choice' | 'matching' | 'true-false']
    expect(rec[p + 'student_response']).toMatch(re)
    // The package does not know the right answer: no correct_responses (answer-seal.ts).
    expect(Object.keys(rec).filter((k) => k.includes('correct_responses'))).toEqual([])
  })

  it('writes the documented examples', () => {
    const m = byType('matching')
    const rec = Object.fromEntries(interaction12(0, { question: m, value: 'a_c', verdict: judge(m, 'a_c'), latencySeconds: 61, date }))
    expect(rec).toEqual({
      'cmi.interactions.0.id': m.id,
      'cmi.interactions.0.type': 'matching',
      'cmi.interactions.0.time': '14:30:00',
      'cmi.interactions.0.weighting': '2',
      'cmi.interactions.0.student_response': '1.a,3.c',
      'cmi.interactions.0.result': 'wrong',
      'cmi.interactions.0.latency': '00:01:01.00',
    })
    const c = byType('multiple')
    const choice = Object.fromEntries(interaction12(1, { question: c, value: 'ac', verdict: 'correct', latencySeconds: 0, date }))
    expect(choice['cmi.interactions.1.student_response']).toBe('a,c')
    expect(choice['cmi.interactions.1.result']).toBe('correct')
    const tf = byType('truefalse')
    expect(Object.fromEntries(interaction12(2, { question: tf, value: 'f', verdict: 'wrong', latencySeconds: 0, date }))['cmi.interactions.2.student_response']).toBe('f')
  })

  it('never reads back: the records are write-only in 1.2 (only sets are produced)', () => {
    const q = byType('single')
    expect(interaction12(0, { question: q, value: 'b', verdict: 'correct', latencySeconds: 1, date }).every(([k]) => k.startsWith('cmi.interactions.0.'))).toBe(true)
  })
})

describe('SCORM 2004 interactions', () => {
  it.each(answers)('%# %o answered %s: Moodle-valid', (q, value) => {
    const verdict = judge(q, value)
    const list = interaction2004(7, { question: q, value, verdict, latencySeconds: 3725.5, date })
    const rec = Object.fromEntries(list)
    const p = 'cmi.interactions.7.'
    // id first, type before any response (408 otherwise).
    expect(list[0]![0]).toBe(p + 'id')
    expect(list[1]![0]).toBe(p + 'type')
    expect(rec[p + 'id']).toMatch(R2004.id)
    expect(rec[p + 'type']).toMatch(R2004.type)
    expect(rec[p + 'timestamp']).toMatch(R2004.timestamp)
    expect(rec[p + 'weighting']).toMatch(R2004.decimal)
    expect(rec[p + 'latency']).toMatch(R2004.timespan)
    expect(rec[p + 'result']).toMatch(R2004.result)
    expect(valid2004Response(rec[p + 'type']!, rec[p + 'learner_response']!)).toBe(true)
    expect(Object.keys(rec).filter((k) => k.includes('correct_responses'))).toEqual([])
    expect(rec[p + 'description']!.length).toBeLessThanOrEqual(250)
  })

  it('writes the documented examples', () => {
    const m = byType('matching')
    const rec = Object.fromEntries(interaction2004(0, { question: m, value: 'bac', verdict: 'correct', latencySeconds: 90, date }))
    expect(rec['cmi.interactions.0.learner_response']).toBe('1[.]b[,]2[.]a[,]3[.]c')
    expect(rec['cmi.interactions.0.result']).toBe('correct')
    expect(rec['cmi.interactions.0.latency']).toBe('PT1M30S')
    expect(rec['cmi.interactions.0.timestamp']).toBe('2026-01-15T14:30:00')
    const tf = byType('truefalse')
    const t = Object.fromEntries(interaction2004(1, { question: tf, value: 'f', verdict: 'wrong', latencySeconds: 1, date }))
    expect(t['cmi.interactions.1.learner_response']).toBe('false')
    expect(t['cmi.interactions.1.result']).toBe('incorrect')
    const c = byType('multiple')
    expect(Object.fromEntries(interaction2004(2, { question: c, value: 'ac', verdict: 'correct', latencySeconds: 1, date }))['cmi.interactions.2.learner_response']).toBe('a[,]c')
  })

  it('description: one line, no leading brace, at most 80 characters (250 allowed)', () => {
    expect(description('  Quelle  base\nlégale ?  ')).toBe('Quelle base légale ?')
    expect(description('{lang=fr} texte')).toBe('lang=fr} texte')
    expect(description('x'.repeat(400))).toHaveLength(80)
    // Cut at a word, with an ellipsis, within 80 characters (each character is resent at every 2004 commit).
    const long = 'Quelle est la base légale du traitement des données des élèves dans l’ENT de l’établissement scolaire ?'
    expect(description(long)).toBe('Quelle est la base légale du traitement des données des élèves dans l’ENT de…')
    expect(description(long).length).toBeLessThanOrEqual(80)
  })

  it('ids keep printable ASCII only', () => {
    expect(interactionId('rgpd-q1')).toBe('rgpd-q1')
    expect(interactionId('a b é')).toBe('a_b__')
    expect(interactionId('')).toBe('q')
  })
})
