/**
 * Theming: a course whose course.yml sets theme.colors (accent, accent-contrast) and a logo, and
 * which replaces one partial from its own templates/ folder. All three reach the package and the
 * page in Chromium; the course's colours re-theme the light scheme only (the dark scheme keeps
 * parcours' checked palette); the themed page still has 0 axe violations.
 */
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Learner } from '../helpers/learner.js'
import { openSco } from '../helpers/lms/index.js'
import { useLms } from '../helpers/lms/vitest.js'
import { ROOT } from '../helpers/compile.js'
import { buildPackage, colorsOf, describeViolations, ratio, runAxe } from './a11y-helpers.js'

declare const document: any
declare function getComputedStyle(el: unknown): { color: string }

const THEMED = resolve(ROOT, 'test/fixtures/courses/theming/content')
let files: Map<string, Buffer>
const t = useLms(async () => {
  files = await buildPackage(THEMED)
  return { themed: files }
})

describe('a themed course', () => {
  it('carries its colours, its logo and its own partial into the package', () => {
    const html = files.get('index.html')!.toString('utf8')
    // theme.colors → --pc-* custom properties after the default stylesheet.
    expect(html).toMatch(/<style>:root\{--pc-accent:#6a1b9a;--pc-accent-contrast:#fefefe\}<\/style>/)
    expect(html.indexOf('parcours.css')).toBeLessThan(html.indexOf('--pc-accent:#6a1b9a'))
    // The logo, with its alternative text, is in the package and listed in the manifest.
    const logo = /<img class="pc-logo" src="([^"]+)" alt="Académie de test">/.exec(html)
    expect(logo).not.toBeNull()
    expect(files.has(logo![1]!)).toBe(true)
    expect(files.get('imsmanifest.xml')!.toString('utf8')).toContain(`href="${logo![1]}"`)
    // The course's templates/partials/objectives.hbs replaced parcours' own.
    expect(html).toContain('<div class="pc-objectives academie-objectifs">')
    expect(html).toContain("Parcours labellisé par l'académie de test.")
    // …and still uses the UI strings.
    expect(html).toContain('<h2>Objectifs</h2>')
  })

  it('shows them in the browser, keeps contrast, and leaves the dark scheme to parcours', async () => {
    const page = await t.page()
    const { sco } = await openSco(page, t.lms.url('themed', undefined, 'theme'))
    // Light: the course's accent on the primary button, its text colour on it, links in the accent.
    const next = await colorsOf(sco, '#pc-next')
    expect(next.background).toBe('rgb(106, 27, 154)')
    expect(next.color).toBe('rgb(254, 254, 254)')
    expect(ratio(next.color, next.background)).toBeGreaterThanOrEqual(4.5)
    expect((await colorsOf(sco, '.pc-page:not([hidden]) p a')).color).toBe('rgb(106, 27, 154)')
    // The logo is displayed, with its text alternative.
    const logo = await sco.locator('img.pc-logo').evaluate((img: any) => ({ w: img.naturalWidth, alt: img.alt, complete: img.complete }))
    expect(logo).toEqual({ w: 32, alt: 'Académie de test', complete: true })
    expect(await sco.locator('.academie-mention').isVisible()).toBe(true)
    expect(describeViolations(await runAxe(sco))).toEqual([])
    // Dark: parcours' own accent, whatever the course set for the light scheme.
    await page.emulateMedia({ colorScheme: 'dark' })
    const dark = await colorsOf(sco, '#pc-next')
    expect(dark.background).toBe('rgb(154, 154, 255)')
    expect(ratio(dark.color, dark.background)).toBeGreaterThanOrEqual(4.5)
    expect(describeViolations(await runAxe(sco))).toEqual([])
    // Print: black on white, even in the dark scheme.
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' })
    expect(await sco.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)')
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' })
    // The themed course plays as any other.
    const learner = new Learner(sco)
    expect(await learner.takeAssessment('module')).toMatch(/Évaluation réussie/)
  })
})
