/**
 * A dialect is everything that differs between the three ways of keeping a learner's data: the
 * SCORM 1.2 data model, the SCORM 2004 one, and localStorage when no LMS is found. The session,
 * the tracking policy and the page never ask "which version?": they ask the dialect.
 */

import type { ScormVersion } from '../../shared/sco-data.js'
import type { InteractionInput } from '../interactions.js'
import type { Summary } from '../tracking.js'
import type { ApiNames } from './api.js'
import type { HeldOutcome, Launch, Lms, LmsMode } from './types.js'

/** Element names that both versions have, under their own names. */
export interface Elements {
  entry: string
  mode: string
  location: string
  suspendData: string
  sessionTime: string
}

export type Values = Array<[string, string]>

/** SCORM 2004 objectives (cmi.objectives.n), used to unlock the next module. */
export interface Objectives {
  /** Index of the objective with this id (the LMS may list the manifest's objectives), or the next free one. */
  find(lms: Lms, id: string): number
  /** The values that mark objective `index` as passed. */
  passed(index: number, id: string): Values
}

export interface Dialect {
  readonly mode: LmsMode
  /** The SCO's SCORM version (the local dialect keeps its element names). */
  readonly version: ScormVersion
  readonly elements: Elements
  /** What the LMS kept from earlier sessions. */
  readLaunch(lms: Lms): Launch
  /** The outcome the LMS holds from earlier sessions (status, score), never to be taken back. */
  readOutcome(lms: Lms, launch: Launch): HeldOutcome
  /** The session time element's value. */
  sessionTime(seconds: number): string
  /** Status and score elements, in order (location, state and session time are the caller's). */
  status(summary: Summary): Values
  /** The values of interaction record `n`; null where nothing keeps interactions (local). */
  interaction(n: number, input: InteractionInput): Values | null
  /** Null where there are no objectives to report. */
  readonly objectives: Objectives | null
}

/** A dialect spoken through a SCORM API object found in the LMS's window. */
export interface ApiDialect extends Dialect {
  readonly mode: Exclude<LmsMode, 'local'>
  readonly api: {
    /** Name of the API object in the LMS window (`API`, `API_1484_11`). */
    object: string
    names: ApiNames
    /** Initialize's error code meaning "already initialized" (the SCO page was reloaded). */
    alreadyInitialized: number
    /** GetValue's error code for an element never set (its value is ''), null if none. */
    notInitialized: number | null
  }
}
