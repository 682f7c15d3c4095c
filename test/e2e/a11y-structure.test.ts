/**
 * Language, structure, contrast, colour, motion and text size, in real Chromium inside the test
 * LMS: `lang` on the document and on foreign passages; a unique title per page; headings in order
 * on every page; a working skip link; contrast of the default theme in the light AND dark schemes
 * (text ≥ 4.5:1, UI components and focus ring ≥ 3:1), measured on computed colours (and on pixels
 * for native radios and checkboxes); no information by colour alone; prefers-reduced-motion
 * respected; text enlarged to 200 % without horizontal scrolling or clipping at 1280 px.
 * Measured ratios are written to test-results/a11y/contrast.json.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Frame, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { Learner, wrongAnswer } from '../helpers/learner.js'
import { openSco } from '../helpers/lms/index.js'
import { useLms } from '../helpers/lms/vitest.js'
import { A11Y_COURSE, buildPackage, colorsOf, currentPage, maxContrastInImage, ratio, resultsDir, tabTo } from './a11y-helpers.js'

declare const document: any
declare const window: any
declare function getComputedStyle(el: any, pseudo?: string | null): any

const t = useLms(async () => ({ sample: await buildPackage(), a11y: await buildPackage(A11Y_COURSE) }))

type Scheme = 'light' | 'dark'
const SCHEMES: Scheme[] = ['light', 'dark']

/** scheme → what → ratio, for the report. */
const measured: Record<Scheme, Record<string, { ratio: number; fg: string; bg: string; min: number }>> = { light: {}, dark: {} }

afterAll(async () => {
  await writeFile(join(await resultsDir('a11y'), 'contrast.json'), JSON.stringify(measured, null, 2) + '\n')
})

type Kind = 'text' | 'ui'
const MIN: Record<Kind, number> = { text: 4.5, ui: 3 }

/** Text colour of `selector` against its effective background. */
async function textContrast(sco: Frame | Page, scheme: Scheme, name: string, selector: string): Promise<void> {
  const c = await colorsOf(sco, selector)
  record(scheme, name, c.color, c.background, 'text')
}

/** A UI boundary: `fg` (border, fill, mark) against what is around it. */
function record(scheme: Scheme, name: string, fg: string, bg: string, kind: Kind): void {
  measured[scheme][name] = { ratio: Math.round(ratio(fg, bg) * 100) / 100, fg, bg, min: MIN[kind] }
}

/** Background of the element's parent (what a border, outline or filled box sits on). */
async function around(sco: Frame | Page, selector: string): Promise<string> {
  const parent = await sco.evaluate((sel: string) => {
    const el = document.querySelector(sel).parentElement
    el.setAttribute('data-pc-test-parent', '')
    return true
  }, selector)
  expect(parent).toBe(true)
  const c = await colorsOf(sco, '[data-pc-test-parent]')
  await sco.evaluate(() => document.querySelector('[data-pc-test-parent]').removeAttribute('data-pc-test-parent'))
  return c.background
}

function failures(): string[] {
  return SCHEMES.flatMap((s) =>
    Object.entries(measured[s])
      .filter(([, m]) => m.ratio < m.min)
      .map(([name, m]) => `${s}: ${name} ${m.ratio}:1 < ${m.min}:1 (${m.fg} on ${m.bg})`),
  )
}

async function visibleHeadings(sco: Frame | Page): Promise<number[]> {
  return sco.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((h: any) => h.getClientRects().length > 0).map((h: any) => Number(h.tagName[1])))
}

