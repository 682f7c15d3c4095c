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
    else if (v && typeof v === 'object') for (const sub of Object.keys(v)) paths.push([key, sub], [key, sub, 'x'], [key, sub, 0])
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

  it('reads the course.yml of the sample and of `parcours init` (comments, version, completion:) without yaml', () => {
    for (const path of ['content/course.yml', 'starter/course.yml']) expect(samePositions(readFileSync(join(ROOT, path), 'utf8')), path).toBe(true)
  })

  it('leaves to yaml what it is not sure of', () => {
    const refused = [
      'title: Le RGPD : les bases',
      'id: a\nid: b',
      'duration: 030',
      'duration: 1.5',
      'duration: -3',
      'title: true',
      'title: null',
      'title: "a \\" b"',
      "title: 'l''école'",
      'duration: 1e5',
      'duration: 0x1F',
      'duration: 0o17',
      'duration: 2.',
      'duration: +1',
      'objectives:\n  - 1.5',
      'objectives:',
      'objectives:\n- a',
      'objectives:\n  - a\n   - b',
      'objectives:\n  - 12',
      'objectives:\n  - a\n    suite',
      'title:\ta',
      'title: a\r\nid: b',
      'theme:\n  colors:\n    accent: x',
      'completion:\n  pages: all\n   minTime: 0',
      'completion:\n    pages: all\n  minTime: 0',
      'completion:\n  pages: all\n  - x',
      'completion:\n  pages: all\n  pages: none',
      'completion:\n  pages: true',
      'completion:',
      'completion: # later\nid: x',
      'objectives:\n  - a\n  b: c',
      'title: a\n  b: c',
      'title: a\n# comment\n  suite',
      'title: "a"#c',
      "title: 'a' b",
      "title: 'l''école' # c",
      'title: "a \\" b" # c',
      'title: C# avancé',
      'version: 1.0',
      '---\ntitle: a',
      'title: [a, b]',
      'title: &x a',
      'title: ~',
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
      'title: x # comment',
      'title: a \n\nid: b\n',
      '# comment\n\n  # indented comment\ntitle: "a" # c\nid: \'b\'   #d',
      'version: 1.0.0\nother: 01.2.3.4\nodd: 1..0\nodder: 1.0.0e5',
      'title: 2024 en bref\nat: 1:30\nwhat: 3 modules, 2 heures\nmodules:\n  - 01-module.md\n  - 2e-partie',
      'theme:\n  logo: x',
      'completion:   # when\n  pages: all  # all pages: seen\n\n  # comment\n  minTime: 0\nattempts: 3\n',
      'objectives:   # c\n  # c\n  - a # c\n\n  - "b" # d\n# e\n  - c\nid: x',
      'a:\n    b: 1.0.0\n    c: "x : y"\nd: e',
    ]
    for (const text of accepted) expect(samePositions(text), text).toBe(true)
  })

  it('agrees with yaml on every text it accepts among 4,000 generated from the shapes it reads and their near misses', () => {
    // Texts built like a course.yml or a front matter, with the values and the slips that look like
    // them (seeded: the same texts on every run).
    const keys = ['id', 'title', 'completion', 'objectives', 'on', 'x_y', 'a-b', 'pages', 'minTime', 'version']
    const values = [
      'a',
      'Module 1',
      '01-module.md',
      '1.0.0',
      '1.5',
      '1e3',
      '0x1F',
      '030',
      '12',
      '0',
      '-3',
      '+1',
      'true',
      'null',
      '~',
      '"q : r"',
      "'s'",
      '"a"#c',
      "'l''e'",
      'a # c',
      'a#b',
      'C# b',
      'x: y',
      'a:',
      '[a]',
      '&x a',
      '*x',
      '|',
      '>',
      '- a',
      '"a \\" b"',
      ' # c',
      '1:30',
      '.5',
      "d'été, ok",
      '"x" # c',
    ]
    let seed = 42
    // mulberry32: a small seeded generator whose low bits are as random as its high ones.
    const random = (n: number): number => {
      seed = (seed + 0x6d2b79f5) | 0
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) % n
    }
    const pick = <T>(list: readonly T[]): T => list[random(list.length)]!
    const value = (): string => (random(3) ? pick(values.slice(0, 4)) : pick(values))
    const noise = (): string[] => (random(4) ? [] : [pick(['', '# c', '  # c', '   ', '    - stray', '  suite'])])
    const text = (): string => {
      const lines: string[] = []
      for (let entries = 1 + random(5); entries > 0; entries--) {
        const key = pick(keys)
        const shape = random(3)
        if (shape === 0) lines.push(`${key}: ${value()}`)
        else {
          lines.push(`${key}:${pick(['', '', ' # c'])}`)
          const indent = ' '.repeat(1 + random(3))
          for (let n = random(4); n > 0; n--) {
            const at = random(8) ? indent : indent + ' '
            lines.push(shape === 1 ? `${at}- ${value()}` : `${at}${pick(keys)}: ${value()}`, ...noise())
          }
        }
        lines.push(...noise())
      }
      return lines.join('\n')
    }
    let accepted = 0
    for (let i = 0; i < 4000; i++) {
      const generated = text()
      if (readSimpleYaml(generated) === undefined) continue
      accepted++
      expect(samePositions(generated), generated).toBe(true)
    }
    // Enough of them take the fast path for the comparison to mean something.
    expect(accepted).toBeGreaterThan(400)
  })
})
