// SCORM 2004 strictness: direct window.API_1484_11 calls in the host page, on a minimal
// 4th-edition package (quiet SCO, passing score 0.7, completion threshold 0.8, 2 objectives).
// Illegal values are the ones Moodle 4.5 (mod/scorm/datamodels/scorm_13.js) refuses, most of
// which scorm-again 3.4.3 accepts (response tokens with "-" or accents, 3 fractional digits…).

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiCall, minimalPackage, openSco } from '../helpers/lms/index.js'
import { useLms } from '../helpers/lms/vitest.js'
import { runSetCase, type SetCase, type Session } from './cases.js'

const t = useLms(async () => ({
  m04: minimalPackage({ version: 'scorm2004', scaledPassingScore: '0.7', completionThreshold: '0.8', objectives: ['primary', 'second'] }),
}))
let learnerCount = 0

async function session(init = true): Promise<Session> {
  const learner = `l04-${++learnerCount}`
  const page = await t.browser.newPage()
  await openSco(page, t.lms.url('m04', undefined, learner, 'scorm2004'))
  if (init) expect(await apiCall(page, 'Initialize', '')).toEqual({ result: 'true', error: '0' })
  return { page, lms: t.lms, learner, pkg: 'm04', version: 'scorm2004', next: 0 }
}

const long = (n: number): string => 'x'.repeat(n)
const R = 'cmi.interactions.{n}.learner_response'
const P = 'cmi.interactions.{n}.correct_responses.0.pattern'

const ILLEGAL: [string, SetCase][] = [
  ['location over 1000 chars', { element: 'cmi.location', value: long(1001), code: '406' }],
  ['suspend_data over 64000 chars', { element: 'cmi.suspend_data', value: long(64001), code: '406' }],
  ['empty interaction id', { element: 'cmi.interactions.{n}.id', value: '', code: '406' }],
  ['interaction id with a space', { element: 'cmi.interactions.{n}.id', value: 'a b', code: '406' }],
  ['interaction id over 4000 chars', { element: 'cmi.interactions.{n}.id', value: long(4001), code: '406' }],
  ['description over 250 chars', { element: 'cmi.interactions.{n}.description', value: long(251), type: 'choice', code: '406' }],
  ['description on two lines', { element: 'cmi.interactions.{n}.description', value: 'a\nb', type: 'choice', code: '406' }],
  ['timestamp before 1970', { element: 'cmi.interactions.{n}.timestamp', value: '1969-12-31T23:59:59', type: 'choice', code: '406' }],
  ['timestamp after 2038', { element: 'cmi.interactions.{n}.timestamp', value: '2039-01-01T00:00:00', type: 'choice', code: '406' }],
  ['timestamp with 3 fractional digits (Date.toISOString)', { element: 'cmi.interactions.{n}.timestamp', value: '2024-01-01T10:00:00.123Z', type: 'choice', code: '406' }],
  ['timestamp with a zone but no fraction (Moodle regex)', { element: 'cmi.interactions.{n}.timestamp', value: '2024-01-01T10:00:00Z', type: 'choice', code: '406' }],
  ['session_time in weeks', { element: 'cmi.session_time', value: 'P1W', code: '406' }],
  ['session_time with 3 decimals', { element: 'cmi.session_time', value: 'PT1.123S', code: '406' }],
  ['session_time in 1.2 format', { element: 'cmi.session_time', value: '00:01:30', code: '406' }],
  ['session_time "PT"', { element: 'cmi.session_time', value: 'PT', code: '406' }],
  ['latency with 3 decimals', { element: 'cmi.interactions.{n}.latency', value: 'PT1M30.555S', type: 'choice', code: '406' }],
  ['choice response with "-"', { element: R, value: 'a-1', type: 'choice', code: '406' }],
  ['choice response with an accent', { element: R, value: 'réponse', type: 'choice', code: '406' }],
  ['choice response with a space', { element: R, value: 'a b', type: 'choice', code: '406' }],
  ['empty choice response', { element: R, value: '', type: 'choice', code: '406' }],
  ['choice response repeating an id', { element: R, value: 'a[,]a', type: 'choice', code: '406' }],
  ['choice response separated by "," only', { element: R, value: 'a,b', type: 'choice', code: '406' }],
  ['sequencing response with "-"', { element: R, value: 'step-1[,]step-2', type: 'sequencing', code: '406' }],
  ['likert response with an accent', { element: R, value: 'tout_à_fait', type: 'likert', code: '406' }],
  ['matching pair with "." instead of "[.]"', { element: R, value: 'a.b', type: 'matching', code: '406' }],
  ['matching target with "-"', { element: R, value: 'a[.]b-c', type: 'matching', code: '406' }],
  ['true-false response "yes"', { element: R, value: 'yes', type: 'true-false', code: '406' }],
  ['true-false response "True"', { element: R, value: 'True', type: 'true-false', code: '406' }],
  ['true-false response "1" (1.2 style)', { element: R, value: '1', type: 'true-false', code: '406' }],
  ['numeric response with a comma', { element: R, value: '1,5', type: 'numeric', code: '406' }],
  ['choice pattern with "-"', { element: P, value: 'a-1', type: 'choice', code: '406' }],
  ['matching pattern with an accent', { element: P, value: 'é[.]b', type: 'matching', code: '406' }],
  ['second true-false pattern', { element: 'cmi.interactions.{n}.correct_responses.1.pattern', value: 'true', type: 'true-false', code: '351' }],
  ['completion_status "passed"', { element: 'cmi.completion_status', value: 'passed', code: '406' }],
  ['success_status "completed"', { element: 'cmi.success_status', value: 'completed', code: '406' }],
  ['exit "quit"', { element: 'cmi.exit', value: 'quit', code: '406' }],
  ['score.scaled above 1', { element: 'cmi.score.scaled', value: '1.5', code: '407' }],
  ['progress_measure above 1', { element: 'cmi.progress_measure', value: '1.2', code: '407' }],
  ['score.raw with an exponent', { element: 'cmi.score.raw', value: '1e2', code: '406' }],
  ['score.raw with 6 integer digits', { element: 'cmi.score.raw', value: '123456', code: '406' }],
  ['score.raw without a leading digit', { element: 'cmi.score.raw', value: '.5', code: '406' }],
  ['read-only learner_id', { element: 'cmi.learner_id', value: 'x', code: '404' }],
  ['read-only completion_threshold', { element: 'cmi.completion_threshold', value: '0.1', code: '404' }],
  ['1.2 element', { element: 'cmi.core.lesson_status', value: 'completed', code: '401' }],
  ['adl.nav.request outside the vocabulary', { element: 'adl.nav.request', value: 'next', code: '406' }],
]

