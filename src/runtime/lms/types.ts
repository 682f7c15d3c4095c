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
  /**
   * The value, or null when the LMS could not give it: the call threw, answered null or nothing,
   * or set an error code (other than "not initialized": a value never set reads as ''). For what
   * must not be mistaken for "nothing stored": the learner's state.
   */
  read(element: string): string | null
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
  /** `cmi.suspend_data`; null when the LMS could not give it (see Lms.read). */
  suspendData: string | null
  /** SCORM 1.2 `cmi.interactions._count`, when the LMS gave one. */
  interactionCount: number | null
}

/** The outcome the LMS already holds for this SCO, read at launch (see tracking.ts holdOutcome). */
export interface HeldOutcome {
  completed: boolean
  /** true: passed, false: failed, null: no verdict. */
  passed: boolean | null
  /** 0–100, null if unknown. */
  score: number | null
}
