/**
 * Questions in the page: knowledge checks (check, feedback, may re-answer) and module
 * assessments (quiz/assessment.ts). Judging and scoring are pure (answers.ts, tracking.ts); this
 * file restores the learner's answers and wires each question's form, at launch for the page
 * shown and later for each page as it is built.
 */

import type { QuestionData, ScoData } from '../shared/sco-data.js'
import { isComplete, judge } from './answers.js'
import type { Translate } from './dom.js'
import { $, focusOn, guard } from './dom.js'
import type { Assessments } from './quiz/assessment.js'
import { assessments } from './quiz/assessment.js'
import type { QuizContext } from './quiz/context.js'
import { AnswerClock } from './quiz/context.js'
import { questionForms, readAnswer, showVerdict, writeAnswer } from './quiz/forms.js'
import type { Session } from './session.js'

export interface QuizOptions {
  data: ScoData
  t: Translate
  session: Session
}

export interface Quiz {
  /** A page was shown: answer latencies count from now. */
  pageShown(): void
  /** Questions and assessment blocks built since (a page sent as inert text, lazy-page.ts): answers restored, wired. */
  adopt(root: ParentNode): void
}

/** Answers as the learner left them; knowledge checks with their verdict if they were checked. */
function restoreAnswers(ctx: QuizContext, forms: Map<string, HTMLFormElement>): void {
  forms.forEach((form, id) => {
    const q = ctx.byId.get(id) as QuestionData
    const answer = ctx.session.state.answers[q.key]
    if (answer) writeAnswer(form, q, answer.value)
    if (!q.scored) showVerdict(form, answer && answer.checked ? judge(q, answer.value) : null, ctx.t, q, answer ? answer.value : '')
  })
}

/** "Vérifier ma réponse" on a knowledge check: judge, show the feedback, record it. */
function checkKnowledge(ctx: QuizContext, form: HTMLFormElement, q: QuestionData): void {
  const value = readAnswer(form, q)
  if (!isComplete(q, value)) {
    showVerdict(form, 'unanswered', ctx.t)
    focusOn($('.pc-feedback', form))
    return
  }
  const verdict = judge(q, value)
  ctx.session.state.answers[q.key] = { rev: q.rev, value, checked: true }
  showVerdict(form, verdict, ctx.t, q, value)
  focusOn($('.pc-feedback', form))
  // Only when the course asks (course.yml `interactions: all`): the report tutors read is about the assessments.
  if (ctx.data.policy.checkInteractions) ctx.session.record(q, value, verdict, ctx.clock.latency(q))
}

/** An answer changed: a knowledge check's verdict no longer applies; an assessment answer is kept. */
function answerChanged(ctx: QuizContext, modules: Assessments, form: HTMLFormElement, q: QuestionData): void {
  ctx.clock.touched(q)
  if (!q.scored) {
    showVerdict(form, null, ctx.t)
    return
  }
  if (modules.of(q.moduleId).submitted) return
  const answers = ctx.session.state.answers
  const value = readAnswer(form, q)
  if (value) answers[q.key] = { rev: q.rev, value, checked: false }
  else delete answers[q.key]
}

function wireQuestions(ctx: QuizContext, modules: Assessments, forms: Map<string, HTMLFormElement>): void {
  forms.forEach((form, id) => {
    const q = ctx.byId.get(id) as QuestionData
    form.addEventListener(
      'submit',
      guard((event: Event) => {
        event.preventDefault()
        // Enter in an assessment question does nothing; the module has one submit.
        if (!q.scored) checkKnowledge(ctx, form, q)
      }),
    )
    form.addEventListener(
      'change',
      guard(() => answerChanged(ctx, modules, form, q)),
    )
  })
}

export function setupQuiz({ data, t, session }: QuizOptions): Quiz {
  const byId = new Map(data.questions.map((q) => [q.id, q] as const))
  const ctx: QuizContext = { data, t, session, forms: new Map(), byId, clock: new AnswerClock() }
  const modules = assessments(ctx)
  const adopt = (root: ParentNode): void => {
    const found = questionForms(data.questions, root)
    found.forEach((form, id) => ctx.forms.set(id, form))
    restoreAnswers(ctx, found)
    wireQuestions(ctx, modules, found)
    modules.start(root)
  }
  adopt(document)
  return { pageShown: () => ctx.clock.pageShown(), adopt }
}
