/**
 * Characters that must not reach a package unnoticed, checked where the author's text enters
 * (course.yml, front matter, modules). Control characters break imsmanifest.xml (XML 1.0 forbids
 * them: the LMS import then fails after parcours said « Paquet écrit ») and are refused; bidi
 * controls (U+202E makes text read backwards: « Trojan Source ») and invisible characters are
 * allowed but reported, since the author cannot see them in an editor.
 */
import { error, warning, type Diagnostic } from '../diagnostics.js'

/** C0 controls but tab and line breaks, DEL, C1 controls; U+FFFE/U+FFFF (not characters). */
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/
const INVISIBLE = /[\u200B-\u200D\u2060\u00AD\uFEFF]/
const ANY = new RegExp(`${CONTROL.source}|${BIDI.source}|${INVISIBLE.source}`, 'g')

/** `U+202E`: how a character nobody can see is named in a message. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
}

/**
 * Every control, bidi or invisible character of a file, one diagnostic per kind and line (a line
 * of 10,000 NULs is one mistake). Positions are the file's.
 */
export function checkCharacters(text: string, file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const seen = new Set<string>()
  let line = 1
  let lineStart = 0
  let next = text.indexOf('\n')
  for (const match of text.matchAll(ANY)) {
    // Line breaks up to the match, each found once: linear over the whole file.
    while (next !== -1 && next < match.index) {
      line++
      lineStart = next + 1
      next = text.indexOf('\n', next + 1)
    }
    const char = match[0]
    const code = CONTROL.test(char) ? 'text/control-character' : BIDI.test(char) ? 'text/bidi-control' : 'text/invisible-character'
    if (seen.has(`${code}:${line}`)) continue
    seen.add(`${code}:${line}`)
    const at = { line, column: match.index - lineStart + 1 }
    diagnostics.push((code === 'text/control-character' ? error : warning)(code, file, at, { char: codePoint(char) }))
  }
  return diagnostics
}

/**
 * The schema reports control characters in values too (they can come from a YAML escape such as
 * "\x01", which the file scan cannot see); on a line the file scan already reported, it is the same one.
 */
export function withoutRepeats(scanned: Diagnostic[], others: Diagnostic[]): Diagnostic[] {
  const lines = new Set(scanned.filter((d) => d.code === 'text/control-character').map((d) => d.line))
  return others.filter((d) => d.code !== 'text/control-character' || !lines.has(d.line))
}

/** XML 1.0 `Char` production: what may appear in a document at all (https://www.w3.org/TR/xml/#charsets). */
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Text that can be written into XML: characters XML forbids are dropped (they were reported where they entered). */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '')
}

/** The same over every string of a template context (plain data: objects, arrays, strings). */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return xmlSafe(value) as T
  if (Array.isArray(value)) return value.map(xmlSafeDeep) as T
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafeDeep(v)])) as T
  return value
}
