/**
 * Phones and paper, in real Chromium with the strict test LMS:
 * - at 320×640, no page type scrolls sideways and every target (buttons, a choice's clickable
 *   area, selects, contents links, pager, skip link) is at least 44×44 px; a full-page screenshot
 *   of each page type goes to test-results/screenshots/;
 * - the course works in the LMS's iframe and in its "new window" mode (the popup finds the API
 *   through window.opener);
 * - the print stylesheet makes a clean handout (PDF in test-results/print/, read back with
 *   pdf.js, test/helpers/pdf.ts): no navigation or buttons, every page of the SCO, no answers or
 *   feedback, even with `?print=answers`; the trainer's answer key prints from its own file.
 */
import { join } from 'node:path'
import { writeFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import type { Frame, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { ScoData } from '../../src/shared/sco-data.js'
import { Learner, wrongAnswer } from '../helpers/learner.js'
import { openSco } from '../helpers/lms/index.js'
import { pdfText } from '../helpers/pdf.js'
import { useLms } from '../helpers/lms/vitest.js'
import { A11Y_COURSE, buildAnswerKey, buildPackage, describeViolations, resultsDir, runAxe, type Surface } from './a11y-helpers.js'

declare const document: any
declare const window: any
declare function getComputedStyle(el: any): any
declare const Document: any

const MODULE_MODE = { 'course.yml': (text: string) => `${text.trimEnd()}\nsco: module\n` }

const t = useLms(async () => ({
  sample: await buildPackage(),
  'sample-modules': await buildPackage(undefined, 'scorm12', MODULE_MODE),
  a11y: await buildPackage(A11Y_COURSE),
  'a11y-2004': await buildPackage(A11Y_COURSE, 'scorm2004'),
}))

const PHONE = { width: 320, height: 640 }

interface Target {
  what: string
  width: number
  height: number
}

/** Horizontal overflow of the page, and anything sticking out of the window (tables scroll on their own). */
async function sideways(surface: Surface): Promise<string[]> {
  return surface.evaluate(() => {
    const out: string[] = []
    const root = document.scrollingElement
    if (root.scrollWidth > window.innerWidth) out.push(`page is ${root.scrollWidth} px wide in a ${window.innerWidth} px window`)
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('.pc-sr-only, table, pre') || el.getClientRects().length === 0) continue
      const r = el.getBoundingClientRect()
      if (r.right > window.innerWidth + 0.5 || r.left < -0.5) out.push(`${el.tagName}.${el.className} spans ${Math.round(r.left)}–${Math.round(r.right)}`)
    }
    return out
  })
}

