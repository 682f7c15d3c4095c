/**
 * One question's form (templates/partials/question.hbs): reading and writing its answer value
 * (see answers.ts), showing a verdict and its feedback, locking it.
 */

import type { QuestionData } from '../../shared/sco-data.js'
import { validAnswer } from '../../shared/state-codec.js'
import type { Verdict } from '../answers.js'
import { correctFeedback } from '../answers.js'
import type { Translate } from '../dom.js'
import { $, $$, show } from '../dom.js'

/** What the feedback area shows: a verdict, a request to answer everything, or nothing. */
export type Shown = Verdict | 'unanswered' | null

/** The forms of the questions of this SCO under `root`, by question id. */
export function questionForms(questions: QuestionData[], root: ParentNode): Map<string, HTMLFormElement> {
  const known = new Set(questions.map((q) => q.id))
  const forms = new Map<string, HTMLFormElement>()
  for (const form of $$<HTMLFormElement>('form.pc-question', root)) {
    const id = form.getAttribute('data-question') ?? ''
    if (known.has(id)) forms.set(id, form)
  }
  return forms
}

const sourceSelect = (form: HTMLFormElement, token: string): HTMLSelectElement | null => $<HTMLSelectElement>(`select[data-source="${token}"]`, form)

/** The answer value entered in the form, normalised; '' if none is valid. */
export function readAnswer(form: HTMLFormElement, q: QuestionData): string {
  let value: string
  if (q.type === 'matching') {
    value = q.sources
      .map((s) => {
        const select = sourceSelect(form, s.token)
        return select && select.value ? select.value : '_'
      })
      .join('')
  } else {
    value = $$<HTMLInputElement>('input:checked', form)
      .map((input) => input.value)
      .join('')
  }
  return validAnswer(q, value) ?? ''
}

/** Puts an answer value back in the form ('' clears it). */
export function writeAnswer(form: HTMLFormElement, q: QuestionData, value: string): void {
  if (q.type === 'matching') {
    q.sources.forEach((s, i) => {
      const select = sourceSelect(form, s.token)
      const target = value.charAt(i)
      if (select) select.value = target && target !== '_' ? target : ''
    })
  } else {
    for (const input of $$<HTMLInputElement>('input', form)) input.checked = value.indexOf(input.value) >= 0 && input.value.length === 1
  }
}

/**
 * `q` and `value`: the question and the answer the verdict is about. The "Correct:" feedback is
 * sealed with the right answer (src/shared/answer-seal.ts): only a right answer opens it.
 */
export function showVerdict(form: HTMLFormElement, shown: Shown, t: Translate, q?: QuestionData, value = ''): void {
  const verdict = $('.pc-verdict', form)
  if (verdict) {
    verdict.textContent = shown ? t(shown) : ''
    verdict.className = 'pc-verdict' + (shown ? ' pc-verdict-' + shown : '')
  }
  const good = $('.pc-feedback-correct', form)
  const html = shown === 'correct' && q ? correctFeedback(q, value) : ''
  if (good) good.innerHTML = html // parcours' own rendered Markdown, opened with the learner's right answer
  show(good, html !== '')
  show($('.pc-feedback-wrong', form), shown === 'wrong' || shown === 'partial')
}

export function lockAnswer(form: HTMLFormElement, locked: boolean): void {
  const fieldset = $<HTMLFieldSetElement>('fieldset', form)
  if (fieldset) fieldset.disabled = locked
}
