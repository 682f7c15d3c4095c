/**
 * SCORM 1.2: `window.API` (LMSInitialize, LMSGetValue…), ADL SCORM 1.2 RTE §3.
 *
 * Moodle preloads `cmi.core.lesson_location` and `cmi.suspend_data` on every launch, even when
 * `cmi.core.entry` is not `resume` (it only says `resume` after an exit `suspend`), so both are
 * read on every launch. `cmi.interactions.n.*` elements are write-only (GetValue gives 404); only
 * `cmi.interactions._count` is read, to append records after the ones already stored.
 */

import { interaction12 } from '../interactions.js'
import { timespan12 } from '../time.js'
import type { Summary } from '../tracking.js'
import { decimal } from '../tracking.js'
import { ApiLms } from './api.js'
import type { ApiDialect, Values } from './dialect.js'
import type { HeldOutcome, Launch, Lms } from './types.js'

/**
 * `cmi.core.lesson_status`: with assessments, `incomplete` until they are all submitted, then
 * `passed`/`failed` (what Moodle's masteryoverride would write at LMSFinish anyway); without,
 * `completed` once complete. Never `not attempted`; the score only once it exists.
 * `cmi.core.exit` = `suspend` until finished: finished means completed, passed and complete, or
 * failed with no attempt left.
 */
export function status12(s: Summary): Values {
  let status: string
  let finished: boolean
  if (s.assessed) {
    status = !s.allSubmitted ? 'incomplete' : s.passed ? 'passed' : 'failed'
    finished = s.allSubmitted && (s.passed ? s.complete : !s.canRetry)
  } else {
    status = s.complete ? 'completed' : 'incomplete'
    finished = s.complete
  }
  const out: Values = [['cmi.core.lesson_status', status]]
  if (s.score !== null) {
    out.push(['cmi.core.score.raw', decimal(s.score)], ['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'])
  }
  out.push(['cmi.core.exit', finished ? '' : 'suspend'])
  return out
}

export function readLaunch12(lms: Lms): Launch {
  const entry = lms.get('cmi.core.entry')
  const mode = lms.get('cmi.core.lesson_mode')
  const location = lms.get('cmi.core.lesson_location')
  const suspendData = lms.read('cmi.suspend_data')
  const raw = lms.get('cmi.interactions._count')
  const count = /^[0-9]+$/.test(raw) && lms.lastError() === 0 ? Number(raw) : null
  return { entry, mode, location, suspendData, interactionCount: count }
}

const STATUS12: Record<string, Omit<HeldOutcome, 'score'>> = {
  passed: { completed: true, passed: true },
  completed: { completed: true, passed: null },
  // 1.2 'failed' says nothing about completion (pages seen, time).
  failed: { completed: false, passed: false },
}

/** `cmi.core.lesson_status` and `cmi.core.score.raw` as Moodle preloads them at every launch. */
export function readOutcome12(lms: Lms): HeldOutcome {
  const status = STATUS12[lms.get('cmi.core.lesson_status')] ?? { completed: false, passed: null }
  const raw = lms.get('cmi.core.score.raw')
  return { ...status, score: /^[0-9]+(\.[0-9]+)?$/.test(raw) ? Number(raw) : null }
}

export const scorm12Dialect: ApiDialect = {
  mode: 'scorm12',
  version: 'scorm12',
  elements: {
    entry: 'cmi.core.entry',
    mode: 'cmi.core.lesson_mode',
    location: 'cmi.core.lesson_location',
    suspendData: 'cmi.suspend_data',
    sessionTime: 'cmi.core.session_time',
  },
  // 101 "General exception" is what LMSInitialize answers when already initialized (Moodle).
  api: {
    object: 'API',
    names: {
      initialize: 'LMSInitialize',
      finish: 'LMSFinish',
      get: 'LMSGetValue',
      set: 'LMSSetValue',
      commit: 'LMSCommit',
      lastError: 'LMSGetLastError',
    },
    alreadyInitialized: 101,
    notInitialized: null,
  },
  readLaunch: readLaunch12,
  readOutcome: readOutcome12,
  sessionTime: timespan12,
  status: status12,
  interaction: interaction12,
  objectives: null,
}

export function scorm12(api: object): Lms {
  return new ApiLms(scorm12Dialect, api as Record<string, unknown>)
}
