/**
 * Pages sent as inert text (the compiler's `{{#inert}}`, src/compiler/render/templates.ts): every
 * page but the first is the raw text of a `<noscript>`, which a browser running scripts never
 * builds into elements (a 2,400-page SCO was 12 MB of markup to build before the runtime could
 * start, issue 14). A page is built here when it is first needed: shown, printed, the next one.
 */

/** Builds `page`'s content from its inert text; false if there was none (built already, or sent as markup). */
export function buildPage(page: Element): boolean {
  const inert = page.firstElementChild
  if (!inert || inert.tagName !== 'NOSCRIPT') return false
  // Raw text: exactly the markup the compiler wrote, entities and all.
  inert.insertAdjacentHTML('afterend', inert.textContent ?? '')
  inert.remove()
  return true
}
