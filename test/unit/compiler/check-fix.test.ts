/** `parcours check --fix`: French typography rewritten in place, safely, idempotently; and the check command's exit codes. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { fixTypography } from '../../../src/compiler/check/typography.js'
import { check } from '../../../src/index.js'

const CASE = fileURLToPath(new URL('../../fixtures/diagnostics/warnings-typography/content/', import.meta.url))
const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-fix-'))
  dirs.push(dir)
  cpSync(CASE, dir, { recursive: true })
  return dir
}

describe('check --fix', () => {
  it('fixes only typography, says what it changed, and fixing twice is fixing once', async () => {
    const dir = copy()
    const before = readFileSync(join(dir, 'm1.md'), 'utf8')
    const first = await check(dir, { fix: true })
    const once = readFileSync(join(dir, 'm1.md'), 'utf8')
    expect(first.fixed.map((f) => f.file)).toEqual(['m1.md'])
    expect(first.fixed[0]!.changes.length).toBeGreaterThan(0)
    expect(first.diagnostics.filter((d) => d.code.startsWith('typography/'))).toEqual([])
    // Only no-break spaces and « » differ: remove them and the texts are equal up to spaces.
    const plain = (s: string) => s.replace(/[\u00a0\u202f ]/g, '').replace(/[«»]/g, '"')
    expect(plain(once)).toBe(plain(before))
    // Code, URLs, ids and attributes are untouched.
    for (const kept of ['`a ? b : c`', 'https://exemple.fr/?a=b', '(https://exemple.fr/?q=1)', '{#p1}', 'id: m1']) expect(once).toContain(kept)
    const second = await check(dir, { fix: true })
    expect(second.fixed).toEqual([])
    expect(readFileSync(join(dir, 'm1.md'), 'utf8')).toBe(once)
  })

  it('never adds a character to a question answer (it would drop learners\u2019 answers)', () => {
    const text = '---\nid: m\n---\n\n## P {#p}\n\n::: qcu q\nVrai?\n\n- [x] "Oui"!\n- [ ] Non ?\n:::\n'
    const fixed = fixTypography('m.md', text).text
    expect(fixed).toContain('- [x] "Oui"!\n')
    expect(fixed).toContain('- [ ] Non\u202f?\n')
    expect(fixed).toContain('Vrai\u202f?')
    expect(fixTypography('m.md', fixed).changes).toEqual([])
  })

  it('gives the summary line and counts', async () => {
    const dir = copy()
    writeFileSync(join(dir, 'm1.md'), readFileSync(join(dir, 'm1.md'), 'utf8'))
    const result = await check(dir)
    expect(result.summary).toEqual({ questions: 0, graded: 0, points: 0, passingScore: 80 })
    expect(result.diagnostics.every((d) => d.severity === 'warning')).toBe(true)
  })
})
