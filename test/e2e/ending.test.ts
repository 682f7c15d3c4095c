/**
 * The end page every SCO gets, in real Chromium through the strict test LMS, SCORM 1.2 and 2004,
 * one SCO for the course and one SCO per module: what it says equals what the LMS recorded (pass,
 * fail with attempts left, fail with none left), including a pass held from an earlier session;
 * under the default policy a worse retry never lowers a pass; with `attemptScore: last` the learner
 * is warned next to « Recommencer »; the table of contents' marks, in text and in forced colours.
 */
import { join } from 'node:path'
import type { Frame, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { ScormVersion } from '../../src/shared/sco-data.js'
import { compileToZip, loadTree } from '../helpers/compile.js'
import { Learner } from '../helpers/learner.js'
import { closeTab, openSco, unzipPackage } from '../helpers/lms/index.js'
import { useLms } from '../helpers/lms/vitest.js'
import { resultsDir } from './a11y-helpers.js'

/** The DOM call the page functions below make (the Node tsconfig has no DOM types). */
declare function getComputedStyle(el: unknown): { borderLeftWidth: string; borderLeftStyle: string }

type Mode = 'course' | 'module'
const END = '_end'
const CMI = {
  scorm12: { status: 'cmi.core.lesson_status', raw: 'cmi.core.score.raw' },
  scorm2004: { status: 'cmi.success_status', raw: 'cmi.score.raw' },
} as const

const yml = (extra: string) => ({ 'course.yml': (text: string) => `${text.trimEnd()}\n${extra}\n` })
const PATCHES = {
  course: {},
  module: yml('sco: module'),
  once: { 'course.yml': (text: string) => text.replace(/^attempts: .*$/m, 'attempts: 1') },
  'module-once': { 'course.yml': (text: string) => `${text.replace(/^attempts: .*$/m, 'attempts: 1').trimEnd()}\nsco: module\n` },
  last: yml('attemptScore: last'),
}
type Pkg = keyof typeof PATCHES

const t = useLms(async () => {
  const out: Record<string, Map<string, Buffer>> = {}
  for (const version of ['scorm12', 'scorm2004'] as const)
    for (const [name, patch] of Object.entries(PATCHES)) out[`${name}-${version}`] = await unzipPackage((await compileToZip(await loadTree(undefined, patch), version)).zip)
  return out
})

/** The first module's SCO when there is one per module; the course's otherwise. */
const scoOf = (pkg: Pkg) => (pkg.startsWith('module') ? 'RES-cadre-de-confiance' : undefined)

async function launch(version: ScormVersion, pkg: Pkg, learner: string): Promise<{ page: Page; sco: Frame | Page; learn: Learner }> {
  const page = await t.page()
  const { sco } = await openSco(page, t.lms.url(`${pkg}-${version}`, scoOf(pkg), learner, version))
  await sco.locator('body:not(.pc-nojs)').waitFor()
  return { page, sco, learn: new Learner(sco) }
}

async function close(version: ScormVersion, pkg: Pkg, page: Page, learner: string): Promise<Record<string, string>> {
  const name = `${pkg}-${version}`
  await closeTab(t.lms, page, learner, name, scoOf(pkg))
  expect(t.lms.violations(learner, name, scoOf(pkg))).toEqual([])
  return t.lms.tracks(learner, name, scoOf(pkg))
}

interface EndText {
  verdict: string
  /** `passed`, `failed` or `none`. */
  kind: string
  /** The score the verdict states, as a number (« 63,64 » → 63.64), null if none. */
  score: number | null
  todo: string[]
  rows: { module: string; cells: string[] }[]
  stuck: boolean
}

/** Opens the end page from the table of contents and reads it as the learner sees it. */
async function readEnd(sco: Frame | Page, learn: Learner): Promise<EndText> {
  if ((await learn.currentPage()) !== END) await learn.goTo(END)
  const end = sco.locator('#p-_end')
  const verdict = end.locator('.pc-end-verdict')
  await verdict.waitFor()
  const text = ((await verdict.textContent()) ?? '').replace(/\s+/g, ' ')
  const match = /(\d+(?:,\d+)?) \/ 100/.exec(text)
  return {
    verdict: text,
    kind: (await verdict.getAttribute('data-verdict')) ?? '',
    score: match ? Number(match[1]!.replace(',', '.')) : null,
    todo: (await end.locator('.pc-end-todo li').allTextContents()).map((s) => s.replace(/\s+/g, ' ')),
    rows: await end.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        module: tr.getAttribute('data-module') ?? '',
        cells: (Array.from(tr.children) as { textContent: string | null }[]).map((c) => (c.textContent ?? '').replace(/\s+/g, ' ')),
      })),
    ),
    stuck: await end.locator('.pc-end-stuck').isVisible(),
  }
}

