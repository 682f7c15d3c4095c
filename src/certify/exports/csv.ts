/**
 * A streaming reader for Moodle's delimited exports: bytes in (any chunking), records out, each
 * field with its 1-based line and column so that a problem can be shown as file:line:col.
 *
 * Why not a general CSV library: we need character columns for every field, the BOM/UTF-16LE
 * detection Moodle's "Excel" flavours need, and strict truncation rules (Moodle always ends a file
 * with LF, so a missing final newline or an open quote means the download was cut).
 *
 * Quoting is PHP fputcsv's: `"` around a field, `""` for a quote inside.
 */

export interface CsvRecord {
  fields: string[]
  /** Line and column where each field starts. */
  at: { line: number; column: number }[]
  line: number
}

export type Encoding = 'utf-8' | 'utf-16le'

/** Detects the encoding from the first bytes (BOM), and how many bytes of BOM to skip. */
export function sniffEncoding(head: Uint8Array): { encoding: Encoding; bom: number } {
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 }
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 }
  return { encoding: 'utf-8', bom: 0 }
}

/** The delimiter of a header line: the most frequent of TAB, `;` and `,` outside quotes. */
export function sniffDelimiter(headerLine: string): string {
  const counts: Record<string, number> = { '\t': 0, ';': 0, ',': 0 }
  let quoted = false
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && ch in counts) counts[ch]!++
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!
  return best[1] > 0 ? best[0] : ','
}

export type CsvEnd = { kind: 'ok' } | { kind: 'open-quote'; line: number; column: number } | { kind: 'no-final-newline'; line: number; column: number }

/**
 * Push text chunks with `push`, take complete records from its return value; `end()` returns the
 * last record (if the file did not end with a newline) and how the file ended.
 */
export class CsvTokenizer {
  private field = ''
  private fields: string[] = []
  private at: { line: number; column: number }[] = []
  private quoted = false
  /** After a closing quote: the next `"` is an escaped quote. */
  private quoteClosed = false
  private fieldStarted = false
  private line = 1
  private column = 1
  private recordLine = 1
  private quoteAt = { line: 1, column: 1 }
  private pendingCR = false

  constructor(private readonly delimiter: string) {}

  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = []
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!
      if (this.pendingCR) {
        this.pendingCR = false
        if (ch === '\n') continue // CRLF: the record ended at CR
      }
      if (!this.fieldStarted) {
        this.fieldStarted = true
        this.at.push({ line: this.line, column: this.column })
        if (ch === '"') {
          this.quoted = true
          this.quoteAt = { line: this.line, column: this.column }
          this.column++
          continue
        }
      }
      if (this.quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            this.field += '"'
            i++
            this.column += 2
            continue
          }
          if (i + 1 === text.length) {
            // Cannot see the next char yet: decide on the next push.
            this.quoted = false
            this.quoteClosed = true
            this.column++
            continue
          }
          this.quoted = false
          this.column++
          continue
        }
        // Ordinary characters up to the next quote, taken as one slice (no string built char by char).
        const next = text.indexOf('"', i)
        const end = next < 0 ? text.length : next
        const part = text.slice(i, end)
        this.field += part
        const lastNewline = part.lastIndexOf('\n')
        if (lastNewline < 0) this.column += part.length
        else {
          for (let k = part.indexOf('\n'); k >= 0; k = part.indexOf('\n', k + 1)) this.line++
          this.column = part.length - lastNewline
        }
        i = end - 1
        continue
      }
      if (this.quoteClosed) {
        this.quoteClosed = false
        if (ch === '"') {
          this.field += '"'
          this.quoted = true
          this.column++
          continue
        }
      }
      if (ch === this.delimiter) {
        this.endField()
        this.column++
        continue
      }
      if (ch === '\n' || ch === '\r') {
        this.endField()
        out.push(this.endRecord())
        this.line++
        this.column = 1
        this.pendingCR = ch === '\r'
        continue
      }
      let end = i + 1
      while (end < text.length) {
        const c = text[end]
        if (c === this.delimiter || c === '\n' || c === '\r') break
        end++
      }
      this.field += text.slice(i, end)
      this.column += end - i
      i = end - 1
    }
    return out
  }

  end(): { last?: CsvRecord; end: CsvEnd } {
    if (this.quoted) return { end: { kind: 'open-quote', ...this.quoteAt } }
    if (!this.fieldStarted && this.fields.length === 0) return { end: { kind: 'ok' } }
    this.endField()
    const last = this.endRecord()
    return { last, end: { kind: 'no-final-newline', line: this.line, column: this.column } }
  }

  private endField(): void {
    if (!this.fieldStarted) this.at.push({ line: this.line, column: this.column })
    this.fields.push(this.field)
    this.field = ''
    this.fieldStarted = false
    this.quoteClosed = false
  }

  private endRecord(): CsvRecord {
    const record = { fields: this.fields, at: this.at, line: this.recordLine }
    this.fields = []
    this.at = []
    this.recordLine = this.line + 1
    return record
  }
}