/** Every visible interactive target with its size; a choice counts with its whole clickable area (input and label). */
async function targets(surface: Surface): Promise<Target[]> {
  return surface.evaluate(() => {
    const visible = (el: any) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
    const out: Target[] = []
    const union = (els: any[]) => {
      const rs = els.map((e) => e.getBoundingClientRect())
      const left = Math.min(...rs.map((r) => r.left))
      const right = Math.max(...rs.map((r) => r.right))
      const top = Math.min(...rs.map((r) => r.top))
      const bottom = Math.max(...rs.map((r) => r.bottom))
      return { width: right - left, height: bottom - top }
    }
    const name = (el: any) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${String(el.className).split(' ')[0]} "${(el.textContent ?? '').trim().slice(0, 30)}"`
    for (const el of document.querySelectorAll('button, select, #pc-toc a, a.pc-skip')) {
      if (!visible(el)) continue
      const r = el.getBoundingClientRect()
      out.push({ what: name(el), width: r.width, height: r.height })
    }
    for (const choice of document.querySelectorAll('.pc-choice')) {
      if (!visible(choice)) continue
      const input = choice.querySelector('input')
      const label = choice.querySelector(`label[for="${input.id}"]`)
      // The clickable area: the input and its label (clicking the label checks the input).
      out.push({ what: `choice ${input.id}`, ...union([input, label]) })
    }
    return out
  })
}

const screenshots: string[] = []
async function shoot(page: Page, name: string): Promise<void> {
  const dir = await resultsDir('screenshots')
  const file = join(dir, `phone-${String(screenshots.length + 1).padStart(2, '0')}-${name}.png`)
  // Scrolled to the end, the sticky pager sits in its place in the flow instead of over the content.
  await page.evaluate(() => window.scrollTo(0, document.scrollingElement.scrollHeight))
  await page.screenshot({ path: file, fullPage: true })
  screenshots.push(file)
}

describe('on a phone (320×640)', () => {
  it('no page type scrolls sideways, every target is at least 44×44 px, 0 axe violations; screenshots saved', async () => {
    const host = await t.page()
    // New-window mode: the SCO is a top-level page, so full-page screenshots show all of it.
    const { sco } = await openSco(host, t.lms.url('a11y', undefined, 'phone', undefined, 'window'))
    const page = sco as Page
    await page.setViewportSize(PHONE)
    const learner = new Learner(page)
    const data = await learner.data()
    const problems: string[] = []
    const sizes: Record<string, { min: number; what: string }> = {}
    const inspect = async (surface: Surface, name: string, screenshot: Page | null = page) => {
      problems.push(...(await sideways(surface)).map((p) => `${name}: ${p}`))
      for (const target of await targets(surface)) {
        const kind = target.what.startsWith('choice') ? 'choice' : target.what.split(/[#. ]/)[0]!
        const min = Math.min(target.width, target.height)
        if (!sizes[kind] || min < sizes[kind]!.min) sizes[kind] = { min: Math.round(min * 10) / 10, what: target.what }
        if (target.width < 44 || target.height < 44) problems.push(`${name}: ${target.what} is ${target.width.toFixed(1)}×${target.height.toFixed(1)} px`)
      }
      problems.push(...describeViolations(await runAxe(surface)).map((v) => `${name}: ${v}`))
      if (screenshot) await shoot(screenshot, name)
    }

    // The skip link, once focused.
    await page.keyboard.press('Tab')
    await inspect(page, 'skip-link', null)
    await inspect(page, 'content-page')
    await page.locator('#pc-toc-toggle').click()
    await inspect(page, 'contents-open')
    // Escape closes the contents and gives focus back to the button.
    await page.keyboard.press('Escape')
    expect(await page.evaluate(() => document.activeElement.id)).toBe('pc-toc-toggle')
    expect(await page.locator('#pc-toc').isVisible()).toBe(false)

    await learner.goTo('tout/verifications')
    await inspect(page, 'questions')
    const checks = data.questions.filter((q) => !q.scored)
    for (const [i, q] of checks.entries()) {
      await learner.answer(q, i % 2 ? q.correct : wrongAnswer(q))
      await learner.check(q)
    }
    await inspect(page, 'questions-feedback')

    await learner.goTo('tout/evaluation')
    await inspect(page, 'assessment')
    const scored = data.questions.filter((q) => q.scored)
    await learner.takeAssessment(
      'tout',
      scored.map((q) => q.id),
    )
    await inspect(page, 'assessment-failed')
    await learner.retry('tout')
    await learner.takeAssessment('tout')
    await inspect(page, 'assessment-passed')

    t.lms.failNextCommits(50, { learner: 'phone', pkg: 'a11y' })
    await learner.next()
    await page.locator('#pc-banner').waitFor({ state: 'visible' })
    await inspect(page, 'not-saved-banner')

    // Opened on its own: the no-LMS notice.
    const alone = await t.page()
    await alone.setViewportSize(PHONE)
    await alone.goto(`${t.lms.origin}/pkg/a11y/index.html`)
    await alone.locator('#pc-notice').waitFor({ state: 'visible' })
    await inspect(alone, 'no-lms-notice', alone)

    // Every page of the sample course (long titles, wide tables, many links).
    await alone.goto(`${t.lms.origin}/pkg/sample/index.html`)
    const sample = new Learner(alone)
    for (const [i, p] of (await sample.data()).pages.entries()) {
      if (i > 0) await sample.next()
      problems.push(...(await sideways(alone)).map((x) => `sample ${p.id}: ${x}`))
      if (i === 0) await shoot(alone, 'sample-first-page')
    }

    console.log('smallest target side per kind (px):', JSON.stringify(sizes))
    expect(problems).toEqual([])
    expect(Object.keys(sizes).sort()).toEqual(['a', 'button', 'choice', 'select'])
    expect(screenshots.length).toBe(10)
  })
})

describe('inside the LMS', () => {
  async function play(surface: Page | Frame): Promise<ScoData> {
    const learner = new Learner(surface)
    const data = await learner.data()
    await learner.visitAll()
    for (const verdict of await learner.checkKnowledge()) expect(verdict).toMatch(/Bonne réponse/)
    expect(await learner.takeAssessment('tout')).toMatch(/Évaluation réussie/)
    return data
  }

  it('works in the LMS iframe on a phone', async () => {
    const page = await t.page()
    await page.setViewportSize(PHONE)
    const { sco } = await openSco(page, t.lms.url('a11y', undefined, 'iframe'))
    expect(sco).not.toBe(page)
    expect(await (sco as Frame).evaluate(() => window.parent !== window)).toBe(true)
    expect(await sideways(sco)).toEqual([])
    await play(sco)
    await t.lms.flush(page)
    const tracks = t.lms.tracks('iframe', 'a11y')
    expect(tracks['cmi.core.lesson_status']).toBe('passed')
    expect(tracks['cmi.core.score.raw']).toBe('100')
    expect(t.lms.violations('iframe', 'a11y')).toEqual([])
  })

  it.each(['a11y', 'a11y-2004'])('works in "new window" mode (%s): the popup finds the API through window.opener', async (pkg) => {
    const page = await t.page()
    const { sco } = await openSco(page, t.lms.url(pkg, undefined, 'popup', undefined, 'window'))
    const popup = sco as Page
    expect(popup).not.toBe(page)
    expect(await popup.evaluate(() => window.parent === window && !!window.opener)).toBe(true)
    await popup.setViewportSize(PHONE)
    expect(await sideways(popup)).toEqual([])
    await play(popup)
    await t.lms.flush(page)
    const tracks = t.lms.tracks('popup', pkg)
    if (pkg === 'a11y') {
      expect(tracks['cmi.core.lesson_status']).toBe('passed')
      expect(tracks['cmi.core.score.raw']).toBe('100')
    } else {
      expect(tracks['cmi.success_status']).toBe('passed')
      expect(tracks['cmi.completion_status']).toBe('completed')
      expect(tracks['cmi.score.scaled']).toBe('1')
    }
    expect(t.lms.events('popup', pkg).map((e) => e.type)).toEqual(expect.arrayContaining(['sco-opened', 'api-lookup']))
    expect(t.lms.violations('popup', pkg)).toEqual([])
  })
})

describe('without the runtime (issue 14: the pages after the first are sent hidden, as inert text)', () => {
  // A page counts as shown when its heading is: a page left as inert text would show as empty.
  const counts = async (page: Page) => ({ pages: await page.locator('.pc-page').count(), visible: await page.locator('.pc-page:visible h1:visible').count() })

  it('with JavaScript off, every page shows, and the buttons that need it do not', async () => {
    const page = await t.page()
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true })
    await page.goto(`${t.lms.origin}/pkg/sample/index.html`)
    const { pages, visible } = await counts(page)
    expect(pages).toBeGreaterThan(20)
    expect(visible).toBe(pages)
    expect(await page.locator('.pc-pager').isVisible()).toBe(false)
  })

  it('when the runtime does not load (parcours.js missing), every page shows as without JavaScript', async () => {
    const page = await t.page()
    await page.route('**/pkg/sample/parcours.js', (route) => route.fulfill({ status: 404, body: '' }))
    await page.goto(`${t.lms.origin}/pkg/sample/index.html`)
    await expect.poll(async () => (await counts(page)).visible).toBeGreaterThan(20)
    const { pages, visible } = await counts(page)
    expect(visible).toBe(pages)
    expect(await page.locator('body.pc-nojs').count()).toBe(1)
  })

  it('when the runtime cannot start (damaged SCO data), every page shows as without JavaScript', async () => {
    const page = await t.page()
    await page.route('**/pkg/sample/index.html', async (route) => {
      const response = await route.fetch()
      await route.fulfill({ response, body: (await response.text()).replace('id="pc-data">', 'id="pc-data">{') })
    })
    await page.goto(`${t.lms.origin}/pkg/sample/index.html`)
    await page.locator('body.pc-nojs').waitFor({ state: 'attached' })
    await expect.poll(async () => (await counts(page)).visible).toBeGreaterThan(20)
    const { pages, visible } = await counts(page)
    expect(visible).toBe(pages)
  })

  it('when the runtime fails after setting the pages not shown aside, every page comes back and shows as without JavaScript', async () => {
    const page = await t.page()
    // The first page change's title is set once the other pages are out of the document (nav.ts).
    await page.addInitScript(() => {
      Object.defineProperty(Document.prototype, 'title', {
        get: () => '',
        set: () => {
          throw new Error('title refused')
        },
      })
    })
    await page.goto(`${t.lms.origin}/pkg/sample/index.html`)
    await page.locator('body.pc-nojs').waitFor({ state: 'attached' })
    await expect.poll(async () => (await counts(page)).visible).toBeGreaterThan(20)
    const { pages, visible } = await counts(page)
    expect(visible).toBe(pages)
  })
})

describe('print', () => {
  const normalise = (text: string) =>
    text
      .replace(/\u00ad/g, '')
      .replace(/-\n(?=\p{Ll})/gu, '')
      .replace(/\s+/g, ' ')
  // Hyphens go too: a line may break after a real hyphen (« devez-|vous »), which normalise() cannot tell from a soft one.
  const squeeze = (text: string) => text.replace(/[\s-]+/g, '')

  async function printPdf(page: Page, url: string, name: string): Promise<string> {
    await page.goto(url)
    await page.emulateMedia({ media: 'print' })
    const file = join(await resultsDir('print'), `${name}.pdf`)
    await page.pdf({ path: file, format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } })
    return pdfText(file)
  }

  /** What the printed handout must contain (headings, stems, choices) and must not (UI, feedback). */
  async function pageFacts(page: Page) {
    return page.evaluate(() => {
      const text = (sel: string) => [...document.querySelectorAll(sel)].map((e: any) => e.textContent.trim()).filter(Boolean)
      const strings = JSON.parse(document.getElementById('pc-data').textContent).strings
      // A feedback sentence the author also wrote in the page's own text may be printed with it.
      const main = document.getElementById('pc-main').cloneNode(true)
      main.querySelectorAll('.pc-feedback').forEach((e: any) => e.remove())
      const rest = main.textContent.replace(/\s+/g, '')
      const notElsewhere = (s: string) => !rest.includes(s.replace(/\s+/g, '').slice(0, 60))
      return {
        // The handout is the course: the learner's summary (end page) prints alone, from its button.
        titles: text('.pc-page:not(.pc-end) h1'),
        modules: text('.pc-module-name'),
        stems: text('.pc-stem'),
        choices: text('.pc-choice label, .pc-pair label, .pc-targets li'),
        feedback: text('.pc-feedback-correct, .pc-feedback-wrong').filter(notElsewhere),
        correctFeedback: text('.pc-feedback-correct'),
        ui: ['skipToContent', 'toc', 'previous', 'next', 'check', 'submitAssessment', 'retryAssessment', 'choose', 'noLms'].map((k) => strings[k]),
        position: strings.pagePosition.replace(/\{.*$/, ''),
      }
    })
  }

  it('prints the whole SCO as a clean handout: every page, no navigation, no buttons, no answers', async () => {
    const page = await t.page()
    for (const pkg of ['sample', 'a11y']) {
      const text = await printPdf(page, `${t.lms.origin}/pkg/${pkg}/index.html`, pkg)
      const flat = squeeze(normalise(text))
      const facts = await pageFacts(page)
      const missing = [...facts.titles, ...facts.stems, ...facts.choices].filter((s) => !flat.includes(squeeze(s)))
      expect(missing, `${pkg}: missing from the handout`).toEqual([])
      const present = facts.ui.filter((s) => flat.includes(squeeze(s)))
      expect(present, `${pkg}: interface printed`).toEqual([])
      expect(normalise(text)).not.toMatch(new RegExp(`${facts.position}\\d+`))
      const leaked = facts.feedback.filter((s) => flat.includes(squeeze(s).slice(0, 60)))
      expect(leaked, `${pkg}: feedback printed`).toEqual([])
      expect(text).not.toMatch(/Bonne réponse|bonne réponse/)
      // Each module starts on a new sheet (pdfText separates sheets with a form feed).
      const sheets = text.split('\f').map((sheet) => normalise(sheet).trim())
      const modules = [...new Set(facts.modules)]
      // (the first one follows the course title at the top of the first sheet)
      for (const m of modules.slice(1)) expect(sheets.find((sheet) => sheet.includes(m))?.startsWith(m), m).toBe(true)
      if (pkg === 'a11y') expect(flat).toContain('(https://www.example.org/)')
    }
  })

  it('keeps only the page on screen in the document (issue 14), and every page, in order, while printing', async () => {
    const page = await t.page()
    await page.goto(`${t.lms.origin}/pkg/sample/index.html`)
    await page.locator('body:not(.pc-nojs)').waitFor()
    const inDocument = () => page.evaluate(() => [...document.querySelectorAll('.pc-page')].map((e: any) => e.getAttribute('data-page')))
    const served: string[] = await page.evaluate(async () =>
      [...new window.DOMParser().parseFromString(await (await fetch(window.location.href)).text(), 'text/html').querySelectorAll('.pc-page')].map((e: any) =>
        e.getAttribute('data-page'),
      ),
    )
    expect(served.length).toBeGreaterThan(20)
    // (where this browser's earlier visit left the learner: the runtime resumes there)
    const [first] = await inDocument()
    expect(await inDocument()).toEqual([first])
    const at = served.indexOf(first)
    if (at === served.length - 1) await page.locator('#pc-prev').click()
    const here = at === served.length - 1 ? at - 1 : at
    if (here !== at) expect(await inDocument()).toEqual([served[here]])
    await page.locator('#pc-next').click()
    expect(await inDocument()).toEqual([served[here + 1]])
    await page.emulateMedia({ media: 'print' })
    await expect.poll(inDocument).toEqual(served)
    await page.emulateMedia({ media: 'screen' })
    await expect.poll(inDocument).toEqual([served[here + 1]])
    // Back on screen, the course goes on where it was.
    await page.locator('#pc-prev').click()
    expect(await inDocument()).toEqual([served[here]])
  })

  it("prints the learner's summary alone from the end page's button, then the handout again", async () => {
    const page = await t.page()
    await page.goto(`${t.lms.origin}/pkg/sample/index.html#/_end`)
    await page.locator('body:not(.pc-nojs)').waitFor()
    // The print dialog is the browser's: record the call, then print as it would.
    await page.evaluate(() => {
      const w = window as unknown as { print(): void; printed: number }
      w.printed = 0
      w.print = () => void (w.printed += 1)
    })
    await page.locator('#p-_end .pc-end-print').click()
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)
    await page.emulateMedia({ media: 'print' })
    const file = join(await resultsDir('print'), 'sample-summary.pdf')
    await page.pdf({ path: file, format: 'A4' })
    const summary = normalise(await pdfText(file))
    const strings = JSON.parse((await page.locator('#pc-data').textContent()) ?? '{}').strings as Record<string, string>
    expect(summary).toContain(strings.endTitle)
    expect(summary).toContain(normalise(strings.endAssessments!))
    expect(summary).not.toContain(strings.printSummary)
    const data = JSON.parse((await page.locator('#pc-data').textContent()) ?? '{}') as ScoData
    expect(data.pages.filter((p) => summary.includes(p.title) && p.title.length > 12)).toEqual([])
    // After the dialog, Ctrl+P prints the handout (without the summary) again.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')))
    expect(await page.locator('body.pc-print-end').count()).toBe(0)
    expect(await page.locator('#p-_end').isVisible()).toBe(false)
  })

  it('prints one module per SCO in module mode, and only that module', async () => {
    const page = await t.page()
    const text = squeeze(normalise(await printPdf(page, `${t.lms.origin}/pkg/sample-modules/rgpd-ecole/index.html`, 'sample-module-rgpd-ecole')))
    const data = JSON.parse((await page.locator('#pc-data').textContent()) ?? '{}') as ScoData
    expect(data.pages.every((p) => p.moduleId === 'rgpd-ecole')).toBe(true)
    expect(data.pages.filter((p) => !text.includes(squeeze(p.title)))).toEqual([])
    expect(text).not.toContain(squeeze('Le décret de décembre 2025'))
  })

  it("prints the trainer's answer key from its own file; ?print=answers shows nothing more in the package", async () => {
    const page = await t.page()
    // In the package, ?print=answers is the plain handout: no key, no "Correct:" feedback.
    const handout = squeeze(normalise(await printPdf(page, `${t.lms.origin}/pkg/a11y/index.html?print=answers`, 'a11y-print-answers')))
    const facts = await pageFacts(page)
    expect(facts.correctFeedback).toEqual([])
    expect(handout).not.toMatch(/bonneréponse|Corrigé/)
    // The answer key file: every right choice said in words, every matching pair, both feedbacks.
    const html = await buildAnswerKey(A11Y_COURSE)
    const file = join(await resultsDir('print'), 'a11y-corrige.html')
    await writeFile(file, html)
    const text = normalise(await printPdf(page, pathToFileURL(file).href, 'a11y-corrige'))
    const flat = squeeze(text)
    const data = await new Learner(await (await openSco(await t.page(), t.lms.url('a11y', undefined, 'key-reader'))).sco).data()
    const marks = (flat.match(/\(bonneréponse\)/g) ?? []).length
    expect(marks).toBe(data.questions.filter((q) => q.type !== 'matching').reduce((n, q) => n + q.correct.length, 0))
    for (const q of data.questions.filter((x) => x.type === 'matching')) {
      q.sources.forEach((s, i) => {
        const answer = q.choices.find((c) => c.token === q.correct[i])!.text
        expect(flat).toContain(squeeze(`${s.text} → ${answer}`))
      })
    }
    expect(flat).toContain(squeeze('Ne diffusez pas ce corrigé aux apprenants'))
  })
})
