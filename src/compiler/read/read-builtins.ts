/** I/O in: what parcours itself brings to every package: templates, UI strings, the runtime. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import en from '../../i18n/ui.en.json' with { type: 'json' }
import fr from '../../i18n/ui.fr.json' with { type: 'json' }
import { packageRoot, packageVersion } from '../../package-root.js'
import type { Lang } from '../../shared/sco-data.js'
import { listFiles } from './list-files.js'
import type { Precompiled } from '../render/templates.js'

/** Where `npm run build` puts the browser runtime (never in dist/, the courses' output folder). */
export const RUNTIME_DIR = 'lib/runtime'
/** Where scripts/build-cli.js puts parcours' templates compiled ahead (render/templates.ts). */
export const PRECOMPILED = 'lib/templates.json'

export interface Builtins {
  /** Template path (relative to templates/) → source. */
  templates: Record<string, string>
  /** The same compiled when parcours was built (lib/templates.json), each with its text's hash; none in a checkout not built. */
  precompiled?: Precompiled
  strings: Record<Lang, Record<string, string>>
  runtime: { js: string; css: string }
  generatorVersion: string
}

let cached: Promise<Builtins> | undefined

/** Read once per process: preview and benchmarks compile many times. */
export function readBuiltins(): Promise<Builtins> {
  cached ??= load()
  return cached
}

async function load(): Promise<Builtins> {
  const root = packageRoot()
  // parcours' own templates: all of them, as they are (a course folder is read by readTree).
  const listing = await listFiles(join(root, 'templates'))
  const paths = [...listing.files.keys()].filter((p) => p.endsWith('.hbs')).sort()
  const templates = Object.fromEntries(await Promise.all(paths.map(async (p) => [p, await readFile(join(root, 'templates', p), 'utf8')] as const)))
  const [js, css] = await Promise.all([readFile(join(root, RUNTIME_DIR, 'parcours.js'), 'utf8'), readFile(join(root, RUNTIME_DIR, 'parcours.css'), 'utf8')])
  const precompiled = await readFile(join(root, PRECOMPILED), 'utf8').then(
    (text) => JSON.parse(text) as Precompiled,
    () => undefined,
  )
  return { templates, strings: { fr, en }, runtime: { js, css }, generatorVersion: packageVersion(), ...(precompiled && { precompiled }) }
}
