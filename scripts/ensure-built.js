// In a git checkout, bin/parcours.js calls this before loading lib/: it (re)builds lib/ when it is
// missing or older than the sources, so that `npm ci` then `npx parcours build` just works and an
// edited src/ is never run stale. No install script does it: npm 11 blocks and warns about those
// (allowScripts), which would alarm a trainer installing parcours. Installed packages ship lib/
// prebuilt and no scripts/ folder, so this never runs for them.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outputs = ['lib/cli.js', 'lib/index.js', 'lib/runtime/parcours.js', 'lib/runtime/parcours.css'].map((p) => join(root, p))
const sources = [join(root, 'src'), join(root, 'scripts'), join(root, 'package.json')]

function newest(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))))
}

const oldestOutput = Math.min(...outputs.map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0)))
if (oldestOutput < Math.max(...sources.map(newest))) {
  if (!existsSync(join(root, 'node_modules', 'esbuild'))) {
    console.error('parcours n’est pas compilé dans ce dossier : lancez « npm ci » puis réessayez.\nparcours is not built in this folder: run "npm ci" and try again.')
    process.exit(70)
  }
  console.error('Compilation de parcours (lib/)… / Building parcours (lib/)…')
  for (const script of ['build-runtime.js', 'build-cli.js']) {
    const run = spawnSync(process.execPath, [join(root, 'scripts', script)], { stdio: ['ignore', 'ignore', 'inherit'] })
    if (run.status !== 0) process.exit(70)
  }
}
