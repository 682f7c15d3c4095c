// SCORM 1.2 element rules of the strict layer: Moodle's datamodel table
// (mod/scorm/datamodels/scorm_12.js, `var datamodel = {…}`: mod r/w/rw, format, range,
// readerror, writeerror) with scormstandard ON, plus the per-type response formats of the
// ADL 1.2 RTE that Moodle leaves to "CMIFeedback = CMIString256 // This must be redefined".

import { S12, S12_RESPONSES } from './strict-formats.js'
import type { Rejection, RuleContext } from './types.js'

interface Entry {
  mod: 'r' | 'w' | 'rw'
  format?: RegExp
  /** Inclusive numeric range, checked like Moodle: value * 1.0 within [min, max]. */
  range?: [number, number]
  writeerror: string
  readerror?: string
}

const r = (writeerror = '403'): Entry => ({ mod: 'r', writeerror })
const keyword = (): Entry => ({ mod: 'r', writeerror: '402' })
const rw = (format: RegExp, range?: [number, number]): Entry => ({ mod: 'rw', format, range, writeerror: '405' })
const w = (format: RegExp, range?: [number, number]): Entry => ({
  mod: 'w',
  format,
  range,
  readerror: '404',
  writeerror: '405',
})

const SCORE: [number, number] = [0, 100]

// Keys use "n" for indices, as Moodle does (CMIIndex '[._](\d+).' replaced by '.n.').
export const DATAMODEL_12: Record<string, Entry> = {
  'cmi._children': keyword(),
  'cmi._version': keyword(),
  'cmi.core._children': keyword(),
  'cmi.core.student_id': r(),
  'cmi.core.student_name': r(),
  'cmi.core.lesson_location': rw(S12.CMIString256),
  'cmi.core.credit': r(),
  'cmi.core.lesson_status': rw(S12.CMIStatus),
  'cmi.core.entry': r(),
  'cmi.core.score._children': keyword(),
  'cmi.core.score.raw': rw(S12.CMIDecimal, SCORE),
  'cmi.core.score.max': rw(S12.CMIDecimal, SCORE),
  'cmi.core.score.min': rw(S12.CMIDecimal, SCORE),
  'cmi.core.total_time': r(),
  'cmi.core.lesson_mode': r(),
  'cmi.core.exit': w(S12.CMIExit),
  'cmi.core.session_time': w(S12.CMITimespan),
  'cmi.suspend_data': rw(S12.CMIString4096),
  'cmi.launch_data': r(),
  'cmi.comments': rw(S12.CMIString4096),
  'cmi.evaluation.comments._count': keyword(),
  'cmi.evaluation.comments._children': keyword(),
  'cmi.evaluation.comments.n.content': rw(S12.CMIString256),
  'cmi.evaluation.comments.n.location': rw(S12.CMIString256),
  'cmi.evaluation.comments.n.time': rw(S12.CMITime),
  'cmi.comments_from_lms': r(),
  'cmi.objectives._children': keyword(),
  'cmi.objectives._count': keyword(),
  'cmi.objectives.n.id': rw(S12.CMIIdentifier),
  'cmi.objectives.n.score._children': keyword(),
  'cmi.objectives.n.score.raw': rw(S12.CMIDecimal, SCORE),
  'cmi.objectives.n.score.min': rw(S12.CMIDecimal, SCORE),
  'cmi.objectives.n.score.max': rw(S12.CMIDecimal, SCORE),
  'cmi.objectives.n.status': rw(S12.CMIStatus2),
  'cmi.student_data._children': keyword(),
  'cmi.student_data.mastery_score': r(),
  'cmi.student_data.max_time_allowed': r(),
  'cmi.student_data.time_limit_action': r(),
  'cmi.student_preference._children': keyword(),
  'cmi.student_preference.audio': rw(S12.CMISInteger, [-1, 100]),
  'cmi.student_preference.language': rw(S12.CMIString256),
  'cmi.student_preference.speed': rw(S12.CMISInteger, [-100, 100]),
  'cmi.student_preference.text': rw(S12.CMISInteger, [-1, 1]),
  'cmi.interactions._children': keyword(),
  'cmi.interactions._count': keyword(),
  // Every cmi.interactions.n.* element is write-only in 1.2 (GetValue → 404).
  'cmi.interactions.n.id': w(S12.CMIIdentifier),
  'cmi.interactions.n.objectives._count': keyword(),
  'cmi.interactions.n.objectives.n.id': w(S12.CMIIdentifier),
  'cmi.interactions.n.time': w(S12.CMITime),
  'cmi.interactions.n.type': w(S12.CMIType),
  'cmi.interactions.n.correct_responses._count': keyword(),
  'cmi.interactions.n.correct_responses.n.pattern': w(S12.CMIString256),
  'cmi.interactions.n.weighting': w(S12.CMIDecimal, [-100, 100]),
  'cmi.interactions.n.student_response': w(S12.CMIString256),
  'cmi.interactions.n.result': w(S12.CMIResult),
  'cmi.interactions.n.latency': w(S12.CMITimespan),
  'nav.event': w(S12.NAVEvent),
}

