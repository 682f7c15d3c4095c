/**
 * French typography at build time (the engine is src/shared/french-typography.ts): every text of a
 * French course that reaches learners gets its no-break spaces before « : ; ! ? » and inside
 * « guillemets », so that « RGPD conforme » or « 29 novembre » never break across lines. Applied
 * to the rendered HTML (only text between tags: code, URLs, attributes and passages marked in
 * another language are left alone), to the plain texts the runtime shows (titles, choices) and to
 * the interface strings. The engine only adds what is missing: a character the author typed
 * (a no-break space, a « ») is kept. A course in English is not touched.
 */
import { applyFrenchTypography, applyFrenchTypographyHtml } from '../../shared/french-typography.js'
import type { Lang } from '../../shared/sco-data.js'
import type { Choice, Course, Module, Page, PageBlock, Question } from '../types.js'

const text = applyFrenchTypography
const html = applyFrenchTypographyHtml

/** The course's own texts (its modules are typeset as they are parsed: see `typesetModule`). */
export function typesetCourse(course: Course): Course {
  if (course.config.language !== 'fr') return course
  return { ...course, config: { ...course.config, title: text(course.config.title), description: text(course.config.description) } }
}

/** The interface strings in the course's language. */
export function typesetStrings(strings: Record<string, string>, lang: Lang): Record<string, string> {
  if (lang !== 'fr') return strings
  return Object.fromEntries(Object.entries(strings).map(([key, value]) => [key, text(value)]))
}

export function typesetModule(module: Module, lang: Lang): Module {
  if (lang !== 'fr') return module
  return { ...module, title: text(module.title), objectives: module.objectives.map(text), pages: module.pages.map(typesetPage) }
}

function typesetPage(page: Page): Page {
  return { ...page, title: text(page.title), titleHtml: html(page.titleHtml), blocks: page.blocks.map(typesetBlock) }
}

function typesetBlock(block: PageBlock): PageBlock {
  return block.kind === 'html' ? { kind: 'html', html: html(block.html) } : { kind: 'question', question: typesetQuestion(block.question) }
}

function typesetQuestion(q: Question): Question {
  const choice = (c: Choice): Choice => ({ ...c, html: html(c.html), text: text(c.text) })
  return {
    ...q,
    stemHtml: html(q.stemHtml),
    text: text(q.text),
    choices: q.choices.map(choice),
    sources: q.sources.map(choice),
    feedbackCorrectHtml: html(q.feedbackCorrectHtml),
    feedbackWrongHtml: html(q.feedbackWrongHtml),
  }
}
