// Bundles the browser side of the host page (host-page.ts + strict.ts + rules) into one
// classic script with esbuild, once per process. The TypeScript sources stay the single
// source of truth; nothing generated is written to the repository.

import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { ScormVersion } from '../../../src/lms/types.js'

let hostScript: Promise<string> | undefined

export function hostBundle(): Promise<string> {
  hostScript ??= build({
    entryPoints: [fileURLToPath(new URL('../../../src/lms/host-page.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome100',
    sourcemap: 'inline',
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text)
  return hostScript
}

const vendor = new Map<ScormVersion, Promise<Buffer>>()

/** scorm-again's classic (IIFE) bundles: dist/scorm12.js defines window.Scorm12API, etc. */
export function scormAgainBundle(version: ScormVersion): Promise<Buffer> {
  let p = vendor.get(version)
  if (!p) {
    const require = createRequire(import.meta.url)
    // The "require" condition of scorm-again's exports map points at dist/scorm12.js / dist/scorm2004.js.
    const file = require.resolve(version === 'scorm12' ? 'scorm-again/scorm12' : 'scorm-again/scorm2004')
    p = readFile(file)
    vendor.set(version, p)
  }
  return p
}
