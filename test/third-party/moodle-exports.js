#!/usr/bin/env node
// `npm run test:moodle-exports`: the certify readers on the real Moodle 4.5 downloads, which are
// not in the repository. Says plainly where it looked when they are missing.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')
const dir = resolve(process.env.PARCOURS_MOODLE_EXPORTS ?? resolve(root, '../shared/samples/moodle-exports'))
if (!existsSync(resolve(dir, 'en', '_manifest.json'))) {
  console.error(`Moodle exports not found: ${dir} has no en/_manifest.json.
These tests read real Moodle 4.5 report downloads (activity completion, course completion, gradebook,
SCORM reports, in English and French), which are not part of the repository. Point to them with:
  PARCOURS_MOODLE_EXPORTS=/path/to/moodle-exports npm run test:moodle-exports
(By default the folder is ../shared/samples/moodle-exports beside the repository.)`)
  process.exit(1)
}
const vitest = resolve(root, 'node_modules/vitest/vitest.mjs')
const run = spawnSync(process.execPath, [vitest, 'run', '--config', 'vitest.third-party.config.ts', 'test/third-party/certify-moodle-exports.test.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PARCOURS_MOODLE_EXPORTS: dir },
})
process.exit(run.status ?? 1)
