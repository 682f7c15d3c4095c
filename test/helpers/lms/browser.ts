// Real Chromium for the LMS tests, driven by playwright-core: the one findChromium() chooses
// (CHROMIUM_PATH, a system Chromium, else the npm package's), headless, with a fresh throw-away
// profile (--user-data-dir via launchPersistentContext) removed on close. A missing browser is
// an error that says how to fix it, never a skipped test.

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { findChromium } from '../chromium.js'

export { findChromium }

// As root on a CI machine: no sandbox (needs user namespaces), nothing that reaches the network
// on its own (updates, sync, metrics), no GPU.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--no-pings',
  '--no-default-browser-check',
  '--metrics-recording-only',
]

export interface TestBrowser {
  context: BrowserContext
  newPage(): Promise<Page>
  /** Closes every page and the browser, then deletes the temporary profile. */
  close(): Promise<void>
}

/** `extraArgs`: more Chromium switches for one test file (e.g. a fake camera). */
export async function launchBrowser(extraArgs: string[] = []): Promise<TestBrowser> {
  const install = await findChromium()
  const profile = await mkdtemp(join(tmpdir(), 'parcours-chromium-'))
  let context: BrowserContext
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: install.executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS, ...extraArgs],
      env: { ...process.env, ...install.env },
      timeout: 60_000,
    })
  } catch (e) {
    await rm(profile, { recursive: true, force: true })
    throw new Error(`Chromium (${install.source}, ${install.executablePath}) did not start: ${(e as Error).message}`)
  }
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close().catch(() => undefined)
      await rm(profile, { recursive: true, force: true })
    },
  }
}
