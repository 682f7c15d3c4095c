/**
 * Language codes of `[passage]{lang=…}` (RGAA 8.7): a well-formed BCP 47 tag whose language
 * subtag is a language the platform's ICU knows (Node's Intl names it). A French or English name
 * of a language (`anglais`, `English`) gets its code as the suggestion.
 */
const NAMES = { fr: new Intl.DisplayNames(['fr'], { type: 'language', fallback: 'none' }), en: new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }) }

export function isKnownLanguageTag(tag: string): boolean {
  let canonical: string
  try {
    canonical = Intl.getCanonicalLocales(tag)[0]!
  } catch {
    return false
  }
  const language = canonical.split('-')[0]!
  return NAMES.en.of(language) !== undefined
}

let byName: Map<string, string> | undefined

/** `anglais` → `en`, `Allemand` → `de`, `english` → `en`; undefined when the word names no language. */
export function languageCodeFor(word: string): string | undefined {
  if (!byName) {
    byName = new Map()
    const letters = 'abcdefghijklmnopqrstuvwxyz'
    for (const a of letters)
      for (const b of letters) {
        const code = a + b
        for (const names of [NAMES.fr, NAMES.en]) {
          const name = names.of(code)
          if (name && !byName.has(fold(name))) byName.set(fold(name), code)
        }
      }
  }
  return byName.get(fold(word))
}

function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
}
