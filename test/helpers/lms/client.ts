// Helpers for tests driving the host page with Playwright: open a launch URL and get the SCO
// (iframe or popup), call the strict API directly, and collect the SCO's dialogs.

import type { Frame, Page } from 'playwright-core'
import type { LmsServer } from '../../../src/lms/server.js'

export interface OpenedSco {
  /** The host page (player). */
  host: Page
  /** The SCO document: the iframe, or the popup page with mode=window. */
  sco: Frame | Page
}

/**
 * Opens a host-page URL (lms.url(...)) in `page` and waits until the SCO has loaded.
 * The host script inserts the iframe while the page parses, so the page's load event
 * includes the SCO's load; in window mode the popup is awaited.
 */
export async function openSco(page: Page, url: string): Promise<OpenedSco> {
  if (new URL(url).searchParams.get('mode') === 'window') {
    const popup = page.context().waitForEvent('page')
    await page.goto(url)
    const sco = await popup
    await sco.waitForLoadState('load')
    return { host: page, sco }
  }
  await page.goto(url)
  const sco = page.frame({ name: 'scorm_object' })
  if (!sco)
    throw new Error(
      `no SCO frame on ${url}: ${await page
        .locator('#error')
        .textContent()
        .catch(() => '?')}`,
    )
  await sco.waitForLoadState('load')
  return { host: page, sco }
}

export interface ApiResult {
  /** What the API returned. */
  result: string
  /** GetLastError right after the call (read without logging an extra call). */
  error: string
}

/**
 * Calls a method of the API the host page exposes (window.API / window.API_1484_11) as a SCO
 * would, e.g. apiCall(page, 'LMSSetValue', 'cmi.core.lesson_location', 'p3').
 * Arguments are passed as-is (numbers stay numbers, to exercise the string check).
 */
export async function apiCall(page: Page, method: string, ...args: unknown[]): Promise<ApiResult> {
  return page.evaluate(
    ([m, a]) => {
      const h = (globalThis as unknown as { __lmsHost: { api: Record<string, (...x: unknown[]) => string>; peekError(): string } }).__lmsHost
      const fn = h.api[m as string]
      if (!fn) throw new Error(`the API has no method ${String(m)}`)
      const result = fn(...(a as unknown[]))
      return { result, error: h.peekError() }
    },
    [method, args] as const,
  )
}

/** Records the SCO's alert/confirm/prompt messages and answers them (accept by default). */
export function collectDialogs(page: Page, answer: 'accept' | 'dismiss' = 'accept'): string[] {
  const messages: string[] = []
  page.on('dialog', (d) => {
    messages.push(`${d.type()}: ${d.message()}`)
    void (answer === 'accept' ? d.accept() : d.dismiss())
  })
  return messages
}

/**
 * Closes the learner's tab the way a person does (pagehide fires), then waits until the LMS has a
 * finish (LMSFinish or Terminate) for each session the learner had in that SCO: its last commit and
 * its finish travel as beacons while the tab goes away. Then the log is flushed.
 */
export async function closeTab(lms: LmsServer, page: Page, learner: string, pkg: string, sco?: string): Promise<void> {
  const calls = () => lms.calls(learner, pkg, sco)
  const sessions = new Set(calls().map((c) => c.session)).size
  // With runBeforeUnload, close() does not wait for the page to go: wait for its close event.
  await Promise.all([page.waitForEvent('close'), page.close({ runBeforeUnload: true })])
  await lms.waitFor(() => calls().filter((c) => c.method === 'LMSFinish' || c.method === 'Terminate').length >= sessions)
  await lms.flush()
}