describe('language and structure', () => {
  it('declares the language of the document and of foreign passages', async () => {
    const page = await t.page()
    const { sco } = await openSco(page, t.lms.url('a11y', undefined, 'lang'))
    expect(await sco.locator('html').getAttribute('lang')).toBe('fr')
    // Every page, as served: the runtime keeps only the page on screen in the document.
    const spans = await sco.evaluate(async () =>
      [...new window.DOMParser().parseFromString(await (await fetch(window.location.href)).text(), 'text/html').querySelectorAll('.pc-page [lang]')].map((e) => [
        e.getAttribute('lang'),
        e.textContent,
      ]),
    )
    expect(spans).toEqual([
      ['en', 'Digital Services Act'],
      ['en', 'Nothing about us without us.'],
    ])
  })

  it('gives every page a unique title and ordered headings (one h1, no skipped level)', async () => {
    const page = await t.page()
    for (const pkg of ['sample', 'a11y']) {
      const { sco } = await openSco(page, t.lms.url(pkg, undefined, 'headings'))
      const learner = new Learner(sco)
      const data = await learner.data()
      const titles: string[] = []
      const problems: string[] = []
      for (const [i, p] of data.pages.entries()) {
        if (i > 0) await learner.next()
        titles.push(await sco.evaluate(() => document.title))
        const levels = await visibleHeadings(sco)
        if (levels.filter((l) => l === 1).length !== 1 || levels[0] !== 1) problems.push(`${p.id}: h1 count/position ${levels.join(',')}`)
        levels.forEach((l, j) => {
          if (j > 0 && l > levels[j - 1]! + 1) problems.push(`${p.id}: h${levels[j - 1]} then h${l}`)
        })
      }
      expect(problems).toEqual([])
      expect(new Set(titles).size, titles.join('\n')).toBe(data.pages.length)
      for (const [i, p] of data.pages.entries()) expect(titles[i]).toContain(p.title)
    }
  })

  it('has a skip link that takes keyboard focus past the header and the contents', async () => {
    const page = await t.page()
    const { sco } = await openSco(page, t.lms.url('a11y', undefined, 'skip'))
    await page.keyboard.press('Tab')
    expect(await sco.evaluate(() => document.activeElement.className)).toBe('pc-skip')
    const box = await sco.locator('.pc-skip').boundingBox()
    expect(box!.y).toBeGreaterThanOrEqual(0)
    expect(box!.height).toBeGreaterThanOrEqual(44)
    await page.keyboard.press('Enter')
    await sco.waitForFunction(() => document.activeElement?.id === 'pc-main')
    await page.keyboard.press('Tab')
    // The first link of the content page, not the header's button or the contents.
    expect(await sco.evaluate(() => document.activeElement.closest('.pc-page')?.getAttribute('data-page'))).toBe('tout/contenu')
  })
})

