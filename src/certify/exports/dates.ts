/**
 * Dates as Moodle writes them in exports, always in the downloading user's timezone (the site's,
 * Europe/Paris for M@gistère). We read them as wall-clock time in that zone and convert to an
 * instant, so that an attestation says the same day whoever runs the command, wherever.
 *
 * Formats (Moodle 4.5 langconfig, en and fr):
 * - completion reports: `%F %T` → `2026-11-29 13:08:02`
 * - SCORM report text export, `strftimedaydatetime`: `Sunday, 29 November 2026, 1:07 PM` /
 *   `dimanche 29 novembre 2026, 13:07`
 * - SCORM report ODS/Excel, `strftimedatetime`: `29 November 2026, 1:07 PM` / `29 novembre 2026, 13:07`
 */

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  janvier: 1,
  février: 2,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  août: 8,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  decembre: 12,
}

export interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

/** `2026-11-29 13:08:02` (seconds optional). */
export function parseIsoLike(text: string): WallClock | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim())
  if (!m) return undefined
  return check({ year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +(m[6] ?? 0) })
}

/** `Sunday, 29 November 2026, 1:07 PM`, `dimanche 29 novembre 2026, 13:07`, with or without the weekday. */
export function parseUserDate(text: string): WallClock | undefined {
  const m = /^(?:[\p{L}]+,?\s+)?(\d{1,2})\s+([\p{L}]+)\s+(\d{4}),\s+(\d{1,2}):(\d{2})(?:\s*([AaPp][Mm]))?$/u.exec(text.trim())
  if (!m) return undefined
  const month = MONTHS[m[2]!.toLowerCase()]
  if (!month) return undefined
  let hour = +m[4]!
  const ampm = m[6]?.toLowerCase()
  if (ampm) {
    if (hour < 1 || hour > 12) return undefined
    hour = (hour % 12) + (ampm === 'pm' ? 12 : 0)
  }
  return check({ year: +m[3]!, month, day: +m[1]!, hour, minute: +m[5]!, second: 0 })
}

function check(w: WallClock): WallClock | undefined {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second))
  const same = d.getUTCFullYear() === w.year && d.getUTCMonth() === w.month - 1 && d.getUTCDate() === w.day && d.getUTCHours() === w.hour && d.getUTCMinutes() === w.minute
  return same && w.second < 60 ? w : undefined
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function partsIn(timeZone: string, instant: number): WallClock {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
    formatters.set(timeZone, f)
  }
  const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]))
  return { year: +p.year!, month: +p.month!, day: +p.day!, hour: +p.hour!, minute: +p.minute!, second: +p.second! }
}

/** Throws a RangeError for an unknown time zone name. */
export function assertTimeZone(timeZone: string): void {
  new Intl.DateTimeFormat('en-US', { timeZone })
}

/**
 * Wall-clock time in `timeZone` → the instant. In the autumn overlap hour the earlier instant
 * wins; a time in the spring gap (which Moodle never writes: it formats real instants) is read with
 * the offset in force before the change.
 */
export function toInstant(w: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  // Offsets change on the hour: one computation per zone and hour serves a whole export.
  const key = `${timeZone} ${w.year}-${w.month}-${w.day} ${w.hour}`
  let offset = offsets.get(key)
  if (offset === undefined) {
    if (offsets.size > 50_000) offsets.clear()
    offset = Date.UTC(w.year, w.month - 1, w.day, w.hour) - zonedInstant({ ...w, minute: 0, second: 0 }, timeZone).getTime()
    offsets.set(key, offset)
  }
  return new Date(asUtc - offset)
}

const offsets = new Map<string, number>()

function zonedInstant(w: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  let guess = asUtc
  for (let i = 0; i < 3; i++) {
    const seen = partsIn(timeZone, guess)
    const seenUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second)
    const diff = asUtc - seenUtc
    if (diff === 0) break
    guess += diff
  }
  // Earlier of two candidates in an overlap: try one hour before.
  const earlier = guess - 3_600_000
  const e = partsIn(timeZone, earlier)
  if (Date.UTC(e.year, e.month - 1, e.day, e.hour, e.minute, e.second) === asUtc) return new Date(earlier)
  return new Date(guess)
}

/** The calendar day of an instant in a time zone, `YYYY-MM-DD`. */
export function dayIn(instant: Date, timeZone: string): string {
  const p = partsIn(timeZone, instant.getTime())
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`
}
