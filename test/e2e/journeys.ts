/**
 * Learner journeys played in real Chromium against the strict test LMS, for one SCORM version.
 * Each journey asserts what the LMS *recorded* (as Moodle would store it), and that the package
 * made no call the LMS refused: no error code, no non-string value, no call after finish.
 */
import type { Frame, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { description } from '../../src/runtime/interactions.js'
import { decodeState } from '../../src/shared/state-codec.js'
import type { ScoData, ScormVersion } from '../../src/shared/sco-data.js'
import { writeBrowserMetrics } from '../bench/browser-metrics.js'
import { compileToZip, loadTree } from '../helpers/compile.js'
import { Learner } from '../helpers/learner.js'
import { closeTab as closeLearnerTab, openSco, unzipPackage } from '../helpers/lms/index.js'
import { useLms } from '../helpers/lms/vitest.js'

/** The data-model names of each version, so that one journey reads the same for both. */
const CMI = {
  scorm12: {
    location: 'cmi.core.lesson_location',
    status: 'cmi.core.lesson_status',
    raw: 'cmi.core.score.raw',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
    entry: 'cmi.core.entry',
    finish: 'LMSFinish',
    commit: 'LMSCommit',
    initialize: 'LMSInitialize',
    result: { correct: 'correct', wrong: 'wrong' },
  },
  scorm2004: {
    location: 'cmi.location',
    status: 'cmi.success_status',
    raw: 'cmi.score.raw',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
    entry: 'cmi.entry',
    finish: 'Terminate',
    commit: 'Commit',
    initialize: 'Initialize',
    result: { correct: 'correct', wrong: 'incorrect' },
  },
} as const

const SESSION_TIME = { scorm12: /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/, scorm2004: /^P(?:\d+D)?T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?$/ }

/** Edits the sample course the way a trainer might between two sessions of a learner. */
const EDITED = {
  // A new first page in module 1: positions shift, ids do not.
  '01-cadre-de-confiance.md': (text: string) => text.replace(/\n## /, '\n## Nouvelle introduction {#nouvelle-intro}\n\nUne page ajoutée après publication.\n\n## '),
  // Reworded choices of one assessment question: its old answers must be dropped, not reinterpreted.
  '02-rgpd-ecole.md': (text: string) => text.replace('Le consentement des parents', 'Le consentement écrit des deux parents'),
}

/** The id of the graded question that version 2 adds, and its points. */
const ADDED = { id: 'rgpd-question-ajoutee', points: 10 }

/**
 * Version 2 of the sample course, as a trainer publishes it after `check --against` said so: a
 * graded question added to the assessment of module 2, and `version` raised.
 */
const V2 = {
  'course.yml': (text: string) => text.replace(/^version: .*$/m, 'version: 2.0.0'),
  '02-rgpd-ecole.md': (text: string) =>
    text.replace(
      '\n## Sources {#sources}',
      `\n::: qcu ${ADDED.id} points=${ADDED.points}\nQuestion ajoutée après publication ?\n\n- [x] Oui\n- [ ] Non\n\nCorrect : bien vu.\n\nIncorrect : relisez la page.\n:::\n\n## Sources {#sources}`,
    ),
}

export function journeys(version: ScormVersion): void {
  const cmi = CMI[version]
  const t = useLms(async () => ({
    course: await unzipPackage((await compileToZip(await loadTree(), version)).zip),
    edited: await unzipPackage((await compileToZip(await loadTree(undefined, EDITED), version)).zip),
    v2: await unzipPackage((await compileToZip(await loadTree(undefined, V2), version)).zip),
  }))

  async function launch(learner: string, pkg = 'course'): Promise<{ page: Page; sco: Frame | Page; learn: Learner }> {
    const page = await t.page()
    const { sco } = await openSco(page, t.lms.url(pkg, undefined, learner, version))
    const learn = new Learner(sco)
    await sco.locator('body:not(.pc-nojs)').waitFor()
    return { page, sco, learn }
  }

  /** Closes the tab the way a learner does (pagehide fires), then waits for the beacons (helpers/lms closeTab). */
  const closeTab = (page: Page, learner: string, pkg = 'course'): Promise<void> => closeLearnerTab(t.lms, page, learner, pkg)

  function expectClean(learner: string, pkg = 'course'): void {
    expect(t.lms.violations(learner, pkg)).toEqual([])
    const calls = t.lms.calls(learner, pkg)
    const finishes = calls.filter((c) => c.method === cmi.finish)
    expect(finishes.length, 'one finish per session').toBe(new Set(calls.map((c) => c.session)).size)
  }

  describe(`${version}: learner journeys in the strict LMS`, () => {
    it('passes the course in one go', async () => {
      const { page, learn } = await launch('alice')
      const data = await learn.data()
      await learn.visitAll()
      for (const module of data.modules) await learn.takeAssessment(module.id)
      const ended = await learn.currentPage()
      await t.lms.flush(page)
      const callsBefore = t.lms.calls('alice', 'course').length
      await learn.previous()
      await t.lms.flush(page)
      const navigation = t.lms.calls('alice', 'course').slice(callsBefore)
      const count = (methods: string[]) => navigation.filter((c) => methods.includes(c.method)).length
      const commitsPerNavigation = count([cmi.commit])
      await learn.next()
      await closeTab(page, 'alice')

      const tracks = t.lms.tracks('alice', 'course')
      expect(tracks[cmi.location]).toBe(ended)
      expect(tracks[cmi.status]).toBe('passed')
      expect(tracks[cmi.raw]).toBe('100')
      // The session time the SCO sent (write-only: read from the call log), and the total Moodle kept.
      const sessionTimes = t.lms
        .calls('alice', 'course')
        .filter((c) => c.args[0] === cmi.sessionTime)
        .map((c) => String(c.args[1]))
      expect(sessionTimes.length).toBeGreaterThan(0)
      for (const value of sessionTimes) expect(value).toMatch(SESSION_TIME[version])
      expect(tracks[version === 'scorm12' ? 'cmi.core.total_time' : 'cmi.total_time']).toMatch(SESSION_TIME[version])
      if (version === 'scorm12') {
        // min/max as sent (the LMS's own default for max is already 100, so it stores no change).
        const sent = (element: string) =>
          t.lms
            .calls('alice', 'course')
            .filter((c) => c.args[0] === element)
            .map((c) => c.args[1])
            .pop()
        expect(sent('cmi.core.score.min')).toBe('0')
        expect(sent('cmi.core.score.max')).toBe('100')
        expect(tracks[cmi.exit]).toBe('')
      } else {
        expect(tracks['cmi.completion_status']).toBe('completed')
        expect(tracks['cmi.score.scaled']).toBe('1')
        expect(tracks['cmi.progress_measure']).toBe('1')
        // Always suspend in 2004: Moodle hands the data back (resume, review) only after it.
        expect(tracks[cmi.exit]).toBe('suspend')
      }
      // Every scored question reached the LMS as an interaction a tutor can read.
      const scored = data.questions.filter((q) => q.scored)
      const ids = Object.entries(tracks)
        .filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k))
        .map(([, v]) => v)
      expect(new Set(ids)).toEqual(new Set(scored.map((q) => q.id)))
      const results = Object.entries(tracks)
        .filter(([k]) => /^cmi\.interactions\.\d+\.result$/.test(k))
        .map(([, v]) => v)
      expect(new Set(results)).toEqual(new Set([cmi.result.correct]))
      if (version === 'scorm2004') {
        const descriptions = Object.entries(tracks)
          .filter(([k]) => /^cmi\.interactions\.\d+\.description$/.test(k))
          .map(([, v]) => v)
        // The stem as plain text on one line (line breaks and runs of spaces collapsed), 250 characters at most.
        expect(descriptions).toContain(description(scored[0]!.text))
        for (const d of descriptions) expect(d.length).toBeLessThanOrEqual(80)
      }
      expect(commitsPerNavigation).toBe(1)
      expectClean('alice')
      const suspend = tracks['cmi.suspend_data'] ?? ''
      expect(suspend.length).toBeLessThan(1024)
      const setters = ['LMSSetValue', 'SetValue']
      const getters = ['LMSGetValue', 'GetValue']
      // The bench reports SCORM 1.2, the default format (both are asserted above).
      if (version === 'scorm12')
        await writeBrowserMetrics({
          sampleSuspendDataAfterCompletion: { length: suspend.length, format: version },
          lmsCallsPerNavigation: {
            commit: commitsPerNavigation,
            setValue: count(setters),
            getValue: count(getters),
            other: navigation.length - commitsPerNavigation - count(setters) - count(getters),
            format: version,
          },
        })
    })

    it('fails, retries and passes', async () => {
      const { page, learn } = await launch('bob')
      const data = await learn.data()
      await learn.visitAll()
      const first = data.modules[0]!.id
      const wrong = data.questions.filter((q) => q.moduleId === first && q.scored).map((q) => q.id)
      await learn.takeAssessment(first, wrong)
      for (const module of data.modules.slice(1)) await learn.takeAssessment(module.id)
      await t.lms.flush(page)
      const failed = t.lms.tracks('bob', 'course')
      expect(failed[cmi.status]).toBe('failed')
      const total = data.questions.filter((q) => q.scored).reduce((s, q) => s + q.points, 0)
      const lost = data.questions.filter((q) => wrong.includes(q.id)).reduce((s, q) => s + q.points, 0)
      expect(Number(failed[cmi.raw])).toBeCloseTo(((total - lost) / total) * 100, 1)

      await learn.retry(first)
      await learn.takeAssessment(first)
      await closeTab(page, 'bob')
      const passed = t.lms.tracks('bob', 'course')
      expect(passed[cmi.status]).toBe('passed')
      expect(passed[cmi.raw]).toBe('100')
      // Both attempts are in the interactions report: the wrong answers, then the right ones.
      const results = Object.entries(passed)
        .filter(([k]) => /^cmi\.interactions\.\d+\.result$/.test(k))
        .map(([, v]) => v)
      expect(results.filter((r) => r === cmi.result.wrong).length).toBe(wrong.length)
      expectClean('bob')
    })

    it('resumes mid-assessment on the same page with the same answers', async () => {
      const first = await launch('carol')
      const data = await first.learn.data()
      const module = data.modules[1]!.id
      const assessment = data.pages.find((p) => p.moduleId === module && p.assessment)!
      await first.learn.goTo(data.pages[3]!.id)
      await first.learn.goTo(assessment.id)
      const answered = data.questions.filter((q) => q.moduleId === module && q.scored).slice(0, 3)
      for (const q of answered) await first.learn.answer(q, q.correct)
      await closeTab(first.page, 'carol')
      const stored = t.lms.tracks('carol', 'course')
      expect(stored[cmi.location]).toBe(assessment.id)
      expect(stored[cmi.exit]).toBe('suspend')

      const again = await launch('carol')
      expect(await again.learn.currentPage()).toBe(assessment.id)
      for (const q of answered) {
        if (q.type === 'matching') {
          const values = await again.sco.locator(`#q-${q.id} select`).evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value))
          expect(values).toEqual(q.correct)
        } else {
          for (const token of q.correct) await expect.poll(() => again.sco.locator(`#q-${q.id} input[value="${token}"]`).isChecked()).toBe(true)
        }
      }
      const entry = t.lms.calls('carol', 'course').find((c) => c.session === 2 && c.args[0] === cmi.entry)
      expect(entry?.result).toBe('resume')
      await closeTab(again.page, 'carol')
      expectClean('carol')
    })

    it("draws the next page before committing it (Moodle's commit is a synchronous request to the server)", async () => {
      const { page, sco } = await launch('painter')
      // Every commit, counted where the SCO finds the API: in the LMS page (the SCO's parent).
      await page.evaluate((name) => {
        const lms = globalThis as unknown as Record<string, Record<string, (...args: unknown[]) => unknown> | number>
        const api = (lms.API ?? lms.API_1484_11) as Record<string, (...args: unknown[]) => unknown>
        const commit = api[name]!
        lms.commits = 0
        api[name] = (...args: unknown[]) => {
          ;(lms.commits as number)++
          return commit.apply(api, args)
        }
      }, cmi.commit)
      type ScoWindow = { parent: { commits: number }; document: { querySelector(s: string): { click(): void } | null } }
      type Paint = { requestAnimationFrame(run: () => void): void }
      // Commits made by the click, then by the time the frame that draws the new page runs its callbacks.
      const made = await sco.evaluate(
        () =>
          new Promise<[number, number]>((resolve) => {
            const sco = globalThis as unknown as ScoWindow & Paint
            const before = sco.parent.commits
            sco.document.querySelector('#pc-next')!.click()
            const inClick = sco.parent.commits - before
            sco.requestAnimationFrame(() => resolve([inClick, sco.parent.commits - before]))
          }),
      )
      expect(made).toEqual([0, 0])
      // Then exactly one, once the page is drawn.
      await t.lms.flush(page)
      expect(await page.evaluate(() => (globalThis as unknown as { commits: number }).commits)).toBe(1)
      expect(t.lms.tracks('painter', 'course')[cmi.location]).toBe(await new Learner(sco).currentPage())
      await closeTab(page, 'painter')
      expectClean('painter')
    })

    it('keeps the last state when the tab is closed without warning', async () => {
      const { page, learn } = await launch('dave')
      const data = await learn.data()
      for (const p of data.pages.slice(0, 5)) await learn.goTo(p.id)
      await closeTab(page, 'dave')
      const tracks = t.lms.tracks('dave', 'course')
      expect(tracks[cmi.location]).toBe(data.pages[4]!.id)
      const state = decodeState(tracks['cmi.suspend_data'] ?? '', data as ScoData)
      expect(state.verdict).toBe('readable')
      expect(stateSeen(state.state).length).toBe(5)
      expectClean('dave')
    })

    it('shows a "not saved" banner when commits fail, retries, and loses nothing', async () => {
      const { page, sco, learn } = await launch('erin')
      const data = await learn.data()
      await learn.goTo(data.pages[1]!.id)
      await t.lms.flush(page)
      t.lms.failNextCommits(2, { learner: 'erin', pkg: 'course' })
      await learn.next()
      const banner = sco.locator('#pc-banner')
      await expect.poll(() => banner.isVisible()).toBe(true)
      expect(await banner.getAttribute('role')).toBe('alert')
      expect((await banner.textContent())?.trim().length).toBeGreaterThan(10)
      // The retries succeed after the two injected failures: the banner goes away by itself.
      await expect.poll(() => banner.isVisible(), { timeout: 20_000 }).toBe(false)
      await t.lms.flush(page)
      expect(t.lms.tracks('erin', 'course')[cmi.location]).toBe(data.pages[2]!.id)
      const failedCommits = t.lms.calls('erin', 'course').filter((c) => c.method === cmi.commit && c.result === 'false')
      expect(failedCommits.length).toBe(2)
      await closeTab(page, 'erin')
      // The injected failures are the only errors the LMS saw.
      expect(t.lms.violations('erin', 'course').filter((v) => !(v.method === cmi.commit))).toEqual([])
    })

    it('works without an LMS, keeps progress in this browser, and says so', async () => {
      const page = await t.page()
      const url = `${t.lms.origin}/pkg/course/index.html`
      await page.goto(url)
      const learn = new Learner(page)
      const notice = page.locator('#pc-notice')
      await expect.poll(() => notice.isVisible()).toBe(true)
      expect(await notice.textContent()).toMatch(/navigateur|browser/)
      const data = await learn.data()
      const check = data.questions.find((q) => !q.scored)!
      await learn.goTo(check.pageId)
      await learn.answer(check, check.correct)
      await learn.check(check)
      await page.reload()
      await page.locator('body:not(.pc-nojs)').waitFor()
      expect(await learn.currentPage()).toBe(check.pageId)
      for (const token of check.correct) expect(await page.locator(`#q-${check.id} input[value="${token}"]`).isChecked()).toBe(true)
    })

    it("in review mode, shows the learner's progress and writes nothing back", async () => {
      const first = await launch('gina')
      const data = await first.learn.data()
      await first.learn.goTo(data.pages[2]!.id)
      await closeTab(first.page, 'gina')
      const before = t.lms.tracks('gina', 'course')

      const page = await t.page()
      const { sco } = await openSco(page, `${t.lms.url('course', undefined, 'gina', version)}&lessonMode=review`)
      await sco.locator('body:not(.pc-nojs)').waitFor()
      const learn = new Learner(sco)
      expect(await learn.currentPage()).toBe(data.pages[2]!.id)
      await expect.poll(() => sco.locator('#pc-notice').isVisible()).toBe(true)
      await learn.next()
      await closeTab(page, 'gina')
      const review = t.lms.calls('gina', 'course').filter((c) => c.session === 2)
      expect(review.filter((c) => c.method === 'LMSSetValue' || c.method === 'SetValue')).toEqual([])
      expect(t.lms.tracks('gina', 'course')[cmi.location]).toBe(before[cmi.location])
      expect(t.lms.tracks('gina', 'course')['cmi.suspend_data']).toBe(before['cmi.suspend_data'])
      expectClean('gina')
    })

    it('in review mode with nothing handed back, says the progress is not shown, and writes nothing', async () => {
      const page = await t.page()
      const { sco } = await openSco(page, `${t.lms.url('course', undefined, 'hector', version)}&lessonMode=review`)
      await sco.locator('body:not(.pc-nojs)').waitFor()
      await expect.poll(() => sco.locator('#pc-notice').textContent()).toContain('Relecture sans votre progression')
      await closeTab(page, 'hector')
      expect(t.lms.calls('hector', 'course').filter((c) => c.method === 'LMSSetValue' || c.method === 'SetValue')).toEqual([])
      expectClean('hector')
    })

    it('reads an old state against an edited course without mixing answers', async () => {
      const before = await launch('fred')
      const data = await before.learn.data()
      const rgpd = data.modules[1]!.id
      const assessment = data.pages.find((p) => p.moduleId === rgpd && p.assessment)!
      await before.learn.goTo(assessment.id)
      const qs = data.questions.filter((q) => q.moduleId === rgpd && q.scored)
      const changed = qs.find((q) => q.id === 'rgpd-base-legale')!
      const kept = qs.find((q) => q.id === 'rgpd-responsable-ecole')!
      await before.learn.answer(changed, changed.correct)
      await before.learn.answer(kept, kept.correct)
      await closeTab(before.page, 'fred')

      // Same learner, same activity: the trainer uploaded the edited course (Moodle keeps the tracks).
      t.lms.setTracks('fred', 'edited', undefined, t.lms.tracks('fred', 'course'))
      const after = await launch('fred', 'edited')
      expect(await after.learn.currentPage()).toBe(assessment.id)
      for (const token of kept.correct) expect(await after.sco.locator(`#q-${kept.id} input[value="${token}"]`).isChecked()).toBe(true)
      expect(await after.sco.locator(`#q-${changed.id} input:checked`).count()).toBe(0)
      const notice = after.sco.locator('#pc-notice')
      await expect.poll(() => notice.isVisible()).toBe(true)
      // The page inserted before it did not shift anything: the pages seen are still the same ids.
      const edited = await after.learn.data()
      expect(edited.pages[0]!.id).toBe('cadre-de-confiance/nouvelle-intro')
      await closeTab(after.page, 'fred', 'edited')
      expectClean('fred', 'edited')
    })

    it('keeps a pass after the course gets a new graded question, and tells the learner what is new', async () => {
      // Version 1: every assessment passed, some pages not seen yet. The course is not finished,
      // so both versions of SCORM resume it (2004 reloads the data only after a suspend exit).
      const before = await launch('hugo')
      const data = await before.learn.data()
      for (const module of data.modules) await before.learn.takeAssessment(module.id)
      await closeTab(before.page, 'hugo')
      const v1 = t.lms.tracks('hugo', 'course')
      expect(v1[cmi.status]).toBe('passed')
      expect(v1[cmi.raw]).toBe('100')
      expect(v1[cmi.exit]).toBe('suspend')

      // Same learner, same activity: the trainer uploaded version 2 (Moodle keeps the tracks).
      t.lms.setTracks('hugo', 'v2', undefined, v1)
      const after = await launch('hugo', 'v2')
      const v2 = await after.learn.data()
      const added = v2.questions.find((q) => q.id === ADDED.id)!
      expect(added).toMatchObject({ scored: true, points: ADDED.points })
      // Scored over the new total, the attempt of version 1 would fail: what this journey guards.
      const had = v2.questions.filter((q) => q.scored && q.moduleId === added.moduleId && q.id !== added.id).reduce((sum, q) => sum + q.points, 0)
      expect((had / (had + added.points)) * 100).toBeLessThan(v2.policy.passingScore)
      expect(v2.courseVersion).not.toBe(data.courseVersion)
      // Told what is new, in the course's language, and that the result stays.
      const notice = after.sco.locator('#pc-notice')
      await expect.poll(() => notice.isVisible()).toBe(true)
      expect(v2.strings.stateUpdatedResult?.length).toBeGreaterThan(20)
      expect(await notice.textContent()).toContain(v2.strings.stateUpdatedResult)
      // The module's attempt keeps its score over the questions it had (one SCO: the module's
      // score, the course's verdict on the end page, which still says passed).
      const assessment = v2.pages.find((p) => p.moduleId === added.moduleId && p.assessment)!
      await after.learn.goTo(assessment.id)
      const box = after.sco.locator(`.pc-assessment[data-module="${added.moduleId}"]`)
      const result = box.locator('.pc-result')
      await expect.poll(() => result.isVisible()).toBe(true)
      expect(await result.textContent()).toContain(v2.strings.moduleScore!.replace('{score}', '100'))
      expect(await box.locator('.pc-retry').isVisible()).toBe(false)
      await after.learn.goTo('_end')
      expect(await after.sco.locator('.pc-end-verdict').getAttribute('data-verdict')).toBe('passed')
      await closeTab(after.page, 'hugo', 'v2')
      const tracks = t.lms.tracks('hugo', 'v2')
      expect(tracks[cmi.status]).toBe('passed')
      expect(tracks[cmi.raw]).toBe(v1[cmi.raw])
      expect(decodeState(tracks['cmi.suspend_data'] ?? '', v2 as ScoData)).toMatchObject({ verdict: 'readable', updated: false })
      expectClean('hugo', 'v2')

      // The state now names version 2: the next session has nothing new to tell.
      const again = await launch('hugo', 'v2')
      expect(await again.sco.locator('#pc-notice').isVisible()).toBe(false)
      await closeTab(again.page, 'hugo', 'v2')
      expect(t.lms.tracks('hugo', 'v2')[cmi.status]).toBe('passed')
      expectClean('hugo', 'v2')
    })
  })
}

function stateSeen(state: unknown): string[] {
  const seen = (state as { seen?: Iterable<string> | Record<string, unknown> }).seen
  if (!seen) return []
  return typeof (seen as Iterable<string>)[Symbol.iterator] === 'function' ? [...(seen as Iterable<string>)] : Object.keys(seen)
}