describe('contrast of the default theme, light and dark', () => {
  it('meets 4.5:1 for text and 3:1 for UI components and the focus ring', async () => {
    const page = await t.page()
    const { sco } = await openSco(page, t.lms.url('a11y', undefined, 'contrast'))
    const learner = new Learner(sco)
    const data = await learner.data()
    const each = async (fn: (scheme: Scheme) => Promise<void>): Promise<void> => {
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme })
        await fn(scheme)
      }
      await page.emulateMedia({ colorScheme: 'light' })
    }

    // Content page: text, muted text, links, table, callouts, pager, header.
    await each(async (s) => {
      await textContrast(sco, s, 'main text', '.pc-page:not([hidden]) > p:not(.pc-module-name)')
      await textContrast(sco, s, 'course title (header)', '.pc-course-title')
      await textContrast(sco, s, 'module name (muted)', '.pc-page:not([hidden]) .pc-module-name')
      await textContrast(sco, s, 'estimated time (muted)', '.pc-page:not([hidden]) .pc-duration')
      await textContrast(sco, s, 'page position (muted)', '#pc-position')
      await textContrast(sco, s, 'link in text', '.pc-page:not([hidden]) > p a')
      await textContrast(sco, s, 'table header cell', '.pc-page:not([hidden]) th')
      await textContrast(sco, s, 'table cell', '.pc-page:not([hidden]) td')
      for (const kind of ['a-retenir', 'attention', 'exemple']) {
        await textContrast(sco, s, `callout ${kind}: label`, `.pc-callout-${kind} .pc-callout-title strong`)
        await textContrast(sco, s, `callout ${kind}: text`, `.pc-callout-${kind} > p:last-child`)
        const c = await colorsOf(sco, `.pc-callout-${kind}`)
        record(s, `callout ${kind}: side line`, c.border[3]!.color, await around(sco, `.pc-callout-${kind}`), 'ui')
      }
      await textContrast(sco, s, 'button "Next" (primary) text', '#pc-next')
      const next = await colorsOf(sco, '#pc-next')
      record(s, 'button "Next" (primary) fill vs page', next.background, await around(sco, '#pc-next'), 'ui')
      await textContrast(sco, s, 'button "Contents" (secondary) text', '#pc-toc-toggle')
      const toggle = await colorsOf(sco, '#pc-toc-toggle')
      record(s, 'button "Contents" (secondary) border', toggle.border[0]!.color, await around(sco, '#pc-toc-toggle'), 'ui')
    })

    // Table of contents (wide screen: always shown), current and seen pages.
    await page.setViewportSize({ width: 1280, height: 800 })
    await learner.next()
    await each(async (s) => {
      await textContrast(sco, s, 'contents: module title', '.pc-toc-module-title')
      await textContrast(sco, s, 'contents: link', '#pc-toc li:last-child a')
      await textContrast(sco, s, 'contents: current page', '#pc-toc a[aria-current="page"]')
      await textContrast(sco, s, 'contents: "seen" mark', '#pc-toc .pc-toc-seen')
      const current = await colorsOf(sco, '#pc-toc a[aria-current="page"]')
      record(s, 'contents: current page marker', current.border[3]!.color, current.background, 'ui')
      await textContrast(sco, s, 'button "Previous" (secondary) text', '#pc-prev')
      const prev = await colorsOf(sco, '#pc-prev')
      record(s, 'button "Previous" (secondary) border', prev.border[0]!.color, await around(sco, '#pc-prev'), 'ui')
    })

    // Questions: labels, controls, verdicts.
    const checks = data.questions.filter((q) => !q.scored)
    const single = checks.find((q) => q.type === 'single')!
    const multiple = checks.find((q) => q.type === 'multiple')!
    const matching = checks.find((q) => q.type === 'matching')!
    await each(async (s) => {
      await textContrast(sco, s, 'question stem', `#q-${single.id} legend`)
      await textContrast(sco, s, 'choice label', `#q-${single.id} label`)
      await textContrast(sco, s, 'button "Check" (primary) text', `#q-${single.id} .pc-check`)
      await textContrast(sco, s, 'select text', `#q-${matching.id} select`)
      const select = await colorsOf(sco, `#q-${matching.id} select`)
      record(s, 'select border', select.border[0]!.color, await around(sco, `#q-${matching.id} select`), 'ui')
      const question = await colorsOf(sco, `#q-${single.id}`)
      record(s, 'question box border', question.border[0]!.color, await around(sco, `#q-${single.id}`), 'ui')
      // Native radio and checkbox, unchecked: their border against the page, from the pixels.
      for (const [name, selector] of [
        ['radio (unchecked) border', `#q-${single.id} input`],
        ['checkbox (unchecked) border', `#q-${multiple.id} input`],
      ] as const) {
        const bg = await around(sco, selector)
        const shot = await sco.locator(selector).first().screenshot()
        const px = maxContrastInImage(shot, bg)
        record(s, name, px.color, bg, 'ui')
      }
    })
    await learner.answer(single, wrongAnswer(single))
    await learner.check(single)
    await learner.answer(multiple, multiple.correct)
    await learner.check(multiple)
    await each(async (s) => {
      await textContrast(sco, s, 'verdict "wrong"', `#q-${single.id} .pc-verdict`)
      await textContrast(sco, s, 'verdict "correct"', `#q-${multiple.id} .pc-verdict`)
      await textContrast(sco, s, 'feedback text', `#q-${single.id} .pc-feedback-wrong p`)
      const shot = await sco.locator(`#q-${single.id} input:checked`).screenshot()
      const bg = await around(sco, `#q-${single.id} input:checked`)
      record(s, 'radio (checked) mark', maxContrastInImage(shot, bg).color, bg, 'ui')
    })

    // Focus ring, reached with the keyboard (Shift+Tab from the check button of the next question).
    await each(async (s) => {
      await sco.locator(`#q-${multiple.id} .pc-check`).focus()
      await page.keyboard.press('Shift+Tab')
      const focusedSel = await sco.evaluate(() => (document.activeElement.id ? `#${document.activeElement.id}` : ''))
      expect(focusedSel).not.toBe('')
      const ring = await colorsOf(sco, focusedSel)
      expect(ring.outline.style).not.toBe('none')
      expect(ring.outline.width).toBeGreaterThanOrEqual(2)
      record(s, 'focus ring (on a checkbox)', ring.outline.color, await around(sco, focusedSel), 'ui')
      await tabTo(page, sco, '#pc-next')
      const nextRing = await colorsOf(sco, '#pc-next')
      record(s, 'focus ring (on the primary button)', nextRing.outline.color, await around(sco, '#pc-next'), 'ui')
    })

    // Assessment results: failed (retry offered), then passed.
    const scored = data.questions.filter((q) => q.scored)
    await learner.takeAssessment(
      'tout',
      scored.map((q) => q.id),
    )
    await each(async (s) => {
      await textContrast(sco, s, 'result "failed"', '.pc-result')
      await textContrast(sco, s, 'attempts left (muted)', '.pc-attempts')
      await textContrast(sco, s, 'button "Retry" text', '.pc-retry')
      const result = await colorsOf(sco, '.pc-result')
      record(s, 'result "failed" side line', result.border[3]!.color, result.background, 'ui')
    })
    await learner.retry('tout')
    await learner.takeAssessment('tout')
    await each(async (s) => {
      await textContrast(sco, s, 'result "passed"', '.pc-result')
      const result = await colorsOf(sco, '.pc-result')
      record(s, 'result "passed" side line', result.border[3]!.color, result.background, 'ui')
    })

    // The skip link, once focused.
    await sco.evaluate(() => document.querySelector('.pc-skip').focus())
    await each(async (s) => textContrast(sco, s, 'skip link (focused)', '.pc-skip'))

    // The "not saved" banner.
    t.lms.failNextCommits(50, { learner: 'contrast', pkg: 'a11y' })
    await learner.previous()
    await sco.locator('#pc-banner').waitFor({ state: 'visible' })
    await each(async (s) => textContrast(sco, s, '"not saved" banner', '#pc-banner'))

    // The no-LMS notice (package opened on its own).
    await page.goto(`${t.lms.origin}/pkg/a11y/index.html`)
    await page.locator('#pc-notice').waitFor({ state: 'visible' })
    await each(async (s) => {
      await textContrast(page, s, 'no-LMS notice', '#pc-notice')
      const notice = await colorsOf(page, '#pc-notice')
      record(s, 'no-LMS notice side line', notice.border[3]!.color, notice.background, 'ui')
    })

    expect(Object.keys(measured.light).length).toBeGreaterThan(40)
    expect(Object.keys(measured.dark)).toEqual(Object.keys(measured.light))
    expect(failures()).toEqual([])
  })
})

