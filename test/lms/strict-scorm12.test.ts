// SCORM 1.2 strictness: direct window.API calls in the host page (as a SCO would make them),
// on a minimal 1.2 package whose launch page never touches the API itself.
// Each illegal value is one scorm-again accepts or one Moodle 4.5 refuses; the LMS must answer
// "false" + Moodle's error code, and record a violation.

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiCall, minimalPackage, openSco } from '../helpers/lms/index.js'
import { useLms } from '../helpers/lms/vitest.js'
import { runSetCase, type SetCase, type Session } from './cases.js'

const t = useLms(async () => ({ m12: minimalPackage({ version: 'scorm12' }) }))
let learnerCount = 0

/** A fresh initialised 1.2 session for a new learner. */
async function session(init = true): Promise<Session> {
  const learner = `l12-${++learnerCount}`
  const page = await t.browser.newPage()
  await openSco(page, t.lms.url('m12', undefined, learner, 'scorm12'))
  if (init) expect(await apiCall(page, 'LMSInitialize', '')).toEqual({ result: 'true', error: '0' })
  return { page, lms: t.lms, learner, pkg: 'm12', version: 'scorm12', next: 0 }
}

const long = (n: number): string => 'x'.repeat(n)

const ILLEGAL: [string, SetCase][] = [
  ['lesson_location over 255 chars', { element: 'cmi.core.lesson_location', value: long(256), code: '405' }],
  ['suspend_data over 4096 chars (scorm-again allows 64000)', { element: 'cmi.suspend_data', value: long(4097), code: '405' }],
  ['interaction id with a space', { element: 'cmi.interactions.{n}.id', value: 'q 1', code: '405' }],
  ['interaction id with an accent', { element: 'cmi.interactions.{n}.id', value: 'réponse', code: '405' }],
  ['interaction id over 255 chars', { element: 'cmi.interactions.{n}.id', value: long(256), code: '405' }],
  ['objective id with a space', { element: 'cmi.objectives.0.id', value: 'obj one', code: '405' }],
  ['session_time as an ISO 8601 duration', { element: 'cmi.core.session_time', value: 'PT1M30S', code: '405' }],
  ['session_time with a 1-digit hour', { element: 'cmi.core.session_time', value: '1:30:00', code: '405' }],
  ['session_time with 3 decimals', { element: 'cmi.core.session_time', value: '00:01:30.123', code: '405' }],
  ['interaction time with a 1-digit hour', { element: 'cmi.interactions.{n}.time', value: '9:15:00', type: 'choice', code: '405' }],
  ['interaction time with minute 60', { element: 'cmi.interactions.{n}.time', value: '12:60:00', type: 'choice', code: '405' }],
  ['score.raw above 100', { element: 'cmi.core.score.raw', value: '101', code: '405' }],
  ['score.raw below 0', { element: 'cmi.core.score.raw', value: '-1', code: '405' }],
  ['score.raw not a number', { element: 'cmi.core.score.raw', value: 'abc', code: '405' }],
  ['score.raw with an exponent', { element: 'cmi.core.score.raw', value: '1e2', code: '405' }],
  ['score.min above 100', { element: 'cmi.core.score.min', value: '150', code: '405' }],
  ['score.max with 4 digits', { element: 'cmi.core.score.max', value: '1000', code: '405' }],
  ['lesson_status "not attempted"', { element: 'cmi.core.lesson_status', value: 'not attempted', code: '405' }],
  ['lesson_status outside the vocabulary', { element: 'cmi.core.lesson_status', value: 'done', code: '405' }],
  ['lesson_status capitalised', { element: 'cmi.core.lesson_status', value: 'Completed', code: '405' }],
  ['exit "normal" (a 2004 value; scorm-again accepts it)', { element: 'cmi.core.exit', value: 'normal', code: '405' }],
  ['choice response separated by ";"', { element: 'cmi.interactions.{n}.student_response', value: 'a;b', type: 'choice', code: '405' }],
  ['choice response with a multi-character id', { element: 'cmi.interactions.{n}.student_response', value: 'ab', type: 'choice', code: '405' }],
  ['choice response in upper case', { element: 'cmi.interactions.{n}.student_response', value: 'A', type: 'choice', code: '405' }],
  ['choice pattern with a space', { element: 'cmi.interactions.{n}.correct_responses.0.pattern', value: 'a, b', type: 'choice', code: '405' }],
  ['true-false response "true"', { element: 'cmi.interactions.{n}.student_response', value: 'true', type: 'true-false', code: '405' }],
  ['true-false pattern "yes"', { element: 'cmi.interactions.{n}.correct_responses.0.pattern', value: 'yes', type: 'true-false', code: '405' }],
  ['matching pair with "-"', { element: 'cmi.interactions.{n}.student_response', value: '1-a', type: 'matching', code: '405' }],
  ['matching pair with a multi-character target', { element: 'cmi.interactions.{n}.student_response', value: '1.ab', type: 'matching', code: '405' }],
  ['fill-in response over 255 chars', { element: 'cmi.interactions.{n}.student_response', value: long(256), type: 'fill-in', code: '405' }],
  ['correct_responses pattern over 255 chars', { element: 'cmi.interactions.{n}.correct_responses.0.pattern', value: long(256), type: 'fill-in', code: '405' }],
  ['read-only element', { element: 'cmi.core.student_id', value: 'x', code: '403' }],
  ['keyword element', { element: 'cmi.core._children', value: 'x', code: '402' }],
  ['element outside the data model (Moodle answers 201)', { element: 'cmi.core.foo', value: 'x', code: '201' }],
  ['SCORM 2004 element', { element: 'cmi.location', value: 'x', code: '201' }],
]

