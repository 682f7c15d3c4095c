/**
 * Reads one Moodle export (streamed), recognises which report it is from its header, and returns
 * what it says per learner (joined on the e-mail address, README §8: names are not unique).
 *
 * A problem with the file as a whole (empty, truncated, unknown or missing column, wrong number
 * of fields) throws a CertifyError naming file:line:col: nothing is issued from a file we do not
 * fully understand. A problem with one row (no e-mail, a formula-like name, an unknown state)
 * rejects that row only, with its reason.
 */
import { createReadStream } from 'node:fs'
import { CsvTokenizer, sniffDelimiter, sniffEncoding, type CsvRecord } from './csv.js'
import { parseIsoLike, parseUserDate, toInstant, type WallClock } from './dates.js'
import { activityKey, activityName, completionState, GRADE_TYPES, identityField, is, languageOf, norm, WORDS, type CompletionState } from './headers.js'
import { CertifyError, fail, problem, type Problem } from '../problems.js'

export type ExportKind = 'activity-completion' | 'course-completion' | 'gradebook' | 'scorm-basic'

export interface ActivityFact {
  /** Completion state (completion reports). */
  state?: CompletionState
  completedAt?: Date
  /** Gradebook grade (Real); null = `-`, no grade. */
  grade?: number | null
  /** SCORM report: number of attempts (0 = never launched), best attempt score, first start. */
  attempts?: number
  bestScore?: number | null
  startedAt?: Date
}

export interface LearnerRow {
  email: string
  name: string
  /** Where the learner's (first) row is. */
  line: number
  /** Keyed by activityKey(name). */
  activities: Map<string, ActivityFact>
  /** Course completion report: the date, or null when not complete. */
  courseCompletedAt?: Date | null
}

export interface ExportFile {
  file: string
  kind: ExportKind
  lang: 'en' | 'fr' | undefined
  encoding: string
  delimiter: string
  /** Activity names as Moodle shows them (entities decoded), keyed by activityKey. */
  activities: Map<string, string>
  learners: Map<string, LearnerRow>
  /** E-mails seen on two rows that should be one (not in a SCORM report): both rows are unusable. */
  duplicates: Map<string, number[]>
  rejected: Problem[]
  rows: number
}

export interface ReadOptions {
  /** IANA zone the export's dates are written in (the site's). */
  timeZone: string
  /** Path shown in messages (defaults to the path read). */
  display?: string
  /** For a SCORM report: the activity it belongs to (a SCORM report does not name its activity). */
  scormActivity?: string
}