describe('no information by colour alone', () => {
  it('says verdicts, results, callouts and seen pages in text, and underlines links', async () => {
    const page = await t.page()
    await page.setViewportSize({ width: 1280, height: 800 })
    const { sco } = await openSco(page, t.lms.url('a11y', undefined, 'colour'))
    const learner = new Learner(sco)
    const data = await learner.data()
    // Callouts: a text label each, different line styles.
    const callouts = await sco
      .locator('.pc-callout')
      .evaluateAll((els: any[]) => els.map((e) => [e.querySelector('.pc-callout-title strong')?.textContent ?? '', getComputedStyle(e).borderLeftStyle]))
    expect(callouts).toEqual([
      ['À retenir', 'solid'],
      ['Attention', 'double'],
      ['Exemple', 'dashed'],
    ])
    // A link to another site says, in text, that it opens a new tab.
    expect(await sco.locator('.pc-page:not([hidden]) a[target="_blank"]').textContent()).toBe('lien externe (ouvre un nouvel onglet)')
    // Links in text are underlined, not only coloured.
    expect(await sco.locator('.pc-page:not([hidden]) > p a').evaluate((a: any) => getComputedStyle(a).textDecorationLine)).toContain('underline')
    await learner.next()
    // Seen pages: a mark and hidden text; the current page: aria-current, bold and a side line.
    const seen = await sco.locator('#pc-toc a[data-page="tout/contenu"] .pc-toc-seen').textContent()
    expect(seen).toMatch(/Page vue/)
    const current = await sco.locator('#pc-toc a[aria-current="page"]').evaluate((a: any) => [getComputedStyle(a).fontWeight, getComputedStyle(a).borderLeftStyle])
    expect(Number(current[0])).toBeGreaterThanOrEqual(700)
    expect(current[1]).toBe('solid')
    // Verdicts: a word and a mark (✓ / ✗) besides the colour.
    const [right, wrong] = data.questions.filter((q) => !q.scored)
    await learner.answer(right!, right!.correct)
    await learner.check(right!)
    await learner.answer(wrong!, wrongAnswer(wrong!))
    await learner.check(wrong!)
    const verdict = async (id: string) => sco.locator(`#q-${id} .pc-verdict`).evaluate((v: any) => [v.textContent, getComputedStyle(v, '::before').content])
    expect(await verdict(right!.id)).toEqual(['Bonne réponse.', expect.stringContaining('✓')])
    expect((await verdict(wrong!.id))[0]).toMatch(/^Réponse (incorrecte|incomplète)\.$/)
    expect((await verdict(wrong!.id))[1]).toContain('✗')
    // Results say "passed" / "not passed".
    expect(
      await learner.takeAssessment(
        'tout',
        data.questions.filter((q) => q.scored).map((q) => q.id),
      ),
    ).toMatch(/Évaluation non réussie\./)
  })
})

