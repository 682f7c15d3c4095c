/**
 * Nothing an author writes is ever run. gray-matter picks a parser from the word after the
 * opening fence and evaluates `---js` front matter; parcours splits the front matter itself and
 * refuses any fence but YAML. Each payload below would write a marker file and set a global if it
 * ran; the test checks that it did not, for every engine name gray-matter knows
 * (gray-matter/lib/engine.js: js, javascript, coffee, coffeescript, cson, json, yaml, yml) and a
 * few it would look up (toml…).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseFrontMatter, splitFrontMatter } from '../../../src/compiler/parse/front-matter.js'

const dir = mkdtempSync(join(tmpdir(), 'parcours-fm-'))
const marker = join(dir, 'ran')
const FLAG = '__parcoursFrontMatterRan'
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Valid JavaScript that writes the marker and sets the flag, then returns a valid front matter. */
const payload = `(globalThis.${FLAG} = true, require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x'), { id: 'm1', title: 'M', duration: 5, objectives: ['o'] })`

const ENGINES = ['js', 'javascript', 'JS', 'Javascript', 'coffee', 'coffeescript', 'cson', 'json', 'toml', 'ts', 'node', 'eval']

function module(fence: string): string {
  return `${fence}\n${payload}\n---\n\n## Page {#p1}\n\nTexte.\n`
}

describe('front matter in another language than YAML', () => {
  it('the payload is real: evaluated as JavaScript, it writes the marker (control)', () => {
    const run = new Function('require', `return ${payload}`) as (r: NodeJS.Require) => unknown
    run(createRequire(import.meta.url))
    expect(existsSync(marker)).toBe(true)
    rmSync(marker)
    delete (globalThis as Record<string, unknown>)[FLAG]
  })

  it.each(ENGINES.flatMap((name) => [`---${name}`, `--- ${name}`, `---${name}  `]))('%j: refused at 1:4, never run, the body still checked', (fence) => {
    const result = parseFrontMatter(module(fence), 'm1.md')
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['module/front-matter-not-yaml', 1, 4]])
    expect(result.diagnostics[0]!.params).toEqual({ language: fence.slice(3).trim() })
    expect(result.data).toBeUndefined()
    expect(result.body).toBe('\n## Page {#p1}\n\nTexte.\n')
    expect(result.bodyLine).toBe(3)
    expect(existsSync(marker)).toBe(false)
    expect((globalThis as Record<string, unknown>)[FLAG]).toBeUndefined()
  })

  it('an unclosed fence in another language is refused as such, without reading further', () => {
    const result = parseFrontMatter(`---js\n${payload}\n`, 'm1.md')
    expect(result.diagnostics.map((d) => d.code)).toEqual(['module/front-matter-not-yaml'])
    expect(result.body).toBeUndefined()
    expect(existsSync(marker)).toBe(false)
  })

  it('text that is both JavaScript and YAML is refused too (it used to build with exit 0)', () => {
    const both = "---js\n{ id: 'm1', title: 'M', duration: 5, objectives: ['o'] }\n---\n\n## P {#p}\n\nT.\n"
    expect(parseFrontMatter(both, 'm1.md').diagnostics.map((d) => d.code)).toEqual(['module/front-matter-not-yaml'])
  })
})

describe('YAML fences', () => {
  it.each(['---', '---yaml', '---yml', '--- YAML ', '---  '])('%j opens YAML front matter', (fence) => {
    const result = parseFrontMatter(`${fence}\nid: m1\ntitle: M\nduration: 5\nobjectives: [o]\n---\n## P {#p}\n`, 'm1.md')
    expect(result.diagnostics).toEqual([])
    expect(result.data).toMatchObject({ id: 'm1', idAt: { line: 2, column: 5 } })
    expect(result.bodyLine).toBe(6)
  })

  it('positions in the YAML are file positions (line 1 is the fence)', () => {
    const result = parseFrontMatter('---\nid: m1\ntitle: M\nduration: 5\nobjectives: [o]\ncolour: red\n---\n## P\n', 'm1.md')
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['config/unknown-key', 6, 1]])
  })

  it('a first line of four dashes is a Markdown rule, not a fence', () => {
    expect(splitFrontMatter('----\n## P\n')).toEqual({ kind: 'none' })
  })

  it('no closing fence: unclosed', () => {
    expect(splitFrontMatter('---\nid: m1\n## P\n')).toEqual({ kind: 'unclosed' })
  })
})
