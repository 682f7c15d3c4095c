/**
 * Language codes of `[passage]{lang=…}` (RGAA 8.7): a well-formed BCP 47 tag whose language
 * subtag is a language the platform's ICU knows (Node's Intl names it). A French or English name
 * of a language (`anglais`, `English`) gets its code as the suggestion.
 */
/**
 * Language names in French or English, made on first use: making one loads ICU's data, ≈ 10 ms,
 * which every command paid at start-up when they were made as the module loaded (issue 14).
 */
const names: Partial<Record<'fr' | 'en', Intl.DisplayNames>> = {}
const namesIn = (locale: 'fr' | 'en'): Intl.DisplayNames => (names[locale] ??= new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }))

export function isKnownLanguageTag(tag: string): boolean {
  let canonical: string
  try {
    canonical = Intl.getCanonicalLocales(tag)[0]!
  } catch {
    return false
  }
  const language = canonical.split('-')[0]!
  return namesIn('en').of(language) !== undefined
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
        for (const locale of ['fr', 'en'] as const) {
          const name = namesIn(locale).of(code)
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