const EMAIL = /^[^\s@,;"<>]+@[^\s@,;"<>]+\.[^\s@,;"<>]+$/
/** Cells a spreadsheet would run as a formula (OWASP CSV injection). */
export const FORMULA_START = /^[=+\-@\t\r]/

export async function readExport(path: string, options: ReadOptions): Promise<ExportFile> {
  const file = options.display ?? path
  let decoder: InstanceType<typeof TextDecoder> | undefined
  let tokenizer: CsvTokenizer | undefined
  let pendingText = ''
  let handler: RowHandler | undefined
  let out: ExportFile | undefined
  let sawBytes = false
  const handle = (records: CsvRecord[]): void => {
    for (const r of records) {
      if (!handler) {
        const h = headerHandler(r, file, options, decoder!.encoding, tokenizerDelimiter)
        handler = h.handler
        out = h.out
        continue
      }
      if (r.fields.length === 1 && r.fields[0] === '') continue // a blank line
      out!.rows++
      handler(r)
    }
  }
  let tokenizerDelimiter = ','
  const stream = createReadStream(path, { highWaterMark: 1 << 16 })
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let bytes: Uint8Array = chunk
      if (!decoder) {
        sawBytes = true
        const { encoding, bom } = sniffEncoding(bytes)
        decoder = new TextDecoder(encoding, { fatal: true })
        bytes = bytes.subarray(bom)
      }
      let text: string
      try {
        text = decoder.decode(bytes, { stream: true })
      } catch {
        fail('export/encoding', file, undefined, { encoding: decoder.encoding })
      }
      if (!tokenizer) {
        // The delimiter is read from the whole header line.
        pendingText += text
        const eol = pendingText.search(/[\r\n]/)
        if (eol < 0) continue
        tokenizerDelimiter = sniffDelimiter(pendingText.slice(0, eol))
        tokenizer = new CsvTokenizer(tokenizerDelimiter)
        text = pendingText
        pendingText = ''
      }
      handle(tokenizer.push(text))
    }
  } catch (e) {
    if (e instanceof CertifyError) throw e
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') fail('export/unreadable', file, undefined, { reason: code })
    throw e
  }
  if (!sawBytes) fail('export/empty', file)
  if (!tokenizer) {
    // No newline at all: a header without rows, cut off, or a file that is not an export.
    if (pendingText.trim() === '') fail('export/empty', file)
    fail('export/truncated', file, { line: 1, column: pendingText.length + 1 })
  }
  const { last, end } = tokenizer.end()
  if (end.kind === 'open-quote') fail('export/truncated-quote', file, end)
  if (end.kind === 'no-final-newline') {
    // Moodle ends every export with a newline: a last line without one was cut off in transit.
    if (last) handle([last])
    fail('export/truncated', file, { line: end.line, column: end.column })
  }
  if (!out) fail('export/empty', file)
  if (out.rows === 0) fail('export/no-rows', file, { line: 2, column: 1 })
  return out
}

type RowHandler = (r: CsvRecord) => void

function headerHandler(r: CsvRecord, file: string, options: ReadOptions, encoding: string, delimiter: string): { handler: RowHandler; out: ExportFile } {
  const h = r.fields
  if (h.length === 1 && h[0]!.trim() === '') fail('export/empty', file, { line: 1, column: 1 })
  const out: ExportFile = {
    file,
    kind: 'activity-completion',
    lang: languageOf(h),
    encoding,
    delimiter,
    activities: new Map(),
    learners: new Map(),
    duplicates: new Map(),
    rejected: [],
    rows: 0,
  }
  const col = (i: number) => r.at[i] ?? { line: r.line, column: 1 }
  const n = h.map(norm)
  if (n.some((x) => WORDS.interaction.test(x))) {
    const i = n.findIndex((x) => WORDS.interaction.test(x))
    fail('export/interactions-report', file, col(i))
  }
  let handler: RowHandler
  if (h[0] === '' && h.length > 1) {
    out.kind = 'activity-completion'
    handler = activityCompletion(r, out, options)
  } else if (is(h[0]!, WORDS.id) && n.some((x) => (WORDS.courseComplete as readonly string[]).includes(x))) {
    out.kind = 'course-completion'
    handler = courseCompletion(r, out, options)
  } else if (n.some((x) => (WORDS.firstName as readonly string[]).includes(x)) && n.some((x) => (WORDS.lastName as readonly string[]).includes(x))) {
    out.kind = 'gradebook'
    handler = gradebook(r, out)
  } else if (n.some((x) => (WORDS.attempt as readonly string[]).includes(x)) && n.some((x) => (WORDS.score as readonly string[]).includes(x))) {
    out.kind = 'scorm-basic'
    handler = scormBasic(r, out, options)
  } else {
    fail('export/unknown-format', file, { line: 1, column: 1 }, { header: h.slice(0, 4).join(' | ').slice(0, 120) })
  }
  return { handler, out }
}

/** Identity columns from `from`; the e-mail is required. Stops at the first non-identity column. */
function identityColumns(r: CsvRecord, from: number, file: string): { email: number; next: number } {
  let email = -1
  let i = from
  for (; i < r.fields.length; i++) {
    const field = identityField(r.fields[i]!)
    if (!field) break
    if (field === 'email') email = i
  }
  if (email < 0) fail('export/missing-column', file, r.at[from] ?? { line: 1, column: 1 }, { column: 'Email address / Adresse de courriel' })
  return { email, next: i }
}

