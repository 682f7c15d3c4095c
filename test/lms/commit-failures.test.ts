// Failure injection: lms.failNextCommits(n, key) makes the next n commits fail the way
// Moodle's datamodel.php answer does ("false\n101"): LMSCommit/Commit returns "false",
// GetLastError 101 (1.2) / 391 (2004), nothing is stored. During unload the SCO still gets
// "true" (sendBeacon: mod/scorm/request.js cannot see the server's answer).

import type { Frame } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { apiCall, minimalPackage, openSco } from '../helpers/lms/index.js'
import { useLms } from '../helpers/lms/vitest.js'

/** A 1.2 SCO that commits on load and retries up to 3 times when the LMS refuses. */
const RETRYING_SCO = `
  var win = window, hops = 0;
  while (!win.API && win.parent && win.parent !== win && hops++ < 7) win = win.parent;
  var api = win.API;
  api.LMSInitialize('');
  api.LMSSetValue('cmi.core.lesson_location', 'p4');
  api.LMSSetValue('cmi.suspend_data', 'answers=abc');
  var tries = 0, ok = false;
  while (!ok && tries < 3) { tries++; ok = api.LMSCommit('') === 'true'; if (!ok) api.LMSGetLastError(); }
  window.commitTries = tries; window.commitOk = ok;
`

/** A 1.2 SCO that initialises on load and finishes at unload, like Golf's runtime-minimum SCO. */
const FINISH_AT_UNLOAD_SCO = `
  var win = window, hops = 0;
  while (!win.API && win.parent && win.parent !== win && hops++ < 7) win = win.parent;
  var api = win.API;
  api.LMSInitialize('');
  window.addEventListener('unload', function () { api.LMSFinish(''); });
`

const t = useLms(async () => ({
  retry: minimalPackage({ version: 'scorm12', script: RETRYING_SCO }),
  m12: minimalPackage({ version: 'scorm12' }),
  m04: minimalPackage({ version: 'scorm2004' }),
  unload: minimalPackage({ version: 'scorm12', script: FINISH_AT_UNLOAD_SCO }),
}))

describe('commit failure injection', () => {
  it('lets a retrying SCO succeed on the third LMSCommit, storing nothing before', async () => {
    t.lms.failNextCommits(2, { learner: 'rita', pkg: 'retry', sco: 'sco_1' })
    const page = await t.page()
    const { sco } = await openSco(page, t.lms.url('retry', 'sco_1', 'rita'))
    expect(await (sco as Frame).evaluate(() => [(globalThis as { commitTries?: number }).commitTries, (globalThis as { commitOk?: boolean }).commitOk])).toEqual([3, true])
    await t.lms.flush(page)
    expect(t.lms.calls('rita', 'retry').map((c) => `${c.method} ${c.result}/${c.error}`)).toEqual([
      'LMSInitialize true/0',
      'LMSSetValue true/0',
      'LMSSetValue true/0',
      'LMSCommit false/101',
      'LMSGetLastError 101/101',
      'LMSCommit false/101',
      'LMSGetLastError 101/101',
      'LMSCommit true/0',
    ])
    expect(t.lms.commits('rita', 'retry').map((c) => c.ok)).toEqual([false, false, true])
    expect(t.lms.tracks('rita', 'retry')).toMatchObject({ 'cmi.core.lesson_location': 'p4', 'cmi.suspend_data': 'answers=abc' })
    expect(t.lms.violations('rita', 'retry').map((v) => [v.kind, v.method, v.code])).toEqual([
      ['api-error', 'LMSCommit', '101'],
      ['api-error', 'LMSCommit', '101'],
    ])
  })

  it('keeps the SCO state after a failed 1.2 commit and re-sends it on the next one', async () => {
    const page = await t.page()
    await openSco(page, t.lms.url('m12', undefined, 'sam'))
    t.lms.failNextCommits(1, { learner: 'sam', pkg: 'm12' })
    await apiCall(page, 'LMSInitialize', '')
    await apiCall(page, 'LMSSetValue', 'cmi.core.lesson_location', 'p7')
    expect(await apiCall(page, 'LMSCommit', '')).toEqual({ result: 'false', error: '101' })
    expect(t.lms.tracks('sam', 'm12')).toEqual({})
    expect(await apiCall(page, 'LMSGetValue', 'cmi.core.lesson_location')).toEqual({ result: 'p7', error: '0' })
    expect(await apiCall(page, 'LMSCommit', '')).toEqual({ result: 'true', error: '0' })
    expect(t.lms.tracks('sam', 'm12')['cmi.core.lesson_location']).toBe('p7')
  })

  it('closes a 1.2 session even when LMSFinish fails (Moodle sets Initialized=false first)', async () => {
    const page = await t.page()
    await openSco(page, t.lms.url('m12', undefined, 'tom'))
    await apiCall(page, 'LMSInitialize', '')
    await apiCall(page, 'LMSSetValue', 'cmi.core.lesson_status', 'completed')
    t.lms.failNextCommits(1, { learner: 'tom', pkg: 'm12' })
    expect(await apiCall(page, 'LMSFinish', '')).toEqual({ result: 'false', error: '101' })
    expect(await apiCall(page, 'LMSFinish', '')).toEqual({ result: 'false', error: '301' })
    expect(t.lms.tracks('tom', 'm12')).toEqual({})
  })

  it('answers 391 to a failed 2004 Commit, and a failed Terminate can be retried', async () => {
    const page = await t.page()
    await openSco(page, t.lms.url('m04', undefined, 'uma'))
    await apiCall(page, 'Initialize', '')
    await apiCall(page, 'SetValue', 'cmi.location', 'p2')
    t.lms.failNextCommits(2, { learner: 'uma', pkg: 'm04' })
    expect(await apiCall(page, 'Commit', '')).toEqual({ result: 'false', error: '391' })
    expect(await apiCall(page, 'Terminate', '')).toEqual({ result: 'false', error: '391' })
    expect(t.lms.tracks('uma', 'm04')).toEqual({})
    expect(await apiCall(page, 'Terminate', '')).toEqual({ result: 'true', error: '0' })
    expect(t.lms.tracks('uma', 'm04')).toMatchObject({ 'cmi.location': 'p2' })
  })

  it('tells a SCO "true" when its unload-time LMSFinish goes by beacon, even if the server refuses it', async () => {
    t.lms.failNextCommits(1, { learner: 'vic', pkg: 'unload', sco: 'sco_1' })
    const page = await t.page()
    await openSco(page, t.lms.url('unload', 'sco_1', 'vic'))
    await page.goto('about:blank')
    await t.lms.waitFor(() => t.lms.commits('vic', 'unload', 'sco_1').length > 0)
    await t.lms.flush(page)
    expect(t.lms.calls('vic', 'unload', 'sco_1').map((c) => `${c.method} ${c.result}/${c.error}`)).toEqual(['LMSInitialize true/0', 'LMSFinish true/0'])
    expect(t.lms.commits('vic', 'unload', 'sco_1')).toMatchObject([{ transport: 'beacon', ok: false, terminate: true }])
    expect(t.lms.tracks('vic', 'unload', 'sco_1')).toEqual({})
  })
})
