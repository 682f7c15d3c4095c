/**
 * Keyboard only: the whole sample course is played inside the strict test LMS with
 * `page.keyboard` alone (Tab, Shift+Tab, Space, Enter, arrow keys; no click, no locator.check):
 * every page, every knowledge check, every assessment, a failed attempt then a retry. The LMS
 * must record `passed` with score 100 and no violation. On the way: the skip link works, focus
 * goes to the page's h1 on each navigation and shows a visible indicator (≥ 3:1 against what
 * surrounds it), feedback gets the focus (so it is read) and is tied to its question (aria-describedby),
 * questions are native controls in a fieldset with a legend, matching needs no drag and drop.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Frame, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { QuestionData, ScoData } from '../../src/shared/sco-data.js'
import { wrongAnswer } from '../helpers/learner.js'
import { type KeyedScoData, withAnswers } from '../helpers/answer-key.js'
import { openSco } from '../helpers/lms/index.js'
import { useLms } from '../helpers/lms/vitest.js'
import { buildPackage, currentPage, focusMatches, ratio, resultsDir, tabTo } from './a11y-helpers.js'

declare const document: any
declare const window: any
declare function getComputedStyle(el: any): any

const t = useLms(async () => ({ sample: await buildPackage() }))

interface FocusRing {
  what: string
  outline: string
  shadow: string
  ring: string
  behind: string
  ratio: number
  hidden: boolean
}

/** The focus indicator of the focused element: its outline (or box-shadow) colour against what lies behind it. */
async function focusRing(sco: Frame): Promise<FocusRing> {
  const r = await sco.evaluate(() => {
    const el = document.activeElement
    const s = getComputedStyle(el)
    // The outline is drawn outside the element (offset 2px): behind it is the parent's painted background.
    let behind = 'rgba(0, 0, 0, 0)'
    for (let node = el.parentElement; node; node = node.parentElement) {
      const bg = getComputedStyle(node).backgroundColor
      if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') {
        behind = bg
        break
      }
    }
    if (behind === 'rgba(0, 0, 0, 0)') behind = getComputedStyle(document.documentElement).backgroundColor
    const shadow = /rgba?\([^)]*\)/.exec(s.boxShadow)?.[0] ?? ''
    // Not hidden by the sticky pager nor out of the window (WCAG 2.2 2.4.11, focus not obscured).
    const r = el.getBoundingClientRect()
    const pager = document.querySelector('.pc-pager').getBoundingClientRect()
    const hidden = el.closest('.pc-pager') ? false : r.bottom <= 0 || r.top >= Math.min(window.innerHeight, pager.top)
    return {
      what: `${el.tagName.toLowerCase()}${/^pc-/.test(el.id) ? '#' + el.id : ''}${el.className ? '.' + String(el.className).split(' ')[0] : ''}${el.type ? '[' + el.type + ']' : ''}${el.closest('#pc-toc') ? ' (contents)' : ''}`,
      outline: s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? 'none' : `${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}`,
      outlineColor: s.outlineColor,
      shadow: s.boxShadow,
      shadowColor: shadow,
      behind: behind === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : behind,
      hidden,
    }
  })
  const ring = r.outline !== 'none' ? r.outlineColor : r.shadowColor
  return { what: r.what, outline: r.outline, shadow: r.shadow, ring, behind: r.behind, ratio: ring ? ratio(ring, r.behind) : 0, hidden: r.hidden }
}

const rings = new Map<string, FocusRing>()
async function expectVisibleFocus(sco: Frame): Promise<void> {
  // Let a smooth scroll to the focused element finish (scroll position steady for 3 frames).
  await sco.evaluate(
    () =>
      new Promise<void>((done) => {
        let last = -1
        let steady = 0
        let frames = 0
        const tick = () => {
          const y = document.scrollingElement.scrollTop
          steady = y === last ? steady + 1 : 0
          last = y
          if (steady >= 3 || ++frames > 120) done()
          else window.requestAnimationFrame(tick)
        }
        tick()
      }),
  )
  const ring = await focusRing(sco)
  rings.set(ring.what, ring)
  expect(ring.outline !== 'none' || ring.shadow !== 'none', `no focus indicator on ${ring.what}`).toBe(true)
  expect(ring.ratio, `focus indicator of ${ring.what}: ${ring.ring} on ${ring.behind}`).toBeGreaterThanOrEqual(3)
  expect(ring.hidden, `${ring.what} is focused out of sight`).toBe(false)
}

async function press(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key)
}

