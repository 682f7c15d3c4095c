import { describe, expect, it } from 'vitest'
import { parseYaml } from '../../../src/compiler/parse/yaml-source.js'

const TEXT = 'id: cas\ntitle: Cas\nmodules:\n  - 01-intro.md\n  - 02-rgpd\ncompletion:\n  pages: all\n'

describe('parseYaml', () => {
  it('parses to plain data', () => {
    const { source, diagnostics } = parseYaml(TEXT, 'course.yml')
    expect(diagnostics).toEqual([])
    expect(source!.value).toEqual({ id: 'cas', title: 'Cas', modules: ['01-intro.md', '02-rgpd'], completion: { pages: 'all' } })
  })

  it('locates keys, values and list items, 1-based', () => {
    const { source } = parseYaml(TEXT, 'course.yml')
    expect(source!.locate(['title'])).toEqual({ line: 2, column: 1 })
    expect(source!.locate(['title'], 'value')).toEqual({ line: 2, column: 8 })
    expect(source!.locate(['modules', 1], 'value')).toEqual({ line: 5, column: 5 })
    expect(source!.locate(['completion', 'pages'])).toEqual({ line: 7, column: 3 })
    expect(source!.locate(['completion', 'pages'], 'value')).toEqual({ line: 7, column: 10 })
  })

  it('falls back to the closest existing parent for a missing path', () => {
    const { source } = parseYaml(TEXT, 'course.yml')
    expect(source!.locate(['completion', 'minTime'])).toEqual({ line: 7, column: 3 })
    expect(source!.locate([], 'value')).toEqual({ line: 1, column: 1 })
  })

  it('shifts positions by firstLine', () => {
    const { source } = parseYaml('\nid: m1\ntitle: Module\n', 'm1.md', 1)
    expect(source!.locate(['title'])).toEqual({ line: 3, column: 1 })
    const shifted = parseYaml('id: m1\ntitle: Module\n', 'm1.md', 5)
    expect(shifted.source!.locate(['title'])).toEqual({ line: 6, column: 1 })
  })

  it('reports a syntax error where it is, with the parser reason', () => {
    const { source, diagnostics } = parseYaml('id: cas\nmodules:\n  - a.md\n passingScore: 80\n', 'course.yml')
    expect(source).toBeUndefined()
    expect(diagnostics).toEqual([
      { severity: 'error', code: 'yaml/syntax', file: 'course.yml', line: 4, column: 1, params: { reason: 'All mapping items must start at the same column' } },
    ])
  })

  it('explains a colon in a value (French typography) and a duplicate key', () => {
    expect(parseYaml('id: cas\ntitle: Le RGPD : les bases\n', 'course.yml').diagnostics).toEqual([
      { severity: 'error', code: 'yaml/colon-in-value', file: 'course.yml', line: 2, column: 8, params: { key: 'title' } },
    ])
    expect(parseYaml('title: A\nid: x\ntitle: B\n', 'course.yml').diagnostics).toEqual([
      { severity: 'error', code: 'yaml/duplicate-key', file: 'course.yml', line: 3, column: 1, params: { key: 'title' } },
    ])
  })

  it('reports one error per line', () => {
    const { diagnostics } = parseYaml('title: Note : 20 : 30\n', 'course.yml')
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['yaml/colon-in-value', 1]])
  })

  it('reports an unknown alias or an alias bomb instead of throwing', () => {
    expect(parseYaml('id: cas\naudience: *public\n', 'course.yml').diagnostics).toEqual([
      { severity: 'error', code: 'yaml/syntax', file: 'course.yml', line: 2, column: 11, params: { reason: 'Unresolved alias (the anchor must be set before the alias): public' } },
    ])
    const bomb = 'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n'
    expect(parseYaml(bomb, 'course.yml').diagnostics.map((d) => d.code)).toEqual(['yaml/syntax'])
  })

  it('reads an empty text as null', () => {
    expect(parseYaml('', 'course.yml').source!.value).toBeNull()
  })
})
