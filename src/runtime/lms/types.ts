/**
 * One interface for the three ways of keeping the learner's data: a SCORM 1.2 API, a SCORM 2004
 * API, or (no LMS found) the browser's localStorage. Each speaks a dialect (lms/dialect.ts): the
 * element names and value formats of the SCO's version, and what that kind of LMS keeps.
 */

import type { Dialect } from './dialect.js'

export type LmsMode = 'scorm12' | 'scorm2004' | 'local'

export interface Lms {
  readonly dialect: Dialect
  /** True between a successful initialize() and finish(). */
  readonly active: boolean
  /** Starts the session; false if the LMS refused it. */
  initialize(): boolean
  /** The value, or '' on any error (see lastError()). */
  get(element: string): string
  /** Sends the value as a string; false if the LMS refused it. */
  set(element: string, value: string): boolean
  /** Asks the LMS to store what was set; false on `"false"` or a non-zero error code. */
  commit(): boolean
  /** Ends the session, at most once; afterwards every call is refused without reaching the LMS. */
  finish(): boolean
  /** Error code of the last call, as the LMS reported it (0 = none; -1 = the call threw). */
  lastError(): number
}

/** What a launch gives back. */
export interface Launch {
  entry: string
  /** `normal`, `browse` or `review` (1.2 `cmi.core.lesson_mode`, 2004 `cmi.mode`); '' if unknown. */
  mode: string
  location: string
  suspendData: string
  /** SCORM 1.2 `cmi.interactions._count`, when the LMS gave one. */
  interactionCount: number | null
}
