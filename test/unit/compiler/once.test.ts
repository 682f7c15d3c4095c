// A one-off build keeps less of the course in memory (issue 14): each module's text leaves the
// tree once parsed (AnalysisCache.once), what the course-wide rules need of it is taken first
// (working notes, image names it mentions), and the pages' HTML is kept as UTF-8 bytes. None of
// it may change what the build reports or writes.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HtmlBlock, compactHtml } from '../../../src/compiler/compact-html.js'
import { imageMentions } from '../../../src/compiler/check/course-files.js'
import { checkWorkingNotes } from '../../../src/compiler/check/pedagogy.js'
import { analyse, createAnalysisCache, parseModules } from '../../../src/compiler/pipeline.js'
import { readBuiltins } from '../../../src/compiler/read/read-builtins.js'
import { readTree } from '../../../src/compiler/read/read-tree.js'
import type { Module } from '../../../src/compiler/types.js'

const builtins = await readBuiltins()
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6300010000050001a5f645400000000049454e44ae426082', 'hex')

function course(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-once-'))
  writeFileSync(join(dir, 'course.yml'), 'id: une\ntitle: Une formation\nversion: 1.0.0\ndescription: Test.\naudience: Tests\nduration: 10\nmodules:\n  - m1.md\n  - m2.md\n')
  const module = (id: string, body: string): string =>
    `---\nid: ${id}\ntitle: Module ${id}\nduration: 5\nobjectives:\n  - Lire\n---\n\n## Lire {#lire}\n\n${body}\n\n## Évaluation {#evaluation .evaluation}\n\n::: qcu q-${id}\nQuelle réponse ?\n\n- [x] La bonne\n- [ ] Une autre\n:::\n`
  writeFileSync(join(dir, 'm1.md'), module('m1', 'Un texte « cité » : à vérifier avant diffusion.\n\n![Le plan](plan.png)'))
  // `annexe.png` is named in the text (a code span), not shown: not "unused"; `oublie.png` is.
  writeFileSync(join(dir, 'm2.md'), module('m2', 'Le fichier `images/annexe.png` suit ; voyez-le !'))
  for (const name of ['plan.png', 'annexe.png', 'oublie.png']) writeFileSync(join(dir, name), PNG)
  return dir
}

describe('a one-off analysis (AnalysisCache.once)', () => {
  it('reports and plans what an analysis that keeps the texts does, and lets each module text go', async () => {
    const dir = course()
    const plain = analyse(await readTree(dir), builtins, ['scorm12'])
    const cache = createAnalysisCache({ once: true })
    const tree = await readTree(dir, { strings: builtins.strings, cache })
    expect(tree.files['m1.md']).toEqual({ path: 'm1.md' })
    expect(tree.files['course.yml']?.text).toContain('id: une')
    const once = analyse(tree, builtins, ['scorm12'], cache)

    const codes = once.diagnostics.map((d) => `${d.file} ${d.code}`)
    expect(codes).toContain('m1.md text/working-note')
    expect(codes).toContain('oublie.png asset/unused')
    expect(codes).not.toContain('annexe.png asset/unused')
    expect(once.diagnostics).toEqual(plain.diagnostics)
    expect(once.packages[0]!.scos.map((s) => s.data)).toEqual(plain.packages[0]!.scos.map((s) => s.data))
    const html = (m: Module): string[] => m.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'html' ? [b.html] : [])))
    expect(once.course!.modules.map(html)).toEqual(plain.course!.modules.map(html))
  })

  it('refuses to parse again a module whose text it let go, rather than parse an empty text', async () => {
    const cache = createAnalysisCache({ once: true })
    const tree = await readTree(course(), { strings: builtins.strings, cache })
    expect(() => parseModules(tree, ['m1.md'], 'en', builtins.strings.en, cache)).toThrow(/m1\.md: parsed again after its text was let go/)
  })
})

describe('imageMentions', () => {
  it('finds an image file name exactly where the text holds it', () => {
    const texts = [
      'Voir `annexe.png` et ![x](dossier/plan final.JPG).',
      'plan.png.bak, .png, a.jpeg et b.jpg; c.svgz',
      `${'x'.repeat(300)}long.webp`,
      'rien ici',
      'é/schéma.avif\nfin.gif',
    ]
    const names = [
      'annexe.png',
      'plan final.JPG',
      'plan final.jpg',
      'final.JPG',
      'plan.png',
      'a.jpeg',
      'b.jpg',
      'c.svg',
      'long.webp',
      `${'x'.repeat(200)}long.webp`,
      'schéma.avif',
      'é/schéma.avif',
      'fin.gif',
      'absent.png',
      '.png',
    ]
    for (const text of texts) for (const name of names) expect(imageMentions(text).includes(`${name}\0`), `${name} in ${text.slice(0, 40)}`).toBe(text.includes(name))
  })
})

describe('compactHtml', () => {
  it('keeps each block’s HTML, every character intact, and takes a rewrite', () => {
    const blocks = ['<p>Un « test » : oui\u202f!</p>\n', '<p>😀 — deux</p>\n', '']
    const module = {
      pages: [
        { blocks: [...blocks.slice(0, 2).map((html) => ({ kind: 'html' as const, html })), { kind: 'question' as const, question: {} }] },
        { blocks: [{ kind: 'html', html: blocks[2] }] },
      ],
    } as unknown as Module
    const compact = compactHtml(module)
    const read = compact.pages.flatMap((p) => p.blocks.map((b) => (b.kind === 'html' ? b.html : 'question')))
    expect(read).toEqual([blocks[0], blocks[1], 'question', blocks[2]])
    const first = compact.pages[0]!.blocks[0] as HtmlBlock
    expect(first).toBeInstanceOf(HtmlBlock)
    expect(first.kind).toBe('html')
    first.html = '<p>réécrit</p>'
    expect(first.html).toBe('<p>réécrit</p>')
    expect((compact.pages[0]!.blocks[1] as HtmlBlock).html).toBe(blocks[1])
    expect(Object.keys(first)).toEqual(['kind'])
  })
})

describe('checkWorkingNotes', () => {
  it('finds the notes on every line, first and last included, where a test line by line does', () => {
    const lines = ['TODO : relire', 'Un texte sans note.', '', 'À vérifier, puis « à compléter » et FIXME.', 'Cette page n’a pas pu être consultée.', 'fin xxx']
    const text = lines.join('\n')
    const found = checkWorkingNotes('m.md', text).map((d) => `${d.line}:${d.column} ${d.params?.note}`)
    expect(found).toEqual(['1:1 TODO', '4:1 À vérifier', '4:20 à compléter', '4:37 FIXME', '5:12 n’a pas pu être consultée', '6:5 xxx'])
    expect(checkWorkingNotes('m.md', `${text}\n`)).toEqual(checkWorkingNotes('m.md', text))
    expect(checkWorkingNotes('m.md', 'Rien à signaler.\n')).toEqual([])
  })
})
