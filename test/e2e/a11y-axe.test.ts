/**
 * axe-core on every page type, in real Chromium, inside the strict test LMS: 0 violations at
 * every impact level (WCAG 2.0/2.1 A and AA + best practices), in the light and dark schemes.
 * Page types: content pages (the whole sample course, and a fixture page with a table, a
 * definition list, the three callouts, an image and a lang span), each question type before and
 * after answering, assessment results (incomplete, failed with retry, passed), the table of
 * contents open on a phone, the "not saved" banner and the no-LMS notice.
 * Summary written to test-results/a11y/axe-summary.json.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Learner, wrongAnswer } from '../helpers/learner.js'
import { openSco } from '../helpers/lms/index.js'
import { useLms } from '../helpers/lms/vitest.js'
import { A11Y_COURSE, buildAnswerKey, buildPackage, describeViolations, resultsDir, runAxe, type Surface } from './a11y-helpers.js'
import type { Page } from 'playwright-core'
import type { ScoData } from '../../src/shared/sco-data.js'

// Built before the tests are collected: one axe test per page of the sample course.
const samplePackage = await buildPackage()
const samplePages = scoData(samplePackage).pages

const t = useLms(async () => ({
  sample: samplePackage,
  a11y: await buildPackage(A11Y_COURSE),
  'a11y-en': await buildPackage(A11Y_COURSE, 'scorm2004', { 'course.yml': (s) => s.replace('language: fr', 'language: en') }),
}))

/** Page type → violations found (as readable lines), for the summary. */
const summary: Record<string, string[]> = {}

async function check(page: Page, surface: Surface, name: string, schemes: ('light' | 'dark')[] = ['light', 'dark']): Promise<void> {
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme })
    summary[`${name} (${scheme})`] = describeViolations(await runAxe(surface))
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

function expectClean(prefix: string): void {
  const found = Object.fromEntries(Object.entries(summary).filter(([k, v]) => k.startsWith(prefix) && v.length > 0))
  expect(found).toEqual({})
}

afterAll(async () => {
  const dir = await resultsDir('a11y')
  await writeFile(join(dir, 'axe-summary.json'), JSON.stringify(summary, null, 2) + '\n')
})

function scoData(files: Map<string, Buffer>): ScoData {
  const html = files.get('index.html')?.toString('utf8') ?? ''
  const json = /<script type="application\/json" id="pc-data">([\s\S]*?)<\/script>/.exec(html)?.[1]
  if (!json) throw new Error('the sample package has no #pc-data in index.html')
  return JSON.parse(json) as ScoData
}

describe('axe-core: 0 violations on each page of the sample course', () => {
  // One SCO open for the whole walk (opening one per page triples the time); each test goes
  // to its page through the table of contents, so none depends on the one before.
  let opened: { page: Page; sco: Surface; learner: Learner } | undefined
  beforeAll(async () => {
    const page = await t.browser.newPage()
    const { sco } = await openSco(page, t.lms.url('sample', undefined, 'pages'))
    opened = { page, sco, learner: new Learner(sco) }
  })
  afterAll(async () => {
    await opened?.page.close()
  })

  it.each(samplePages.map((p, i) => ({ ...p, i })))('$id', async ({ id, i, assessment }) => {
    const { page, sco, learner } = opened!
    if ((await learner.currentPage()) !== id) await learner.goTo(id)
    await check(page, sco, `sample page ${id}`, i % 5 === 0 || assessment ? ['light', 'dark'] : ['light'])
    expectClean(`sample page ${id} `)
  })
})

