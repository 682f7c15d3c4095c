/**
 * The end page every SCO gets as its last page (templates/partials/end.hbs): ending.ts's model as
 * headings, a sentence, a table and a list, rewritten after each commit (what the LMS was just
 * sent) and each time the page is shown. Its print button prints this page alone.
 */

import type { ScoData } from '../shared/sco-data.js'
import type { Translate } from './dom.js'
import { $, guard } from './dom.js'
import type { Todo } from './ending.js'
import { END_PAGE, ending } from './ending.js'
import type { Session } from './session.js'

/** `fr` numbers: 63,64. */
export function formatNumber(value: number, lang: string): string {
  try {
    return value.toLocaleString(lang, { maximumFractionDigits: 2 })
  } catch {
    return String(value)
  }
}

/** Text into HTML: the course's titles and the UI strings are text, never markup. */
export const esc = (text: string): string => text.replace(/[&<>"]/g, (c) => '&#' + c.charCodeAt(0) + ';')

/** `<tag attrs>text</tag>`, the text escaped (`html` already is). */
const tag = (name: string, text: string, attrs = '', html = ''): string => `<${name}${attrs && ' ' + attrs}>${esc(text)}${html}</${name}>`

/** Wires the end page; returns what rewrites it from the session. */
export function setupEndPage(data: ScoData, t: Translate, session: Session, local: boolean): () => void {
  const page = document.getElementById('p-' + END_PAGE)
  const find = (selector: string) => page && $(selector, page)
  const verdict = find('.pc-end-verdict')
  const rows = find('tbody')
  const policy = find('.pc-end-policy')
  const todo = find('.pc-end-todo')
  const n = (value: number) => formatNumber(value, data.lang)
  const passing = n(data.policy.passingScore)
  const outOf = (score: number) => t('scoreOutOf', { score: n(score) })
  // One SCO per module: the page speaks of the module, whose result is the one the LMS keeps.
  const scope = data.scoId === data.courseId ? '' : 'Module'

  const todoText = (x: Todo): string => {
    if (x.kind === 'pages') return t('endPagesLeft', { count: x.count, total: x.total })
    if (x.kind === 'time') return t('endTimeLeft', { minutes: x.minutes })
    if (x.kind === 'retry') return t('endRetry', { module: x.module, score: n(x.score), passing })
    return t(x.kind === 'submit' ? 'endSubmit' : 'endFinishAttempt', { module: x.module })
  }

  const render = (): void => {
    // Only while it is on screen (it is drawn again when shown): on a 2,400-page SCO, redrawing a
    // hidden end page at every commit was a fifth of each « Suivant ».
    if (!page || page.hidden || !verdict || !todo) return
    const end = ending(data, session.state, session.summary())
    // What the LMS holds after the last commit (session.summary() is what was sent), in words.
    const sentences = [t((end.completed ? 'endCompleted' : 'endInProgress') + scope)]
    if (end.assessed)
      sentences.unshift(end.passed === null ? t('endNoScore') : t((end.passed ? 'endPassed' : 'endFailed') + scope, { score: end.score === null ? '' : n(end.score), passing }))
    verdict.textContent = sentences.join(' ')
    verdict.setAttribute('data-verdict', end.passed === null ? 'none' : end.passed ? 'passed' : 'failed')
    if (local) find('.pc-end-record')!.textContent = t('endRecordLocal')
    if (rows)
      rows.innerHTML = end.rows
        .map(
          (r) =>
            `<tr data-module="${esc(r.moduleId)}">` +
            tag('th', r.title, 'scope="row"') +
            tag('td', r.score === null ? t('endNotSubmitted') : outOf(r.score)) +
            tag('td', t('endWeightValue', { points: n(r.points), share: n(r.share) })) +
            tag('td', r.attemptsLeft === null ? t('endAttemptsUnlimited') : t('endAttemptsLeft', { count: r.attemptsLeft })) +
            '</tr>',
        )
        .join('')
    if (policy)
      policy.textContent =
        t(data.policy.attemptScore === 'last' ? 'policyLast' : 'policyBest', { passing }) +
        (end.rows.length > 1 && end.score !== null ? ' ' + t('endCourseScore', { score: n(end.score) }) : '')
    todo.innerHTML =
      (end.todo.length ? `<ul>${end.todo.map((x) => tag('li', todoText(x), `data-todo="${x.kind}"`)).join('')}</ul>` : tag('p', t('endNothingLeft'))) +
      (end.noAttemptsLeft ? tag('p', t('endNoAttempts'), 'class="pc-end-stuck"') : '')
    const noscript = find('.pc-end-noscript')
    if (noscript) noscript.remove()
    find('.pc-end-body')!.hidden = false
  }

  // Prints the summary alone (print CSS: .pc-print-end), then the handout again for Ctrl+P.
  const print = find('.pc-end-print')
  if (print)
    print.addEventListener(
      'click',
      guard(() => {
        document.body.classList.add('pc-print-end')
        window.print()
      }),
    )
  window.addEventListener(
    'afterprint',
    guard(() => document.body.classList.remove('pc-print-end')),
  )

  return render
}