/** What the LMS holds, in the end page's words. */
function expectEqualsRecord(end: EndText, tracks: Record<string, string>, version: ScormVersion): void {
  const status = tracks[CMI[version].status]
  expect(end.kind).toBe(status === 'passed' ? 'passed' : status === 'failed' ? 'failed' : 'none')
  expect(end.score).toBe(tracks[CMI[version].raw] === undefined ? null : Number(tracks[CMI[version].raw]))
}

describe.each(['scorm12', 'scorm2004'] as const)('%s: the end page', (version) => {
  describe.each(['course', 'module'] as const)('one SCO per %s', (mode: Mode) => {
    const pkg: Pkg = mode === 'course' ? 'course' : 'module'
    const once: Pkg = mode === 'course' ? 'once' : 'module-once'

    it('passed: says what the LMS holds, each assessment with its weight, nothing left; the next session still says it', async () => {
      const learner = `pass-${mode}`
      const { page, sco, learn } = await launch(version, pkg, learner)
      const data = await learn.data()
      await learn.visitAll()
      // The last page leads to the end page.
      await learn.next()
      expect(await learn.currentPage()).toBe(END)
      expect((await readEnd(sco, learn)).todo.length).toBeGreaterThan(0) // the assessments are still to submit
      for (const module of data.modules) await learn.takeAssessment(module.id)
      const end = await readEnd(sco, learn)
      expect(end.todo).toEqual([])
      expect(await sco.locator('#p-_end .pc-end-body').textContent()).toContain(data.strings.endNothingLeft)
      expect(end.rows.map((r) => r.module)).toEqual(data.modules.map((m) => m.id))
      const points = (id: string) => data.questions.filter((q) => q.scored && q.moduleId === id).reduce((s, q) => s + q.points, 0)
      for (const row of end.rows) {
        expect(row.cells[1]).toBe('100 / 100')
        expect(row.cells[2]).toMatch(new RegExp(`^${points(row.module)} points`))
      }
      const tracks = await close(version, pkg, page, learner)
      expect(tracks[CMI[version].status]).toBe('passed')
      expectEqualsRecord(end, tracks, version)

      // Another session: the end page says the same, from what the LMS handed back.
      const again = await launch(version, pkg, learner)
      expect(tracks[version === 'scorm12' ? 'cmi.core.lesson_location' : 'cmi.location']).toBe(END)
      expect(await again.learn.currentPage()).toBe(END) // resumed where the learner left: the end page
      const later = await readEnd(again.sco, again.learn)
      expect(later.kind).toBe('passed')
      expect(later.verdict).toBe(end.verdict)
      expectEqualsRecord(later, await close(version, pkg, again.page, learner), version)
    })

    it('failed with attempts left: the score the LMS holds, the assessment to retry', async () => {
      const learner = `fail-${mode}`
      const { page, sco, learn } = await launch(version, pkg, learner)
      const data = await learn.data()
      const first = data.modules[0]!
      const wrong = data.questions.filter((q) => q.moduleId === first.id && q.scored).map((q) => q.id)
      await learn.takeAssessment(first.id, wrong)
      for (const module of data.modules.slice(1)) await learn.takeAssessment(module.id)
      const end = await readEnd(sco, learn)
      expect(end.kind).toBe('failed')
      expect(end.todo.some((x) => x.includes(first.title) && x.startsWith('Recommencer'))).toBe(true)
      expect(end.todo.some((x) => x.startsWith('Pages à voir'))).toBe(true)
      expect(end.stuck).toBe(false)
      expect(end.rows[0]!.cells[1]).toBe('0 / 100')
      expect(end.rows[0]!.cells[3]).toBe('restants : 2')
      const tracks = await close(version, pkg, page, learner)
      expect(tracks[CMI[version].status]).toBe('failed')
      expectEqualsRecord(end, tracks, version)
    })

    it('failed with no attempt left: says so and what to do', async () => {
      const learner = `stuck-${mode}`
      const { page, sco, learn } = await launch(version, once, learner)
      const data = await learn.data()
      const first = data.modules[0]!
      await learn.takeAssessment(
        first.id,
        data.questions.filter((q) => q.moduleId === first.id && q.scored).map((q) => q.id),
      )
      for (const module of data.modules.slice(1)) await learn.takeAssessment(module.id)
      expect(await sco.locator(`.pc-assessment[data-module="${first.id}"] .pc-retry`).isVisible()).toBe(false)
      const end = await readEnd(sco, learn)
      expect(end.kind).toBe('failed')
      expect(end.stuck).toBe(true)
      expect(await sco.locator('#p-_end .pc-end-stuck').textContent()).toBe(data.strings.endNoAttempts)
      expect(end.todo.filter((x) => x.startsWith('Recommencer'))).toEqual([])
      expect(end.rows[0]!.cells[3]).toBe('restants : 0')
      const tracks = await close(version, once, page, learner)
      expect(tracks[CMI[version].status]).toBe('failed')
      expectEqualsRecord(end, tracks, version)
    })
  })

  it('best attempt (default): retrying a module worse never lowers the course pass', async () => {
    const learner = 'worse'
    const { page, sco, learn } = await launch(version, 'course', learner)
    const data = await learn.data()
    const first = data.modules[0]!
    const scored = data.questions.filter((q) => q.moduleId === first.id && q.scored)
    // Half the questions wrong: the module is under the pass mark, the course above it.
    await learn.takeAssessment(
      first.id,
      scored.slice(0, Math.ceil(scored.length / 2)).map((q) => q.id),
    )
    for (const module of data.modules.slice(1)) await learn.takeAssessment(module.id)
    await learn.goTo(data.pages.find((p) => p.moduleId === first.id && p.assessment)!.id)
    const box = sco.locator(`.pc-assessment[data-module="${first.id}"]`)
    // One SCO for three modules: the module's own score, and where the result that counts is.
    const result = (await box.locator('.pc-result').textContent()) ?? ''
    expect(result).toContain('Score de ce module')
    expect(result).not.toMatch(/réussie/)
    expect(await box.locator('.pc-retry').isVisible()).toBe(true)
    expect(await box.locator('.pc-retry-note').textContent()).toBe(data.strings.retryBest)
    const before = await readEnd(sco, learn)
    expect(before.kind).toBe('passed')
    await learn.retry(first.id)
    await learn.takeAssessment(
      first.id,
      scored.map((q) => q.id),
    )
    expect(await box.locator('.pc-result').textContent()).toContain(data.strings.assessmentThisAttempt!.replace('{score}', '0'))
    const after = await readEnd(sco, learn)
    expect(after).toMatchObject({ kind: 'passed', score: before.score })
    const tracks = await close(version, 'course', page, learner)
    expect(tracks[CMI[version].status]).toBe('passed')
    expectEqualsRecord(after, tracks, version)
  })

  it('last attempt: the learner is warned next to « Recommencer » that a retry can lower the result', async () => {
    const learner = 'last'
    const { page, sco, learn } = await launch(version, 'last', learner)
    const data = await learn.data()
    const first = data.modules[0]!
    const scored = data.questions.filter((q) => q.moduleId === first.id && q.scored)
    await learn.takeAssessment(
      first.id,
      scored.map((q) => q.id),
    )
    const box = sco.locator(`.pc-assessment[data-module="${first.id}"]`)
    const note = box.locator('.pc-retry-note')
    expect(await note.textContent()).toBe(data.strings.retryLast)
    expect(await note.isVisible()).toBe(true)
    expect(await box.locator('.pc-retry').getAttribute('aria-describedby')).toBe(await note.getAttribute('id'))
    await close(version, 'last', page, learner)
  })
})