describe('motion', () => {
  it('has no transition, animation or smooth scrolling with prefers-reduced-motion: reduce', async () => {
    const page = await t.page()
    // Records how the runtime scrolls (scrollIntoView / scrollTo options), in every frame.
    await page.addInitScript(() => {
      const w = window as any
      w.__scrolls = []
      const into = w.Element.prototype.scrollIntoView
      w.Element.prototype.scrollIntoView = function (this: unknown, arg: any) {
        w.__scrolls.push(typeof arg === 'object' && arg ? (arg.behavior ?? 'auto') : 'auto')
        return into.call(this, arg)
      }
    })
    const measureMotion = async (sco: Frame) =>
      sco.evaluate(() => {
        const moving: string[] = []
        for (const el of [document.documentElement, ...document.querySelectorAll('*')]) {
          for (const pseudo of [null, '::before', '::after']) {
            const s = getComputedStyle(el, pseudo)
            const d = (v: string) => v.split(',').some((x) => parseFloat(x) > 0)
            if (d(s.transitionDuration) || (s.animationName !== 'none' && d(s.animationDuration)) || s.scrollBehavior === 'smooth') {
              moving.push(`${el.tagName}.${el.className}${pseudo ?? ''}`)
            }
          }
        }
        return moving
      })
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      await page.emulateMedia({ reducedMotion })
      const { sco } = await openSco(page, t.lms.url('a11y', undefined, `motion-${reducedMotion}`))
      const learner = new Learner(sco as Frame)
      await learner.next()
      const q = (await learner.data()).questions.find((x) => !x.scored)!
      await learner.answer(q, q.correct)
      await learner.check(q)
      const scrolls: string[] = await sco.evaluate(() => window.__scrolls)
      expect(scrolls.length).toBeGreaterThan(0)
      if (reducedMotion === 'reduce') {
        expect(await measureMotion(sco as Frame)).toEqual([])
        expect(scrolls.filter((b) => b !== 'auto')).toEqual([])
      } else {
        // Without the preference, the runtime scrolls smoothly: the check above is not vacuous.
        expect(scrolls).toContain('smooth')
      }
    }
  })
})

