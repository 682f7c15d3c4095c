/**
 * Golden tests of the parse stage: every folder of test/fixtures/parse/ holds a module `input.md`
 * (and the files it refers to) and `expected.json`, the parsed Module and its diagnostics.
 * Update with `npm run test:update`, then read the diff.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createMarkdown } from '../../../src/compiler/parse/markdown.js'
import { parseModule, type ParseContext } from '../../../src/compiler/parse/parse-module.js'
import type { Module, Question } from '../../../src/compiler/types.js'

const FIXTURES = fileURLToPath(new URL('../../fixtures/parse/', import.meta.url))
const CASES = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

const strings = JSON.parse(readFileSync(fileURLToPath(new URL('../../../src/i18n/ui.fr.json', import.meta.url)), 'utf8')) as Record<string, string>
const labels = Object.fromEntries(Object.entries(strings).filter(([key]) => key.startsWith('callout.')))

function context(files: string[]): ParseContext {
  return { md: createMarkdown(), files, labels }
}

function parse(text: string, files: string[] = ['input.md']) {
  return parseModule({ path: 'input.md', text }, context(files))
}

function questions(module: Module | undefined): Question[] {
  return (module?.pages ?? []).flatMap((page) => page.blocks.flatMap((block) => (block.kind === 'question' ? [block.question] : [])))
}

const FRONT = '---\nid: m1\ntitle: Module\nduration: 5\nobjectives:\n  - Comprendre\n---\n\n'

describe('parse goldens', () => {
  it.each(CASES)('%s', async (name) => {
    const dir = join(FIXTURES, name)
    const files = readdirSync(dir).filter((file) => file !== 'expected.json')
    const result = parse(readFileSync(join(dir, 'input.md'), 'utf8'), files)
    expect(result.module).toBeDefined()
    await expect(`${JSON.stringify(result, null, 2)}\n`).toMatchFileSnapshot(join(dir, 'expected.json'))
  })
})

describe('parse stage', () => {
  it('parses the four question types with their right answers', () => {
    const { module, diagnostics } = parse(readFileSync(join(FIXTURES, 'questions/input.md'), 'utf8'))
    expect(diagnostics).toEqual([])
    const byId = Object.fromEntries(questions(module).map((q) => [q.id, q]))
    expect(byId.capitale).toMatchObject({ type: 'single', points: 2, scored: false, correct: ['b'] })
    expect(byId['villes-francaises']).toMatchObject({ type: 'multiple', correct: ['a', 'c'] })
    expect(byId['rgpd-2018']).toMatchObject({ type: 'truefalse', scored: true, correct: ['t'] })
    expect(byId['rgpd-2018']!.choices.map((c) => [c.token, c.text])).toEqual([
      ['f', 'Faux'],
      ['t', 'Vrai'],
    ])
    const roles = byId.roles!
    expect(roles.sources.map((s) => s.text)).toEqual(['Responsable de traitement', 'Sous-traitant', 'Délégué à la protection des données'])
    // Targets are offered in alphabetical order; `correct` maps each source to its target's token.
    expect(roles.choices.map((c) => c.text)).toEqual(["Chef d'établissement", 'DPD académique', "Éditeur de l'ENT"])
    expect(roles.correct).toEqual(['a', 'c', 'b'])
  })

  it('splits "Correct :" and "Incorrect :" written on consecutive lines', () => {
    const [capitale, , , roles] = questions(parse(readFileSync(join(FIXTURES, 'questions/input.md'), 'utf8')).module)
    expect(capitale!.feedbackCorrectHtml).toBe("<p>C'est <em>Paris</em>.</p>\n")
    expect(capitale!.feedbackWrongHtml).toBe('<p>Relisez la page.</p>\n')
    // A line after the last marker belongs to that feedback.
    expect(roles!.feedbackWrongHtml).toBe('<p>Relisez la page sur les rôles.\nLe DPD conseille, il ne décide pas.</p>\n')
  })

  it('shows raw HTML as text, never as markup', () => {
    const html = JSON.stringify(parse(readFileSync(join(FIXTURES, 'raw-html/input.md'), 'utf8')).module)
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('reports 37 answers as too many (SCORM 1.2 names an answer with one character)', () => {
    const answers = Array.from({ length: 37 }, (_, i) => `- [${i === 0 ? 'x' : ' '}] réponse ${i + 1}`).join('\n')
    const { diagnostics } = parse(`${FRONT}## Page {#p}\n\n::: qcm beaucoup\nQuestion ?\n\n${answers}\n\nCorrect : oui.\nIncorrect : non.\n:::\n`)
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['question/too-many-choices', 14]])
  })

  it('points at the image inside a multi-line paragraph and a table', () => {
    const { diagnostics } = parse(`${FRONT}## Page {#p}\n\nUn texte\npuis ![Un schéma](absent.png) ici.\n\n| a | b |\n|---|---|\n| x | ![](y.png) |\n`, ['input.md', 'y.png'])
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['image/not-found', 12, 6],
      ['image/missing-alt', 16, 7],
    ])
  })

  it('gives an image outside the module folder a package path without ".."', () => {
    const text = `${FRONT}## Page {#p}\n\n![Logo](../commun/logo.png) ![Schéma](images/schéma.png)\n`
    const { module, diagnostics } = parseModule({ path: '02-rgpd/index.md', text }, context(['02-rgpd/index.md', '02-rgpd/images/schéma.png', 'commun/logo.png']))
    expect(diagnostics).toEqual([])
    expect(module!.assets).toEqual([
      { from: 'commun/logo.png', to: 'media/_/commun/logo.png' },
      { from: '02-rgpd/images/schéma.png', to: 'media/m1/images/schema.png' },
    ])
  })

  it('still parses the body when the front matter has errors, and returns no module', () => {
    const { module, diagnostics } = parse('---\nid: M1\ntitle: Module\nduration: 5\nobjectives:\n  - x\n---\n\n## Page {#p}\n\n::: qcu\nQ ?\n\n- [x] a\n- [ ] b\n:::\n')
    expect(module).toBeUndefined()
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['config/invalid-value', 2],
      ['question/missing-id', 11],
      ['question/missing-feedback', 11],
      ['question/missing-feedback', 11],
    ])
  })

  it('reports content before the first page once, and not at all in a module without pages', () => {
    expect(parse(`${FRONT}Intro.\n\nEncore.\n\n## Page {#p}\n\nx\n`).diagnostics.map((d) => [d.code, d.line])).toEqual([['module/content-before-page', 9]])
    expect(parse(`${FRONT}Intro.\n\nEncore.\n`).diagnostics.map((d) => [d.code, d.line])).toEqual([['module/empty', 9]])
  })
})