/** Fills a question with the keyboard: arrows in a radio group, Space on checkboxes, arrows in selects. */
async function answer(page: Page, sco: Frame, q: QuestionData, tokens: string[]): Promise<void> {
  const form = `#q-${q.id}`
  if (q.type === 'matching') {
    for (const [i, source] of q.sources.entries()) {
      await tabTo(page, sco, `${form} select[data-source="${source.token}"]`)
      await expectVisibleFocus(sco)
      const want = q.choices.findIndex((c) => c.token === tokens[i]) + 1
      const current: number = await sco.evaluate(() => document.activeElement.selectedIndex)
      for (let k = current; k < want; k++) await press(page, 'ArrowDown')
      for (let k = current; k > want; k--) await press(page, 'ArrowUp')
      expect(await sco.evaluate(() => document.activeElement.value)).toBe(tokens[i])
    }
    return
  }
  if (q.type === 'multiple') {
    for (const c of q.choices) {
      await tabTo(page, sco, `${form} input[value="${c.token}"]`)
      const checked: boolean = await sco.evaluate(() => document.activeElement.checked)
      if (checked !== tokens.includes(c.token)) await press(page, 'Space')
    }
    await expectVisibleFocus(sco)
  } else {
    // A radio group is one Tab stop; arrows move the choice.
    await tabTo(page, sco, `${form} input`)
    await expectVisibleFocus(sco)
    const values = q.choices.map((c) => c.token)
    const at = values.indexOf(await sco.evaluate(() => document.activeElement.value))
    const target = values.indexOf(tokens[0]!)
    if (at === target) await press(page, 'Space')
    for (let k = at; k < target; k++) await press(page, 'ArrowDown')
    for (let k = at; k > target; k--) await press(page, 'ArrowUp')
  }
  const chosen = await sco.evaluate((f: string) => [...document.querySelectorAll(`${f} input:checked`)].map((i: any) => i.value), form)
  expect(chosen.sort()).toEqual([...tokens].sort())
}

/** Checks a knowledge check with Enter on its button; returns the verdict (announced and described). */
async function checkAnswer(page: Page, sco: Frame, q: QuestionData): Promise<string> {
  await tabTo(page, sco, `#q-${q.id} .pc-check`)
  await expectVisibleFocus(sco)
  await press(page, 'Enter')
  const feedback = `#q-${q.id}-feedback`
  // Focus goes to the feedback, which the question's fieldset is described by: that is what is
  // read, once (the verdict is no live region as well: test/e2e/phone.test.ts counts announcements).
  await sco.waitForFunction((f: string) => document.activeElement === document.querySelector(f), feedback)
  await expectVisibleFocus(sco)
  const info = await sco.evaluate((id: string) => {
    const form = document.getElementById(`q-${id}`)
    const verdict = form.querySelector('.pc-verdict')
    return {
      describedBy: form.querySelector('fieldset').getAttribute('aria-describedby'),
      live: verdict.getAttribute('aria-live') ?? '',
      role: verdict.getAttribute('role') ?? '',
      inFeedback: verdict.closest('.pc-feedback')?.id ?? '',
      text: verdict.textContent.trim(),
      explanation: [...form.querySelectorAll('.pc-feedback > div:not([hidden])')].map((d: any) => d.textContent.trim()).join(' '),
    }
  }, q.id)
  expect(info.describedBy).toBe(`q-${q.id}-feedback`)
  expect(info.inFeedback).toBe(`q-${q.id}-feedback`)
  expect(info.live).toBe('')
  expect(info.role).toBe('')
  expect(info.explanation.length).toBeGreaterThan(0)
  return info.text
}

/** Tabs to a button (forward) and presses Enter. */
async function activate(page: Page, sco: Frame, selector: string, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabTo(page, sco, selector)
  await expectVisibleFocus(sco)
  await press(page, key)
}

async function takeAssessment(page: Page, sco: Frame, data: KeyedScoData, moduleId: string, wrong: boolean): Promise<string> {
  for (const q of data.questions.filter((x) => x.moduleId === moduleId && x.scored)) {
    await answer(page, sco, q, wrong ? wrongAnswer(q) : q.correct)
  }
  await activate(page, sco, `.pc-assessment[data-module="${moduleId}"] .pc-submit`)
  const result = `.pc-assessment[data-module="${moduleId}"] .pc-result`
  await sco.waitForFunction((r: string) => document.activeElement === document.querySelector(r), result)
  await expectVisibleFocus(sco)
  return (await sco.locator(result).textContent()) ?? ''
}

