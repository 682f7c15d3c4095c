import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { stateKey } from '../../../src/shared/state-key.js'
import { compileSco, sampleSco } from '../../helpers/sco.js'

describe('runtime fixtures (compiled from small courses)', () => {
  it('use the compiler’s keys: pages, questions and modules have distinct state keys', () => {
    const data = sampleSco()
    const keys = [...data.pages.map((p) => p.key), ...data.questions.map((q) => q.key), ...data.modules.map((m) => stateKey(m.id))]
    expect(new Set(keys).size).toBe(keys.length)
    expect(data.questions.filter((q) => q.scored)).toHaveLength(29)
  })

  it('are the compiled page itself: every page and question of the data is in the HTML', () => {
    const { data, html } = compileSco({ modules: [{ id: 'm', pages: [{ id: 'p', questions: [{ id: 'kc', type: 'truefalse', correct: ['f'] }] }] }] })
    for (const p of data.pages) expect(html).toContain(`data-page="${p.id}"`)
    for (const q of data.questions) expect(html).toContain(`data-question="${q.id}"`)
    expect(data.questions[0]).toMatchObject({ type: 'truefalse', correct: ['f'], scored: false })
  })
})

describe('runtime strings', () => {
  const dir = new URL('../../../src/runtime/', import.meta.url)
  const source = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(new URL(f, dir), 'utf8'))
    .join('\n')
  const used = new Set([...source.matchAll(/\bt\('([A-Za-z]+)'/g)].map((m) => m[1]!))
  // Keys chosen at run time: verdicts and results.
  for (const key of ['correct', 'wrong', 'partial', 'unanswered', 'assessmentPassed', 'assessmentFailed']) used.add(key)

  it.each(['fr', 'en'])('every key the runtime shows exists in ui.%s.json', (lang) => {
    const table = JSON.parse(readFileSync(new URL(`../../../src/i18n/ui.${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>
    expect([...used].filter((k) => typeof table[k] !== 'string')).toEqual([])
    expect(used.size).toBeGreaterThan(15)
  })
})