function checkFieldCount(r: CsvRecord, header: CsvRecord, file: string): void {
  if (r.fields.length === header.fields.length) return
  const at =
    r.fields.length > header.fields.length
      ? r.at[header.fields.length]!
      : { line: r.line, column: (r.at[r.at.length - 1]?.column ?? 1) + (r.fields[r.fields.length - 1]?.length ?? 0) }
  fail('export/field-count', file, at, { found: r.fields.length, expected: header.fields.length })
}

/** Common row checks: e-mail and name. Returns undefined (row rejected) on a problem. */
function learnerOf(r: CsvRecord, out: ExportFile, emailAt: number, name: string, nameAt: number): { email: string; name: string } | undefined {
  const rawEmail = r.fields[emailAt]!.trim()
  if (!rawEmail) return reject(out, 'row/no-email', r.at[emailAt]!, {})
  if (!EMAIL.test(rawEmail)) return reject(out, 'row/bad-email', r.at[emailAt]!, { value: shown(rawEmail) })
  const clean = name.normalize('NFC').replace(/\s+/g, ' ').trim()
  if (!clean) return reject(out, 'row/no-name', r.at[nameAt]!, { email: rawEmail })
  if (FORMULA_START.test(clean)) return reject(out, 'row/formula', r.at[nameAt]!, { value: shown(clean) })
  return { email: rawEmail.toLowerCase(), name: clean }
}

function reject(out: ExportFile, code: Problem['code'], at: { line: number; column: number }, params: Record<string, string | number>): undefined {
  out.rejected.push(problem(code, out.file, at, params))
  return undefined
}

function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)
}

function addLearner(out: ExportFile, who: { email: string; name: string }, line: number): LearnerRow | undefined {
  const seen = out.learners.get(who.email)
  if (seen) {
    const lines = out.duplicates.get(who.email) ?? [seen.line]
    lines.push(line)
    out.duplicates.set(who.email, lines)
    return undefined
  }
  const row: LearnerRow = { email: who.email, name: who.name, line, activities: new Map() }
  out.learners.set(who.email, row)
  return row
}

function dateCell(out: ExportFile, r: CsvRecord, i: number, timeZone: string): Date | undefined | 'bad' {
  const text = r.fields[i]!.trim()
  if (!text) return undefined
  const w = parseIsoLike(text)
  if (!w) {
    reject(out, 'row/bad-date', r.at[i]!, { value: shown(text) })
    return 'bad'
  }
  return toInstant(w, timeZone)
}

function activityCompletion(header: CsvRecord, out: ExportFile, options: ReadOptions): RowHandler {
  const { file } = out
  const { email, next } = identityColumns(header, 1, file)
  const columns: { key: string; state: number; date: number }[] = []
  for (let i = next; i < header.fields.length; i += 2) {
    const name = activityName(header.fields[i]!)
    if (!name || header.fields[i + 1] !== '') fail('export/unknown-column', file, header.at[name ? i + 1 : i] ?? header.at[i]!, { column: header.fields[name ? i + 1 : i] ?? '' })
    columns.push({ key: activityKey(name), state: i, date: i + 1 })
    out.activities.set(activityKey(name), name)
  }
  if (!columns.length) fail('export/missing-column', file, header.at[next] ?? { line: 1, column: 1 }, { column: 'activité / activity' })
  return (r) => {
    checkFieldCount(r, header, file)
    const who = learnerOf(r, out, email, r.fields[0]!, 0)
    if (!who) return
    const facts = new Map<string, ActivityFact>()
    for (const c of columns) {
      const state = completionState(r.fields[c.state]!)
      if (!state) return reject(out, 'row/unknown-state', r.at[c.state]!, { value: shown(r.fields[c.state]!) })
      const date = dateCell(out, r, c.date, options.timeZone)
      if (date === 'bad') return
      facts.set(c.key, { state, ...(date && { completedAt: date }) })
    }
    const row = addLearner(out, who, r.line)
    if (row) row.activities = facts
  }
}

