/** `parcours check` as a trainer runs it: exit codes, text and JSON, --strict, --fix, --against. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parcoursIn, temporaryDirs } from '../../helpers/cli.js'

const CORPUS = fileURLToPath(new URL('../../fixtures/diagnostics/', import.meta.url))
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const freshDir = temporaryDirs('parcours-check-')

function course(name: string): string {
  const dir = freshDir()
  cpSync(join(CORPUS, name, 'content'), dir, { recursive: true })
  return dir
}

describe('parcours check', () => {
  it('exits 1 on errors, with file:line:col, code and hint, and writes nothing', async () => {
    const dir = course('heading-skipped-level')
    const run = await parcoursIn(ROOT, 'check', dir)
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('m1.md:13:1: erreur [heading/skipped-level]')
    expect(run.stdout).toContain('1 erreur(s), 0 avertissement(s).')
  })

  it('exits 0 with warnings only, 1 with --strict; JSON for CI', async () => {
    const dir = course('warnings-accessibility')
    expect((await parcoursIn(ROOT, 'check', dir)).status).toBe(0)
    expect((await parcoursIn(ROOT, 'check', dir, '--strict')).status).toBe(1)
    const json = await parcoursIn(ROOT, 'check', dir, '--format', 'json', '--lang', 'en')
    const report = JSON.parse(json.stdout) as { ok: boolean; warnings: number; findings: { code: string; line: number; message: string }[] }
    expect(report.ok).toBe(true)
    expect(report.findings.map((f) => f.code)).toEqual(['link/vague-text', 'image/filename-alt', 'table/no-header'])
    expect(report.findings[0]!.message).toBe('Vague link text "cliquez ici".')
  })

  it('prints the assessment summary line', async () => {
    const run = await parcoursIn(ROOT, 'check', course('warnings-pass-mark-ignored'))
    expect(run.stdout).toContain('1 questions dont 1 notées, seuil 80.')
  })

  it('--fix rewrites the typography and says so; a second run has nothing to fix', async () => {
    const dir = course('warnings-typography')
    const first = await parcoursIn(ROOT, 'check', dir, '--fix', '--verbose')
    expect(first.stdout).toMatch(/m1\.md : \d+ correction\(s\) typographique\(s\)\./)
    expect(first.stdout).toContain('m1.md:9:12 : espace insécable avant « ? »')
    const fixed = readFileSync(join(dir, 'm1.md'), 'utf8')
    const second = await parcoursIn(ROOT, 'check', dir, '--fix')
    expect(second.stdout).not.toContain('correction')
    expect(readFileSync(join(dir, 'm1.md'), 'utf8')).toBe(fixed)
  })

  it('--against a file that is not a package: one error, exit 1', async () => {
    const dir = course('warnings-accessibility')
    const zip = join(dir, 'publie.zip')
    writeFileSync(zip, 'pas un zip')
    const run = await parcoursIn(ROOT, 'check', dir, '--against', zip)
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('[update/not-a-package]')
  })
})
