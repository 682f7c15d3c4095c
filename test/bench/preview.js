/**
 * `parcours preview` timings (test/bench/preview-entry.ts, bundled here with esbuild: it reuses
 * the tests' Chromium finder, written in TypeScript).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import * as esbuild from 'esbuild'

export async function loadPreviewBench(root) {
  // Inside the checkout, where the bundle's external imports find node_modules.
  const tmp = await mkdtemp(join(root, 'node_modules', '.parcours-bench-preview-'))
  const bundle = join(tmp, 'preview.mjs')
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['test/bench/preview-entry.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    logLevel: 'warning',
    // playwright-core finds its own files at run time: left in node_modules.
    external: ['playwright-core', '@sparticuz/chromium'],
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  })
  const module = await import(bundle)
  return { previewBench: module.previewBench, cleanup: () => rm(tmp, { recursive: true, force: true }) }
}
