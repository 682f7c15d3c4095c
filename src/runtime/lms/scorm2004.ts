/**
 * SCORM 2004: `window.API_1484_11` (Initialize, GetValue…), SCORM 2004 RTE §3.
 *
 * GetValue on an element that was never set answers '' with error 403 "Data Model Element Value
 * Not Initialized": on a first launch that is normal, not a failure, but strict LMSs log it. So
 * only `cmi.entry` is read on an `ab-initio` launch; location and suspend_data only on `resume`
 * (Moodle restores 2004 data only after an exit `suspend` anyway).
 */

import { ApiLms } from './api.js'
import type { Launch, Lms } from './types.js'

export const SCORM2004_NAMES = {
  initialize: 'Initialize',
  finish: 'Terminate',
  get: 'GetValue',
  set: 'SetValue',
  commit: 'Commit',
  lastError: 'GetLastError',
}

/** 103 "Already Initialized". */
export function scorm2004(api: object): Lms {
  return new ApiLms('scorm2004', api as Record<string, unknown>, SCORM2004_NAMES, 103)
}

export function readLaunch2004(lms: Lms): Launch {
  const entry = lms.get('cmi.entry')
  // cmi.mode is always set by the LMS (RTE 4.2.16): reading it never gives 403.
  const mode = lms.get('cmi.mode')
  if (entry !== 'resume') return { entry, mode, location: '', suspendData: '', interactionCount: null }
  const location = lms.get('cmi.location')
  const suspendData = lms.get('cmi.suspend_data')
  return { entry, mode, location, suspendData, interactionCount: null }
}
