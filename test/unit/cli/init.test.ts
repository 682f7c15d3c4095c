/** `parcours init`: a course that builds at once, without a warning, and never an overwritten file. */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyse, readBuiltins, readTree } from '../../../src/index.js'
import { parcoursIn, temporaryDirs } from '../../helpers/cli.js'

const freshDir = temporaryDirs('parcours-init-')

describe('parcours init', () => {
  it('creates a course named after its folder, which builds in both versions with no diagnostic', async () => {
    const parent = freshDir()
    const run = await parcoursIn(parent, 'init', 'Formation RGPD 2026')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('cd "Formation RGPD 2026"')
    const dir = join(parent, 'Formation RGPD 2026')
    expect(readdirSync(dir, { recursive: true }).map(String).sort()).toEqual([
      '01-premiers-pas',
      '01-premiers-pas/index.md',
      '01-premiers-pas/schema.svg',
      'BIEN-DEMARRER.md',
      'course.yml',
    ])
    expect(readFileSync(join(dir, 'course.yml'), 'utf8')).toMatch(/^id: formation-rgpd-2026$/m)
    // Every feature, and not one warning: an example the author copies must be clean.
    const analysis = analyse(await readTree(dir), await readBuiltins(), ['scorm12', 'scorm2004'])
    expect(analysis.diagnostics).toEqual([])
    const blocks = analysis.course!.modules[0]!.pages.flatMap((p) => p.blocks)
    const types = new Set(blocks.flatMap((b) => (b.kind === 'question' ? [b.question.type] : [])))
    expect([...types].sort()).toEqual(['matching', 'multiple', 'single', 'truefalse'])
    const html = blocks.flatMap((b) => (b.kind === 'html' ? [b.html] : [])).join('\n')
    for (const feature of ['pc-callout', '<table', '<img', '<dl', 'lang="en"']) expect(html, feature).toContain(feature)
    expect(analysis.course!.modules[0]!.pages.some((p) => p.assessment)).toBe(true)
    const built = await parcoursIn(dir, 'build', '--format', 'all')
    expect(built.stderr).toBe('')
    expect(built.status).toBe(0)
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual(['formation-rgpd-2026-scorm12.zip', 'formation-rgpd-2026-scorm2004.zip'])
  })

  it('into the current folder by default, next to unrelated files', async () => {
    const dir = freshDir()
    writeFileSync(join(dir, 'notes.txt'), 'mes notes')
    expect((await parcoursIn(dir, 'init')).status).toBe(0)
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mes notes')
    expect((await parcoursIn(dir, 'build')).status).toBe(0)
  })

  it('refuses to overwrite, lists the files in the way, and writes nothing', async () => {
    const dir = freshDir()
    mkdirSync(join(dir, '01-premiers-pas'))
    writeFileSync(join(dir, 'course.yml'), 'id: la-mienne\n')
    writeFileSync(join(dir, '01-premiers-pas/index.md'), 'mon module\n')
    const run = await parcoursIn(dir, 'init')
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('parcours init n’écrase rien')
    expect(run.stderr).toContain('  01-premiers-pas/index.md\n  course.yml\n')
    expect(readFileSync(join(dir, 'course.yml'), 'utf8')).toBe('id: la-mienne\n')
    expect(readdirSync(dir, { recursive: true }).map(String).sort()).toEqual(['01-premiers-pas', '01-premiers-pas/index.md', 'course.yml'])
  })

  it('speaks English with --lang en', async () => {
    const run = await parcoursIn(freshDir(), 'init', 'my-course', '--lang', 'en')
    expect(run.stdout).toContain('Course created in my-course')
  })
})
