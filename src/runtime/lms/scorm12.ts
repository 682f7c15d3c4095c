/**
 * SCORM 1.2: `window.API` (LMSInitialize, LMSGetValue…), ADL SCORM 1.2 RTE §3.
 *
 * Moodle preloads `cmi.core.lesson_location` and `cmi.suspend_data` on every launch, even when
 * `cmi.core.entry` is not `resume` (it only says `resume` after an exit `suspend`), so both are
 * read on every launch. `cmi.interactions.n.*` elements are write-only (GetValue gives 404); only
 * `cmi.interactions._count` is read, to append records after the ones already stored.
 */

import { ApiLms } from './api.js'
import type { Launch, Lms } from './types.js'

export const SCORM12_NAMES = {
  initialize: 'LMSInitialize',
  finish: 'LMSFinish',
  get: 'LMSGetValue',
  set: 'LMSSetValue',
  commit: 'LMSCommit',
  lastError: 'LMSGetLastError',
}

/** 101 "General exception" is what LMSInitialize answers when already initialized (Moodle). */
export function scorm12(api: object): Lms {
  return new ApiLms('scorm12', api as Record<string, unknown>, SCORM12_NAMES, 101)
}

export function readLaunch12(lms: Lms): Launch {
  const entry = lms.get('cmi.core.entry')
  const mode = lms.get('cmi.core.lesson_mode')
  const location = lms.get('cmi.core.lesson_location')
  const suspendData = lms.get('cmi.suspend_data')
  const raw = lms.get('cmi.interactions._count')
  const count = /^[0-9]+$/.test(raw) && lms.lastError() === 0 ? Number(raw) : null
  return { entry, mode, location, suspendData, interactionCount: count }
}
