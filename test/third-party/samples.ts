// Third-party sample packages (Rustici "Golf Explained", CC BY 3.0) are not part of the
// repository: the opt-in suite `npm run test:third-party` (test/third-party/run.js) reads them
// from PARCOURS_SAMPLES, by default ../shared/samples/third-party beside the clone. The default
// suite never reads them.

import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

export const SAMPLES_DIR = resolve(process.env.PARCOURS_SAMPLES ?? resolve(import.meta.dirname, '../../../shared/samples/third-party'))

/** Why the samples cannot be read, or undefined when they are there. */
export function missingSamples(): string | undefined {
  if (existsSync(SAMPLES_DIR)) return undefined
  return (
    `Third-party samples not found in ${SAMPLES_DIR}.\n` +
    'These tests play the Rustici "Golf Explained" SCORM packages, which are not in the repository. ' +
    'Put the zips (golf-scorm12-singlesco.zip, golf-scorm12-multisco-runtimeminimum.zip, ' +
    'golf-scorm2004-3rd-runtimebasic.zip…) in a folder and run: PARCOURS_SAMPLES=/that/folder npm run test:third-party'
  )
}

/** Absolute path of a third-party sample package, e.g. sample('golf-scorm12-singlesco.zip'). */
export function sample(file: string): string {
  const missing = missingSamples()
  if (missing) throw new Error(missing)
  const path = resolve(SAMPLES_DIR, file)
  if (!existsSync(path)) throw new Error(`${file} is not in ${SAMPLES_DIR}`)
  return path
}
