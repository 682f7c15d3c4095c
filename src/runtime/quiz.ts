/**
 * Questions in the page: knowledge checks (check, feedback, may re-answer) and module
 * assessments (answers kept as they are entered, one submit, result, attempts, retry).
 * Judging and scoring are pure (answers.ts, tracking.ts); this file is the DOM glue.
 */

import type { QuestionData, ScoData } from '../shared/sco-data.js'
import type { AssessmentState } from '../shared/state-codec.js'
import { validAnswer } from '../shared/state-codec.js'
import { stateKey } from '../shared/state-key.js'
import type { Verdict } from './answers.js'
import { isComplete, judge } from './answers.js'
import type { Translate } from './dom.js'
import { $, $$, focusOn, guard, show } from './dom.js'
import type { Session } from './session.js'
import { moduleResults } from './tracking.js'

export interface QuizOptions {
  data: ScoData
  t: Translate
  session: Session
}

export interface Quiz {
  /** A page was shown: answer latencies count from now. */
  pageShown(): void
}

type Shown = Verdict | 'unanswered' | null

export function setupQuiz({ data, t, session }: QuizOptions): Quiz {
  const byId = new Map(data.questions.map((q) => [q.id, q] as const))
  const forms = new Map<string, HTMLFormElement>()
  for (const form of $$<HTMLFormElement>('form.pc-question')) {
    const id = form.getAttribute('data-question') ?? ''
    if (byId.has(id)) forms.set(id, form)
  }
  const state = () => session.state
  let shownAt = Date.now()
  const since: Record<string, number> = {}
  const latency = (q: QuestionData): number => {
    const start = Math.max(shownAt, since[q.id] ?? 0)
    since[q.id] = Date.now()
    return (Date.now() - start) / 1000
  }

  const readValue = (form: HTMLFormElement, q: QuestionData): string => {
    let value: string
    if (q.type === 'matching') {
      value = q.sources
        .map((s) => {
          const select = $<HTMLSelectElement>(`select[data-source="${s.token}"]`, form)
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

  const writeValue = (form: HTMLFormElement, q: QuestionData, value: string): void => {
    if (q.type === 'matching') {
      q.sources.forEach((s, i) => {
        const select = $<HTMLSelectElement>(`select[data-source="${s.token}"]`, form)
        const target = value.charAt(i)
        if (select) select.value = target && target !== '_' ? target : ''
      })
    } else {
      for (const input of $$<HTMLInputElement>('input', form)) input.checked = value.indexOf(input.value) >= 0 && input.value.length === 1
    }
  }

  const showVerdict = (form: HTMLFormElement, shown: Shown): void => {
    const verdict = $('.pc-verdict', form)
    if (verdict) {
      verdict.textContent = shown ? t(shown) : ''
      verdict.className = 'pc-verdict' + (shown ? ' pc-verdict-' + shown : '')
    }
    show($('.pc-feedback-correct', form), shown === 'correct')
    show($('.pc-feedback-wrong', form), shown === 'wrong' || shown === 'partial')
  }

  const setDisabled = (form: HTMLFormElement, disabled: boolean): void => {
    const fieldset = $<HTMLFieldSetElement>('fieldset', form)
    if (fieldset) fieldset.disabled = disabled
  }

  const assessment = (moduleId: string): AssessmentState => {
    const key = stateKey(moduleId)
    const all = state().assessments
    return all[key] ?? (all[key] = { attempt: 1, submitted: false, points: null })
  }

  const scoredOf = (moduleId: string): QuestionData[] =>
    data.questions.filter((q) => q.scored && q.moduleId === moduleId)

  const formatNumber = (value: number): string => {
    try {
      return value.toLocaleString(data.lang, { maximumFractionDigits: 2 })
    } catch {
      return String(value)
    }
  }

  /** Brings an assessment block and its questions in line with the state. */
  const renderAssessment = (box: HTMLElement, moduleId: string): void => {
    const result = moduleResults(data, state()).find((r) => r.moduleId === moduleId)
    const a = state().assessments[stateKey(moduleId)]
    const submitted = !!a && a.submitted
    for (const q of scoredOf(moduleId)) {
      const form = forms.get(q.id)
      if (!form) continue
      setDisabled(form, submitted)
      const answer = state().answers[q.key]
      showVerdict(form, submitted && answer ? judge(q, answer.value) : null)
    }
    const attempts = $('.pc-attempts', box)
    if (attempts) {
      const left = result ? result.attemptsLeft : null
      // Once passed, attempts no longer matter: saying "no attempts left" would read as a failure.
      const passed = submitted && !!result && result.passed
      attempts.textContent = passed
        ? ''
        : left === null ? t('attemptsUnlimited') : left > 0 ? t('attemptsLeft', { count: left }) : t('noAttemptsLeft')
      show(attempts, !passed)
    }
    show($('.pc-submit', box), !submitted)
    show($('.pc-retry', box), !!result && result.canRetry)
    const out = $('.pc-result', box)
    if (out) {
      const score = result ? result.score : null
      if (submitted && score !== null) {
        out.textContent =
          t('assessmentScore', { score: formatNumber(score), passing: formatNumber(data.policy.passingScore) }) +
          ' ' +
          t(result && result.passed ? 'assessmentPassed' : 'assessmentFailed')
        out.className = 'pc-result ' + (result && result.passed ? 'pc-result-passed' : 'pc-result-failed')
      }
      show(out, submitted && score !== null)
    }
  }

  const boxes = $$('.pc-assessment[data-module]')
  const render = (moduleId: string): void => {
    for (const box of boxes) if (box.getAttribute('data-module') === moduleId) renderAssessment(box, moduleId)
  }

  const submit = (box: HTMLElement, moduleId: string): void => {
    const a = assessment(moduleId)
    if (a.submitted) return
    const questions = scoredOf(moduleId)
    const values = questions.map((q) => {
      const form = forms.get(q.id)
      const value = form ? readValue(form, q) : (state().answers[q.key]?.value ?? '')
      if (value) state().answers[q.key] = { rev: q.rev, value, checked: false }
      return value
    })
    const missing = questions.filter((q, i) => !isComplete(q, values[i] as string)).length
    const out = $('.pc-result', box)
    if (missing > 0) {
      if (out) {
        out.textContent = t('assessmentIncomplete', { count: missing })
        out.className = 'pc-result pc-result-incomplete'
        show(out, true)
      }
      focusOn(out)
      return
    }
    let earned = 0
    questions.forEach((q, i) => {
      const value = values[i] as string
      const verdict = judge(q, value)
      if (verdict === 'correct') earned += q.points
      session.record(q, value, verdict, latency(q))
    })
    a.submitted = true
    a.points = earned
    render(moduleId)
    focusOn(out)
    session.commit()
  }

  const retry = (moduleId: string): void => {
    const result = moduleResults(data, state()).find((r) => r.moduleId === moduleId)
    if (!result || !result.canRetry) return
    const a = assessment(moduleId)
    a.attempt += 1
    a.submitted = false
    const questions = scoredOf(moduleId)
    for (const q of questions) {
      delete state().answers[q.key]
      const form = forms.get(q.id)
      if (form) writeValue(form, q, '')
      since[q.id] = Date.now()
    }
    render(moduleId)
    const first = questions.map((q) => forms.get(q.id)).filter((f) => !!f)[0]
    focusOn(first ? $<HTMLElement>('input, select', first) : null)
  }

  /**
   * `index.html?print=answers`: the answer key, for trainers, on screen and on paper. Each right
   * choice is labelled in text, each matching source gets its answer, explanations are shown.
   */
  const showAnswerKey = (): void => {
    document.body.classList.add('pc-answers')
    const mark = (parent: Element | null | undefined, text: string): void => {
      if (!parent) return
      const key = document.createElement('strong')
      key.className = 'pc-key'
      key.textContent = text
      parent.appendChild(key)
    }
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

  // Restore answers, knowledge-check verdicts and assessment results.
  forms.forEach((form, id) => {
    const q = byId.get(id) as QuestionData
    const answer = state().answers[q.key]
    if (answer) writeValue(form, q, answer.value)
    if (!q.scored) showVerdict(form, answer && answer.checked ? judge(q, answer.value) : null)
  })

  forms.forEach((form, id) => {
    const q = byId.get(id) as QuestionData
    form.addEventListener('submit', guard((event: Event) => {
      event.preventDefault()
      if (q.scored) return // Enter in an assessment question does nothing; the module has one submit
      const value = readValue(form, q)
      if (!isComplete(q, value)) {
        showVerdict(form, 'unanswered')
        focusOn($('.pc-feedback', form))
        return
      }
      const verdict = judge(q, value)
      state().answers[q.key] = { rev: q.rev, value, checked: true }
      showVerdict(form, verdict)
      focusOn($('.pc-feedback', form))
      session.record(q, value, verdict, latency(q))
    }))
    form.addEventListener('change', guard(() => {
      if (!q.scored) {
        showVerdict(form, null) // the verdict was about another answer
        return
      }
      const a = assessment(q.moduleId)
      if (a.submitted) return
      const value = readValue(form, q)
      if (value) state().answers[q.key] = { rev: q.rev, value, checked: false }
      else delete state().answers[q.key]
    }))
  })

  for (const box of boxes) {
    const moduleId = box.getAttribute('data-module') ?? ''
    if (scoredOf(moduleId).length === 0) continue
    renderAssessment(box, moduleId)
    $('.pc-submit', box)?.addEventListener('click', guard(() => submit(box, moduleId)))
    $('.pc-retry', box)?.addEventListener('click', guard(() => retry(moduleId)))
  }

  if (/[?&]print=answers(&|$)/.test(location.search)) showAnswerKey()

  return {
    pageShown: () => {
      shownAt = Date.now()
    },
  }
}
