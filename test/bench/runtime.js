/** Bundles runtime-entry.ts (TypeScript, reuses the tests' Chromium finder) for run.js. */
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import * as esbuild from 'esbuild'

export async function loadRuntimeBench(root) {
  // Inside the checkout, where the bundle's external imports find node_modules.
  const tmp = await mkdtemp(join(root, 'node_modules', '.parcours-bench-runtime-'))
  const bundle = join(tmp, 'runtime.mjs')
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['test/bench/runtime-entry.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    logLevel: 'warning',
    external: ['playwright-core', '@sparticuz/chromium'],
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  })
  const module = await import(bundle)
  return { largeScoBench: module.largeScoBench, cleanup: () => rm(tmp, { recursive: true, force: true }) }
}