function courseCompletion(header: CsvRecord, out: ExportFile, options: ReadOptions): RowHandler {
  const { file } = out
  const h = header.fields
  if (!is(h[1] ?? '', WORDS.name)) fail('export/missing-column', file, header.at[1] ?? header.at[0]!, { column: 'Name / Nom' })
  const { email, next } = identityColumns(header, 2, file)
  const last = h.length - 1
  if (!is(h[last]!, WORDS.courseComplete)) fail('export/missing-column', file, header.at[last]!, { column: 'Course complete / Cours terminé' })
  const columns: { key: string; state: number; date: number }[] = []
  for (let i = next; i < last; i += 2) {
    const name = activityName(h[i]!)
    const dateHeader = norm(activityName(h[i + 1] ?? ''))
    const pairs = WORDS.completionDateSuffix.some((suffix) => dateHeader === norm(name) + suffix)
    if (!name || i + 1 >= last || !pairs) fail('export/unknown-column', file, header.at[i + 1 < last ? i + 1 : i]!, { column: h[i + 1 < last ? i + 1 : i]! })
    columns.push({ key: activityKey(name), state: i, date: i + 1 })
    out.activities.set(activityKey(name), name)
  }
  return (r) => {
    checkFieldCount(r, header, file)
    const who = learnerOf(r, out, email, r.fields[1]!, 1)
    if (!who) return
    const facts = new Map<string, ActivityFact>()
    for (const c of columns) {
      const state = completionState(r.fields[c.state]!)
      if (!state) return reject(out, 'row/unknown-state', r.at[c.state]!, { value: shown(r.fields[c.state]!) })
      const date = dateCell(out, r, c.date, options.timeZone)
      if (date === 'bad') return
      facts.set(c.key, { state, ...(date && { completedAt: date }) })
    }
    const course = dateCell(out, r, last, options.timeZone)
    if (course === 'bad') return
    const row = addLearner(out, who, r.line)
    if (!row) return
    row.activities = facts
    row.courseCompletedAt = course ?? null
  }
}

/**
 * `SCORM package: NAME (Real)` (en: module type, colon) / `Paquetage SCORM NAME (Brut)` (fr: the
 * module type is followed by a no-break space). Returns the item name and display type.
 */
function gradeItem(header: string): { name: string; type: 'real' | 'percentage' | 'letter' } | 'total' | undefined {
  const m = /^(.*) \(([^()]+)\)$/.exec(header.normalize('NFC').trim())
  if (!m) return undefined
  const type = GRADE_TYPES[norm(m[2]!)]
  if (!type) return undefined
  const label = m[1]!
  if (is(label, WORDS.courseTotal)) return 'total'
  const nbsp = label.indexOf('\u00a0')
  const colon = label.indexOf(': ')
  const cut = nbsp >= 0 && (colon < 0 || nbsp < colon) ? nbsp + 1 : colon >= 0 ? colon + 2 : -1
  if (cut < 0) return undefined
  return { name: activityName(label.slice(cut)), type }
}

