// The front matter fast path (src/compiler/parse/simple-yaml.ts) must say exactly what the `yaml`
// package says, value and positions, whenever it accepts a text; otherwise it must refuse it.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { splitFrontMatter } from '../../../src/compiler/parse/front-matter.js'
import { readSimpleYaml } from '../../../src/compiler/parse/simple-yaml.js'
import { parseYaml, parseYamlDocument } from '../../../src/compiler/parse/yaml-source.js'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* sources(path)
    else if (/\.(md|ya?ml)$/.test(entry.name)) yield path
  }
}

/**
 * Every place a diagnostic can point at: each key, its value, each item, and paths that miss.
 * Returns whether the text took the fast path.
 */
function samePositions(text: string): boolean {
  const fast = parseYaml(text, 'f.md', 2)
  const full = parseYamlDocument(text, 'f.md', 2)
  expect(fast.diagnostics).toEqual(full.diagnostics)
  expect(fast.source?.value).toEqual(full.source?.value)
  const value = (full.source?.value ?? {}) as Record<string, unknown>
  const paths: (string | number)[][] = [[], ['absent'], [0], ['absent', 0]]
  for (const [key, v] of Object.entries(value)) {
    paths.push([key], [key, 0], [key, 'x'], [key, 0, 'x'], [key, 99])
    if (Array.isArray(v)) v.forEach((_, i) => paths.push([key, i]))
  }
  for (const path of paths)
    for (const what of ['key', 'value'] as const) expect(fast.source?.locate(path, what), `${JSON.stringify(path)} ${what}`).toEqual(full.source?.locate(path, what))
  return readSimpleYaml(text) !== undefined
}

describe('front matter without the YAML document model', () => {
  it('reads what yaml reads, at the same positions, on every module and course file of the repository', () => {
    let accepted = 0
    let files = 0
    for (const path of [...sources(join(ROOT, 'content')), ...sources(join(ROOT, 'test/fixtures')), ...sources(join(ROOT, 'starter'))]) {
      const text = readFileSync(path, 'utf8')
      const split = path.endsWith('.md') ? splitFrontMatter(text) : { kind: 'yaml' as const, matter: text }
      if (split.kind !== 'yaml') continue
      files++
      if (samePositions(split.matter)) accepted++
    }
    expect(files).toBeGreaterThan(100)
    // The usual front matter takes the fast path.
    expect(accepted).toBeGreaterThan(files / 2)
  })

  it('leaves to yaml what it is not sure of', () => {
    const refused = [
      'title: Le RGPD : les bases',
      'id: a\nid: b',
      'title: x # comment',
      'duration: 030',
      'duration: 1.5',
      'duration: -3',
      'title: true',
      'title: null',
      'title: "a \\" b"',
      "title: 'l''école'",
      'title: 2024 en bref',
      'objectives:',
      'objectives:\n- a',
      'objectives:\n  - a\n   - b',
      'objectives:\n  - 12',
      'objectives:\n  - a\n    suite',
      'title: a\n\nid: b',
      'title:\ta',
      'title: a\r\nid: b',
      'theme:\n  logo: x',
      'title: [a, b]',
      'title: &x a',
      'title: ~',
      'title: a ',
      '',
    ]
    for (const text of refused) expect(samePositions(text), text).toBe(false)
  })

  it('accepts the common shapes, with the values and positions yaml gives', () => {
    const accepted = [
      'id: m1\ntitle: "Module 1 : repères"\nduration: 30\nobjectives:\n  - Situer les enjeux du thème « numérique » pour l\'établissement\n  - "Deux : points"\n  - \'Trois\'',
      'id: m1\ntitle: Module [1] {a}\nduration: 0\npassingScore: 80\nobjectives:\n    -   Un objectif',
      "title: 'Module'\nunknown-key: valeur d'été\nduration: 999999999",
      'objectives:\n  - a\nid: x',
    ]
    for (const text of accepted) expect(samePositions(text), text).toBe(true)
  })
})
