/**
 * SCORM 2004: `window.API_1484_11` (Initialize, GetValue…), SCORM 2004 RTE §3.
 *
 * GetValue on an element that was never set answers '' with error 403 "Data Model Element Value
 * Not Initialized": on a first launch that is normal, not a failure, but strict LMSs log it. So
 * only `cmi.entry` is read on an `ab-initio` launch; location and suspend_data only on `resume`
 * (Moodle restores 2004 data only after an exit `suspend` anyway).
 */

import { interaction2004 } from '../interactions.js'
import { duration2004 } from '../time.js'
import type { Summary } from '../tracking.js'
import { decimal } from '../tracking.js'
import { ApiLms } from './api.js'
import type { ApiDialect, Objectives, Values } from './dialect.js'
import type { HeldOutcome, Launch, Lms } from './types.js'

/**
 * `completion_status` from the completion rule, `success_status` set by the SCO (Moodle never
 * derives it), `exit` = `suspend` always: Moodle 4.5 hands 2004 data back (entry `resume`) only
 * after a suspend exit, and a learner who reopens or reviews a finished course must find their
 * progress, not an empty course (issue 12; the outcome is held either way, tracking.ts
 * holdOutcome). The score only once it exists.
 */
export function status2004(s: Summary): Values {
  const out: Values = [
    ['cmi.completion_status', s.complete ? 'completed' : 'incomplete'],
    ['cmi.success_status', s.passed === null ? 'unknown' : s.passed ? 'passed' : 'failed'],
  ]
  if (s.score !== null) {
    out.push(['cmi.score.scaled', decimal(s.score / 100)], ['cmi.score.raw', decimal(s.score)], ['cmi.score.min', '0'], ['cmi.score.max', '100'])
  }
  out.push(['cmi.progress_measure', decimal(s.progress)])
  out.push(['cmi.exit', 'suspend'])
  return out
}

export function readLaunch2004(lms: Lms): Launch {
  const entry = lms.get('cmi.entry')
  // cmi.mode is always set by the LMS (RTE 4.2.16): reading it never gives 403.
  const mode = lms.get('cmi.mode')
  if (entry !== 'resume') return { entry, mode, location: '', suspendData: '', interactionCount: null }
  const location = lms.get('cmi.location')
  const suspendData = lms.read('cmi.suspend_data')
  return { entry, mode, location, suspendData, interactionCount: null }
}

/**
 * `cmi.completion_status` and `cmi.success_status`, on a resume only (Moodle restores 2004 data
 * only after a suspend exit). The score is not read: unset, it answers 403, which strict LMSs log.
 */
export function readOutcome2004(lms: Lms, launch: Launch): HeldOutcome {
  if (launch.entry !== 'resume') return { completed: false, passed: null, score: null }
  const success = lms.get('cmi.success_status')
  return {
    completed: lms.get('cmi.completion_status') === 'completed',
    passed: success === 'passed' ? true : success === 'failed' ? false : null,
    score: null,
  }
}

/**
 * One SCO per module: once the module is complete, its completion objective is `passed`; the
 * manifest maps it to the global objective that unlocks the next module. The LMS may already
 * list the manifest's objectives in cmi.objectives: the entry with our id is reused.
 */
const objectives2004: Objectives = {
  find(lms, id) {
    const count = parseInt(lms.get('cmi.objectives._count'), 10)
    const free = Number.isFinite(count) && count > 0 ? count : 0
    for (let i = 0; i < free; i++) if (lms.get(`cmi.objectives.${i}.id`) === id) return i
    return free
  },
  passed(index, id) {
    const p = `cmi.objectives.${index}.`
    return [
      [p + 'id', id],
      [p + 'success_status', 'passed'],
      // The manifest shares this objective's completion status (adlseq:mapInfo, ADL 4th ed.).
      [p + 'completion_status', 'completed'],
    ]
  },
}

export const scorm2004Dialect: ApiDialect = {
  mode: 'scorm2004',
  version: 'scorm2004',
  elements: {
    entry: 'cmi.entry',
    mode: 'cmi.mode',
    location: 'cmi.location',
    suspendData: 'cmi.suspend_data',
    sessionTime: 'cmi.session_time',
  },
  // 103 "Already Initialized".
  api: {
    object: 'API_1484_11',
    names: {
      initialize: 'Initialize',
      finish: 'Terminate',
      get: 'GetValue',
      set: 'SetValue',
      commit: 'Commit',
      lastError: 'GetLastError',
    },
    alreadyInitialized: 103,
    // 403 "Data Model Element Value Not Initialized": never set, which is not a failed read.
    notInitialized: 403,
  },
  readLaunch: readLaunch2004,
  readOutcome: readOutcome2004,
  sessionTime: duration2004,
  status: status2004,
  interaction: interaction2004,
  objectives: objectives2004,
}

export function scorm2004(api: object): Lms {
  return new ApiLms(scorm2004Dialect, api as Record<string, unknown>)
}
