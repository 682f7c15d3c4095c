/**
 * Phone first (issue 11), in real Chromium at 320×640 with the strict test LMS:
 * - each page has its own history entry: the browser's Back and Forward move between pages inside
 *   the SCO's frame and never take the LMS page away;
 * - screen readers hear one announcement per action: what a live region says (its mutations,
 *   counted with a MutationObserver) plus where the focus lands when it lands on text (a heading,
 *   a feedback, a result: a screen reader reads it) add up to exactly one.
 */
import type { Frame, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { Learner, wrongAnswer } from '../helpers/learner.js'
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

/**
 * Starts recording what a screen reader would be told: each live region whose text changes (one
 * entry per region per batch of mutations: one textContent write is one announcement) and each
 * focus move onto something that is not a control (its text is read). `take()` returns and clears.
 */
async function listen(sco: Frame): Promise<{ take(): Promise<string[]> }> {
  await sco.evaluate(() => {
    const heard: string[] = []
    window.__heard = heard
    const live = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]'
    const text = (el: any) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 90)
    new window.MutationObserver((records: any[]) => {
      const regions = new Set<any>()
      for (const r of records) {
        const el = r.target.nodeType === 1 ? r.target : r.target.parentElement
        const region = el?.closest(live)
        if (region && !region.hidden && text(region)) regions.add(region)
      }
      for (const region of regions) heard.push(`live ${region.id || region.className}: ${text(region)}`)
    }).observe(document.body, { childList: true, characterData: true, subtree: true, attributes: true, attributeFilter: ['hidden'] })
    document.addEventListener('focusin', (event: any) => {
      const el = event.target
      if (!el.matches('input, select, textarea, button, a[href]')) heard.push(`focus ${el.tagName.toLowerCase()}.${el.className}: ${text(el)}`)
    })
  })
  return {
    take: () =>
      sco.evaluate(() => {
        const heard = window.__heard.slice()
        window.__heard.length = 0
        return heard
      }),
  }
}

describe('screen readers', () => {
  it('one announcement per action: next page, Back, « Vérifier », « Valider » with a question left, « Valider »', async () => {
    const page = await t.page()
    await page.setViewportSize(PHONE)
    const { sco } = await openSco(page, t.lms.url('sample', undefined, 'listener'))
    const frame = sco as Frame
    const learner = new Learner(frame)
    const data = await learner.data()
    const module = data.modules[0]!.id
    const ear = await listen(frame)
    const heard: Record<string, string[]> = {}

    await learner.next()
    await frame.waitForFunction(() => document.activeElement?.matches('.pc-page:not([hidden]) h1'))
    heard['next page'] = await ear.take()

    await page.evaluate(() => window.history.back())
    await shown(frame, data.pages[0]!.id)
    await frame.waitForFunction(() => document.activeElement?.matches('.pc-page:not([hidden]) h1'))
    heard['Back'] = await ear.take()

    const check = data.questions.find((q) => !q.scored && q.moduleId === module)!
    await learner.goTo(check.pageId)
    await ear.take()
    await learner.answer(check, wrongAnswer(check))
    await ear.take()
    await learner.check(check)
    await frame.waitForFunction((id: string) => document.activeElement?.id === `q-${id}-feedback`, check.id)
    heard['« Vérifier »'] = await ear.take()

    const scored = data.questions.filter((q) => q.scored && q.moduleId === module)
    await learner.goTo(data.pages.find((p) => p.moduleId === module && p.assessment)!.id)
    for (const q of scored.slice(1)) await learner.answer(q, wrongAnswer(q))
    await ear.take()
    await frame.locator(`.pc-assessment[data-module="${module}"] .pc-submit`).click()
    await frame.waitForFunction(() => document.activeElement?.matches('.pc-result'))
    heard['« Valider », one question left'] = await ear.take()

    await learner.answer(scored[0]!, wrongAnswer(scored[0]!))
    await ear.take()
    const result = await learner.submitAssessment(module)
    await frame.waitForFunction(() => document.activeElement?.matches('.pc-result:not(.pc-result-incomplete)'))
    heard['« Valider »'] = await ear.take()

    console.log('heard per action:', JSON.stringify(heard, null, 1))
    for (const [action, said] of Object.entries(heard)) expect(said, action).toHaveLength(1)
    // What is said after « Valider » is the result, score included, once; no verdict per question.
    expect(heard['« Valider »']![0]).toContain(result.replace(/\s+/g, ' ').trim().slice(0, 60))
    expect(heard['« Valider »']![0]).toMatch(/\d+ \/ 100/)
    expect(heard['next page']![0]).toMatch(/^focus h1/)
    expect(heard['« Vérifier »']![0]).toMatch(/incorrecte|en partie/)
  })
})
