import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { applyFrenchTypography, applyFrenchTypographyHtml, NBSP, NNBSP, typographyEdits } from '../../../src/shared/french-typography.js'

const show = (s: string): string => s.replaceAll(NBSP, '⍽').replaceAll(NNBSP, '·')

describe('applyFrenchTypography', () => {
  it.each([
    ['Quoi ? Oui !', 'Quoi· Oui·'.replace('Quoi·', 'Quoi·?').replace('Oui·', 'Oui·!')],
    ['Durée estimée : 5 min', 'Durée estimée⍽: 5 min'],
    ['question ; suite', 'question·; suite'],
    ['Attention!', 'Attention·!'],
    ['Vraiment ?!', 'Vraiment·?!'],
    ['le mot «cloud»', 'le mot «·cloud·»'],
    ['le mot «  cloud »', 'le mot «·cloud·»'],
    ['le "cloud au centre" ici', 'le «·cloud au centre·» ici'],
    ['**Attention :** lire', '**Attention⍽:** lire'],
    ['[Pourquoi ?](p.md)', '[Pourquoi·?](p.md)'],
  ])('%s', (input, expected) => {
    expect(show(applyFrenchTypography(input))).toBe(expected)
  })

  it.each([
    ['https://exemple.fr/a?b=c&d=e', 'a URL'],
    ['écrire à dpo@ac-exemple.fr', 'an e-mail address'],
    ['à 10:30 précises', 'a time'],
    ['a;b et C:\\dossier', 'marks inside a word'],
    [': une définition', 'a definition list line'],
    ['{count} question(s)', 'a placeholder'],
    ['un seul " guillemet', 'an unpaired quote'],
  ])('leaves %s alone (%s)', (input) => {
    expect(applyFrenchTypography(input)).toBe(input)
  })

  it('is idempotent', () => {
    const text = 'Le "RGPD" : quoi ? « ici » ; là!\nEt «là» ?'
    const once = applyFrenchTypography(text)
    expect(applyFrenchTypography(once)).toBe(once)
    expect(typographyEdits(once)).toEqual([])
  })
})

describe('applyFrenchTypographyHtml', () => {
  it('changes text only, never tags, attributes, code or another language', () => {
    const html = '<p title="a : b">Pourquoi ? <code>a ? b : c</code> <span lang="en">Why?</span> <a href="x.html?a=1">ici</a> !</p>'
    expect(show(applyFrenchTypographyHtml(html))).toBe('<p title="a : b">Pourquoi·? <code>a ? b : c</code> <span lang="en">Why?</span> <a href="x.html?a=1">ici</a>·!</p>')
  })

  it('masks multi-line verbatim elements and nested foreign passages, keeping line breaks', () => {
    const html = '<pre>a ; b\nc ? d</pre>\n<p lang="en">Why? <b lang="fr">Pourquoi?</b></p>\n<p>Fin ! Et « là »</p>'
    const out = applyFrenchTypographyHtml(html)
    expect(show(out)).toBe('<pre>a ; b\nc ? d</pre>\n<p lang="en">Why? <b lang="fr">Pourquoi?</b></p>\n<p>Fin·! Et «·là·»</p>')
    expect(applyFrenchTypographyHtml(out)).toBe(out)
  })

  it('returns a fragment with nothing to fix unchanged', () => {
    const html = '<p class="x">Rien à corriger ici</p>'
    expect(applyFrenchTypographyHtml(html)).toBe(html)
  })
})

describe('built-in UI strings (ui.fr.json)', () => {
  const strings = JSON.parse(readFileSync(new URL('../../../src/i18n/ui.fr.json', import.meta.url), 'utf8')) as Record<string, string>
  it.each(Object.entries(strings))('%s obeys French typography', (_key, text) => {
    expect(show(applyFrenchTypography(text))).toBe(show(text))
  })
})
