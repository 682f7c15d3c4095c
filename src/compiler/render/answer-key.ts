/**
 * The trainer's answer key: one printable HTML file per course, written beside the zips by
 * `parcours build --answer-key`, never into a package (the package only holds sealed digests,
 * src/shared/answer-seal.ts). Every question of the course, module by module: its choices with the
 * right ones said in words, matching pairs, and both feedbacks.
 */
import type { Course, Question } from '../types.js'
import type { Templates } from './templates.js'

export interface AnswerKeyFile {
  /** `<course-id>-corrige.html` (French course) or `<course-id>-answer-key.html`. */
  name: string
  contents: string
}

export function renderAnswerKey(course: Course, templates: Pick<Templates, 'answerKey'>, generatorVersion: string): AnswerKeyFile {
  const { config } = course
  const modules = course.modules
    .map((module, i) => ({
      id: module.id,
      n: i + 1,
      title: module.title,
      questions: module.pages.flatMap((page) => page.blocks.flatMap((block) => (block.kind === 'question' ? [questionContext(block.question, page.title)] : []))),
    }))
    .filter((m) => m.questions.length > 0)
  const contents = templates.answerKey({ lang: config.language, title: config.title, version: config.version, generatorVersion, modules })
  return { name: `${config.id}-${config.language === 'fr' ? 'corrige' : 'answer-key'}.html`, contents }
}

function questionContext(q: Question, pageTitle: string): object {
  const base = {
    id: q.id,
    scored: q.scored,
    points: q.points,
    pageTitle,
    stemHtml: q.stemHtml,
    feedbackCorrectHtml: q.feedbackCorrectHtml.trim(),
    feedbackWrongHtml: q.feedbackWrongHtml.trim(),
  }
  if (q.type === 'matching') {
    const pairs = q.sources.map((s, i) => ({ sourceHtml: s.html, targetHtml: q.choices.find((c) => c.token === q.correct[i])?.html ?? '' }))
    return { ...base, pairs }
  }
  return { ...base, choices: q.choices.map((c) => ({ html: c.html, right: q.correct.includes(c.token) })) }
}
