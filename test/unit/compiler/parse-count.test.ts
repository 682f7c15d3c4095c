// Each command parses each module once (issue 14): the read stage parses the modules to find their
// images, and the analysis takes that parse from the cache. `check` used to parse them twice.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { build, check } from '../../../src/index.js'
import { parseModule } from '../../../src/compiler/parse/parse-module.js'
import { CONTENT } from '../../helpers/compile.js'

vi.mock('../../../src/compiler/parse/parse-module.js', async (original) => {
  const actual = await original<typeof import('../../../src/compiler/parse/parse-module.js')>()
  return { ...actual, parseModule: vi.fn(actual.parseModule) }
})

const parsed = (): string[] => vi.mocked(parseModule).mock.calls.map(([source]) => source.path)
const MODULES = ['01-cadre-de-confiance.md', '02-rgpd-ecole.md', '03-pilotage-ent/index.md']

describe('one parse per module', () => {
  beforeEach(() => {
    vi.mocked(parseModule).mockClear()
  })

  it('in parcours check', async () => {
    const result = await check(CONTENT)
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(parsed().sort()).toEqual(MODULES)
  })

  it('in parcours build', async () => {
    await build(CONTENT, { out: mkdtempSync(join(tmpdir(), 'parcours-parse-count-')), formats: ['scorm12', 'scorm2004'] })
    expect(parsed().sort()).toEqual(MODULES)
  })
})
