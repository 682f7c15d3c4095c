// startLms for tests: the strict LMS of src/lms with its browser side bundled from the sources
// by esbuild (bundle.ts), so that an edited strict rule is what the next test runs.

import { startLms as startStrictLms, type LmsOptions, type LmsServer } from '../../../src/lms/server.js'
import { hostBundle, scormAgainBundle } from './bundle.js'

export function startLms(options: Omit<LmsOptions, 'assets'> = {}): Promise<LmsServer> {
  return startStrictLms({ assets: { host: hostBundle, vendor: scormAgainBundle }, ...options })
}
