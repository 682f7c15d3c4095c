#!/usr/bin/env node
// `npm run test:third-party`: the opt-in suite that plays third-party SCORM packages (Rustici
// "Golf Explained", CC BY 3.0), which are not in the repository. Says plainly where it looked
// when they are missing, then runs vitest with test/third-party's config.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')
const dir = resolve(process.env.PARCOURS_SAMPLES ?? resolve(root, '../shared/samples/third-party'))
if (!existsSync(dir)) {
  console.error(`Third-party samples not found: ${dir} does not exist.
These tests play the Rustici "Golf Explained" SCORM packages (golf-scorm12-singlesco.zip,
golf-scorm12-multisco-runtimeminimum.zip, golf-scorm2004-3rd-runtimebasic.zip, …), which are not
part of the repository. Put them in a folder and run:
  PARCOURS_SAMPLES=/path/to/that/folder npm run test:third-party
(By default the folder is ../shared/samples/third-party beside the repository.)`)
  process.exit(1)
}
const vitest = resolve(root, 'node_modules/vitest/vitest.mjs')
const run = spawnSync(process.execPath, [vitest, 'run', '--config', 'vitest.third-party.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PARCOURS_SAMPLES: dir },
})
process.exit(run.status ?? 1)
