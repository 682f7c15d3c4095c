/**
 * Structure rules on a module's tokens: what would otherwise reach learners broken or raw.
 *   - heading levels go down one at a time (`##` then `####` skips one: RGAA 9.1);
 *   - a heading has text (`## {#faq}` is an empty heading);
 *   - Markdown that markdown-it did not recognise and would show as is: an image whose path has
 *     spaces (`![…](mon image.png)`), attributes after a passage (`[texte]{lang=anglais}`);
 *   - `{lang=…}` codes are BCP 47 tags of known languages;
 *   - internal links are collected for the course-level check (course-files.ts).
 */
import { error, type Diagnostic } from '../diagnostics.js'
import { fileLine, type ParseEnv } from '../parse/env.js'
import { didYouMean } from '../did-you-mean.js'
import { isKnownLanguageTag, languageCodeFor } from './lang.js'
import { locateIn } from './locate.js'
import type { TokenRule } from './token-rules.js'

const RAW_IMAGE = /!\[([^\]\n]*)\]\(([^)\n]*)\)/g
const RAW_ATTRIBUTES = /\]\{([^}\n]*)\}/g

export const structureRules: TokenRule = ({ tokens, env, lines, maps }) => {
  const diagnostics: Diagnostic[] = env.diagnostics
  let previous = 2
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.type === 'heading_open') {
      const level = Number(token.tag.slice(1))
      const at = { line: fileLine(env, token.map?.[0] ?? 0), column: 1 }
      if (level === 2) previous = 2
      else if (level > 2) {
        if (level > previous + 1)
          diagnostics.push(error('heading/skipped-level', env.file, at, { found: '#'.repeat(level), previous: '#'.repeat(previous), expected: '#'.repeat(previous + 1) }))
        previous = level
      }
      if (level > 1 && (tokens[i + 1]?.content ?? '').trim() === '') diagnostics.push(error('heading/empty', env.file, at))
    }
    if (token.type !== 'inline' || !token.children) continue
    for (const child of token.children) {
      if (child.type === 'pc_lang_open') {
        const lang = String(child.attrGet('lang') ?? '')
        if (!isKnownLanguageTag(lang)) diagnostics.push(error('lang/invalid', env.file, locateIn(env, lines, maps[i], `{lang=${lang}}`), { lang }))
      }
      if (child.type !== 'text') continue
      // matchAll copies its regular expression: only where the text can match (rare), not for every text token.
      if (child.content.includes(']('))
        for (const m of child.content.matchAll(RAW_IMAGE)) {
          diagnostics.push(error('markup/raw-image', env.file, locateIn(env, lines, maps[i], m[0]), { text: m[0], src: m[2]!.trim() }))
        }
      if (child.content.includes(']{'))
        for (const m of child.content.matchAll(RAW_ATTRIBUTES)) {
          const at = locateIn(env, lines, maps[i], m[0].slice(1))
          const lang = /^\s*lang\s*=\s*["']?([^"'\s]*)["']?\s*$/.exec(m[1]!)
          if (lang) {
            const code = languageCodeFor(lang[1]!) ?? didYouMean(lang[1]!, ['fr', 'en', 'de', 'es', 'it', 'pt', 'nl', 'br', 'oc', 'eu', 'ca', 'co'])
            diagnostics.push(error('lang/invalid', env.file, at, code ? { lang: lang[1]!, didYouMean: `{lang=${code}}` } : { lang: lang[1]! }))
          } else diagnostics.push(error('markup/unknown-attributes', env.file, at, { attributes: m[1]! }))
        }
    }
  }
}

/** Links of a module, with where they are written: checked against the whole course later. */
export function collectLinks({ tokens, env, lines, maps }: Parameters<TokenRule>[0]): { href: string; line: number; column: number }[] {
  const links: { href: string; line: number; column: number }[] = []
  for (let i = 0; i < tokens.length; i++) {
    const children = tokens[i]!.children
    if (!children) continue
    for (const child of children) {
      if (child.type !== 'link_open') continue
      const href = String(child.attrGet('href') ?? '')
      links.push({ href, ...locateIn(env, lines, maps[i], `(${href}`) })
    }
  }
  return links
}
