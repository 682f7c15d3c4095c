// SCORM 2004 element rules of the strict layer: Moodle's datamodel table
// (mod/scorm/datamodels/scorm_13.js, `var datamodel = {…}`) and the error codes its
// GetValue/SetValue use: unknown element 401, write to read-only 404, read of write-only 405,
// format 406, range 407, dependency 408, general set failure 351, general get failure 301.

import { S2004, isLangString } from './strict-formats.js'
import { checkLearnerResponse, checkPattern } from './strict-responses2004.js'
import type { Rejection, RuleContext } from './types.js'

type Format = RegExp | ((v: string) => boolean)
interface Entry {
  mod: 'r' | 'w' | 'rw'
  format?: Format
  /** [min, max]; max undefined = "*" (no upper bound). */
  range?: [number, number | undefined]
}

const r: Entry = { mod: 'r' }
const rw = (format: Format, range?: [number, number | undefined]): Entry => ({ mod: 'rw', format, range })
const w = (format: Format): Entry => ({ mod: 'w', format })
const lang250 = (v: string): boolean => isLangString(v, 250)
const lang4000 = (v: string): boolean => isLangString(v, 4000)
const D = S2004.CMIDecimal

export const DATAMODEL_2004: Record<string, Entry> = {
  'cmi._children': r,
  'cmi._version': r,
  'cmi.comments_from_learner._children': r,
  'cmi.comments_from_learner._count': r,
  'cmi.comments_from_learner.n.comment': rw(lang4000),
  'cmi.comments_from_learner.n.location': rw(S2004.CMIString250),
  'cmi.comments_from_learner.n.timestamp': rw(S2004.CMITime),
  'cmi.comments_from_lms._children': r,
  'cmi.comments_from_lms._count': r,
  'cmi.comments_from_lms.n.comment': r,
  'cmi.comments_from_lms.n.location': r,
  'cmi.comments_from_lms.n.timestamp': r,
  'cmi.completion_status': rw(S2004.CMICStatus),
  'cmi.completion_threshold': r,
  'cmi.credit': r,
  'cmi.entry': r,
  'cmi.exit': w(S2004.CMIExit),
  'cmi.interactions._children': r,
  'cmi.interactions._count': r,
  'cmi.interactions.n.id': rw(S2004.CMILongIdentifier),
  'cmi.interactions.n.type': rw(S2004.CMIType),
  'cmi.interactions.n.objectives._count': r,
  'cmi.interactions.n.objectives.n.id': rw(S2004.CMILongIdentifier),
  'cmi.interactions.n.timestamp': rw(S2004.CMITime),
  'cmi.interactions.n.correct_responses._count': r,
  'cmi.interactions.n.correct_responses.n.pattern': rw(() => true), // per type, see below
  'cmi.interactions.n.weighting': rw(D),
  'cmi.interactions.n.learner_response': rw(() => true), // per type, see below
  'cmi.interactions.n.result': rw(S2004.CMIResult),
  'cmi.interactions.n.latency': rw(S2004.CMITimespan),
  'cmi.interactions.n.description': rw(lang250),
  'cmi.launch_data': r,
  'cmi.learner_id': r,
  'cmi.learner_name': r,
  'cmi.learner_preference._children': r,
  'cmi.learner_preference.audio_level': rw(D, [0, undefined]),
  'cmi.learner_preference.language': rw(S2004.CMILang),
  'cmi.learner_preference.delivery_speed': rw(D, [0, undefined]),
  'cmi.learner_preference.audio_captioning': rw(S2004.CMISInteger, [-1, 1]),
  'cmi.location': rw(S2004.CMIString1000),
  'cmi.max_time_allowed': r,
  'cmi.mode': r,
  'cmi.objectives._children': r,
  'cmi.objectives._count': r,
  'cmi.objectives.n.id': rw(S2004.CMILongIdentifier),
  'cmi.objectives.n.score._children': r,
  'cmi.objectives.n.score.scaled': rw(D, [-1, 1]),
  'cmi.objectives.n.score.raw': rw(D),
  'cmi.objectives.n.score.min': rw(D),
  'cmi.objectives.n.score.max': rw(D),
  'cmi.objectives.n.success_status': rw(S2004.CMISStatus),
  'cmi.objectives.n.completion_status': rw(S2004.CMICStatus),
  'cmi.objectives.n.progress_measure': rw(D, [0, 1]),
  'cmi.objectives.n.description': rw(lang250),
  'cmi.progress_measure': rw(D, [0, 1]),
  'cmi.scaled_passing_score': r,
  'cmi.score._children': r,
  'cmi.score.scaled': rw(D, [-1, 1]),
  'cmi.score.raw': rw(D),
  'cmi.score.min': rw(D),
  'cmi.score.max': rw(D),
  'cmi.session_time': w(S2004.CMITimespan),
  'cmi.success_status': rw(S2004.CMISStatus),
  'cmi.suspend_data': rw(S2004.CMIString64000),
  'cmi.time_limit_action': r,
  'cmi.total_time': r,
  'adl.nav.request': rw(S2004.NAVEvent),
}

