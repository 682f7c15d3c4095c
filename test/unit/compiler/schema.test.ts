import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../../src/compiler/diagnostics.js'
import { COURSE_SCHEMA } from '../../../src/compiler/parse/course-config.js'
import { MODULE_SCHEMA } from '../../../src/compiler/parse/front-matter.js'
import { validate, type Schema } from '../../../src/compiler/parse/schema.js'
import { parseYaml } from '../../../src/compiler/parse/yaml-source.js'

const SCHEMA: Schema = {
  id: { type: 'string', required: true, pattern: /^[a-z]+$/, expected: 'a-z' },
  title: { type: 'string', required: true, maxLength: 10 },
  score: { type: 'number', min: 0, max: 100 },
  count: { type: 'number', min: 1, max: 9, integer: true },
  mode: { type: 'enum', values: ['all', 'none'] },
  items: { type: 'strings', minItems: 1 },
  nested: { type: 'object', fields: { pages: { type: 'enum', values: ['all', 'none'] } } },
  open: { type: 'object', fields: {}, open: true },
}

function check(text: string, schema: Schema = SCHEMA): [string, number | undefined, number | undefined, Diagnostic['params']][] {
  const { source, diagnostics } = parseYaml(text, 'f.yml')
  expect(diagnostics).toEqual([])
  return validate(source!, schema, 'f.yml').map((d) => [d.code, d.line, d.column, d.params])
}

describe('validate', () => {
  it('accepts a valid document, numbers as text included', () => {
    expect(check('id: abc\ntitle: 2024\nscore: 12.5\ncount: 3\nmode: all\nitems:\n  - a\n  - 2\nnested:\n  pages: none\nopen:\n  anything: 1\n')).toEqual([])
  })

  it('reports an unknown key with the closest known key, or the allowed keys', () => {
    expect(check('id: abc\ntitle: T\nscroe: 1\nzzzzzzzz: 2\nnested:\n  page: all\n')).toEqual([
      ['config/unknown-key', 3, 1, { key: 'scroe', didYouMean: 'score' }],
      ['config/unknown-key', 4, 1, { key: 'zzzzzzzz', allowed: 'id, title, score, count, mode, items, nested, open' }],
      ['config/unknown-key', 6, 3, { key: 'nested.page', didYouMean: 'pages' }],
    ])
  })

  it('reports a missing required key at the start of its mapping, unless a typo of it is already reported', () => {
    expect(check('title: T\n')).toEqual([['config/missing-key', 1, 1, { key: 'id', expected: 'a-z' }]])
    expect(check('title: T\nidd: abc\n')).toEqual([['config/unknown-key', 2, 1, { key: 'idd', didYouMean: 'id' }]])
  })

  it('reports invalid values at the value, with what is expected', () => {
    expect(check('id: ABC\ntitle: "   "\nscore: 150\ncount: 2.5\nmode: toutes\nitems: []\nnested: all\n')).toEqual([
      ['config/invalid-value', 1, 5, { key: 'id', value: '"ABC"', expected: 'a-z' }],
      ['config/invalid-value', 2, 8, { key: 'title', value: '"   "', expected: '%text%' }],
      ['config/invalid-value', 3, 8, { key: 'score', value: '150', expected: '0–100' }],
      ['config/invalid-value', 4, 8, { key: 'count', value: '2.5', expected: '1, 2, 3… 9' }],
      ['config/invalid-value', 5, 7, { key: 'mode', value: '"toutes"', expected: 'all | none' }],
      ['config/invalid-value', 6, 8, { key: 'items', value: '[]', expected: '%list% (≥ 1)' }],
      ['config/invalid-value', 7, 9, { key: 'nested', value: '"all"', expected: '{ pages }' }],
    ])
  })

  it('reports a too long text', () => {
    expect(check('id: abc\ntitle: Un titre bien trop long\n')).toEqual([['config/invalid-value', 2, 8, { key: 'title', value: '"Un titre bien trop long"', expected: '%text%' }]])
  })

  it('reports a list item that YAML read as a mapping (a colon in the text)', () => {
    expect(check('id: abc\ntitle: T\nitems:\n  - Lire\n  - Savoir : lire\n')).toEqual([['yaml/colon-in-value', 5, 5, { key: 'items' }]])
  })

  it('takes an empty document for an empty mapping, and refuses a list', () => {
    expect(check('').map(([code, , , params]) => [code, params?.key])).toEqual([
      ['config/missing-key', 'id'],
      ['config/missing-key', 'title'],
    ])
    expect(check('- a\n')).toEqual([['config/invalid-value', 1, 1, { key: '/', value: '["a"]', expected: '{ id, title, score, count, mode, items, nested, open }' }]])
  })

  it('accepts the README examples', () => {
    const course = `id: numerique-educatif
title: Piloter le numérique éducatif
language: fr
version: 1.0.0
description: Une phrase qui dit à quoi sert la formation.
audience: Chefs d'établissement, IEN, équipes DANE/DRANE
duration: 180
modules:
  - 01-cadre-de-confiance.md
  - 02-rgpd
passingScore: 80
completion:
  pages: all
  minTime: 0
attempts: 3
`
    expect(check(course, COURSE_SCHEMA)).toEqual([])
    const front = "id: rgpd-ecole\ntitle: Le RGPD à l'école\nduration: 50\nobjectives:\n  - Identifier la base légale d'un traitement scolaire\npassingScore: 75\n"
    expect(check(front, MODULE_SCHEMA)).toEqual([])
  })
})
