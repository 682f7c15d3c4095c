#!/usr/bin/env node
// Builds the browser runtime that the compiler copies into every package root:
//   src/runtime/main.ts       → lib/runtime/parcours.js   (IIFE, ES2017, minified, no source map)
//   src/runtime/parcours.css  → lib/runtime/parcours.css  (minified)
// Deterministic: same sources, same bytes (no timestamps, no absolute paths, no legal comments).
// Fails if the gzipped script outgrows its budget: it is content-side code, loaded by every SCO.

import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import * as esbuild from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = join(root, 'lib', 'runtime')
// 13 KiB: +0.7 KiB in issue 12 for the synchronous SHA-256 that judges answers without carrying the key (src/shared/answer-seal.ts).
// 16 KiB: +3 KiB for the learner's journey (end page, history, what is new after an update: issues 9, 11)
// and lazy pages (issue 14). 16.5 KiB: +0.25 KiB for a page change's commit and address made once the
// page is drawn (issue 14). With the CSS (≈ 3.5 KB) the runtime stays under the README's 20 KB target.
const JS_BUDGET_GZIP = 16.5 * 1024

const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))

const js = await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['src/runtime/main.ts'],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2017',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  charset: 'ascii',
  define: { __PARCOURS_VERSION__: JSON.stringify(pkg.version) },
  write: false,
  logLevel: 'warning',
})

const css = await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['src/runtime/parcours.css'],
  bundle: true,
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  charset: 'utf8',
  write: false,
  logLevel: 'warning',
})

await mkdir(outDir, { recursive: true })
const outputs = [
  ['parcours.js', js.outputFiles[0].contents],
  ['parcours.css', css.outputFiles[0].contents],
]
for (const [name, bytes] of outputs) {
  await writeFile(join(outDir, name), bytes)
  const gz = gzipSync(bytes, { level: 9 }).length
  console.log(`lib/runtime/${name}: ${bytes.length} bytes, ${gz} gzipped`)
  if (name.endsWith('.js') && gz > JS_BUDGET_GZIP) {
    console.error(`parcours.js is over its budget: ${gz} > ${JS_BUDGET_GZIP} bytes gzipped`)
    process.exitCode = 1
  }
}
