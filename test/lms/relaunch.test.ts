// Relaunch behaviour of Moodle 4.5 reproduced by the test LMS:
//  1.2 (scorm_12lib.php, scorm_12.js StoreData): data always reloaded, entry = resume only
//      after exit=suspend, total_time accumulated, lesson_status rules at LMSFinish;
//  2004 (scorm_13lib.php get_scorm_default): data reloaded only after exit=suspend,
//      otherwise a fresh attempt.

import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { apiCall, minimalPackage, openSco } from '../helpers/lms/index.js'
import { useLms } from '../helpers/lms/vitest.js'

const t = useLms(async () => ({
  m12: minimalPackage({ version: 'scorm12', masteryScore: '80' }),
  m04: minimalPackage({ version: 'scorm2004', scaledPassingScore: '0.7', completionThreshold: '0.8', objectives: ['primary', 'second'] }),
}))

/** Launches, runs `calls` (each must succeed) and returns the page. */
async function play(page: Page, pkg: 'm12' | 'm04', learner: string, calls: [string, ...string[]][]): Promise<void> {
  await openSco(page, t.lms.url(pkg, undefined, learner))
  for (const [method, ...args] of calls) {
    const r = await apiCall(page, method, ...args)
    expect(r.error, `${method}(${args.join(', ')})`).toBe('0')
  }
  await t.lms.flush(page)
}

const get = async (page: Page, element: string): Promise<string> => (await apiCall(page, page.url().includes('m12') ? 'LMSGetValue' : 'GetValue', element)).result

describe('SCORM 1.2 relaunch', () => {
  it('preloads learner, credit, mode, mastery score and entry ab-initio at the first launch', async () => {
    const page = await t.page()
    await play(page, 'm12', 'ann', [['LMSInitialize', '']])
    expect(await get(page, 'cmi.core.student_id')).toBe('ann')
    expect(await get(page, 'cmi.core.student_name')).toBe('Learner, ann')
    expect(await get(page, 'cmi.core.credit')).toBe('credit')
    expect(await get(page, 'cmi.core.lesson_mode')).toBe('normal')
    expect(await get(page, 'cmi.core.entry')).toBe('ab-initio')
    expect(await get(page, 'cmi.student_data.mastery_score')).toBe('80')
    expect(await get(page, 'cmi.core.total_time')).toBe('00:00:00')
    expect(await get(page, 'cmi.core.lesson_status')).toBe('not attempted')
  })

  it('resumes after exit=suspend, accumulates total_time, and reloads data even without suspend', async () => {
    const page = await t.page()
    await play(page, 'm12', 'ben', [
      ['LMSInitialize', ''],
      ['LMSSetValue', 'cmi.core.lesson_location', 'page-3'],
      ['LMSSetValue', 'cmi.suspend_data', '{"seen":[1,2,3]}'],
      ['LMSSetValue', 'cmi.core.lesson_status', 'incomplete'],
      ['LMSSetValue', 'cmi.core.session_time', '00:10:00'],
      ['LMSSetValue', 'cmi.core.exit', 'suspend'],
      ['LMSFinish', ''],
    ])
    expect(t.lms.tracks('ben', 'm12')).toEqual({
      'cmi.core.lesson_location': 'page-3',
      'cmi.suspend_data': '{"seen":[1,2,3]}',
      'cmi.core.lesson_status': 'incomplete',
      'cmi.core.exit': 'suspend',
      'cmi.core.total_time': '00:10:00',
    })
    await play(page, 'm12', 'ben', [['LMSInitialize', '']])
    expect(await get(page, 'cmi.core.entry')).toBe('resume')
    expect(await get(page, 'cmi.core.lesson_location')).toBe('page-3')
    expect(await get(page, 'cmi.suspend_data')).toBe('{"seen":[1,2,3]}')
    expect(await get(page, 'cmi.core.lesson_status')).toBe('incomplete')
    expect(await get(page, 'cmi.core.total_time')).toBe('00:10:00')
    for (const [m, ...a] of [
      ['LMSSetValue', 'cmi.core.session_time', '00:05:30'],
      ['LMSSetValue', 'cmi.core.exit', ''],
      ['LMSFinish', ''],
    ]) {
      expect((await apiCall(page, m!, ...a)).result).toBe('true')
    }
    await t.lms.flush(page)
    expect(t.lms.tracks('ben', 'm12')['cmi.core.total_time']).toBe('00:15:30')
    await play(page, 'm12', 'ben', [['LMSInitialize', '']])
    expect(await get(page, 'cmi.core.entry')).toBe('')
    expect(await get(page, 'cmi.core.lesson_location')).toBe('page-3')
  })

  it('does not resume when the SCO forgot exit=suspend in the last session (exit is always committed)', async () => {
    const page = await t.page()
    await play(page, 'm12', 'cid', [
      ['LMSInitialize', ''],
      ['LMSSetValue', 'cmi.core.exit', 'suspend'],
      ['LMSFinish', ''],
    ])
    await play(page, 'm12', 'cid', [
      ['LMSInitialize', ''],
      ['LMSFinish', ''],
    ])
    await play(page, 'm12', 'cid', [['LMSInitialize', '']])
    expect(await get(page, 'cmi.core.entry')).toBe('')
  })

  it.each([
    ['no status, no score', [], 'completed'],
    [
      'completed with a raw score under the mastery score',
      [
        ['cmi.core.lesson_status', 'completed'],
        ['cmi.core.score.raw', '60'],
      ],
      'failed',
    ],
    [
      'incomplete with a raw score at the mastery score',
      [
        ['cmi.core.lesson_status', 'incomplete'],
        ['cmi.core.score.raw', '80'],
      ],
      'passed',
    ],
    ['incomplete without score', [['cmi.core.lesson_status', 'incomplete']], 'incomplete'],
  ])('applies Moodle StoreData at LMSFinish: %s → %s', async (_label, sets, expected) => {
    const page = await t.page()
    const learner = `sd-${expected}-${sets.length}`
    await play(page, 'm12', learner, [['LMSInitialize', ''], ...sets.map(([e, v]) => ['LMSSetValue', e!, v!] as [string, string, string]), ['LMSFinish', '']])
    expect(t.lms.tracks(learner, 'm12')['cmi.core.lesson_status']).toBe(expected)
  })
})

