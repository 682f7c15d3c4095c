// The strict test LMS plays real third-party packages (Rustici "Golf Explained", the ones
// Moodle's own tests use) the way Moodle 4.5's player does: API discovery from an iframe or a
// popup, sync-XHR commits, sendBeacon during unload, suspend/resume.

import type { Frame, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { collectDialogs, openSco, unzipPackage } from '../helpers/lms/index.js'
import { useLms } from '../helpers/lms/vitest.js'
import { sample } from './samples.js'

const t = useLms(async () => ({
  single: await unzipPackage(sample('golf-scorm12-singlesco.zip')),
  multi: await unzipPackage(sample('golf-scorm12-multisco-runtimeminimum.zip')),
  basic: await unzipPackage(sample('golf-scorm2004-3rd-runtimebasic.zip')),
}))

const summary = (calls: { method: string; args: unknown[]; result: string; error: string }[]): string[] =>
  calls.map((c) => `${c.method}(${c.args.map((a) => JSON.stringify(a)).join(',')}) → ${c.result}/${c.error}`)

describe('host page (player.php) with third-party packages', () => {
  it('reads the Golf manifests like Moodle: versions, SCOs, item parameters', () => {
    expect(t.lms.manifest('single')).toMatchObject({ version: 'scorm12', schemaVersion: '1.2' })
    expect(t.lms.manifest('single').scos).toHaveLength(1)
    expect(t.lms.manifest('basic')).toMatchObject({ version: 'scorm2004', schemaVersion: '2004 3rd Edition' })
    const quiz = t.lms.manifest('multi').scos.find((s) => s.resourceId === 'playing_quiz_resource')
    expect(quiz?.launch).toBe('shared/assessmenttemplate.html?questions=Playing')
    expect(t.lms.manifest('multi').scos.filter((s) => s.scormType === 'sco')).toHaveLength(18)
  })

  it('shows the single-SCO package in a titled iframe where ADL findAPI finds window.API, and stores its commits', async () => {
    const page = await t.page()
    const { sco } = await openSco(page, t.lms.url('single', 'resource_1', 'alice', 'scorm12'))
    expect(await page.locator('iframe#scorm_object').getAttribute('title')).toBe('Golf Explained')
    expect(sco.url()).toMatch(/\/pkg\/single\/shared\/launchpage\.html$/)
    // The Golf launch page does no run-time calls: play a SCO script inside the package page.
    const results = await (sco as Frame).evaluate(() => {
      let win = globalThis as unknown as { API?: Record<string, (...a: string[]) => string>; parent: unknown }
      while (win.API == null && win.parent != null && win.parent !== win) win = win.parent as typeof win
      const api = win.API!
      return [
        api.LMSInitialize!(''),
        api.LMSGetValue!('cmi.core.student_id'),
        api.LMSSetValue!('cmi.core.lesson_location', 'Playing/Par.html'),
        api.LMSSetValue!('cmi.core.lesson_status', 'incomplete'),
        api.LMSCommit!(''),
      ]
    })
    expect(results).toEqual(['true', 'alice', 'true', 'true', 'true'])
    await t.lms.flush(page)
    expect(t.lms.tracks('alice', 'single')).toMatchObject({
      'cmi.core.lesson_location': 'Playing/Par.html',
      'cmi.core.lesson_status': 'incomplete',
    })
    expect(t.lms.events('alice', 'single').map((e) => e.type)).toContain('api-lookup')
    expect(t.lms.commits('alice', 'single')).toMatchObject([{ transport: 'xhr', ok: true, terminate: false }])
    expect(t.lms.violations('alice', 'single')).toEqual([])
  })

  it('runs the 1.2 multi-SCO runtime-minimum SCO: LMSFinish at unload goes by beacon, Moodle stores "completed"', async () => {
    const page = await t.page()
    const dialogs = collectDialogs(page)
    await openSco(page, t.lms.url('multi', 'playing_par_resource', 'bob'))
    await page.goto('about:blank') // the learner leaves: onbeforeunload → LMSFinish("")
    await t.lms.flush(page)
    const key = ['bob', 'multi', 'playing_par_resource'] as const
    expect(summary(t.lms.calls(...key))).toEqual(['LMSInitialize("") → true/0', 'LMSFinish("") → true/0'])
    expect(t.lms.commits(...key)).toMatchObject([{ terminate: true, transport: 'beacon', ok: true }])
    // StoreData: a SCO that never sets lesson_status ends "completed" in Moodle.
    expect(t.lms.tracks(...key)).toEqual({ 'cmi.core.lesson_status': 'completed', 'cmi.core.exit': '', 'cmi.core.total_time': '00:00:00' })
    expect(t.lms.violations(...key)).toEqual([])
    expect(dialogs).toEqual([])
    expect(t.lms.missingFiles()).toEqual([])
  })

  it('opens a SCO in a popup (mode=window): it finds the API through window.opener', async () => {
    const page = await t.page()
    const { sco } = await openSco(page, t.lms.url('multi', 'etiquette_course_item', 'carol', 'scorm12', 'window'))
    expect(sco.url()).toMatch(/Etiquette\/Course\.html$/)
    await (sco as Page).close({ runBeforeUnload: true })
    // Sync XHR is refused while the popup unloads: Moodle's DoRequest falls back to a beacon.
    const tracks = await t.lms.waitFor(() => {
      const tr = t.lms.tracks('carol', 'multi', 'etiquette_course_resource')
      return tr['cmi.core.lesson_status'] ? tr : undefined
    })
    expect(tracks['cmi.core.lesson_status']).toBe('completed')
    await t.lms.flush(page)
    expect(summary(t.lms.calls('carol', 'multi', 'etiquette_course_resource'))).toEqual(['LMSInitialize("") → true/0', 'LMSFinish("") → true/0'])
    expect(t.lms.events('carol', 'multi', 'etiquette_course_resource').map((e) => e.type)).toEqual(expect.arrayContaining(['launch', 'sco-opened', 'api-lookup', 'sco-loaded']))
  })

  it('runs the 2004 runtime-basic SCO: bookmarks, suspends at unload, resumes where the learner left', async () => {
    const page = await t.page()
    const dialogs = collectDialogs(page, 'accept')
    const { sco } = await openSco(page, t.lms.url('basic', undefined, 'dan', 'scorm2004'))
    await sco.click('#butNext')
    await sco.click('#butNext')
    await page.goto('about:blank')
    await t.lms.flush(page)
    const first = t.lms.tracks('dan', 'basic')
    expect(first).toMatchObject({ 'cmi.location': '2', 'cmi.exit': 'suspend', 'cmi.completion_status': 'incomplete' })
    expect(first['cmi.session_time']).toMatch(/^PT[\d.]+S$/)
    const seconds = (d: string | undefined): number => parseFloat(/([\d.]+)S$/.exec(d ?? '')?.[1] ?? 'NaN')
    expect(seconds(first['cmi.total_time'])).toBe(seconds(first['cmi.session_time']))
    // Golf passes numbers to SetValue("cmi.location", n): Moodle accepts (value + ''), we flag it.
    const typeViolations = t.lms.violations('dan', 'basic').filter((v) => v.kind === 'type')
    expect(typeViolations.map((v) => v.args)).toEqual([
      ['cmi.location', 0],
      ['cmi.location', 1],
      ['cmi.location', 2],
    ])

    await openSco(page, t.lms.url('basic', undefined, 'dan', 'scorm2004'))
    await t.lms.flush(page)
    expect(dialogs).toEqual(['confirm: Would you like to resume from where you previously left off?'])
    const second = summary(t.lms.calls('dan', 'basic').filter((c) => c.session === 2))
    expect(second.slice(0, 3)).toEqual(['Initialize("") → true/0', 'GetValue("cmi.completion_status") → incomplete/0', 'GetValue("cmi.location") → 2/0'])
    expect(t.lms.attempts('dan', 'basic')).toHaveLength(1)
  })

  it('refuses a launch whose version disagrees with the manifest, like Moodle (the manifest wins)', async () => {
    const page = await t.page()
    await openSco(page, t.lms.url('single', undefined, 'erin', 'scorm2004'))
    expect(await page.evaluate(() => typeof (globalThis as { API?: unknown }).API)).toBe('object')
    expect(t.lms.violations('erin', 'single')).toMatchObject([{ rule: 'launch.version-mismatch' }])
  })
})
