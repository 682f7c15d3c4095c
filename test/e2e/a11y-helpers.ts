/**
 * Shared by the accessibility, mobile/print, network and theming browser tests (test/e2e/a11y-*,
 * mobile-print, network, theming): building the packages under test, running axe-core in a SCO,
 * reading computed colours and contrast ratios, and driving a SCO with the keyboard only.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { inflateSync } from 'node:zlib'
import type { Frame, Page } from 'playwright-core'
import { unzipPackage } from '../helpers/lms/index.js'
import { compileToZip, loadTree, ROOT } from '../helpers/compile.js'
import type { ScormVersion } from '../../src/index.js'

/** Browser globals used inside page functions (the Node tsconfig has no DOM types). */
declare const document: any
declare const window: any
declare function getComputedStyle(el: any): any

export type Surface = Page | Frame

/** The course with every construct parcours renders (table, callouts, image, lang span, each question type). */
export const A11Y_COURSE = resolve(ROOT, 'test/fixtures/courses/a11y/content')
export const RESULTS = resolve(ROOT, 'test-results')

export async function resultsDir(name: string): Promise<string> {
  const dir = resolve(RESULTS, name)
  await mkdir(dir, { recursive: true })
  return dir
}

/** Compiles a course folder in-process and returns the package's files (what the test LMS serves). */
export async function buildPackage(dir?: string, format: ScormVersion = 'scorm12', patch: Parameters<typeof loadTree>[1] = {}): Promise<Map<string, Buffer>> {
  const { zip } = await compileToZip(await loadTree(dir, patch), format)
  return unzipPackage(zip)
}

/** The trainer's answer key of a course folder (`parcours build --answer-key`): its HTML. */
export async function buildAnswerKey(dir?: string, format: ScormVersion = 'scorm12'): Promise<string> {
  const { result } = await compileToZip(await loadTree(dir), format)
  if (!result.answerKey) throw new Error('the compiler returned no answer key')
  return result.answerKey.contents
}

// ---------------------------------------------------------------------------------------------
// axe-core

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']
let axeSource: string | undefined

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string; summary: string }[]
}

/** Runs axe-core (every impact level, WCAG 2.1 A/AA + best practices) on the document of `surface`. */
export async function runAxe(surface: Surface): Promise<AxeViolation[]> {
  axeSource ??= await readFile(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8')
  if (!(await surface.evaluate(() => typeof window.axe === 'object'))) await surface.addScriptTag({ content: axeSource })
  return surface.evaluate(async (tags: string[]) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n: any) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }))
  }, AXE_TAGS)
}