function gradebook(header: CsvRecord, out: ExportFile): RowHandler {
  const { file } = out
  const h = header.fields
  const first = h.findIndex((x) => is(x, WORDS.firstName))
  const lastName = h.findIndex((x) => is(x, WORDS.lastName))
  let email = -1
  const real: { key: string; at: number }[] = []
  h.forEach((text, i) => {
    if (i === first || i === lastName || is(text, WORDS.lastDownloaded)) return
    const field = identityField(text)
    if (field) {
      if (field === 'email') email = i
      return
    }
    const item = gradeItem(text)
    if (item === 'total') return
    if (!item) fail('export/unknown-column', file, header.at[i]!, { column: text })
    if (item.type === 'real') {
      real.push({ key: activityKey(item.name), at: i })
      out.activities.set(activityKey(item.name), item.name)
    }
  })
  if (email < 0) fail('export/missing-column', file, header.at[0]!, { column: 'Email address / Adresse de courriel' })
  return (r) => {
    checkFieldCount(r, header, file)
    const name = `${r.fields[first]!.trim()} ${r.fields[lastName]!.trim()}`
    const who = learnerOf(r, out, email, name, FORMULA_START.test(r.fields[first]!.trim()) || !r.fields[first]!.trim() ? first : lastName)
    if (!who) return
    const facts = new Map<string, ActivityFact>()
    for (const c of real) {
      const cell = r.fields[c.at]!.trim()
      if (cell === '-' || cell === '') {
        facts.set(c.key, { grade: null })
        continue
      }
      // The export is not localised: a dot in both languages (README "Values").
      if (!/^-?\d+(\.\d+)?$/.test(cell)) return reject(out, 'row/bad-grade', r.at[c.at]!, { value: shown(cell) })
      facts.set(c.key, { grade: Number(cell) })
    }
    const row = addLearner(out, who, r.line)
    if (row) row.activities = facts
  }
}

function scormBasic(header: CsvRecord, out: ExportFile, options: ReadOptions): RowHandler {
  const { file } = out
  const h = header.fields
  if (!is(h[0]!, WORDS.name)) fail('export/missing-column', file, header.at[0]!, { column: 'Name / Nom' })
  const { email, next } = identityColumns(header, 1, file)
  const expect = [WORDS.attempt, WORDS.startedOn, WORDS.lastAccessed, WORDS.score]
  expect.forEach((words, k) => {
    if (!is(h[next + k] ?? '', words))
      fail(h[next + k] === undefined ? 'export/missing-column' : 'export/unknown-column', file, header.at[next + k] ?? header.at[h.length - 1]!, {
        column: h[next + k] ?? words[0]!,
      })
  })
  const [attemptAt, startedAt, , scoreAt] = [next, next + 1, next + 2, next + 3]
  const activity = options.scormActivity
  if (!activity) fail('export/scorm-activity-unknown', file)
  const key = activityKey(activity)
  out.activities.set(key, activityName(activity))
  return (r) => {
    checkFieldCount(r, header, file)
    const who = learnerOf(r, out, email, r.fields[0]!, 0)
    if (!who) return
    const attempt = r.fields[attemptAt]!.trim()
    const score = r.fields[scoreAt]!.trim()
    let row = out.learners.get(who.email)
    if (!row) {
      row = { email: who.email, name: who.name, line: r.line, activities: new Map([[key, { attempts: 0, bestScore: null }]]) }
      out.learners.set(who.email, row)
    }
    const fact = row.activities.get(key)!
    if (attempt === '-') return // never launched: one row with `-` (README §5)
    if (!/^\d+$/.test(attempt)) return reject(out, 'row/bad-attempt', r.at[attemptAt]!, { value: shown(attempt) })
    fact.attempts = Math.max(fact.attempts ?? 0, Number(attempt))
    if (score !== '-' && score !== '') {
      if (!/^\d+(\.\d+)?$/.test(score)) return reject(out, 'row/bad-grade', r.at[scoreAt]!, { value: shown(score) })
      fact.bestScore = Math.max(fact.bestScore ?? 0, Number(score))
    }
    const started = r.fields[startedAt]!.trim()
    if (started && started !== '-') {
      const w: WallClock | undefined = parseUserDate(started)
      if (!w) return reject(out, 'row/bad-date', r.at[startedAt]!, { value: shown(started) })
      const instant = toInstant(w, options.timeZone)
      if (!fact.startedAt || instant < fact.startedAt) fact.startedAt = instant
    }
  }
}
