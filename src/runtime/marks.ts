/**
 * The table of contents' marks: a page seen (✓), a module's assessment at or above the pass mark
 * (★) or below it (✗), each with its words for screen readers; shapes, not colour alone, so that
 * they read the same in forced-colours mode. Rewritten from the state at each page shown and
 * after each commit.
 */

import type { ScoData } from '../shared/sco-data.js'
import type { LearnerState } from '../shared/state-codec.js'
import type { Translate } from './dom.js'
import { $, $$ } from './dom.js'
import { esc, formatNumber } from './end-page.js'
import { moduleResults } from './tracking.js'

const ICONS = { seen: '\u2713', passed: '\u2605', failed: '\u2717' }

/** What each link shows now, so that a redraw touches only the entries whose mark changed (2,400-page SCOs). */
const shown = new WeakMap<HTMLAnchorElement, string>()
let links: HTMLAnchorElement[] | undefined

export function tocMarks(data: ScoData, state: LearnerState, t: Translate): void {
  const results = new Map(moduleResults(data, state).map((r) => [r.moduleId, r] as const))
  const pages = new Map(data.pages.map((p) => [p.id, p] as const))
  const seen = new Set(state.seen)
  links ??= $$<HTMLAnchorElement>('#pc-toc a[data-page]')
  for (const link of links) {
    const page = pages.get(link.getAttribute('data-page') as string)
    const r = page && page.assessment ? results.get(page.moduleId) : undefined
    // The end page is no page of the course: never marked.
    const kind = r && r.score !== null ? (r.passed ? 'passed' : 'failed') : page && seen.has(page.key) ? 'seen' : null
    const score = r && r.score !== null ? formatNumber(r.score, data.lang) : ''
    const key = kind ? kind + score : ''
    if (shown.get(link) === key) continue
    shown.set(link, key)
    let mark = $('.pc-toc-seen', link)
    if (!kind) {
      if (mark) mark.remove()
    } else {
      if (!mark) mark = link.appendChild(document.createElement('span'))
      mark.className = 'pc-toc-seen' + (kind === 'seen' ? '' : ' pc-toc-' + kind)
      const words = kind === 'seen' ? t('pageSeen') : t(kind === 'passed' ? 'markPassed' : 'markFailed', { score })
      mark.innerHTML = `<span aria-hidden="true">${ICONS[kind]}</span><span class="pc-sr-only"> \u2013 ${esc(words)}</span>`
    }
  }
}
