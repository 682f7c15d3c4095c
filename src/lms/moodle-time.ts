// Total-time accumulation done by Moodle's players at LMSFinish/Terminate (StoreData →
// TotalTime → AddTime(cmi.total_time, cmi.session_time)):
//   1.2:  mod/scorm/datamodels/scorm_12.js AddTime  (HH[HH]:MM:SS[.cc])
//   2004: mod/scorm/datamodels/scorm_13.js AddTime  (ISO 8601 durations)
// Browser-safe (no imports).

/** Port of scorm_12.js AddTime: adds two CMITimespan values, keeping hundredths. */
export function addTime12(first: string, second: string): string {
  const [h1 = '0', m1 = '0', s1 = '0'] = first.split(':')
  const [h2 = '0', m2 = '0', s2 = '0'] = second.split(':')
  const [sec1 = '0', c1] = s1.split('.')
  const [sec2 = '0', c2] = s2.split('.')
  // Moodle parses the decimal part as an integer of hundredths ("5" in 00:00:01.5 counts as 5).
  let cents = (c1 ? parseInt(c1, 10) : 0) + (c2 ? parseInt(c2, 10) : 0)
  let change = Math.floor(cents / 100)
  cents -= change * 100
  let secs = parseInt(sec1, 10) + parseInt(sec2, 10) + change
  change = Math.floor(secs / 60)
  secs -= change * 60
  let mins = parseInt(m1, 10) + parseInt(m2, 10) + change
  change = Math.floor(mins / 60)
  mins -= change * 60
  const hours = parseInt(h1, 10) + parseInt(h2, 10) + change
  const pad = (n: number): string => (n < 10 ? `0${n}` : String(n))
  const base = `${pad(hours)}:${pad(mins)}:${pad(secs)}`
  return cents !== 0 ? `${base}.${pad(cents)}` : base
}

const DURATION = /^P((\d+)Y)?((\d+)M)?((\d+)D)?(T((\d+)H)?((\d+)M)?((\d+(\.\d{1,2})?)S)?)?$/

/**
 * Port of scorm_13.js AddTime (with its "firstdays = secondarray[6]" typo fixed, which made
 * Moodle drop the first operand's days). Returns "PT0S" where Moodle would return a bare "P".
 */
export function addTime2004(first: string, second: string): string {
  const a = DURATION.exec(first)
  const b = DURATION.exec(second)
  if (!a || !b) return first
  const int = (m: RegExpExecArray, i: number): number => (m[i] ? parseInt(m[i]!, 10) : 0)
  let secs = (a[13] ? parseFloat(a[13]) : 0) + (b[13] ? parseFloat(b[13]) : 0)
  let change = Math.floor(secs / 60)
  secs = Math.round((secs - change * 60) * 100) / 100
  let mins = int(a, 11) + int(b, 11) + change
  change = Math.floor(mins / 60)
  mins -= change * 60
  let hours = int(a, 9) + int(b, 9) + change
  change = Math.floor(hours / 24)
  hours -= change * 24
  const days = int(a, 6) + int(b, 6) + change
  const months = int(a, 4) + int(b, 4)
  const years = int(a, 2) + int(b, 2)
  let out = 'P'
  if (years > 0) out += `${years}Y`
  if (months > 0) out += `${months}M`
  if (days > 0) out += `${days}D`
  if (hours > 0 || mins > 0 || secs > 0) {
    out += 'T'
    if (hours > 0) out += `${hours}H`
    if (mins > 0) out += `${mins}M`
    if (secs > 0) out += `${secs}S`
  }
  return out === 'P' ? 'PT0S' : out
}
