/**
 * The pages of a SCO not on screen, kept out of the document (see pageShelf), and put back for
 * printing or when the runtime fails.
 */

import { $$, guard } from './dom.js'
import { buildPage } from './lazy-page.js'

/** Puts every page set aside back in the document for good (the shelf of this document). */
let unshelve: (() => void) | undefined

/**
 * The page as without JavaScript, after the runtime failed (main.ts start): every page back in the
 * document (it may have set them aside already), built from its inert text, and shown.
 */
export function showEveryPage(): void {
  if (unshelve) unshelve()
  for (const page of $$('.pc-page')) {
    buildPage(page)
    page.hidden = false
  }
}

/**
 * The pages not on screen wait outside the document: Chromium's history.pushState and
 * replaceState walk the whole document (its form controls above all), so a 2,400-page SCO paid
 * ≈ 10 ms a page for pages no one sees (issue 14). Nothing stands in for them (a placeholder per
 * page made each removal re-check thousands of siblings); a page comes back before the next page
 * that is in, or before the end marker of its parent. Their forms and handlers stay as they are.
 * For printing (the handout is every page) all are built (`buildAll`) and come back.
 */
export function pageShelf(pages: { el: HTMLElement }[], current: () => { el: HTMLElement } | undefined, buildAll: () => void) {
  // The line breaks between pages go: they show nothing between blocks, and Chromium re-checks the
  // white space around a removed element across all its siblings (≈ 2 ms a page at 2,400 pages).
  const blank = (node: Node | null): node is Text => !!node && node.nodeType === 3 && !/\S/.test(node.nodeValue ?? '')
  for (const { el } of pages) for (const side of [el.previousSibling, el.nextSibling]) if (blank(side)) side.parentNode?.removeChild(side)
  const parents = pages.map((p) => p.el.parentNode)
  // After the last page of each parent: where a page with no later page in goes back.
  const lastOf = new Map<Node, HTMLElement>()
  pages.forEach((p, i) => parents[i] && lastOf.set(parents[i]!, p.el))
  const ends = new Map<Node, Comment>()
  lastOf.forEach((el, parent) => ends.set(parent, parent.insertBefore(document.createComment(''), el.nextSibling)))
  const away = new Set<number>()
  let printing = false
  const out = (i: number): void => {
    if (printing || away.has(i)) return
    pages[i]!.el.remove()
    away.add(i)
  }
  const back = (i: number): void => {
    const parent = parents[i]
    if (!away.has(i) || !parent) return
    let before: Node | undefined = ends.get(parent)
    for (let j = i + 1; j < pages.length; j++)
      if (!away.has(j) && parents[j] === parent) {
        before = pages[j]!.el
        break
      }
    parent.insertBefore(pages[i]!.el, before ?? null)
    away.delete(i)
  }
  const allButCurrent = (): void => {
    const keep = current()
    pages.forEach((p, i) => p !== keep && out(i))
  }
  // Every page back, and none set aside again until printing ends (never, after a failure).
  const allBack = (): void => {
    printing = true
    for (let i = pages.length - 1; i >= 0; i--) back(i)
  }
  unshelve = allBack
  const forPrint = (on: boolean): void => {
    if (on) {
      buildAll()
      allBack()
    } else {
      printing = false
      allButCurrent()
    }
  }
  addEventListener(
    'beforeprint',
    guard(() => forPrint(true)),
  )
  addEventListener(
    'afterprint',
    guard(() => forPrint(false)),
  )
  // Print emulation and some browsers change the media without those events.
  const print = typeof matchMedia == 'function' && matchMedia('print')
  if (print && print.addEventListener)
    print.addEventListener(
      'change',
      guard((e: MediaQueryListEvent) => forPrint(e.matches)),
    )
  return {
    /** Page `i` back in the document. */
    bring: back,
    /** Page `i` out of it (unless printing). */
    put: out,
    allButCurrent,
  }
}