const LEGAL: [string, SetCase][] = [
  ['lesson_location of 255 chars', { element: 'cmi.core.lesson_location', value: long(255) }],
  ['suspend_data of 4096 chars', { element: 'cmi.suspend_data', value: long(4096) }],
  ['interaction id in printable ASCII', { element: 'cmi.interactions.{n}.id', value: 'q1.a-b_c~!' }],
  ['objective id', { element: 'cmi.objectives.0.id', value: 'obj-1' }],
  ['session_time with 4-digit hours and 1 decimal', { element: 'cmi.core.session_time', value: '0000:01:30.5' }],
  ['session_time HH:MM:SS', { element: 'cmi.core.session_time', value: '00:01:30' }],
  ['interaction time', { element: 'cmi.interactions.{n}.time', value: '09:15:00.5', type: 'choice' }],
  ['decimal score', { element: 'cmi.core.score.raw', value: '85.5' }],
  ['score 0', { element: 'cmi.core.score.min', value: '0' }],
  ['score 100', { element: 'cmi.core.score.max', value: '100' }],
  ['status passed', { element: 'cmi.core.lesson_status', value: 'passed' }],
  ['status browsed', { element: 'cmi.core.lesson_status', value: 'browsed' }],
  ['exit suspend', { element: 'cmi.core.exit', value: 'suspend' }],
  ['exit ""', { element: 'cmi.core.exit', value: '' }],
  ['choice response a,c', { element: 'cmi.interactions.{n}.student_response', value: 'a,c', type: 'choice' }],
  ['choice pattern as a set {a,b}', { element: 'cmi.interactions.{n}.correct_responses.0.pattern', value: '{a,b}', type: 'choice' }],
  ['true-false response t', { element: 'cmi.interactions.{n}.student_response', value: 't', type: 'true-false' }],
  ['matching response 1.a,2.b', { element: 'cmi.interactions.{n}.student_response', value: '1.a,2.b', type: 'matching' }],
  ['likert response 3', { element: 'cmi.interactions.{n}.student_response', value: '3', type: 'likert' }],
  ['numeric response', { element: 'cmi.interactions.{n}.student_response', value: '12.5', type: 'numeric' }],
  ['fill-in response', { element: 'cmi.interactions.{n}.student_response', value: 'Le Havre, France', type: 'fill-in' }],
  ['result wrong', { element: 'cmi.interactions.{n}.result', value: 'wrong', type: 'choice' }],
  ['weighting -100', { element: 'cmi.interactions.{n}.weighting', value: '-100', type: 'choice' }],
  ['nav.event continue', { element: 'nav.event', value: 'continue' }],
]