/** One line per violation and node, readable in a failed assertion. */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target} — ${v.help}`))
}

// ---------------------------------------------------------------------------------------------
// Colours and contrast (WCAG 2.1 relative luminance)

export type Rgba = [number, number, number, number]

export function parseColor(css: string): Rgba | null {
  const m = /^rgba?\(([^)]+)\)$/.exec(css.trim())
  if (!m) return null
  const parts = m[1]!
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number)
  return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1]
}

/** `top` drawn over an opaque `bottom`. */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3]
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1]
}

function luminance([r, g, b]: Rgba): number {
  const c = (v: number) => {
    const s = v / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b)
}

export function contrast(a: Rgba, b: Rgba): number {
  const [x, y] = [luminance(a), luminance(b)]
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)
}

export interface Colors {
  /** Text colour (composited on the background). */
  color: string
  /** Effective background: the element's own or its nearest painted ancestor's, composited down to the canvas. */
  background: string
  /** Border colours (top, right, bottom, left) and widths in px. */
  border: { color: string; width: number }[]
  outline: { style: string; color: string; width: number; offset: number }
  boxShadow: string
}

/**
 * Computed colours of the first element matching `selector` (visible or not). The background is
 * resolved through the ancestors, so that text on a transparent element is measured against what
 * is actually painted behind it.
 */
export async function colorsOf(surface: Surface, selector: string): Promise<Colors> {
  return surface
    .evaluate((sel: string) => {
      const el = document.querySelector(sel)
      if (!el) throw new Error(`no element ${sel}`)
      const layers: string[] = []
      for (let node = el; node; node = node.parentElement) {
        const bg = getComputedStyle(node).backgroundColor
        layers.push(bg)
        if (/^rgb\(/.test(bg)) break
      }
      layers.push(getComputedStyle(document.documentElement).backgroundColor)
      const s = getComputedStyle(el)
      return {
        color: s.color,
        background: JSON.stringify(layers),
        border: ['Top', 'Right', 'Bottom', 'Left'].map((side) => ({ color: s[`border${side}Color`], width: parseFloat(s[`border${side}Width`]) })),
        outline: { style: s.outlineStyle, color: s.outlineColor, width: parseFloat(s.outlineWidth), offset: parseFloat(s.outlineOffset) },
        boxShadow: s.boxShadow,
      }
    }, selector)
    .then((c) => ({ ...c, background: flatten(JSON.parse(c.background) as string[]) }))
}

/** Composites background layers (element first) down to an opaque colour; the canvas is white if all are transparent. */
function flatten(layers: string[]): string {
  let color: Rgba = [255, 255, 255, 1]
  for (const layer of [...layers].reverse()) {
    const c = parseColor(layer)
    if (c && c[3] > 0) color = composite(c, color)
  }
  return `rgb(${color
    .slice(0, 3)
    .map((v) => Math.round(v))
    .join(', ')})`
}

export function ratio(fg: string, bg: string): number {
  const b = parseColor(bg)
  const f = parseColor(fg)
  if (!b || !f) throw new Error(`unreadable colour: ${fg} on ${bg}`)
  return contrast(composite(f, b), b)
}

// ---------------------------------------------------------------------------------------------
// Keyboard

export interface FocusInfo {
  tag: string
  id: string
  type: string
  cls: string
  text: string
  value: string
}

/** What has the focus in `surface`'s document. */
export async function focused(surface: Surface): Promise<FocusInfo> {
  return surface.evaluate(() => {
    const el = document.activeElement
    return {
      tag: (el?.tagName ?? '').toLowerCase(),
      id: el?.id ?? '',
      type: el?.getAttribute?.('type') ?? '',
      cls: el?.className ?? '',
      text: (el?.textContent ?? '').trim().slice(0, 80),
      value: el?.value ?? '',
    }
  })
}

/** Whether the focused element matches `selector`. */
export async function focusMatches(surface: Surface, selector: string): Promise<boolean> {
  return surface.evaluate((sel: string) => !!document.activeElement && document.activeElement.matches(sel), selector)
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `max`
 * presses, or if the focus comes round to the skip link first. Keys go to `page` (the top-level
 * page), as a person's keyboard does.
 */
export async function tabTo(page: Page, surface: Surface, selector: string, options: { back?: boolean; max?: number } = {}): Promise<number> {
  const max = options.max ?? 40
  for (let i = 0; i < max; i++) {
    if (await focusMatches(surface, selector)) return i
    // Reaching the skip link on the way means the focus went round the whole document: the target was behind.
    if (i > 0 && !selector.includes('pc-skip') && (await focusMatches(surface, 'a.pc-skip'))) {
      throw new Error(`Tab went round the document without reaching ${selector}`)
    }
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab')
  }
  if (await focusMatches(surface, selector)) return max
  throw new Error(`Tab never reached ${selector} (focus on ${JSON.stringify(await focused(surface))})`)
}

/** Visible page's qualified id. */
export async function currentPage(surface: Surface): Promise<string> {
  return surface.evaluate(() => document.querySelector('.pc-page:not([hidden])')?.getAttribute('data-page') ?? '')
}

// ---------------------------------------------------------------------------------------------
// Pixels: native controls (radios, checkboxes) are painted by the browser's theme, so their
// border colour is not in the computed style; it is read from a screenshot instead.

/** Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium's screenshots are) to RGBA bytes. */
export function decodePng(png: Buffer): { width: number; height: number; rgba: Uint8Array } {
  let pos = 8
  let width = 0
  let height = 0
  let channels = 0
  const idat: Buffer[] = []
  while (pos < png.length) {
    const length = png.readUInt32BE(pos)
    const type = png.toString('latin1', pos + 4, pos + 8)
    const body = png.subarray(pos + 8, pos + 8 + length)
    if (type === 'IHDR') {
      width = body.readUInt32BE(0)
      height = body.readUInt32BE(4)
      const [depth, colorType, , , interlace] = [body[8], body[9], body[10], body[11], body[12]]
      if (depth !== 8 || (colorType !== 2 && colorType !== 6) || interlace !== 0) throw new Error('unsupported PNG')
      channels = colorType === 6 ? 4 : 3
    } else if (type === 'IDAT') idat.push(body)
    pos += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  const out = new Uint8Array(width * height * 4)
  let prev = new Uint8Array(stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    const cur = new Uint8Array(stride)
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels]! : 0
      const b = prev[i]!
      const c = i >= channels ? prev[i - channels]! : 0
      const p = a + b - c
      const pred =
        filter === 0
          ? 0
          : filter === 1
            ? a
            : filter === 2
              ? b
              : filter === 3
                ? (a + b) >> 1
                : Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
                  ? a
                  : Math.abs(p - b) <= Math.abs(p - c)
                    ? b
                    : c
      cur[i] = (line[i]! + pred) & 0xff
    }
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 3; k++) out[(y * width + x) * 4 + k] = cur[x * channels + k]!
      out[(y * width + x) * 4 + 3] = channels === 4 ? cur[x * channels + 3]! : 255
    }
    prev = cur
  }
  return { width, height, rgba: out }
}

/**
 * Highest contrast between any pixel of a screenshot and `background`: for a native radio or
 * checkbox on the page background, that is its border (or mark) against the page.
 */
export function maxContrastInImage(png: Buffer, background: string): { ratio: number; color: string } {
  const { rgba } = decodePng(png)
  const bg = parseColor(background)!
  let best = { ratio: 1, color: background }
  for (let i = 0; i < rgba.length; i += 4) {
    const px: Rgba = [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!, 1]
    const r = contrast(px, bg)
    if (r > best.ratio) best = { ratio: r, color: `rgb(${px.slice(0, 3).join(', ')})` }
  }
  return best
}
