/**
 * The runtime on a very large SCO (issue 14): a course built as ONE SCO of 2,400 pages (SCORM
 * 2004, whose state limit allows it), opened from disk in a real Chromium without an LMS (the
 * runtime then keeps progress in the browser). Measured: the first paint, DOMContentLoaded, the first
 * page ready and the DOM nodes then alive (pages after the first are inert text until needed),
 * and « Suivant », in the page's own clock: the click's handler (it shows the next page
 * synchronously), then the frame that draws it, from its animation-frame callbacks to its end
 * (style, layout and paint of the new page). The same clicks on a 30-page SCO built from the same generator say whether a
 * click costs more in a larger course. Bundled by test/bench/runtime.js with esbuild (it reuses the
 * tests' Chromium finder).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import JSZip from 'jszip'
import { launchBrowser } from '../helpers/lms/browser.js'

export interface LargeScoBench {
  pages: number
  htmlBytes: number
  domContentLoadedMs: number
  firstPageReadyMs: number
  /** First contentful paint: the first page on screen (before the runtime has started). */
  firstPaintMs: number
  /** DOM nodes alive once the runtime has started (after a collection): the pages sent as inert text are not built. */
  domNodes: number
  /** « Suivant »: the click's handler. */
  nextMs: number[]
  nextMedianMs: number
  /**
   * « Suivant »: the frame that draws the new page, from its animation-frame callbacks to its end
   * (style, layout, paint). When that frame starts depends on the display's refresh (60 Hz), not
   * on the click: not counted.
   */
  nextFrameMedianMs: number
  /** « Suivant » again once SEEN_BEFORE_LATE_CLICKS pages were seen (none on a smaller SCO). */
  lateNextMs: number[]
  lateNextMedianMs: number | null
  lateNextFrameMedianMs: number | null
}

/** Pages seen before the late « Suivant » are timed. */
export const SEEN_BEFORE_LATE_CLICKS = 2000

declare const document: { querySelector(s: string): { getAttribute(n: string): string | null; click(): void } | null; body: { classList: { contains(c: string): boolean } } }
declare const performance: {
  now(): number
  getEntriesByType(t: string): { domContentLoadedEventEnd: number }[]
  getEntriesByName(n: string): { startTime: number }[]
}
declare const window: { parcours: { data: { pages: unknown[] } } }
declare function requestAnimationFrame(run: () => void): void
declare function requestIdleCallback(run: () => void, options: { timeout: number }): void
declare class MessageChannel {
  port1: { onmessage: (() => void) | null }
  port2: { postMessage(message: unknown): void }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** `late`: also time « Suivant » once SEEN_BEFORE_LATE_CLICKS pages are seen (the SCO must have more). */
export async function largeScoBench(zip: Uint8Array, folder: string, runs = 15, late = true): Promise<LargeScoBench> {
  const files = await JSZip.loadAsync(zip)
  let htmlBytes = 0
  for (const entry of Object.values(files.files)) {
    if (entry.dir) continue
    const bytes = await entry.async('uint8array')
    if (entry.name === 'index.html') htmlBytes = bytes.length
    await mkdir(dirname(join(folder, entry.name)), { recursive: true })
    await writeFile(join(folder, entry.name), bytes)
  }
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    const started = Date.now()
    await page.goto(pathToFileURL(join(folder, 'index.html')).href)
    await page.waitForFunction(() => !document.body.classList.contains('pc-nojs'), undefined, { timeout: 120_000 })
    const firstPageReadyMs = Date.now() - started
    const domContentLoadedMs = await page.evaluate(() => performance.getEntriesByType('navigation')[0]!.domContentLoadedEventEnd)
    const firstPaintMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1)
    const metrics = await page.context().newCDPSession(page)
    await metrics.send('HeapProfiler.collectGarbage')
    await metrics.send('Performance.enable')
    const { metrics: counts } = (await metrics.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }
    const domNodes = counts.find((m) => m.name === 'Nodes')?.value ?? -1
    await metrics.detach()
    // The SCO's pages as its runtime reads them (the pages not on screen are out of the document).
    const pages = await page.evaluate(() => window.parcours.data.pages.length)
    // Timed in the page: the click's handler runs synchronously and shows the next page; the frame
    // that draws it ends before a task posted from its requestAnimationFrame callback runs (when
    // it starts is the display's refresh, whatever the click costs). Each click waits for the
    // browser to be idle, as a person's does (they read the page first): a click sent a few
    // milliseconds after the load, or after the last click's commit, timed the garbage collection
    // of the 12 MB page and its parse (2 to 12 ms on the same SCO).
    const timedNext = (): Promise<[handler: number, frame: number]> =>
      page.evaluate(async () => {
        await new Promise<void>((idle) => requestIdleCallback(() => idle(), { timeout: 5000 }))
        return new Promise<[number, number]>((resolve, reject) => {
          const before = document.querySelector('.pc-page:not([hidden])')?.getAttribute('data-page')
          let handler = 0
          // Asked for before the click: it runs ahead of what the click asks of the same frame
          // (the runtime's work left until the page is drawn comes after it).
          requestAnimationFrame(() => {
            const frameStart = performance.now()
            const channel = new MessageChannel()
            channel.port1.onmessage = () => resolve([handler, performance.now() - frameStart])
            channel.port2.postMessage(0)
          })
          const t0 = performance.now()
          document.querySelector('#pc-next')!.click()
          handler = performance.now() - t0
          const after = document.querySelector('.pc-page:not([hidden])')?.getAttribute('data-page')
          if (after === before) reject(new Error('« Suivant » did not change page'))
        })
      })
    const clicks = async (): Promise<[handler: number[], frame: number[]]> => {
      const timed: [number, number][] = []
      for (let i = 0; i < runs; i++) timed.push(await timedNext())
      return [timed.map((x) => x[0]), timed.map((x) => x[1])]
    }
    const [nextMs, nextFrameMs] = await clicks()
    // The same far into the course: a click must not cost more once most pages are seen (a count
    // of the pages seen by indexOf grew with the square of them: ≈ 6 ms more at 2,000).
    let lateNextMs: number[] = []
    let lateNextFrameMs: number[] = []
    if (late) {
      await page.evaluate((n) => {
        for (let i = 0; i < n; i++) document.querySelector('#pc-next')!.click()
      }, SEEN_BEFORE_LATE_CLICKS - runs)
      ;[lateNextMs, lateNextFrameMs] = await clicks()
    }
    if (process.env.PARCOURS_BENCH_DEBUG) {
      // Where a click's time goes: a CPU profile of a few « Suivant », summarised by function.
      const cdp = await page.context().newCDPSession(page)
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.start')
      for (let i = 0; i < 5; i++) await timedNext()
      const { profile } = (await cdp.send('Profiler.stop')) as {
        profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] }
      }
      const byId = new Map(profile.nodes.map((n) => [n.id, n]))
      const self = new Map<string, number>()
      profile.samples.forEach((id, i) => {
        const f = byId.get(id)!.callFrame
        const k = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`
        self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0))
      })
      for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.error(`${(v / 1000 / 5).toFixed(1).padStart(7)} ms/click  ${k}`)
    }
    return {
      pages,
      htmlBytes,
      domContentLoadedMs,
      firstPageReadyMs,
      firstPaintMs,
      domNodes,
      nextMs,
      nextMedianMs: median(nextMs),
      nextFrameMedianMs: median(nextFrameMs),
      lateNextMs,
      lateNextMedianMs: late ? median(lateNextMs) : null,
      lateNextFrameMedianMs: late ? median(lateNextFrameMs) : null,
    }
  } finally {
    await browser.close()
  }
}
