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

export interface EndPage {
  /** Rewrites the page from the session; `saved` false while the last commit has not gone through. */
  render(saved?: boolean): void
}

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

export function setupEndPage(data: ScoData, t: Translate, session: Session, local: boolean): EndPage {
  const page = document.getElementById('p-' + END_PAGE)
  const body = page && $('.pc-end-body', page)
  const button = page && $<HTMLButtonElement>('.pc-end-print', page)
  const n = (value: number) => formatNumber(value, data.lang)
  // One SCO per module: the page speaks of the module, whose result is the one the LMS keeps.
  const scope = data.scoId === data.courseId ? '' : 'Module'
  let saved = true

  const todoText = (x: Todo): string => {
    if (x.kind === 'pages') return t('endPagesLeft', { count: x.count, total: x.total })
    if (x.kind === 'time') return t('endTimeLeft', { minutes: x.minutes })
    if (x.kind === 'retry') return t('endRetry', { module: x.module, score: n(x.score), passing: n(data.policy.passingScore) })
    return t(x.kind === 'submit' ? 'endSubmit' : 'endFinishAttempt', { module: x.module })
  }

  const render = (): void => {
    if (!body) return
    const end = ending(data, session.state, session.summary())
    const passing = n(data.policy.passingScore)
    const outOf = (score: number | null) => (score === null ? '\u2014' : t('scoreOutOf', { score: n(score) }))
    const sentences = [t((end.completed ? 'endCompleted' : 'endInProgress') + scope)]
    if (end.assessed)
      sentences.unshift(end.passed === null ? t('endNoScore') : t((end.passed ? 'endPassed' : 'endFailed') + scope, { score: end.score === null ? '' : n(end.score), passing }))
    // What the LMS holds after the last commit (session.summary() is what was sent), in words.
    let html =
      tag('h2', t(local ? 'endRecordLocal' : 'endRecord')) +
      tag('p', sentences.join(' '), `class="pc-end-verdict" data-verdict="${end.passed === null ? 'none' : end.passed ? 'passed' : 'failed'}"`)
    if (!saved) html += tag('p', t('endNotSaved'), 'class="pc-end-unsaved"')

    if (end.rows.length > 0) {
      const last = data.policy.attemptScore === 'last'
      const head = ['endModule', last ? 'endScoreLast' : 'endScoreBest', 'endWeight', 'endAttempts'].map((key) => tag('th', t(key), 'scope="col"')).join('')
      const rows = end.rows.map((r) =>
        tag(
          'tr',
          '',
          `data-module="${esc(r.moduleId)}"`,
          tag('th', r.title, 'scope="row"') +
            tag('td', r.score === null ? t('endNotSubmitted') : outOf(r.score)) +
            tag('td', t('endWeightValue', { points: n(r.points), share: n(r.share) })) +
            tag('td', r.attemptsLeft === null ? t('endAttemptsUnlimited') : t('endAttemptsLeft', { count: r.attemptsLeft })),
        ),
      )
      const policy = [t(last ? 'policyLast' : 'policyBest', { passing })]
      if (end.rows.length > 1 && end.score !== null) policy.push(t('endCourseScore', { score: n(end.score) }))
      html +=
        tag('h2', t('endAssessments')) +
        tag('div', '', 'class="pc-table"', tag('table', '', 'class="pc-end-table"', tag('thead', '', '', tag('tr', '', '', head)) + tag('tbody', '', '', rows.join('')))) +
        tag('p', policy.join(' '), 'class="pc-end-policy"')
    }

    html += tag('h2', t('endTodo'))
    html += end.todo.length
      ? tag('ul', '', 'class="pc-end-todo"', end.todo.map((x) => tag('li', todoText(x), `data-todo="${x.kind}"`)).join(''))
      : tag('p', t('endNothingLeft'), 'class="pc-end-todo"')
    if (end.noAttemptsLeft) html += tag('p', t('endNoAttempts'), 'class="pc-end-stuck"')
    body.innerHTML = html
    if (button) button.hidden = false
  }

  // Prints the summary alone (print CSS: .pc-print-end), then the handout again for Ctrl+P.
  button?.addEventListener(
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

  return {
    render(ok?: boolean) {
      if (ok !== undefined) saved = ok
      render()
    },
  }
}
