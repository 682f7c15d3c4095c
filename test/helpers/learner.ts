/**
 * A learner, driving a parcours SCO the way a person does: buttons, form controls, the table of
 * contents. Works on the SCO's frame inside the test LMS (or on a page opened without an LMS).
 */
import type { Frame, Page } from 'playwright-core'
import type { QuestionData, ScoData } from '../../src/shared/sco-data.js'
import { type KeyedQuestion, type KeyedScoData, withAnswers } from './answer-key.js'

type Surface = Page | Frame

/** The DOM calls the page functions below make (the Node tsconfig has no DOM types). */
declare const document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null }
declare const window: { parcours?: { settled?(): boolean } }

/**
 * The page on screen is (or is not) `id`, and nothing of the page change still waits for the page
 * to be drawn (its commit, its address: main.ts paintQueue), so that the LMS has what it sent.
 */
const pageChanged = ([id, wanted]: [string, boolean]): boolean =>
  (document.querySelector('.pc-page:not([hidden])')?.getAttribute('data-page') === id) === wanted && (!window.parcours?.settled || window.parcours.settled())

export class Learner {
  constructor(readonly surface: Surface) {}

  /** The SCO's data, with the right answers put back from the compiled course (answer-key.ts). */
  async data(): Promise<KeyedScoData> {
    return withAnswers(JSON.parse((await this.surface.locator('#pc-data').textContent()) ?? '{}') as ScoData)
  }

  /** Qualified id of the page on screen. */
  async currentPage(): Promise<string> {
    return (await this.surface.locator('.pc-page:not([hidden])').first().getAttribute('data-page')) ?? ''
  }

  async next(): Promise<void> {
    const before = await this.currentPage()
    await this.surface.locator('#pc-next').click()
    await this.surface.waitForFunction(pageChanged, [before, false] as [string, boolean])
  }

  async previous(): Promise<void> {
    const before = await this.currentPage()
    await this.surface.locator('#pc-prev').click()
    await this.surface.waitForFunction(pageChanged, [before, false] as [string, boolean])
  }

  /** Opens a page from the table of contents (opening the contents first on narrow screens). */
  async goTo(pageId: string): Promise<void> {
    const link = this.surface.locator(`#pc-toc a[data-page="${pageId}"]`)
    if (!(await link.isVisible())) await this.surface.locator('#pc-toc-toggle').click()
    await link.click()
    await this.surface.waitForFunction(pageChanged, [pageId, true] as [string, boolean])
  }

  /** Fills a question: choice tokens, or for matching the target token of each source in order. */
  async answer(q: QuestionData, tokens: string[]): Promise<void> {
    const form = this.surface.locator(`#q-${q.id}`)
    if (q.type === 'matching') {
      for (const [i, source] of q.sources.entries()) await form.locator(`select[data-source="${source.token}"]`).selectOption(tokens[i] ?? '')
      return
    }
    for (const choice of q.choices) {
      const input = form.locator(`input[value="${choice.token}"]`)
      const wanted = tokens.includes(choice.token)
      if (q.type === 'multiple') await input.setChecked(wanted)
      else if (wanted) await input.check()
    }
  }

  /** Submits a knowledge check and returns the verdict text. */
  async check(q: QuestionData): Promise<string> {
    const form = this.surface.locator(`#q-${q.id}`)
    await form.locator('.pc-check').click()
    const verdict = form.locator('.pc-verdict')
    await verdict.filter({ hasText: /\S/ }).waitFor()
    return (await verdict.textContent()) ?? ''
  }

  async submitAssessment(moduleId: string): Promise<string> {
    const block = this.surface.locator(`.pc-assessment[data-module="${moduleId}"]`)
    await block.locator('.pc-submit').click()
    const result = block.locator('.pc-result')
    await result.filter({ hasText: /\S/ }).waitFor()
    return (await result.textContent()) ?? ''
  }

  async retry(moduleId: string): Promise<void> {
    const data = await this.data()
    const page = data.pages.find((p) => p.moduleId === moduleId && p.assessment)!
    if ((await this.currentPage()) !== page.id) await this.goTo(page.id)
    await this.surface.locator(`.pc-assessment[data-module="${moduleId}"] .pc-retry`).click()
  }

  /** Answers every knowledge check rightly and checks it; returns the verdicts, in course order. */
  async checkKnowledge(): Promise<string[]> {
    const verdicts: string[] = []
    for (const q of (await this.data()).questions.filter((x) => !x.scored)) {
      await this.goTo(q.pageId)
      await this.answer(q, q.correct)
      verdicts.push(await this.check(q))
    }
    return verdicts
  }

  /** Visits every page in order from the first, answering nothing. */
  async visitAll(): Promise<void> {
    const data = await this.data()
    await this.goTo(data.pages[0]!.id)
    for (let i = 1; i < data.pages.length; i++) await this.next()
  }

  /**
   * Answers every scored question of a module, rightly or wrongly, and submits.
   * `wrong` lists question ids to answer wrongly.
   */
  async takeAssessment(moduleId: string, wrong: readonly string[] = []): Promise<string> {
    const data = await this.data()
    const page = data.pages.find((p) => p.moduleId === moduleId && p.assessment)!
    if ((await this.currentPage()) !== page.id) await this.goTo(page.id)
    for (const q of data.questions.filter((x) => x.moduleId === moduleId && x.scored)) {
      await this.answer(q, wrong.includes(q.id) ? wrongAnswer(q) : q.correct)
    }
    return this.submitAssessment(moduleId)
  }
}

/** A wrong answer of the right shape. */
export function wrongAnswer(q: KeyedQuestion): string[] {
  if (q.type === 'matching') return [...q.correct.slice(1), q.correct[0]!]
  if (q.type === 'multiple')
    return q.choices
      .filter((c) => !q.correct.includes(c.token))
      .map((c) => c.token)
      .slice(0, 1)
  return [q.choices.find((c) => !q.correct.includes(c.token))!.token]
}
