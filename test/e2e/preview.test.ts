/**
 * `parcours preview` in real Chromium, as a trainer uses it: init → preview → the course plays in
 * the strict LMS, the inspector lists the API calls and the decoded progress, an edit reloads the
 * page being edited, "leave and come back" resumes, review mode says so, a broken file shows the
 * errors over the course and the fix brings it back. Waits are on what the page shows.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { FrameLocator, Page } from 'playwright-core'
import { parcoursIn, startParcours, type Running } from '../helpers/cli.js'
import { launchBrowser, type TestBrowser } from '../helpers/lms/index.js'

const WAIT = { timeout: 30_000 }

describe('parcours preview', () => {
  let browser: TestBrowser
  let page: Page
  let running: Running
  let parent: string
  let dir: string
  let module: string
  let original: string

  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), 'parcours-preview-'))
    dir = join(parent, 'ma-formation')
    expect((await parcoursIn(join(dir, '..'), 'init', 'ma-formation')).status).toBe(0)
    module = join(dir, '01-premiers-pas/index.md')
    original = readFileSync(module, 'utf8')
    running = startParcours(dir, 'preview', dir, '--port', '0')
    await vi.waitFor(() => expect(running.stdout()).toMatch(/http:\/\/127\.0\.0\.1:\d+\//), WAIT)
    browser = await launchBrowser()
    page = await browser.newPage()
  })

  afterAll(async () => {
    await browser?.close()
    if (running) expect(await running.interrupt()).toBe(130)
    rmSync(parent, { recursive: true, force: true })
  })

  const url = (): string => /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(running.stdout())![1]!
  const sco = (): FrameLocator => page.frameLocator('#pv-lms').frameLocator('#scorm_object')
  const shownPage = (): Promise<string | null> => sco().locator('.pc-page:not([hidden])').first().getAttribute('data-page')

  it('plays the course in the LMS and lists the API calls and CMI values', async () => {
    await page.goto(url())
    await expect.poll(() => sco().locator('h1, h2').first().textContent(), WAIT).toBeTruthy()
    await expect.poll(() => page.locator('#pv-calls').textContent(), WAIT).toContain('LMSInitialize')
    await expect.poll(() => page.locator('#pv-cmi').textContent(), WAIT).toContain('cmi.core.lesson_status')
    expect(await page.locator('#pv-violations').textContent()).not.toMatch(/\(/)
  })

  it('gives each page its address and shows the decoded progress', async () => {
    await sco().locator('#pc-next').click()
    await expect.poll(shownPage, WAIT).toBe('premiers-pas/tableaux-images')
    await expect.poll(() => page.evaluate('location.hash'), WAIT).toBe('#/premiers-pas/tableaux-images')
    await expect.poll(() => page.locator('#pv-state').textContent(), WAIT).toContain('Pages vues : 2 / 4')
    expect(await page.locator('#pv-state').textContent()).toMatch(/\d+ caractères sur 4096/)
  })

  it('an edit reloads the course on the page being edited, progress kept', async () => {
    writeFileSync(module, original.replace('Chaque colonne a un titre', 'Texte modifié pendant l’aperçu. Chaque colonne a un titre'))
    await expect.poll(() => sco().locator('.pc-page:not([hidden])').first().textContent(), WAIT).toContain('Texte modifié pendant l’aperçu.')
    expect(await shownPage()).toBe('premiers-pas/tableaux-images')
    await expect.poll(() => page.locator('#pv-cmi').textContent(), WAIT).toContain('resume')
    await expect.poll(() => page.locator('#pv-state').textContent(), WAIT).toContain('Pages vues : 2 / 4')
    expect(running.stdout()).toMatch(/formation recompilée \(\d+ ms\)/)
  })

  it('a page address opens the course on that page', async () => {
    await page.goto('about:blank')
    await page.goto(`${url()}#/premiers-pas/verifier`)
    await expect.poll(shownPage, WAIT).toBe('premiers-pas/verifier')
  })

  it('review mode launches without credit and the course says nothing is saved', async () => {
    await page.locator('#pv-review').click()
    await expect.poll(() => page.locator('#pv-cmi').textContent(), WAIT).toContain('review')
    await expect.poll(() => sco().locator('body').innerText(), WAIT).toContain('Mode révision')
    await page.locator('#pv-review').click()
    await expect.poll(() => page.locator('#pv-review').getAttribute('aria-pressed'), WAIT).toBe('false')
    await expect.poll(() => page.locator('#pv-cmi').textContent(), WAIT).not.toContain('review')
    await expect.poll(() => sco().locator('body').innerText(), WAIT).not.toContain('Mode révision')
  })

  it('a broken file shows its errors over the course; the fix brings the course back', async () => {
    writeFileSync(module, original.replace(/^id: premiers-pas/m, 'id: Pas Valide'))
    await expect.poll(() => page.locator('#pv-overlay').isVisible(), WAIT).toBe(true)
    expect(await page.locator('#pv-overlay').textContent()).toMatch(/01-premiers-pas\/index\.md:\d+:\d+: erreur \[/)
    expect(running.stderr()).toMatch(/erreur\(s\) : l’aperçu les affiche/)
    writeFileSync(module, original)
    await expect.poll(() => page.locator('#pv-overlay').isVisible(), WAIT).toBe(false)
    await expect.poll(shownPage, WAIT).toBeTruthy()
  })
})
