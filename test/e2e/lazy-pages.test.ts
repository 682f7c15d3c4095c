/**
 * Pages sent as inert text (issue 14), in real Chromium with the strict test LMS: the browser
 * builds the first page only while the document loads; the runtime builds a page when it is
 * shown, and the next one once the page is drawn (its images load while the learner reads); a
 * page built later gets its answers, locks and results from the state like one built at launch.
 * Without JavaScript or without the runtime: test/e2e/mobile-print.test.ts. The compiler's side:
 * test/unit/compiler/inert-pages.test.ts.
 */
import type { Frame, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { Learner, wrongAnswer } from '../helpers/learner.js'
import { closeTab, openSco } from '../helpers/lms/index.js'
import { useLms } from '../helpers/lms/vitest.js'
import { buildPackage } from './a11y-helpers.js'

declare const document: any
declare const window: any

const t = useLms(async () => ({ sample: await buildPackage() }))

interface Parsed {
  sections: number
  inert: number
  /** The page of each question's form. */
  forms: string[]
  images: string[]
}

/** What the HTML parser built, read at DOMContentLoaded before the runtime runs (its listener comes later). */
function recordParsed(): void {
  window.addEventListener(
    'DOMContentLoaded',
    () => {
      window.__parsed = {
        sections: document.querySelectorAll('.pc-page').length,
        inert: document.querySelectorAll('.pc-page > noscript').length,
        forms: [...document.querySelectorAll('form.pc-question')].map((form: any) => form.closest('.pc-page').getAttribute('data-page')),
        images: [...document.images].map((img: any) => img.getAttribute('src')),
      }
    },
    true,
  )
}

async function launch(learnerId: string, page?: Page): Promise<{ page: Page; sco: Frame; learner: Learner }> {
  page ??= await t.page()
  const sco = (await openSco(page, t.lms.url('sample', undefined, learnerId))).sco as Frame
  await sco.locator('body:not(.pc-nojs)').waitFor()
  return { page, sco, learner: new Learner(sco) }
}

describe('pages sent as inert text (issue 14)', () => {
  it('only the first page is built at launch; a page is built when shown, the next one once it is drawn', async () => {
    const page = await t.page()
    await page.addInitScript(recordParsed)
    const image = /chaine-des-comptes\.svg/
    const imageRequests: string[] = []
    page.on('request', (request) => {
      if (image.test(request.url())) imageRequests.push(request.url())
    })
    const { sco, learner } = await launch('lazy', page)
    const parsed = (await sco.evaluate(() => window.__parsed)) as Parsed
    // Every section but the first page's and the end page's is inert text: no question, no image built.
    expect(parsed.sections).toBeGreaterThan(20)
    expect(parsed.inert).toBe(parsed.sections - 2)
    expect(parsed.images.filter((src) => image.test(src))).toEqual([])
    expect(imageRequests).toEqual([])

    const data = await learner.data()
    expect(parsed.forms).toEqual(data.questions.filter((q) => q.pageId === data.pages[0]!.id).map(() => data.pages[0]!.id))

    // The page before the diagram's: the diagram's page is built once it is drawn, its image asked for.
    const at = data.pages.findIndex((p) => p.id.endsWith('diagnostic-comptes'))
    expect(at).toBeGreaterThan(0)
    await learner.goTo(data.pages[at - 1]!.id)
    await expect.poll(() => imageRequests.length, { timeout: 15_000 }).toBeGreaterThan(0)
    expect(await learner.currentPage()).toBe(data.pages[at - 1]!.id)
    await learner.next()
    await expect
      .poll(() => sco.locator('.pc-page:not([hidden]) img[src*="chaine-des-comptes"]').evaluate((img: any) => img.complete && img.naturalWidth > 0), { timeout: 15_000 })
      .toBe(true)
    expect(t.lms.violations('lazy', 'sample')).toEqual([])
  })

  it('a page built after a relaunch shows the submitted assessment as the state says: answers, verdicts, locks, result', async () => {
    const first = await launch('lazy-relaunch')
    const data = await first.learner.data()
    const module = data.modules[0]!.id
    const questions = data.questions.filter((q) => q.moduleId === module && q.scored)
    const wrong = questions[0]!
    const result = await first.learner.takeAssessment(module, [wrong.id])
    expect(result).toMatch(/\d/)
    // Elsewhere when the tab closes: the assessment's page is built again only when it is opened.
    await first.learner.goTo(data.pages[0]!.id)
    await closeTab(t.lms, first.page, 'lazy-relaunch', 'sample')

    const again = await launch('lazy-relaunch')
    expect(await again.learner.currentPage()).toBe(data.pages[0]!.id)
    const assessment = data.pages.find((p) => p.moduleId === module && p.assessment)!
    await again.learner.goTo(assessment.id)
    const block = again.sco.locator(`.pc-assessment[data-module="${module}"]`)
    expect(await block.locator('.pc-result').textContent()).toBe(result)
    expect(await block.locator('.pc-submit').isVisible()).toBe(false)
    for (const q of questions) {
      const form = again.sco.locator(`#q-${q.id}`)
      // Locked by its fieldset (forms.ts lockAnswer): each control is disabled through it.
      for (const control of await form.locator('input, select').all()) expect(await control.isDisabled()).toBe(true)
      expect(await form.locator('.pc-verdict').textContent()).toMatch(/\S/)
      if (q.type !== 'matching') {
        const given = q.id === wrong.id ? wrongAnswer(q) : q.correct
        for (const token of given) expect(await form.locator(`input[value="${token}"]`).isChecked()).toBe(true)
      }
    }
    expect(t.lms.violations('lazy-relaunch', 'sample')).toEqual([])
  })
})
