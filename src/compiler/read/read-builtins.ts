/** I/O in: what parcours itself brings to every package: templates, UI strings, the runtime. */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Lang } from '../../shared/sco-data.js'
import { readTree } from './read-tree.js'

export interface Builtins {
  /** Template path (relative to templates/) → source. */
  templates: Record<string, string>
  strings: Record<Lang, Record<string, string>>
  runtime: { js: string; css: string }
  generatorVersion: string
}

/** A path inside parcours' own folder, from src/compiler/read/ or from dist/lib/compiler/read/. */
function packagePath(relativePath: string): string {
  const compiled = fileURLToPath(import.meta.url).includes('/dist/lib/')
  return fileURLToPath(new URL(relativePath, new URL(compiled ? '../../../../' : '../../../', import.meta.url)))
}

let cached: Promise<Builtins> | undefined

/** Read once per process: preview and benchmarks compile many times. */
export function readBuiltins(): Promise<Builtins> {
  cached ??= load()
  return cached
}

async function load(): Promise<Builtins> {
  const tree = await readTree(packagePath('templates'))
  const templates = Object.fromEntries(Object.values(tree.files).map((f) => [f.path, f.text ?? '']))
  const [fr, en, js, css, pkg] = await Promise.all([
    readFile(packagePath('src/i18n/ui.fr.json'), 'utf8'),
    readFile(packagePath('src/i18n/ui.en.json'), 'utf8'),
    readFile(packagePath('dist/runtime/parcours.js'), 'utf8'),
    readFile(packagePath('dist/runtime/parcours.css'), 'utf8'),
    readFile(packagePath('package.json'), 'utf8'),
  ])
  return {
    templates,
    strings: { fr: JSON.parse(fr) as Record<string, string>, en: JSON.parse(en) as Record<string, string> },
    runtime: { js, css },
    generatorVersion: (JSON.parse(pkg) as { version: string }).version,
  }
}