describe('SCORM 1.2 LMSSetValue', () => {
  let s: Session
  beforeAll(async () => {
    s = await session()
  })
  afterAll(async () => s?.page.close())

  it.each(ILLEGAL)('refuses %s', async (_label, c) => {
    await runSetCase(s, c)
  })
  it.each(LEGAL)('accepts %s', async (_label, c) => {
    await runSetCase(s, c)
  })
  it('flags non-string values (Moodle stores value + "") and stores them as strings', async () => {
    expect(await apiCall(s.page, 'LMSSetValue', 'cmi.core.score.raw', 50)).toEqual({ result: 'true', error: '0' })
    expect(await apiCall(s.page, 'LMSSetValue', 'cmi.core.lesson_location', true)).toEqual({ result: 'true', error: '0' })
    expect(await apiCall(s.page, 'LMSCommit', '')).toEqual({ result: 'true', error: '0' })
    await s.lms.flush(s.page)
    const types = s.lms.violations(s.learner, 'm12').filter((v) => v.kind === 'type')
    expect(types.map((v) => [v.args, v.message])).toEqual([
      [['cmi.core.score.raw', 50], 'value is a number (50), not a string'],
      [['cmi.core.lesson_location', true], 'value is a boolean (true), not a string'],
    ])
    expect(s.lms.tracks(s.learner, 'm12')).toMatchObject({ 'cmi.core.score.raw': '50', 'cmi.core.lesson_location': 'true' })
  })
  it('records errors produced by scorm-again itself (index gap → 201) as api-error', async () => {
    const el = `cmi.interactions.${s.next + 5}.id`
    expect(await apiCall(s.page, 'LMSSetValue', el, 'gap')).toEqual({ result: 'false', error: '201' })
    await s.lms.flush(s.page)
    expect(s.lms.violations(s.learner, 'm12').filter((v) => v.args[0] === el)).toMatchObject([{ kind: 'api-error', code: '201' }])
  })
  it('re-checks a response once its interaction type arrives (1.2 has no ordering rule)', async () => {
    const n = s.next++
    for (const [el, v] of [
      [`cmi.interactions.${n}.id`, 'late'],
      [`cmi.interactions.${n}.student_response`, 'b;c'],
      [`cmi.interactions.${n}.type`, 'choice'],
    ]) {
      expect(await apiCall(s.page, 'LMSSetValue', el, v)).toEqual({ result: 'true', error: '0' })
    }
    await s.lms.flush(s.page)
    const late = s.lms.violations(s.learner, 'm12').filter((v) => v.args[0] === `cmi.interactions.${n}.student_response`)
    expect(late).toMatchObject([{ kind: 'strict', code: '0', rule: 'scorm12.response.choice' }])
  })
})

describe('SCORM 1.2 LMSGetValue', () => {
  let s: Session
  beforeAll(async () => {
    s = await session()
  })
  afterAll(async () => s?.page.close())

  it.each([
    ['cmi.core.exit', '404'],
    ['cmi.core.session_time', '404'],
    ['cmi.interactions.0.id', '404'],
    ['cmi.interactions.0.student_response', '404'],
    ['cmi.interactions.0.correct_responses.0.pattern', '404'],
    ['cmi.core.lesson_status._count', '203'],
    ['cmi.core.student_id._children', '202'],
    ['cmi.location', '201'],
    ['', '201'],
  ])('refuses %j with %s', async (element, code) => {
    expect(await apiCall(s.page, 'LMSGetValue', element)).toEqual({ result: '', error: code })
    await s.lms.flush(s.page)
    expect(s.lms.violations(s.learner, 'm12').filter((v) => v.args[0] === element)).toMatchObject([{ kind: 'strict', code }])
  })
  it.each([
    ['cmi.interactions._count', '0'],
    ['cmi.core.lesson_mode', 'normal'],
    ['cmi.core.credit', 'credit'],
    ['cmi.core.entry', 'ab-initio'],
    ['cmi.core.lesson_status', 'not attempted'],
  ])('reads %s', async (element, value) => {
    expect(await apiCall(s.page, 'LMSGetValue', element)).toEqual({ result: value, error: '0' })
  })
})

