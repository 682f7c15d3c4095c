/**
 * Bundles a TypeScript bench entry (it reuses src/ and the tests' helpers) with esbuild and imports
 * it. The bundle is written inside the checkout (node_modules/.parcours-bench-*), where its
 * external imports find node_modules and parcours' folder (lib/) is found from where it sits.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import * as esbuild from 'esbuild'

export async function loadBenchEntry(root, entry) {
  const name = basename(entry, '.ts')
  const tmp = await mkdtemp(join(root, 'node_modules', `.parcours-bench-${name}-`))
  const bundle = join(tmp, `${name}.mjs`)
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
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
  // `dir`: a scratch folder removed with the bundle; `bundle`: its path, for a child process to import.
  return { module: await import(bundle), bundle, dir: tmp, cleanup: () => rm(tmp, { recursive: true, force: true }) }
}