describe('axe-core: 0 violations', () => {
  it('on a content page with a table, a definition list, callouts, an image and a lang span', async () => {
    const page = await t.page()
    const { sco } = await openSco(page, t.lms.url('a11y', undefined, 'content'))
    expect(await sco.locator('.pc-page:not([hidden]) table').count()).toBe(1)
    expect(await sco.locator('.pc-page:not([hidden]) dl').count()).toBe(1)
    expect(await sco.locator('.pc-page:not([hidden]) .pc-callout').count()).toBe(3)
    expect(await sco.locator('.pc-page:not([hidden]) img[alt]').count()).toBe(1)
    expect(await sco.locator('.pc-page:not([hidden]) [lang="en"]').count()).toBe(1)
    await check(page, sco, 'content page')
    expectClean('content page')
  })

  it('on each question type, before and after answering (right, wrong, unanswered)', async () => {
    const page = await t.page()
    const { sco } = await openSco(page, t.lms.url('a11y', undefined, 'questions'))
    const learner = new Learner(sco)
    const data = await learner.data()
    await learner.goTo('tout/verifications')
    const checks = data.questions.filter((q) => !q.scored)
    expect(checks.map((q) => q.type).sort()).toEqual(['matching', 'multiple', 'single', 'truefalse'])
    await check(page, sco, 'knowledge checks, unanswered')
    // "Check" with nothing chosen: the "answer first" message.
    for (const q of checks) await learner.check(q)
    await check(page, sco, 'knowledge checks, checked without an answer')
    for (const q of checks) {
      await learner.answer(q, wrongAnswer(q))
      await learner.check(q)
    }
    await check(page, sco, 'knowledge checks, wrong answers')
    for (const q of checks) {
      await learner.answer(q, q.correct)
      await learner.check(q)
    }
    await check(page, sco, 'knowledge checks, right answers')
    expectClean('knowledge checks')
  })

  it('on the assessment: unanswered, incomplete, failed with retry, passed', async () => {
    const page = await t.page()
    const { sco } = await openSco(page, t.lms.url('a11y', undefined, 'assessment'))
    const learner = new Learner(sco)
    const data = await learner.data()
    const scored = data.questions.filter((q) => q.scored)
    expect(scored.map((q) => q.type).sort()).toEqual(['matching', 'multiple', 'single', 'truefalse'])
    await learner.goTo('tout/evaluation')
    await check(page, sco, 'assessment, unanswered')
    await learner.submitAssessment('tout')
    await check(page, sco, 'assessment, submitted incomplete')
    const failed = await learner.takeAssessment(
      'tout',
      scored.map((q) => q.id),
    )
    expect(failed).toMatch(/non réussie/)
    expect(await sco.locator('.pc-retry').isVisible()).toBe(true)
    await check(page, sco, 'assessment, failed (retry offered)')
    await learner.retry('tout')
    await check(page, sco, 'assessment, retrying')
    const passed = await learner.takeAssessment('tout')
    expect(passed).toMatch(/réussie/)
    await check(page, sco, 'assessment, passed')
    expectClean('assessment')
  })

  it('on the end page: nothing done, failed with a retry to do, passed; and at 320 px', async () => {
    const page = await t.page()
    const { sco } = await openSco(page, t.lms.url('sample', undefined, 'end'))
    const learner = new Learner(sco)
    const data = await learner.data()
    await learner.goTo('_end')
    await sco.locator('#p-_end .pc-end-verdict').waitFor()
    await check(page, sco, 'end page, nothing done')
    const [first, ...rest] = data.modules
    await learner.takeAssessment(
      first!.id,
      data.questions.filter((q) => q.moduleId === first!.id && q.scored).map((q) => q.id),
    )
    for (const m of rest) await learner.takeAssessment(m.id)
    await learner.goTo('_end')
    expect(await sco.locator('#p-_end .pc-end-verdict').getAttribute('data-verdict')).toBe('failed')
    expect(await sco.locator('#p-_end .pc-end-todo li').count()).toBeGreaterThan(0)
    await check(page, sco, 'end page, failed')
    await learner.retry(first!.id)
    await learner.takeAssessment(first!.id)
    await learner.goTo('_end')
    expect(await sco.locator('#p-_end .pc-end-verdict').getAttribute('data-verdict')).toBe('passed')
    await check(page, sco, 'end page, passed')
    await page.setViewportSize({ width: 320, height: 640 })
    // At 320 px the page does not scroll sideways (the table scrolls in its own region if it must).
    expect(await sco.locator('html').evaluate((html: any) => html.scrollWidth <= html.clientWidth)).toBe(true)
    await check(page, sco, 'end page, passed (320 px)', ['light'])
    expectClean('end page')
  })

  it('on the table of contents open on a phone', async () => {
    const page = await t.page()
    await page.setViewportSize({ width: 320, height: 640 })
    const { sco } = await openSco(page, t.lms.url('a11y', undefined, 'toc'))
    await sco.locator('#pc-toc-toggle').click()
    expect(await sco.locator('#pc-toc').isVisible()).toBe(true)
    expect(await sco.locator('#pc-toc-toggle').getAttribute('aria-expanded')).toBe('true')
    await check(page, sco, 'table of contents open (320 px)')
    expectClean('table of contents')
  })

  it('with the "not saved" banner shown', async () => {
    const page = await t.page()
    const { sco } = await openSco(page, t.lms.url('a11y', undefined, 'banner'))
    t.lms.failNextCommits(50, { learner: 'banner', pkg: 'a11y' })
    await new Learner(sco).next()
    await sco.locator('#pc-banner').waitFor({ state: 'visible' })
    expect(await sco.locator('#pc-banner').textContent()).toMatch(/n'a pas pu être enregistrée/)
    await check(page, sco, 'not-saved banner')
    expectClean('not-saved banner')
  })

  it('with the no-LMS notice shown (package opened on its own)', async () => {
    const page = await t.page()
    await page.goto(`${t.lms.origin}/pkg/a11y/index.html`)
    await page.locator('#pc-notice').waitFor({ state: 'visible' })
    expect(await page.locator('#pc-notice').textContent()).toMatch(/Aucune plateforme/)
    await check(page, page, 'no-LMS notice')
    expectClean('no-LMS notice')
  })

  it("on the trainer's answer key (its own file, outside the package)", async () => {
    const page = await t.page()
    await page.setContent(await buildAnswerKey(A11Y_COURSE))
    expect(await page.locator('.pk-question').count()).toBeGreaterThan(0)
    await check(page, page, 'answer key')
    expectClean('answer key')
  })

  it('in English too (UI strings, lang="en")', async () => {
    const page = await t.page()
    const { sco } = await openSco(page, t.lms.url('a11y-en', undefined, 'english'))
    expect(await sco.locator('html').getAttribute('lang')).toBe('en')
    const learner = new Learner(sco)
    await check(page, sco, 'English content page', ['light'])
    const failed = await learner.takeAssessment(
      'tout',
      (await learner.data()).questions.filter((q) => q.scored).map((q) => q.id),
    )
    expect(failed).toMatch(/not passed/)
    await check(page, sco, 'English assessment failed', ['light'])
    expectClean('English')
  })
})
