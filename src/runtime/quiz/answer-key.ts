/**
 * `index.html?print=answers`: the answer key, for trainers, on screen and on paper. Each right
 * choice is labelled in text, each matching source gets its answer, explanations are shown.
 */

import type { QuestionData } from '../../shared/sco-data.js'
import type { Translate } from '../dom.js'
import { $, show } from '../dom.js'

export function wantsAnswerKey(search: string): boolean {
  return /[?&]print=answers(&|$)/.test(search)
}

function mark(parent: Element | null | undefined, text: string): void {
  if (!parent) return
  const key = document.createElement('strong')
  key.className = 'pc-key'
  key.textContent = text
  parent.appendChild(key)
}

export function showAnswerKey(forms: Map<string, HTMLFormElement>, byId: Map<string, QuestionData>, t: Translate): void {
  document.body.classList.add('pc-answers')
  forms.forEach((form, id) => {
    const q = byId.get(id) as QuestionData
    if (q.type === 'matching') {
      q.sources.forEach((s, i) => {
        const target = q.choices.filter((c) => c.token === q.correct[i])[0]
        if (target) mark($(`select[data-source="${s.token}"]`, form)?.parentElement, t('answerKeyMatching', { answer: target.text }))
      })
    } else for (const token of q.correct) mark($(`label[for="${form.id}-${token}"]`, form), t('answerKey'))
    show($('.pc-feedback-correct', form), true)
  })
  const notice = $('#pc-notice')
  if (notice) {
    notice.textContent = (notice.hidden ? '' : notice.textContent + ' ') + t('answersShown')
    notice.hidden = false
  }
}
