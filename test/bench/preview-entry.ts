/**
 * `parcours preview` as a trainer uses it (bundled by test/bench/preview.js with esbuild, since
 * it reuses the tests' Chromium finder): the real command in a child process, a real Chromium on
 * its page. Measured:
 *   - cold start: from spawning the command to the first SCO page ready in the browser (the
 *     runtime started), and to the "ready" line alone;
 *   - edit to reload: from saving a one-line edit of the module on screen to the browser showing
 *     the edited text in the relaunched SCO (watch → rebuild in memory → server-sent event →
 *     relaunch of the SCO frame → runtime started). Several edits; median, min, max.
 * Waits are on conditions (a line printed, text in the frame), with generous limits.
 */
import { spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Frame } from 'playwright-core'
import { launchBrowser } from '../helpers/lms/browser.js'

export interface PreviewBench {
  coldReadyMs: number
  coldFirstPageMs: number
  reloadMs: number[]
  medianMs: number
  minMs: number
  maxMs: number
  file: string
}

const LIMIT_MS = 120_000

export async function previewBench(root: string, courseDir: string, options: { runs?: number; module: string }): Promise<PreviewBench> {
  const runs = options.runs ?? 5
  const path = join(courseDir, options.module)
  const original = await readFile(path, 'utf8')
  const browser = await launchBrowser()
  const started = performance.now()
  const child = spawn(process.execPath, [join(root, 'bin/parcours.js'), 'preview', courseDir, '--port', '0'], { cwd: courseDir, env: { ...process.env, NO_COLOR: '1' } })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  try {
    const url = await until(
      () => /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout)?.[0],
      () => `preview did not start: ${stderr}`,
    )
    const coldReadyMs = performance.now() - started
    const page = await browser.newPage()
    await page.goto(url)
    const sco = async (): Promise<Frame> =>
      until(
        () => page.frames().find((f) => /\/pkg\//.test(f.url())),
        () => 'no SCO frame',
      )
    await (await sco()).locator('body:not(.pc-nojs)').waitFor({ timeout: LIMIT_MS })
    const coldFirstPageMs = performance.now() - started
    const reloadMs: number[] = []
    // PARCOURS_BENCH_DEBUG=1: each request of a reload, in ms since the save (where the time goes).
    let t0 = 0
    if (process.env.PARCOURS_BENCH_DEBUG) {
      page.on('request', (r) => t0 && console.error(`  +${Math.round(performance.now() - t0)} ms request ${r.url().replace(url, '/')}`))
      page.on('requestfinished', (r) => t0 && console.error(`  +${Math.round(performance.now() - t0)} ms done    ${r.url().replace(url, '/')}`))
    }
    for (let i = 0; i < runs; i++) {
      const marker = `modifié pour la mesure ${i}`
      const edited = original.replace(/\n\n([^#:\n<!>|-][^\n]*)\n/, (_, line: string) => `\n\n${line} (${marker})\n`)
      if (edited === original) throw new Error(`no paragraph to edit in ${options.module}`)
      t0 = performance.now()
      await writeFile(path, edited)
      // The relaunched SCO shows the edited text once its runtime has started.
      await until(
        async () => {
          for (const frame of page.frames())
            if (
              /\/pkg\//.test(frame.url()) &&
              (await frame.evaluate((m) => !document.body.classList.contains('pc-nojs') && document.body.textContent!.includes(m), marker).catch(() => false))
            )
              return true
          return false
        },
        () => `the edit ${i} did not reach the page`,
      )
      reloadMs.push(performance.now() - t0)
      if (process.env.PARCOURS_BENCH_DEBUG) console.error(`reload ${i}: ${Math.round(performance.now() - t0)} ms`)
    }
    const sorted = [...reloadMs].sort((a, b) => a - b)
    if (process.env.PARCOURS_BENCH_DEBUG) console.error(stdout)
    return { coldReadyMs, coldFirstPageMs, reloadMs, medianMs: sorted[Math.floor(sorted.length / 2)]!, minMs: sorted[0]!, maxMs: sorted.at(-1)!, file: options.module }
  } finally {
    child.kill('SIGINT')
    await browser.close()
    await writeFile(path, original)
  }
}

/** Polls `probe` until it gives a value; throws with `why()` after LIMIT_MS. */
async function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, why: () => string): Promise<T> {
  const deadline = performance.now() + LIMIT_MS
  for (;;) {
    const value = await probe()
    if (value) return value
    if (performance.now() > deadline) throw new Error(why())
    await new Promise((r) => setTimeout(r, 10))
  }
}

declare const document: { body: { classList: { contains(name: string): boolean }; textContent: string | null } }