const LEGAL: [string, SetCase][] = [
  ['location of 1000 chars', { element: 'cmi.location', value: long(1000) }],
  ['suspend_data of 64000 chars', { element: 'cmi.suspend_data', value: long(64000) }],
  ['interaction id with "-" and an accent (long identifier)', { element: 'cmi.interactions.{n}.id', value: 'urn:parcours:q-1-é' }],
  ['description of 250 chars', { element: 'cmi.interactions.{n}.description', value: long(250), type: 'choice' }],
  ['description with a language', { element: 'cmi.interactions.{n}.description', value: '{lang=fr}Question 1', type: 'choice' }],
  ['timestamp without zone', { element: 'cmi.interactions.{n}.timestamp', value: '2024-05-01T10:00:00', type: 'choice' }],
  ['timestamp with fraction and Z', { element: 'cmi.interactions.{n}.timestamp', value: '2024-05-01T10:00:00.5Z', type: 'choice' }],
  ['timestamp with fraction and offset', { element: 'cmi.interactions.{n}.timestamp', value: '2038-01-19T03:14:07.25+02:00', type: 'choice' }],
  ['session_time PT1H5M30.25S', { element: 'cmi.session_time', value: 'PT1H5M30.25S' }],
  ['session_time P1DT2H', { element: 'cmi.session_time', value: 'P1DT2H' }],
  ['choice response', { element: R, value: 'a_1[,]b.2', type: 'choice' }],
  ['sequencing response', { element: R, value: 's1[,]s2[,]s3', type: 'sequencing' }],
  ['likert response', { element: R, value: 'likert_3', type: 'likert' }],
  ['matching response', { element: R, value: 'src_1[.]tgt_1[,]src_2[.]tgt_2', type: 'matching' }],
  ['true-false response', { element: R, value: 'true', type: 'true-false' }],
  ['numeric response', { element: R, value: '3.5', type: 'numeric' }],
  ['fill-in response with a language', { element: R, value: '{lang=fr}Le Havre', type: 'fill-in' }],
  ['performance response', { element: R, value: 'step1[.]3.5', type: 'performance' }],
  ['other response', { element: R, value: 'anything goes - é', type: 'other' }],
  ['numeric range pattern', { element: P, value: '1[:]5', type: 'numeric' }],
  ['choice pattern', { element: P, value: 'a[,]b', type: 'choice' }],
  ['fill-in pattern with case_matters', { element: P, value: '{case_matters=true}Paris', type: 'fill-in' }],
  ['result incorrect', { element: 'cmi.interactions.{n}.result', value: 'incorrect', type: 'choice' }],
  ['completion_status completed', { element: 'cmi.completion_status', value: 'completed' }],
  ['success_status passed', { element: 'cmi.success_status', value: 'passed' }],
  ['score.scaled -1', { element: 'cmi.score.scaled', value: '-1' }],
  ['progress_measure', { element: 'cmi.progress_measure', value: '0.75' }],
  ['exit normal', { element: 'cmi.exit', value: 'normal' }],
  ['adl.nav.request continue', { element: 'adl.nav.request', value: 'continue' }],
]