describe('table of contents marks', () => {
  it('say seen, assessment passed and assessment failed in words and shapes, and keep one current bar in forced colours', async () => {
    const { page, sco, learn } = await launch('scorm12', 'course', 'marks')
    const data = await learn.data()
    const [m1, m2] = data.modules
    await learn.goTo(data.pages[1]!.id)
    await learn.takeAssessment(
      m1!.id,
      data.questions.filter((q) => q.moduleId === m1!.id && q.scored).map((q) => q.id),
    )
    await learn.takeAssessment(m2!.id)
    const mark = (pageId: string) =>
      sco.locator(`#pc-toc a[data-page="${pageId}"]`).evaluate((a) => {
        const m = a.querySelector('.pc-toc-seen')
        return m ? { className: m.className, icon: m.querySelector('[aria-hidden="true"]')?.textContent, words: m.querySelector('.pc-sr-only')?.textContent } : null
      })
    const assessmentOf = (id: string) => data.pages.find((p) => p.moduleId === id && p.assessment)!.id
    expect(await mark(data.pages[1]!.id)).toEqual({ className: 'pc-toc-seen', icon: '\u2713', words: ' \u2013 Page vue' })
    expect(await mark(assessmentOf(m1!.id))).toEqual({ className: 'pc-toc-seen pc-toc-failed', icon: '\u2717', words: ' \u2013 évaluation sous le seuil (0 / 100)' })
    expect(await mark(assessmentOf(m2!.id))).toEqual({ className: 'pc-toc-seen pc-toc-passed', icon: '\u2605', words: ' \u2013 évaluation au-dessus du seuil (100 / 100)' })
    expect(await mark(data.pages[2]!.id)).toBeNull() // not seen
    await learn.goTo(END)
    expect(await mark(END)).toBeNull() // the end page is no page of the course

    // Forced colours paint every border: only the current entry may have one.
    await page.emulateMedia({ forcedColors: 'active' })
    await page.setViewportSize({ width: 1280, height: 800 })
    const bars = await sco
      .locator('#pc-toc a')
      .evaluateAll((links) =>
        links.map((a) => ({ current: a.getAttribute('aria-current') === 'page', width: getComputedStyle(a).borderLeftWidth, style: getComputedStyle(a).borderLeftStyle })),
      )
    expect(bars.filter((b) => b.current)).toHaveLength(1)
    for (const b of bars) {
      if (b.current) expect(b).toMatchObject({ style: 'solid', width: '4px' })
      else expect(b.style).toBe('none')
    }
    // The shapes are text: forced colours keep them.
    expect(await sco.locator('#pc-toc .pc-toc-failed [aria-hidden="true"]').isVisible()).toBe(true)
    await sco.locator('#pc-toc').evaluate((toc: { scrollTop: number }) => (toc.scrollTop = 0))
    await sco.locator('#pc-toc').screenshot({ path: join(await resultsDir('forced-colours'), 'toc-marks.png') })
    await close('scorm12', 'course', page, 'marks')
  })
})
