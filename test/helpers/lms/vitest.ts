// Vitest wiring for LMS tests: one test LMS and one Chromium per test file, pages closed
// after each test. (Third-party sample packages: test/third-party/samples.ts.)

import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { launchBrowser, type TestBrowser } from './browser.js'
import type { LmsOptions, LmsServer } from '../../../src/lms/server.js'
import { startLms } from './start.js'
import type { PackageFiles } from './zip.js'

export interface LmsFixture {
  readonly lms: LmsServer
  readonly browser: TestBrowser
  /** A new page, closed automatically after the current test. */
  page(): Promise<Page>
}

/**
 * Registers beforeAll/afterEach/afterAll hooks that start the LMS with `packages()` and a
 * browser, and tear them down. Use the returned fixture inside tests only.
 */
export function useLms(packages: () => Promise<Record<string, PackageFiles>>, options: Omit<LmsOptions, 'packages' | 'assets'> = {}): LmsFixture {
  let lms: LmsServer | undefined
  let browser: TestBrowser | undefined
  const pages: Page[] = []
  beforeAll(async () => {
    lms = await startLms({ ...options, packages: await packages() })
    browser = await launchBrowser()
    lms.watchBrowser(browser.context)
  }, 60_000)
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.close().catch(() => undefined)))
  })
  afterAll(async () => {
    await browser?.close()
    await lms?.close()
  })
  return {
    get lms() {
      if (!lms) throw new Error('LMS not started (use the fixture inside tests)')
      return lms
    },
    get browser() {
      if (!browser) throw new Error('browser not started (use the fixture inside tests)')
      return browser
    },
    page: async () => {
      if (!browser) throw new Error('browser not started')
      const p = await browser.newPage()
      pages.push(p)
      return p
    },
  }
}