describe('SCORM 2004 SetValue', () => {
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
  it('refuses learner_response before the interaction type (408)', async () => {
    const n = s.next++
    expect(await apiCall(s.page, 'SetValue', `cmi.interactions.${n}.id`, 'typeless')).toEqual({ result: 'true', error: '0' })
    expect(await apiCall(s.page, 'SetValue', `cmi.interactions.${n}.learner_response`, 'a')).toEqual({ result: 'false', error: '408' })
  })
  it('flags non-string values', async () => {
    expect(await apiCall(s.page, 'SetValue', 'cmi.score.scaled', 0.5)).toEqual({ result: 'true', error: '0' })
    await s.lms.flush(s.page)
    expect(s.lms.violations(s.learner, 'm04').filter((v) => v.kind === 'type')).toMatchObject([
      { args: ['cmi.score.scaled', 0.5], message: 'value is a number (0.5), not a string' },
    ])
  })
})

describe('SCORM 2004 GetValue', () => {
  let s: Session
  beforeAll(async () => {
    s = await session()
  })
  afterAll(async () => s?.page.close())

  it.each([
    ['cmi.exit', '405'],
    ['cmi.session_time', '405'],
    ['', '301'],
    ['cmi.location._count', '301'],
    ['cmi.core.lesson_status', '401'],
  ])('refuses %j with %s', async (element, code) => {
    expect(await apiCall(s.page, 'GetValue', element)).toEqual({ result: '', error: code })
  })
  it.each([
    ['cmi.mode', 'normal'],
    ['cmi.credit', 'credit'],
    ['cmi.entry', 'ab-initio'],
    ['cmi.scaled_passing_score', '0.7'],
    ['cmi.completion_threshold', '0.8'],
    ['cmi.objectives._count', '2'],
    ['cmi.objectives.0.id', 'primary'],
    ['cmi.objectives.1.id', 'second'],
  ])('reads %s (preloaded from the manifest like Moodle)', async (element, value) => {
    expect(await apiCall(s.page, 'GetValue', element)).toEqual({ result: value, error: '0' })
  })
})

describe('SCORM 2004 session lifecycle', () => {
  const pages: Page[] = []
  afterAll(async () => Promise.all(pages.map((p) => p.close())))

  it('answers 122/132/142/112 before Initialize, 201 to a bad argument and 103 to a second Initialize', async () => {
    const s = await session(false)
    pages.push(s.page)
    expect(await apiCall(s.page, 'GetValue', 'cmi.location')).toEqual({ result: '', error: '122' })
    expect(await apiCall(s.page, 'SetValue', 'cmi.location', 'x')).toEqual({ result: 'false', error: '132' })
    expect(await apiCall(s.page, 'Commit', '')).toEqual({ result: 'false', error: '142' })
    expect(await apiCall(s.page, 'Terminate', '')).toEqual({ result: 'false', error: '112' })
    expect(await apiCall(s.page, 'Initialize', 'x')).toEqual({ result: 'false', error: '201' })
    expect(await apiCall(s.page, 'Initialize', '')).toEqual({ result: 'true', error: '0' })
    expect(await apiCall(s.page, 'Initialize', '')).toEqual({ result: 'false', error: '103' })
  })

  it('answers 123/133/143/113/104 after Terminate', async () => {
    const s = await session(true)
    pages.push(s.page)
    expect(await apiCall(s.page, 'Terminate', '')).toEqual({ result: 'true', error: '0' })
    expect(await apiCall(s.page, 'GetValue', 'cmi.location')).toEqual({ result: '', error: '123' })
    expect(await apiCall(s.page, 'SetValue', 'cmi.location', 'x')).toEqual({ result: 'false', error: '133' })
    expect(await apiCall(s.page, 'Commit', '')).toEqual({ result: 'false', error: '143' })
    expect(await apiCall(s.page, 'Terminate', '')).toEqual({ result: 'false', error: '113' })
    expect(await apiCall(s.page, 'Initialize', '')).toEqual({ result: 'false', error: '104' })
    await s.lms.flush(s.page)
    expect(s.lms.violations(s.learner, 'm04').map((v) => [v.code, v.rule])).toEqual([
      ['123', 'lifecycle.after-finish'],
      ['133', 'lifecycle.after-finish'],
      ['143', 'lifecycle.after-finish'],
      ['113', 'lifecycle.after-finish'],
      ['104', 'lifecycle.after-finish'],
    ])
  })
})
