/**
 * Phone first (issue 11), in real Chromium at 320×640 with the strict test LMS:
 * - each page has its own history entry: the browser's Back and Forward move between pages inside
 *   the SCO's frame and never take the LMS page away;
 */
import type { Frame, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { Learner } from '../helpers/learner.js'
import { openSco } from '../helpers/lms/index.js'
import { useLms } from '../helpers/lms/vitest.js'
import { buildPackage } from './a11y-helpers.js'

declare const document: any
declare const window: any

const t = useLms(async () => ({ sample: await buildPackage() }))

const PHONE = { width: 320, height: 640 }

/** The page shown in the SCO once it is `id`. */
async function shown(sco: Frame | Page, id: string): Promise<void> {
  await sco.waitForFunction((x: string) => document.querySelector('.pc-page:not([hidden])')?.getAttribute('data-page') === x, id)
}

describe('history', () => {
  it("Back and Forward move between the course's pages inside the LMS frame, and the LMS page stays", async () => {
    const page = await t.page()
    await page.setViewportSize(PHONE)
    const { sco } = await openSco(page, t.lms.url('sample', undefined, 'historian'))
    const learner = new Learner(sco)
    const data = await learner.data()
    const lmsUrl = page.url()
    const ids = data.pages.map((p) => p.id)
    await shown(sco, ids[0]!)
    // Three pages forward with « Suivant », one more from the table of contents.
    for (let i = 1; i <= 3; i++) await learner.next()
    await learner.goTo(ids[6]!)
    expect(await sco.evaluate(() => window.location.hash)).toBe(`#/${ids[6]}`)

    // The browser's Back button: the top page's history, which holds the SCO frame's entries.
    const back = () => page.evaluate(() => window.history.back())
    const forward = () => page.evaluate(() => window.history.forward())
    for (const i of [3, 2, 1, 0]) {
      await back()
      await shown(sco, ids[i]!)
      expect(await sco.evaluate(() => window.location.hash)).toBe(`#/${ids[i]}`)
      // Focus goes to the page's heading, as with « Précédent ».
      await sco.waitForFunction(() => document.activeElement?.matches('.pc-page:not([hidden]) h1'))
    }
    for (const i of [1, 2, 3, 6]) {
      await forward()
      await shown(sco, ids[i]!)
    }
    // The LMS page was never navigated: same address, same SCO session (one Initialize, no finish).
    expect(page.url()).toBe(lmsUrl)
    await t.lms.flush(page)
    const calls = t.lms.calls('historian', 'sample')
    expect(calls.filter((c) => c.method === 'LMSInitialize').length).toBe(1)
    expect(calls.filter((c) => c.method === 'LMSFinish').length).toBe(0)
    expect(t.lms.tracks('historian', 'sample')['cmi.core.lesson_location']).toBe(ids[6])
    expect(t.lms.violations('historian', 'sample')).toEqual([])
  })
})
