import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { stateKey } from '../../../src/shared/state-key.js'
import { sampleSco, scoHtml } from '../../fixtures/runtime/sco.js'

// The HTML fixtures are what the runtime's browser checks open (with ../../../lib/runtime/).
// They follow the DOM of templates/; `npx vitest run -u` rewrites them after a change here.
const SCRIPT = '../../../lib/runtime/parcours.js'

describe('runtime fixtures', () => {
  it.each(['scorm12', 'scorm2004'] as const)('sample-%s.html is up to date', async (version) => {
    await expect(scoHtml(sampleSco(version), SCRIPT)).toMatchFileSnapshot(`../../fixtures/runtime/sample-${version}.html`)
  })

  it('uses the compiler’s keys: pages, questions and modules have distinct state keys', () => {
    const data = sampleSco()
    const keys = [...data.pages.map((p) => p.key), ...data.questions.map((q) => q.key), ...data.modules.map((m) => stateKey(m.id))]
    expect(new Set(keys).size).toBe(keys.length)
    const html = scoHtml(data)
    for (const p of data.pages) expect(html).toContain(`data-page="${p.id}"`)
    for (const q of data.questions) expect(html).toContain(`data-question="${q.id}"`)
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
