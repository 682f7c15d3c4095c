/**
 * Hook for the browser tests: the two benchmark numbers that only a real browser run can measure.
 *
 * A browser test (vitest + Playwright, run by `npm test`) that has just measured one of them calls
 * `writeBrowserMetrics({ … })`; `npm run bench` (test/bench/run.js) reads the file and puts the
 * numbers in its table, or prints "not measured (run npm test first)" while the file is absent.
 * Each call merges into the file, so two tests can each write their own number.
 *
 *   import { writeBrowserMetrics } from '../bench/browser-metrics.js'
 *   await writeBrowserMetrics({ sampleSuspendDataAfterCompletion: { length: text.length, format: 'scorm12' } })
 *   await writeBrowserMetrics({ lmsCallsPerNavigation: { commit: 1, setValue: 2, getValue: 0, other: 0, format: 'scorm12' } })
 *
 * The file is test/bench/results/browser-metrics.json (git-ignored, like every result).
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

export const BROWSER_METRICS_FILE = fileURLToPath(new URL('./results/browser-metrics.json', import.meta.url))
const RUNTIME_JS = fileURLToPath(new URL('../../lib/runtime/parcours.js', import.meta.url))

export interface BrowserMetrics {
  /**
   * `cmi.suspend_data` after completing the sample course (content/) in the browser: every page
   * seen, every question answered, the evaluations submitted. Target: < 1024 characters.
   */
  sampleSuspendDataAfterCompletion?: {
    /** Characters of the stored `cmi.suspend_data`. */
    length: number
    format: 'scorm12' | 'scorm2004'
  }
  /**
   * LMS API calls made by ONE page navigation (next page), counted on the API object after the
   * session has started, by role. Target: exactly 1 commit (LMSCommit / Commit).
   */
  lmsCallsPerNavigation?: {
    commit: number
    setValue: number
    getValue: number
    /** Any other API call (GetLastError, …). */
    other: number
    format: 'scorm12' | 'scorm2004'
  }
  /** Set by writeBrowserMetrics: ISO date of the last write. */
  measuredAt?: string
  /** Set by writeBrowserMetrics: sha256 of lib/runtime/parcours.js measured (run.js flags stale numbers). */
  runtimeSha256?: string
}

export async function readBrowserMetrics(): Promise<BrowserMetrics | undefined> {
  try {
    return JSON.parse(await readFile(BROWSER_METRICS_FILE, 'utf8')) as BrowserMetrics
  } catch {
    return undefined
  }
}

/** Merges `metrics` into the results file (one key per measure) and stamps the date. */
export async function writeBrowserMetrics(metrics: BrowserMetrics): Promise<void> {
  const runtime = await readFile(RUNTIME_JS).catch(() => undefined)
  const merged: BrowserMetrics = {
    ...(await readBrowserMetrics()),
    ...metrics,
    measuredAt: new Date().toISOString(),
    ...(runtime && { runtimeSha256: createHash('sha256').update(runtime).digest('hex') }),
  }
  await mkdir(dirname(BROWSER_METRICS_FILE), { recursive: true })
  await writeFile(BROWSER_METRICS_FILE, `${JSON.stringify(merged, null, 2)}\n`)
}
