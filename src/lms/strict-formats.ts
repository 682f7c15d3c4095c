// Data-type regexes of Moodle's SCORM players, copied from
//   mod/scorm/datamodels/scorm_12.js  (SCORMapi1_2, "Standard Data Type Definition")
//   mod/scorm/datamodels/scorm_13.js  (SCORMapi1_3, "Standard Data Type Definition")
// with the 1.2 string limits of the "scormstandard" admin setting switched ON
// (mod/scorm/datamodels/scorm_12.php: cmistring256 = {0,255}, cmistring4096 = {0,4096}).
//
// Where Moodle's regex is accidentally laxer than intended we keep the intent and say so:
// Moodle builds its 1.2 CMITime/CMITimespan from single-quoted strings where '\.' loses its
// backslash, so "12:00:00x5" passes there; here the decimal point must be a real ".".

/* ---------- SCORM 1.2 (scorm_12.js) ---------- */
export const S12 = {
  CMIString256: /^[\u0000-\uFFFF]{0,255}$/,
  CMIString4096: /^[\u0000-\uFFFF]{0,4096}$/,
  CMITime: /^([0-2][0-9]):([0-5][0-9]):([0-5][0-9])(\.[0-9]{1,2})?$/,
  CMITimespan: /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/,
  CMISInteger: /^-?([0-9]+)$/,
  CMIDecimal: /^-?([0-9]{0,3})(\.[0-9]*)?$/,
  CMIIdentifier: /^[\u0021-\u007E]{0,255}$/,
  CMIStatus: /^passed$|^completed$|^failed$|^incomplete$|^browsed$/,
  CMIStatus2: /^passed$|^completed$|^failed$|^incomplete$|^browsed$|^not attempted$/,
  CMIExit: /^time-out$|^suspend$|^logout$|^$/,
  CMIType: /^true-false$|^choice$|^fill-in$|^matching$|^performance$|^sequencing$|^likert$|^numeric$/,
  CMIResult: /^correct$|^wrong$|^unanticipated$|^neutral$|^([0-9]{0,3})?(\.[0-9]*)?$/,
  NAVEvent: /^previous$|^continue$/,
} as const

/**
 * Per-type response formats of SCORM 1.2 (ADL SCORM 1.2 RTE §3.4.2, table of
 * cmi.interactions.n.correct_responses.n.pattern / student_response). Moodle only checks
 * "≤ 255 chars" (CMIFeedback = CMIString256, "This must be redefined"); strict LMSs check these.
 * Single characters are 0-9 and a-z.
 */
const C = '[0-9a-z]'
export const S12_RESPONSES: Record<string, RegExp> = {
  'true-false': /^[01tf]$/,
  choice: new RegExp(`^${C}(,${C})*$`),
  sequencing: new RegExp(`^${C}(,${C})*$`),
  matching: new RegExp(`^${C}\\.${C}(,${C}\\.${C})*$`),
  likert: new RegExp(`^${C}?$`),
  numeric: /^-?[0-9]+(\.[0-9]+)?$/,
}

/* ---------- SCORM 2004 (scorm_13.js) ---------- */
export const S2004 = {
  CMIString250: /^[\u0000-\uFFFF]{0,250}$/,
  CMIString1000: /^[\u0000-\uFFFF]{0,1000}$/,
  CMIString4000: /^[\u0000-\uFFFF]{0,4000}$/,
  CMIString64000: /^[\u0000-\uFFFF]{0,64000}$/,
  CMILang: /^([a-zA-Z]{2,3}|i|x)(-[a-zA-Z0-9-]{2,8})?$|^$/,
  /** Year 1970–2038, at most 2 fractional digits; a time zone is only accepted after them. */
  CMITime:
    /^(19[7-9][0-9]|20[0-2][0-9]|203[0-8])((-(0[1-9]|1[0-2]))((-(0[1-9]|[1-2][0-9]|3[0-1]))(T([0-1][0-9]|2[0-3])((:[0-5][0-9])((:[0-5][0-9])((\.[0-9]{1,2})((Z|([+|-]([0-1][0-9]|2[0-3])))(:[0-5][0-9])?)?)?)?)?)?)?)?$/,
  /** ISO 8601 duration without weeks, at most 2 decimals on seconds. */
  CMITimespan: /^P(\d+Y)?(\d+M)?(\d+D)?(T(((\d+H)(\d+M)?(\d+(\.\d{1,2})?S)?)|((\d+M)(\d+(\.\d{1,2})?S)?)|((\d+(\.\d{1,2})?S))))?$/,
  CMISInteger: /^-?([0-9]+)$/,
  CMIDecimal: /^-?([0-9]{1,5})(\.[0-9]{1,18})?$/,
  CMIShortIdentifier: /^[\w.]{1,250}$/,
  CMILongIdentifier: /^(?:(?!urn:)\S{1,4000}|urn:[A-Za-z0-9-]{1,31}:\S{1,4000})$/,
  CMICStatus: /^completed$|^incomplete$|^not attempted$|^unknown$/,
  CMISStatus: /^passed$|^failed$|^unknown$/,
  CMIExit: /^time-out$|^suspend$|^logout$|^normal$|^$/,
  CMIType: /^true-false$|^choice$|^(long-)?fill-in$|^matching$|^performance$|^sequencing$|^likert$|^numeric$|^other$/,
  CMIResult: /^correct$|^incorrect$|^unanticipated$|^neutral$|^-?([0-9]{1,4})(\.[0-9]{1,18})?$/,
  NAVEvent: /^previous$|^continue$|^exit$|^exitAll$|^abandon$|^abandonAll$|^suspendAll$|^\{target=\S{0,200}[a-zA-Z0-9]\}choice|jump$/,
} as const

const LANG_PREFIX = /^\{lang=([a-zA-Z]{2,3}|i|x)(-[a-zA-Z0-9-]{2,8})?\}/

/**
 * Moodle's CMILangString250 / CMILangString4000: an optional {lang=xx} prefix, then text that
 * does not start with "{" and has no line break ("." in the regex), at most `max` characters.
 * (Moodle's regex allows max+1 characters by accident; the spec's SPM is `max`.)
 */
export function isLangString(value: string, max: number): boolean {
  const rest = value.replace(LANG_PREFIX, '')
  if (rest === '') return true
  return rest[0] !== '{' && !/[\n\r\u2028\u2029]/.test(rest) && rest.length <= max
}
