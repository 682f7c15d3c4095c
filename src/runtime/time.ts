/**
 * Time formats of the SCORM data models. Pure.
 *
 * SCORM 1.2 CMITimespan `HHHH:MM:SS.SS` (Moodle: `^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$`),
 * CMITime `HH:MM:SS` (interactions.n.time). SCORM 2004 timeinterval `PT#H#M#S` (Moodle: at most
 * two decimals on the seconds, no weeks) and time(second,10,0) `YYYY-MM-DDThh:mm:ss`.
 */

const pad = (value: number, width = 2): string => String(value).padStart(width, '0')

/** Hundredths of a second, rounded; negative or non-finite input counts as 0. */
function centis(seconds: number): number {
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 100) : 0
}

/** SCORM 1.2 CMITimespan, e.g. `00:01:30.50`; capped at 9999:59:59.99 (four hour digits). */
export function timespan12(seconds: number): string {
  const cs = Math.min(centis(seconds), 9999 * 360000 + 359999)
  const h = Math.floor(cs / 360000)
  const m = Math.floor(cs / 6000) % 60
  const s = Math.floor(cs / 100) % 60
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(cs % 100)}`
}

/** SCORM 2004 duration, e.g. `PT1H2M3.5S`, `PT0S`. */
export function duration2004(seconds: number): string {
  const cs = centis(seconds)
  const h = Math.floor(cs / 360000)
  const m = Math.floor(cs / 6000) % 60
  const rest = cs % 6000
  let s = String(Math.floor(rest / 100))
  if (rest % 100 !== 0) s += '.' + pad(rest % 100).replace(/0$/, '')
  return 'PT' + (h > 0 ? h + 'H' : '') + (m > 0 ? m + 'M' : '') + s + 'S'
}

/** SCORM 1.2 CMITime (time of day, local): `HH:MM:SS`. */
export function clockTime12(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
}

/**
 * SCORM 2004 timestamp, local time, seconds precision: `YYYY-MM-DDThh:mm:ss`. No zone: Moodle's
 * CMITime regex only accepts a zone after fractional seconds.
 */
export function timestamp2004(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` + `T${clockTime12(date)}`
}
