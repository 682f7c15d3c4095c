/**
 * Module assessments: answers kept as they are entered, one submit for the module, the result,
 * the attempts left, retry. Scoring is tracking.ts's; this is the DOM glue.
 */

import type { QuestionData } from '../../shared/sco-data.js'
import type { AssessmentState } from '../../shared/state-codec.js'
import { stateKey } from '../../shared/state-key.js'
import { isComplete, judge } from '../answers.js'
import { $, $$, focusOn, guard, show } from '../dom.js'
import type { ModuleResult } from '../tracking.js'
import { moduleResults } from '../tracking.js'
import { formatNumber } from '../end-page.js'
import type { QuizContext } from './context.js'
import { lockAnswer, readAnswer, showVerdict, writeAnswer } from './forms.js'

export interface Assessments {
  /** The module's assessment state, created at attempt 1 if needed. */
  of(moduleId: string): AssessmentState
  /**
   * Wires the assessment blocks under `root` and shows where they stand, with their module's
   * questions (on the block's page: a module's graded questions are its assessment page's).
   */
  start(root: ParentNode): void
}

export function assessments(ctx: QuizContext): Assessments {
  const { data, t, session, forms } = ctx
  const state = () => session.state
  // Each block as it is built (lazy-page.ts): at launch, those of the page shown.
  const boxes: HTMLElement[] = []

  const of = (moduleId: string): AssessmentState => {
    const key = stateKey(moduleId)
    const all = state().assessments
    return all[key] ?? (all[key] = { attempt: 1, submitted: false, points: null })
  }

  const scoredOf = (moduleId: string): QuestionData[] => data.questions.filter((q) => q.scored && q.moduleId === moduleId)

  const resultOf = (moduleId: string): ModuleResult | undefined => moduleResults(data, state()).filter((r) => r.moduleId === moduleId)[0]

  const n = (value: number): string => formatNumber(value, data.lang)
  // The module's verdict is the SCO's only when it is the SCO's one graded module; otherwise the
  // score over all its assessments decides (tracking.ts), said on the end page.
  const moduleCounts = moduleResults(data, state()).length === 1
  const last = data.policy.attemptScore === 'last'

  /** Questions locked once submitted, each with its verdict. */
  const renderQuestions = (moduleId: string, submitted: boolean): void => {
    for (const q of scoredOf(moduleId)) {
      const form = forms.get(q.id)
      if (!form) continue
      lockAnswer(form, submitted)
      const answer = state().answers[q.key]
      showVerdict(form, submitted && answer ? judge(q, answer.value) : null, t, q, answer ? answer.value : '')
    }
  }

  const renderAttempts = (box: HTMLElement, result: ModuleResult | undefined, submitted: boolean): void => {
    const attempts = $('.pc-attempts', box)
    if (!attempts) return
    const left = result ? result.attemptsLeft : null
    // Once passed, attempts no longer matter: saying "no attempts left" would read as a failure.
    const passed = submitted && !!result && result.passed
    attempts.textContent = passed ? '' : left === null ? t('attemptsUnlimited') : left > 0 ? t('attemptsLeft', { count: left }) : t('noAttemptsLeft')
    show(attempts, !passed)
  }

  /**
   * The module's own score; « réussie » only when the module's verdict is the one the LMS keeps
   * (the SCO's one graded module), else the end page's course result is named. With the best attempt
   * counting, a worse latest attempt is shown next to the score kept.
   */
  const renderResult = (box: HTMLElement, result: ModuleResult | undefined, submitted: boolean): void => {
    const out = $('.pc-result', box)
    if (!out) return
    const score = result ? result.score : null
    if (submitted && result && score !== null) {
      const passing = n(data.policy.passingScore)
      const sentences: string[] = []
      if (result.lastScore !== null && result.lastScore !== score) sentences.push(t('assessmentThisAttempt', { score: n(result.lastScore) }))
      sentences.push(t(moduleCounts ? (sentences.length ? 'assessmentKept' : 'assessmentScore') : 'moduleScore', { score: n(score), passing }))
      sentences.push(moduleCounts ? t(result.passed ? 'assessmentPassed' : 'assessmentFailed') : t('courseResultOnEnd', { passing }))
      out.textContent = sentences.join(' ')
      out.className = 'pc-result ' + (!moduleCounts ? 'pc-result-module' : result.passed ? 'pc-result-passed' : 'pc-result-failed')
    }
    show(out, submitted && score !== null)
  }

  /** Next to « Recommencer »: whether a retry can lower the result (policy.attemptScore). */
  const renderRetryNote = (box: HTMLElement, retry: boolean): void => {
    const note = $('.pc-retry-note', box)
    if (!note) return
    note.textContent = retry ? t(last ? 'retryLast' : 'retryBest') : ''
    note.className = 'pc-retry-note' + (last ? ' pc-retry-warning' : '')
    show(note, retry)
  }

  /** Brings an assessment block and its questions in line with the state. */
  const renderBox = (box: HTMLElement, moduleId: string): void => {
    const result = resultOf(moduleId)
    const a = state().assessments[stateKey(moduleId)]
    const submitted = !!a && a.submitted
    renderQuestions(moduleId, submitted)
    renderAttempts(box, result, submitted)
    show($('.pc-submit', box), !submitted)
    show($('.pc-retry', box), !!result && result.canRetry)
    renderRetryNote(box, !!result && result.canRetry)
    renderResult(box, result, submitted)
  }

  const render = (moduleId: string): void => {
    for (const box of boxes) if (box.getAttribute('data-module') === moduleId) renderBox(box, moduleId)
  }

  const sayIncomplete = (box: HTMLElement, missing: number): void => {
    const out = $('.pc-result', box)
    if (out) {
      out.textContent = t('assessmentIncomplete', { count: missing })
      out.className = 'pc-result pc-result-incomplete'
      show(out, true)
    }
    focusOn(out)
  }

  const submit = (box: HTMLElement, moduleId: string): void => {
    const a = of(moduleId)
    if (a.submitted) return
    const questions = scoredOf(moduleId)
    const values = questions.map((q) => {
      const form = forms.get(q.id)
      const value = form ? readAnswer(form, q) : (state().answers[q.key]?.value ?? '')
      if (value) state().answers[q.key] = { rev: q.rev, value, checked: false }
      return value
    })
    const missing = questions.filter((q, i) => !isComplete(q, values[i] as string)).length
    if (missing > 0) return sayIncomplete(box, missing)
    let earned = 0
    questions.forEach((q, i) => {
      const value = values[i] as string
      const verdict = judge(q, value)
      if (verdict === 'correct') earned += q.points
      session.record(q, value, verdict, ctx.clock.latency(q))
    })
    // The best attempt's points are kept when this one earns less (policy.attemptScore, tracking.ts).
    const best = Math.max(a.best ?? -1, a.points ?? -1)
    a.submitted = true
    a.points = earned
    if (best > earned) a.best = best
    else delete a.best
    a.total = questions.reduce((sum, q) => sum + q.points, 0)
    render(moduleId)
    // Committed first: « Vous avez terminé la formation », when this submission finishes it, is
    // said with the result the focus reads (dom.ts sayWithNextFocus).
    session.commit()
    focusOn($('.pc-result', box))
  }

  const retry = (moduleId: string): void => {
    const result = resultOf(moduleId)
    if (!result || !result.canRetry) return
    const a = of(moduleId)
    a.attempt += 1
    a.submitted = false
    const questions = scoredOf(moduleId)
    for (const q of questions) {
      delete state().answers[q.key]
      const form = forms.get(q.id)
      if (form) writeAnswer(form, q, '')
      ctx.clock.restart(q)
    }
    render(moduleId)
    const first = questions.map((q) => forms.get(q.id)).filter((f) => !!f)[0]
    focusOn(first ? $<HTMLElement>('input, select', first) : null)
  }

  const start = (root: ParentNode): void => {
    for (const box of $$('.pc-assessment[data-module]', root)) {
      const moduleId = box.getAttribute('data-module') ?? ''
      if (scoredOf(moduleId).length === 0) continue
      boxes.push(box)
      renderBox(box, moduleId)
      $('.pc-submit', box)?.addEventListener(
        'click',
        guard(() => submit(box, moduleId)),
      )
      $('.pc-retry', box)?.addEventListener(
        'click',
        guard(() => retry(moduleId)),
      )
    }
  }

  return { of, start }
}