describe('SCORM 1.2 session lifecycle', () => {
  const pages: Page[] = []
  afterAll(async () => Promise.all(pages.map((p) => p.close())))
  const open = async (init: boolean): Promise<Session> => {
    const s = await session(init)
    pages.push(s.page)
    return s
  }

  it('needs LMSInitialize("") exactly once (201 for other arguments, 101 the second time)', async () => {
    const s = await open(false)
    expect(await apiCall(s.page, 'LMSGetValue', 'cmi.core.lesson_status')).toEqual({ result: '', error: '301' })
    expect(await apiCall(s.page, 'LMSInitialize', 'x')).toEqual({ result: 'false', error: '201' })
    expect(await apiCall(s.page, 'LMSInitialize')).toEqual({ result: 'false', error: '201' }) // scorm-again accepts
    expect(await apiCall(s.page, 'LMSInitialize', '')).toEqual({ result: 'true', error: '0' })
    expect(await apiCall(s.page, 'LMSInitialize', '')).toEqual({ result: 'false', error: '101' })
    await s.lms.flush(s.page)
    expect(s.lms.violations(s.learner, 'm12').map((v) => [v.method, v.code, v.rule])).toEqual([
      ['LMSGetValue', '301', 'lifecycle.not-initialized'],
      ['LMSInitialize', '201', 'lifecycle.argument'],
      ['LMSInitialize', '201', 'lifecycle.argument'],
      ['LMSInitialize', '101', 'lifecycle.already-initialized'],
    ])
  })

  it('answers "false"/301 to every call after LMSFinish (scorm-again answers "true")', async () => {
    const s = await open(true)
    expect(await apiCall(s.page, 'LMSFinish', 'x')).toEqual({ result: 'false', error: '201' })
    expect(await apiCall(s.page, 'LMSCommit', 'x')).toEqual({ result: 'false', error: '201' })
    expect(await apiCall(s.page, 'LMSFinish', '')).toEqual({ result: 'true', error: '0' })
    expect(await apiCall(s.page, 'LMSGetValue', 'cmi.core.lesson_status')).toEqual({ result: '', error: '301' })
    expect(await apiCall(s.page, 'LMSSetValue', 'cmi.core.lesson_location', 'p2')).toEqual({ result: 'false', error: '301' })
    expect(await apiCall(s.page, 'LMSCommit', '')).toEqual({ result: 'false', error: '301' })
    expect(await apiCall(s.page, 'LMSFinish', '')).toEqual({ result: 'false', error: '301' })
    expect(await apiCall(s.page, 'LMSInitialize', '')).toEqual({ result: 'false', error: '101' })
    expect(await apiCall(s.page, 'LMSGetLastError')).toEqual({ result: '101', error: '101' })
    expect((await apiCall(s.page, 'LMSGetErrorString', '301')).result).not.toBe('')
    await s.lms.flush(s.page)
    const after = s.lms.violations(s.learner, 'm12').filter((v) => v.rule === 'lifecycle.after-finish')
    expect(after.map((v) => v.method)).toEqual(['LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish', 'LMSInitialize'])
    expect(s.lms.tracks(s.learner, 'm12')['cmi.core.lesson_location']).toBeUndefined()
  })

  it('logs every call in order with its result and error code', async () => {
    const s = await open(true)
    await apiCall(s.page, 'LMSSetValue', 'cmi.core.lesson_status', 'done')
    await apiCall(s.page, 'LMSGetLastError')
    await apiCall(s.page, 'LMSGetDiagnostic', '')
    await s.lms.flush(s.page)
    const calls = s.lms.calls(s.learner, 'm12')
    expect(calls.map((c) => [c.method, c.result, c.error])).toEqual([
      ['LMSInitialize', 'true', '0'],
      ['LMSSetValue', 'false', '405'],
      ['LMSGetLastError', '405', '405'],
      ['LMSGetDiagnostic', 'cmi.core.lesson_status="done" does not match Moodle\'s SCORM 1.2 format', '405'],
    ])
    expect(calls[1]).toMatchObject({ session: 1, seq: 2, args: ['cmi.core.lesson_status', 'done'], argTypes: ['string', 'string'], rule: 'scorm12.format.cmi.core.lesson_status' })
  })
})
