/**
 * The table of contents' marks: a page seen (✓), a module's assessment at or above the pass mark
 * (★) or below it (✗), each with its words for screen readers; shapes, not colour alone, so that
 * they read the same in forced-colours mode. Rewritten from the state at each page shown and
 * after each commit.
 */

import type { PageData, ScoData } from '../shared/sco-data.js'
import type { LearnerState } from '../shared/state-codec.js'
import type { Translate } from './dom.js'
import { $, $$ } from './dom.js'
import { esc, formatNumber } from './end-page.js'
import { moduleResults } from './tracking.js'

const ICONS = { seen: '\u2713', passed: '\u2605', failed: '\u2717' }

/** What each link shows now, so that a redraw touches only the entries whose mark changed. */
const shown = new WeakMap<HTMLAnchorElement, string>()

interface Entry {
  link: HTMLAnchorElement
  page: PageData | undefined
}

/**
 * The entries, and what was drawn from: a redraw looks only at the pages seen since and at the
 * assessment pages of modules whose result changed (a loop over every entry cost a 2,400-page SCO
 * milliseconds a page); anything else (a state with fewer pages seen) redraws all.
 */
let drawn: { data: ScoData; entries: Entry[]; byKey: Map<string, Entry[]>; seen: Set<string>; results: Map<string, string> } | undefined

export function tocMarks(data: ScoData, state: LearnerState, t: Translate): void {
  const results = new Map(moduleResults(data, state).map((r) => [r.moduleId, r] as const))
  const resultKeys = new Map([...results].map(([id, r]) => [id, `${r.score}:${r.passed}`] as const))
  const seen = new Set(state.seen)
  let todo: Entry[]
  if (!drawn || drawn.data !== data || [...drawn.seen].some((k) => !seen.has(k))) {
    const pages = new Map(data.pages.map((p) => [p.id, p] as const))
    const entries = $$<HTMLAnchorElement>('#pc-toc a[data-page]').map((link) => ({ link, page: pages.get(link.getAttribute('data-page') as string) }))
    const byKey = new Map<string, Entry[]>()
    for (const e of entries) if (e.page) byKey.set(e.page.key, [...(byKey.get(e.page.key) ?? []), e])
    drawn = { data, entries, byKey, seen: new Set(), results: new Map() }
    todo = entries
  } else {
    const last = drawn
    todo = state.seen.filter((k) => !last.seen.has(k)).flatMap((k) => last.byKey.get(k) ?? [])
    const changed = new Set([...resultKeys.keys(), ...last.results.keys()].filter((id) => resultKeys.get(id) !== last.results.get(id)))
    if (changed.size) todo = todo.concat(last.entries.filter((e) => e.page && e.page.assessment && changed.has(e.page.moduleId)))
  }
  drawn.seen = seen
  drawn.results = resultKeys
  for (const { link, page } of todo) {
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
