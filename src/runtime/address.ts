/**
 * Each page's address in the SCO's own frame, `#/<module>/<page>`, and its history entry. Pure:
 * main.ts applies the step with history.pushState / replaceState.
 *
 * The launch replaces the entry the SCO was opened with (a reload, the preview's included, lands
 * on the page shown); every later page change pushes one, so that the browser's Back and Forward
 * move between pages. The entries are the SCO frame's: Back never navigates the LMS page, it only
 * leaves the SCO from the page the learner started on, as before. A change that comes from Back
 * or Forward finds the address already there and writes nothing.
 */

export type AddressStep = 'push' | 'replace' | null

/** The page id in an address (`#/mod/page` → `mod/page`); '' when there is none. */
export function pageOfHash(hash: string): string {
  return hash.replace(/^#\/?/, '')
}

/** What to do with the history when page `pageId` is shown, the address being `hash`. */
export function addressStep(hash: string, pageId: string, initial: boolean): AddressStep {
  if (pageOfHash(hash) === pageId) return null
  return initial ? 'replace' : 'push'
}
