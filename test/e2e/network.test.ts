/**
 * Self-contained packages: every network request is recorded (context-wide: the LMS page, the
 * SCO's frame, popups) while the whole course is played in the strict test LMS, in an iframe and
 * in a new window. The SCO may only load its own package's files; the LMS page only its own
 * launch/commit/log endpoints and player scripts. Opened straight from disk (file://), the SCO
 * requests nothing but its own files.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Frame, Page, Request } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { Learner } from '../helpers/learner.js'
import { openSco } from '../helpers/lms/index.js'
import { useLms } from '../helpers/lms/vitest.js'
import { A11Y_COURSE, buildAnswerKey, buildPackage } from './a11y-helpers.js'

const packages: Record<string, Map<string, Buffer>> = {}
const t = useLms(async () => {
  packages.sample = await buildPackage()
  packages.a11y = await buildPackage(A11Y_COURSE)
  return packages
})

interface Seen {
  url: string
  /** URL of the document that made the request (the SCO, the LMS page, a popup). */
  from: string
  type: string
}

function record(page: Page): { seen: Seen[]; stop: () => void } {
  const seen: Seen[] = []
  const context = page.context()
  const on = (r: Request) => {
    let from = ''
    try {
      from = r.frame().url()
    } catch {
      from = '(service worker or detached frame)'
    }
    seen.push({ url: r.url(), from, type: r.resourceType() })
  }
  context.on('request', on)
  return { seen, stop: () => context.off('request', on) }
}

/** Plays the whole course: every page, every knowledge check, every assessment (one failed, then retried). */
async function playAll(surface: Page | Frame): Promise<void> {
  const learner = new Learner(surface)
  const data = await learner.data()
  await learner.visitAll()
  await learner.checkKnowledge()
  for (const [i, m] of data.modules.entries()) {
    if (!data.questions.some((q) => q.moduleId === m.id && q.scored)) continue
    if (i === 0) {
      await learner.takeAssessment(
        m.id,
        data.questions.filter((q) => q.moduleId === m.id && q.scored).map((q) => q.id),
      )
      await learner.retry(m.id)
    }
    // One graded module: its verdict is the SCO's; several: each block shows the module's own score.
    const graded = new Set(data.questions.filter((q) => q.scored).map((q) => q.moduleId)).size
    expect(await learner.takeAssessment(m.id)).toMatch(graded === 1 ? /Évaluation réussie/ : /Score de ce module\s: 100 \/ 100/)
  }
}

describe('network', () => {
  it.each([
    ['sample', 'frame'],
    ['a11y', 'frame'],
    ['sample', 'window'],
  ] as const)('%s in %s mode: the SCO loads only its own package, the LMS page only its endpoints', async (pkg, mode) => {
    const page = await t.page()
    const { seen, stop } = record(page)
    const learnerId = `net-${mode}`
    const { sco } = await openSco(page, t.lms.url(pkg, undefined, learnerId, undefined, mode))
    await playAll(sco)
    await t.lms.flush(page)
    // A canary from the SCO, outside its package (same server): the recording must catch it.
    const canary = `${t.lms.origin}/pkg/not-${pkg}/canary.png`
    await sco.evaluate((url: string) => new Promise((done) => Object.assign(new (globalThis as any).Image(), { onerror: done, onload: done, src: url })), canary)
    // With runBeforeUnload, close() does not wait for the page to go: wait for its close event (unload handlers ran).
    if (mode === 'window') await Promise.all([(sco as Page).waitForEvent('close'), (sco as Page).close({ runBeforeUnload: true })])
    await t.lms.flush(page)
    stop()

    const origin = t.lms.origin
    const prefix = `${origin}/pkg/${pkg}/`
    const host = new Set(['/launch', '/commit', '/log', '/host.js', '/vendor/scorm12.js', '/vendor/scorm2004.js', '/favicon.ico'])
    const outside = seen.filter((r) => {
      if (r.url.startsWith(prefix)) return false
      const u = new URL(r.url)
      // The LMS's own page may call its own endpoints; the SCO may not call anything but its package.
      return !(u.origin === origin && host.has(u.pathname) && !r.from.startsWith(prefix))
    })
    expect(outside.map((r) => r.url)).toEqual([canary])
    const fromSco = seen.filter((r) => r.from.startsWith(prefix) && r.url !== canary)
    expect(fromSco.filter((r) => !r.url.startsWith(prefix))).toEqual([])
    // The SCO loaded its page, style and script (and media): the recording did see it.
    const files = new Set(seen.filter((r) => r.url.startsWith(prefix)).map((r) => r.url.slice(prefix.length).replace(/[?#].*$/, '')))
    expect([...files].sort()).toEqual(expect.arrayContaining(['index.html', 'parcours.css', 'parcours.js']))
    if (pkg === 'a11y') expect([...files].some((f) => f.endsWith('.png'))).toBe(true)
    // The commits did reach the LMS: the course was really played.
    expect(t.lms.tracks(learnerId, pkg)['cmi.core.lesson_status']).toBe('passed')
    expect(t.lms.missingFiles().filter((f) => !f.includes('canary'))).toEqual([])
  })

  it('opened from disk (file://), the SCO requests only its own files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parcours-file-'))
    try {
      for (const [path, bytes] of packages.a11y!) {
        await mkdir(dirname(join(dir, path)), { recursive: true })
        await writeFile(join(dir, path), bytes)
      }
      const page = await t.page()
      const { seen, stop } = record(page)
      const base = pathToFileURL(dir).href + '/'
      await page.goto(base + 'index.html')
      await page.locator('#pc-notice').waitFor({ state: 'visible' })
      await playAll(page)
      // `?print=answers` is not a way in any more: same page, same files.
      await page.goto(base + 'index.html?print=answers')
      await page.locator('#pc-notice').waitFor({ state: 'visible' })
      // The trainer's answer key, beside the zip: it loads nothing at all.
      await writeFile(join(dir, 'corrige.html'), await buildAnswerKey(A11Y_COURSE))
      await page.goto(base + 'corrige.html')
      await page.locator('.pk-question').first().waitFor()
      stop()
      expect(seen.filter((r) => !r.url.startsWith(base))).toEqual([])
      expect(new Set(seen.map((r) => r.url.slice(base.length).replace(/[?#].*$/, '')))).toEqual(
        new Set(['index.html', 'parcours.css', 'parcours.js', 'corrige.html', ...[...packages.a11y!.keys()].filter((f) => f.endsWith('.png'))]),
      )
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
