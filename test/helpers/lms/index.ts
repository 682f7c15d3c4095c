// Public entry of the strict test LMS (see README.md in this folder). Vitest hooks live in
// vitest.ts (useLms, sample) so that this entry stays usable outside vitest.

export { startLms } from './start.js'
export type { LmsOptions, LmsServer } from '../../../src/lms/server.js'
export { launchBrowser, findChromium, type TestBrowser } from './browser.js'
export { openSco, apiCall, closeTab, collectDialogs, type OpenedSco, type ApiResult } from './client.js'
export { unzipPackage, type PackageFiles } from './zip.js'
export { minimalPackage, type MinimalPackageOptions } from './fixtures.js'
export { parseManifest, findSco, detectVersion, type ManifestInfo, type ScoInfo } from '../../../src/lms/manifest.js'
export type { ApiCall, CommitRecord, HostEvent, LaunchMode, ScormVersion, Tracks, Violation, ViolationKind } from '../../../src/lms/types.js'