describe('keyboard only', () => {
  it('completes the whole sample course, with a failed attempt then a retry, and the LMS records passed / 100', async () => {
    const page = await t.page()
    const { sco } = await openSco(page, t.lms.url('sample', undefined, 'keyboard'))
    const host = sco as Frame
    const data = withAnswers(JSON.parse((await host.locator('#pc-data').textContent()) ?? '{}') as ScoData)

    // Questions are native controls grouped in a fieldset with a legend; nothing is draggable.
    // Read in the page as served: the runtime keeps only the page on screen in the document.
    const structure = await host.evaluate(async () =>
      [...new window.DOMParser().parseFromString(await (await fetch(window.location.href)).text(), 'text/html').querySelectorAll('form.pc-question')].map((f: any) => ({
        legend: (f.querySelector('fieldset > legend')?.textContent ?? '').trim().length > 0,
        controls: [...f.querySelectorAll('fieldset input, fieldset select')]
          .map((c: any) => c.type ?? c.tagName)
          .filter((x: string) => !['radio', 'checkbox', 'select-one'].includes(x)),
        roles: f.querySelectorAll('[role], [draggable="true"]').length,
      })),
    )
    expect(structure.length).toBe(data.questions.length)
    expect(structure.filter((s: any) => !s.legend || s.controls.length > 0 || s.roles > 0)).toEqual([])

    // 1. From the LMS page, Tab enters the SCO on its skip link, which is visible once focused.
    await press(page, 'Tab')
    expect(await focusMatches(host, 'a.pc-skip')).toBe(true)
    await expectVisibleFocus(host)
    const skipBox = await host.locator('a.pc-skip').boundingBox()
    expect(skipBox && skipBox.y >= 0 && skipBox.height >= 24).toBe(true)
    await press(page, 'Enter')
    await host.waitForFunction(() => document.activeElement?.id === 'pc-main')
    // …and the next Tab stop is inside the content, past the header and the table of contents.
    await press(page, 'Tab')
    expect(await host.evaluate(() => !!document.activeElement.closest('#pc-main, .pc-pager'))).toBe(true)
    expect(await host.evaluate(() => !!document.activeElement.closest('#pc-toc'))).toBe(false)

    // 2. Every page, in order, with the pager's "Next".
    const titles = new Set<string>()
    let failedOnce = false
    for (const [i, p] of data.pages.entries()) {
      expect(await currentPage(host)).toBe(p.id)
      const title = await host.evaluate(() => document.title)
      expect(title).toContain(p.title)
      titles.add(title)

      for (const q of data.questions.filter((x) => x.pageId === p.id && !x.scored)) {
        if (!failedOnce && i < 3) {
          // One knowledge check answered wrongly first: the feedback says so, in text.
          await answer(page, host, q, wrongAnswer(q))
          expect(await checkAnswer(page, host, q)).toMatch(/incorrecte|incomplète/)
          // Back to the question's first control with Shift+Tab (a radio group is a single stop).
          const first = q.type === 'matching' ? `select[data-source="${q.sources[0]!.token}"]` : q.type === 'multiple' ? `input[value="${q.choices[0]!.token}"]` : 'input'
          await tabTo(page, host, `#q-${q.id} ${first}`, { back: true })
        }
        await answer(page, host, q, q.correct)
        expect(await checkAnswer(page, host, q)).toMatch(/Bonne réponse/)
      }
      if (p.assessment) {
        if (!failedOnce) {
          const failed = await takeAssessment(page, host, data, p.moduleId, true)
          // One SCO for three modules: the module's own score; the course's verdict is on the end page.
          expect(failed).toMatch(/Score de ce module\s: 0 \/ 100/)
          // Retry: focus goes back to the first question.
          await activate(page, host, `.pc-assessment[data-module="${p.moduleId}"] .pc-retry`, 'Space')
          await host.waitForFunction(() => !!document.activeElement.closest('form.pc-question'))
          failedOnce = true
        }
        expect(await takeAssessment(page, host, data, p.moduleId, false)).toMatch(/Score de ce module\s: 100 \/ 100/)
      }
      if (i === data.pages.length - 1) break
      await activate(page, host, '#pc-next', i % 2 ? 'Enter' : 'Space')
      // Focus moves to the new page's heading (with a visible indicator, the last input being the keyboard).
      const next = data.pages[i + 1]!
      await host.waitForFunction((id: string) => document.activeElement?.matches(`.pc-page[data-page="${id}"] h1`), next.id)
      await expectVisibleFocus(host)
    }
    expect(titles.size).toBe(data.pages.length)

    // 3. "Previous" (after the content), then back with Shift+Tab to a page of the table of contents.
    await tabTo(page, host, '#pc-prev')
    await expectVisibleFocus(host)
    await press(page, 'Enter')
    await host.waitForFunction((id: string) => document.activeElement?.matches(`.pc-page[data-page="${id}"] h1`), data.pages.at(-2)!.id)
    const target = data.pages[1]!
    await tabTo(page, host, `#pc-toc a[data-page="${target.id}"]`, { back: true, max: 200 })
    await expectVisibleFocus(host)
    await press(page, 'Enter')
    await host.waitForFunction((id: string) => document.activeElement?.matches(`.pc-page[data-page="${id}"] h1`), target.id)

    await t.lms.flush(page)
    const tracks = t.lms.tracks('keyboard', 'sample')
    expect(tracks['cmi.core.lesson_status']).toBe('passed')
    expect(tracks['cmi.core.score.raw']).toBe('100')
    expect(t.lms.violations('keyboard', 'sample')).toEqual([])
    const report = [...rings.values()].map((r) => `${r.what}: ${r.outline !== 'none' ? r.outline : r.shadow} on ${r.behind} → ${r.ratio.toFixed(2)}:1`)
    await writeFile(join(await resultsDir('a11y'), 'focus-indicators.txt'), report.join('\n') + '\n')
    expect(rings.size).toBeGreaterThanOrEqual(10)
  })
})