describe('SCORM 2004 relaunch', () => {
  it('restores data only after exit=suspend; otherwise starts a fresh attempt', async () => {
    const page = await t.page()
    await play(page, 'm04', 'dee', [
      ['Initialize', ''],
      ['SetValue', 'cmi.location', 'p5'],
      ['SetValue', 'cmi.suspend_data', 'state-1'],
      ['SetValue', 'cmi.completion_status', 'incomplete'],
      ['SetValue', 'cmi.progress_measure', '0.5'], // under the 0.8 threshold
      ['SetValue', 'cmi.session_time', 'PT10M'],
      ['SetValue', 'cmi.exit', 'suspend'],
      ['Terminate', ''],
    ])
    expect(t.lms.tracks('dee', 'm04')).toMatchObject({ 'cmi.location': 'p5', 'cmi.exit': 'suspend', 'cmi.total_time': 'PT10M' })

    await play(page, 'm04', 'dee', [['Initialize', '']])
    expect(await get(page, 'cmi.entry')).toBe('resume')
    expect(await get(page, 'cmi.location')).toBe('p5')
    expect(await get(page, 'cmi.suspend_data')).toBe('state-1')
    expect(await get(page, 'cmi.completion_status')).toBe('incomplete')
    expect(await get(page, 'cmi.total_time')).toBe('PT10M')
    expect(await get(page, 'cmi.objectives._count')).toBe('2')
    for (const [m, ...a] of [
      ['SetValue', 'cmi.session_time', 'PT5M30S'],
      ['SetValue', 'cmi.exit', 'normal'],
      ['Terminate', ''],
    ]) {
      expect((await apiCall(page, m!, ...a)).result).toBe('true')
    }
    await t.lms.flush(page)
    expect(t.lms.tracks('dee', 'm04')['cmi.total_time']).toBe('PT15M30S')

    await play(page, 'm04', 'dee', [['Initialize', '']])
    expect(await get(page, 'cmi.entry')).toBe('ab-initio')
    expect(await get(page, 'cmi.location')).toBe('')
    expect(await get(page, 'cmi.total_time')).toBe('PT0H0M0S')
    expect(t.lms.attempts('dee', 'm04')).toHaveLength(2)
    expect(t.lms.tracks('dee', 'm04')).toEqual({})
  })

  it('never derives success_status from score.scaled (Moodle tests the misspelt scaled_passed_score)', async () => {
    const page = await t.page()
    await play(page, 'm04', 'eve', [
      ['Initialize', ''],
      ['SetValue', 'cmi.score.scaled', '0.9'],
    ])
    expect(await get(page, 'cmi.success_status')).toBe('unknown') // scorm-again alone says "passed"
    expect((await apiCall(page, 'Terminate', '')).result).toBe('true')
    await t.lms.flush(page)
    expect(t.lms.tracks('eve', 'm04')['cmi.score.scaled']).toBe('0.9')
    expect(t.lms.tracks('eve', 'm04')['cmi.success_status']).toBeUndefined()
  })

  it('stores completion_status from progress_measure vs completion_threshold and reports the override', async () => {
    const page = await t.page()
    await play(page, 'm04', 'fay', [
      ['Initialize', ''],
      ['SetValue', 'cmi.completion_status', 'completed'],
      ['SetValue', 'cmi.progress_measure', '0.5'],
      ['Terminate', ''],
    ])
    expect(t.lms.tracks('fay', 'm04')['cmi.completion_status']).toBe('incomplete')
    expect(t.lms.violations('fay', 'm04')).toMatchObject([{ kind: 'strict', code: '0', rule: 'scorm2004.completion-threshold' }])
  })
})