export function modelOf2004(element: string): string {
  return element.replace(/[._](\d+)\./g, '.n.')
}

const reject = (code: string, rule: string, message: string): Rejection => ({ code, rule, message })

/** GetValue checks (scorm_13.js GetValue), after the lifecycle checks. */
export function checkGet2004(element: string): Rejection | null {
  if (element === '') return reject('301', 'scorm2004.get.empty-element', 'GetValue("") is a general get failure')
  // adl.nav.request_valid.* is answered by the sequencing part: leave it to scorm-again.
  if (element.startsWith('adl.nav.request_valid.')) return null
  const model = modelOf2004(element)
  const entry = DATAMODEL_2004[model]
  if (!entry) {
    const parent = model.replace(/\.(_children|_count)$/, '')
    if (parent !== model && DATAMODEL_2004[parent]) {
      return reject('301', 'scorm2004.get.no-children-or-count', `${element}: element has no ${model.slice(parent.length + 1)}`)
    }
    return reject('401', 'scorm2004.get.unknown-element', `${element} is not in Moodle's SCORM 2004 data model`)
  }
  if (entry.mod === 'w') return reject('405', 'scorm2004.get.write-only', `${element} is write-only`)
  return null
}

function matches(format: Format, value: string): boolean {
  return typeof format === 'function' ? format(value) : format.test(value)
}

const MESSAGES: Record<string, (v: string) => string> = {
  'cmi.location': (v) => `cmi.location longer than 1000 chars (${v.length})`,
  'cmi.suspend_data': (v) => `cmi.suspend_data longer than 64000 chars (${v.length})`,
  'cmi.interactions.n.id': () => 'interaction id must be 1–4000 non-blank characters (CMILongIdentifier)',
  'cmi.interactions.n.description': (v) => `description must be ≤ 250 characters on one line (got ${v.length})`,
  'cmi.interactions.n.timestamp': () => 'timestamp must be ISO 8601, year 1970–2038, ≤ 2 fractional digits',
  'cmi.session_time': () => 'session_time must be an ISO 8601 duration (no weeks, ≤ 2 decimals)',
  'cmi.interactions.n.latency': () => 'latency must be an ISO 8601 duration (no weeks, ≤ 2 decimals)',
}

/** SetValue checks (scorm_13.js SetValue), after the lifecycle checks. */
export function checkSet2004(element: string, value: string, ctx: RuleContext): Rejection | null {
  if (element === '') return reject('351', 'scorm2004.set.empty-element', 'SetValue("") is a general set failure')
  const model = modelOf2004(element)
  const entry = DATAMODEL_2004[model]
  if (!entry) return reject('401', 'scorm2004.set.unknown-element', `${element} is not in Moodle's SCORM 2004 data model`)
  if (entry.mod === 'r') return reject('404', 'scorm2004.set.read-only', `${element} is read-only`)
  if (/[._]0\d+\./.test(element)) return reject('351', 'scorm2004.set.leading-zero-index', `${element}: index with a leading 0`)
  if (entry.format && !matches(entry.format, value)) {
    const msg = MESSAGES[model]?.(value) ?? `${element}="${value.slice(0, 80)}" does not match Moodle's SCORM 2004 format`
    return reject('406', `scorm2004.format.${model}`, msg)
  }
  if (entry.range) {
    const n = Number(value)
    const [min, max] = entry.range
    if (!(n >= min && (max === undefined || n <= max))) {
      return reject('407', `scorm2004.range.${model}`, `${element}=${value} outside ${min}..${max ?? '*'}`)
    }
  }
  const resp = /^cmi\.interactions\.(\d+)\.learner_response$/.exec(element)
  if (resp) return checkLearnerResponse(element, ctx.interactionType(resp[1]!), value)
  const pat = /^cmi\.interactions\.(\d+)\.correct_responses\.(\d+)\.pattern$/.exec(element)
  if (pat) return checkPattern(element, Number(pat[2]), ctx.interactionType(pat[1]!), value)
  return null
}