/** Moodle: String(element).replace(new RegExp('[._](\\d+).', 'g'), '.n.'). */
export function modelOf(element: string): string {
  return element.replace(/[._](\d+)\./g, '.n.')
}

const reject = (code: string, rule: string, message: string): Rejection => ({ code, rule, message })

/** LMSGetValue checks (scorm_12.js LMSGetValue), after the lifecycle checks. */
export function checkGet12(element: string): Rejection | null {
  if (element === '') return reject('201', 'scorm12.get.empty-element', 'LMSGetValue("") is an invalid argument')
  const model = modelOf(element)
  const entry = DATAMODEL_12[model]
  if (!entry) {
    const parent = model.replace(/\.(_children|_count)$/, '')
    if (parent !== model && DATAMODEL_12[parent]) {
      const code = model.endsWith('._children') ? '202' : '203'
      return reject(code, 'scorm12.get.no-children-or-count', `${element}: element has no ${model.slice(parent.length + 1)}`)
    }
    return reject('201', 'scorm12.get.unknown-element', `${element} is not in Moodle's SCORM 1.2 data model`)
  }
  if (entry.mod === 'w') {
    return reject(entry.readerror ?? '404', 'scorm12.get.write-only', `${element} is write-only in SCORM 1.2`)
  }
  return null
}

/** Per-type response check (ADL 1.2 RTE); `allowEmpty` for student_response (unanswered). */
function checkResponse(element: string, type: string | undefined, value: string, isPattern: boolean): Rejection | null {
  if (!type) return null
  let v = value
  if (value === '' && !isPattern) return null
  // Correct-response patterns of choice/matching may list an unordered set as {a,b}.
  if (isPattern && (type === 'choice' || type === 'matching') && /^\{.*\}$/.test(v)) v = v.slice(1, -1)
  const re = S12_RESPONSES[type]
  if (re && !re.test(v)) {
    return reject('405', `scorm12.response.${type}`, `${element}="${value}" is not a valid ${type} response in SCORM 1.2 (single characters 0-9 a-z, see ADL 1.2 RTE)`)
  }
  return null
}

/** LMSSetValue checks (scorm_12.js LMSSetValue), after the lifecycle checks. */
export function checkSet12(element: string, value: string, ctx: RuleContext): Rejection | null {
  if (element === '') return reject('201', 'scorm12.set.empty-element', 'LMSSetValue("") is an invalid argument')
  const model = modelOf(element)
  const entry = DATAMODEL_12[model]
  if (!entry) return reject('201', 'scorm12.set.unknown-element', `${element} is not in Moodle's SCORM 1.2 data model`)
  if (entry.mod === 'r') {
    const what = entry.writeerror === '402' ? 'a keyword' : 'read-only'
    return reject(entry.writeerror, 'scorm12.set.read-only', `${element} is ${what}`)
  }
  if (entry.format && !entry.format.test(value)) {
    return reject(entry.writeerror, `scorm12.format.${model}`, formatMessage(element, value))
  }
  if (entry.range) {
    const n = Number(value === '' ? 0 : value) // Moodle: value * 1.0 ('' → 0)
    if (!(n >= entry.range[0] && n <= entry.range[1])) {
      return reject(entry.writeerror, `scorm12.range.${model}`, `${element}=${value} outside ${entry.range[0]}..${entry.range[1]}`)
    }
  }
  const idx = /^cmi\.interactions\.(\d+)\.(student_response|correct_responses\.\d+\.pattern)$/.exec(element)
  if (idx) return checkResponse(element, ctx.interactionType(idx[1]!), value, idx[2] !== 'student_response')
  return null
}

/** Re-checks responses recorded before the interaction type was known (1.2 has no ordering rule). */
export function checkLateType12(element: string, type: string, value: string): Rejection | null {
  return checkResponse(element, type, value, !element.endsWith('.student_response'))
}

function formatMessage(element: string, value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 60)}… (${value.length} chars)` : value
  if (element === 'cmi.core.lesson_location') return `cmi.core.lesson_location longer than 255 chars (${value.length})`
  if (element === 'cmi.suspend_data') return `cmi.suspend_data longer than 4096 chars (${value.length})`
  return `${element}="${shown}" does not match Moodle's SCORM 1.2 format`
}
