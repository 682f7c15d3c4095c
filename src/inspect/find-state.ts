/**
 * The `cmi.suspend_data` a support team was handed: pasted alone, or inside what Moodle shows or
 * exports of an attempt (the "track details" page of mod/scorm/report/userreporttracks.php, as
 * copied from the browser, saved as HTML, or downloaded as CSV/TSV), or a JSON dump of the CMI.
 * Pure: the CLI reads the file or standard input.
 */
import { decodeHTMLStrict } from 'entities'

export type FoundState = { ok: true; value: string; from: 'alone' | 'labelled' } | { ok: false; reason: 'empty' | 'several-lines' }

const LABEL = /cmi\.suspend_data/i
/** Between the element name and its value: cell ends and starts, tabs, separators. */
const GAP = /^(?:\s|<\/?t[dh][^>]*>|["']?\s*[,;:=\t]\s*)*/i

export function findState(text: string): FoundState {
  const body = text.replace(/^\uFEFF/, '')
  const label = LABEL.exec(body)
  if (label) {
    let rest = body.slice(label.index + label[0].length)
    // The label itself may sit in quotes ("cmi.suspend_data": …) or in a cell (<td>…</td>).
    rest = rest.replace(/^["']/, '').replace(GAP, '')
    return { ok: true, value: quotedOrLine(rest, /<t[dr]\b/i.test(body)), from: 'labelled' }
  }
  const lines = body.split(/\r?\n/).filter((l) => l.trim() !== '')
  if (lines.length === 0) return { ok: false, reason: 'empty' }
  if (lines.length > 1) return { ok: false, reason: 'several-lines' }
  // Alone on its line: kept as it is, except the line's own surrounding blanks.
  return { ok: true, value: (lines[0] as string).trim(), from: 'alone' }
}

/** A value in JSON or CSV quotes, or up to the end of the line or of the HTML cell. */
function quotedOrLine(rest: string, html: boolean): string {
  if (rest.startsWith('"')) {
    const json = /^"((?:[^"\\\n]|\\.)*)"/.exec(rest)
    if (json) {
      try {
        return JSON.parse(json[0]) as string
      } catch {
        // Not JSON: CSV quoting ("" for ") below.
      }
    }
    const csv = /^"((?:[^"]|"")*)"/.exec(rest)
    if (csv) return (csv[1] as string).replace(/""/g, '"')
  }
  const cell = /^[^\r\n<]*/.exec(rest)?.[0] ?? ''
  // A saved HTML page escapes &, <, > and quotes (Moodle's s()); other text is taken as it is.
  return html ? decodeHTMLStrict(cell.trim()) : cell.trim()
}