describe('text resized to 200 %', () => {
  it('causes no horizontal scrolling and clips nothing at 1280 px, on every page type', async () => {
    const page = await t.page()
    await page.setViewportSize({ width: 1280, height: 800 })
    const problems: string[] = []
    const inspect = async (sco: Frame, what: string) => {
      const found: string[] = await sco.evaluate(() => {
        const out: string[] = []
        const root = document.scrollingElement
        if (root.scrollWidth > root.clientWidth + 1) out.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`)
        for (const el of document.querySelectorAll('body *')) {
          if (el.closest('.pc-sr-only') || el.getClientRects().length === 0) continue
          const s = getComputedStyle(el)
          const clips = (v: string) => v === 'hidden' || v === 'clip'
          if ((clips(s.overflowX) && el.scrollWidth > el.clientWidth + 1) || (clips(s.overflowY) && el.scrollHeight > el.clientHeight + 1)) {
            out.push(`clipped: ${el.tagName}.${el.className}`)
          }
          // What scrolls on its own (wide tables) must be reachable with the keyboard.
          if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1 && el.tabIndex < 0 && !el.querySelector('a, button, input, select')) {
            out.push(`scrolls without keyboard access: ${el.tagName}.${el.className}`)
          }
          // Text pushed out of the window.
          const r = el.getBoundingClientRect()
          if (r.right > window.innerWidth + 1 && !el.closest('table, pre') && s.position !== 'absolute')
            out.push(`overflows the window: ${el.tagName}.${el.className} (${Math.round(r.right)})`)
        }
        return out
      })
      problems.push(...found.map((f) => `${what}: ${f}`))
    }
    const zoom = (sco: Frame) => sco.evaluate(() => (document.documentElement.style.fontSize = '200%'))

    // Every page of the sample course.
    let { sco } = await openSco(page, t.lms.url('sample', undefined, 'zoom'))
    let frame = sco as Frame
    await zoom(frame)
    let learner = new Learner(frame)
    for (const [i, p] of (await learner.data()).pages.entries()) {
      if (i > 0) await learner.next()
      await inspect(frame, p.id)
    }
    // The fixture: questions answered, results, banner.
    ;({ sco } = await openSco(page, t.lms.url('a11y', undefined, 'zoom')))
    frame = sco as Frame
    await zoom(frame)
    learner = new Learner(frame)
    const data = await learner.data()
    await inspect(frame, 'content page')
    await learner.next()
    for (const q of data.questions.filter((x) => !x.scored)) {
      await learner.answer(q, wrongAnswer(q))
      await learner.check(q)
    }
    await inspect(frame, 'questions with feedback')
    await learner.takeAssessment(
      'tout',
      data.questions.filter((q) => q.scored).map((q) => q.id),
    )
    await inspect(frame, 'assessment failed')
    t.lms.failNextCommits(50, { learner: 'zoom', pkg: 'a11y' })
    await learner.next()
    await frame.locator('#pc-banner').waitFor({ state: 'visible' })
    await inspect(frame, 'banner')
    expect(await currentPage(frame)).toBe('suite/fin')
    expect(problems).toEqual([])
  })
})
