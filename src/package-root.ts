/**
 * parcours' own folder (where package.json, templates/ and the built runtime are), found from the
 * running module whatever runs it: src/ under vitest, the bundle in lib/ once built, a global
 * install under node_modules. Walks up to the package.json named "parcours".
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

let root: string | undefined

export function packageRoot(): string {
  if (root) return root
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = join(dir, 'package.json')
    if (existsSync(candidate) && (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'parcours') return (root = dir)
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`parcours' package.json not found above ${fileURLToPath(import.meta.url)}`)
    dir = parent
  }
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version
}
