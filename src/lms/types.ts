// Types shared by the Node side of the test LMS (server, store) and the browser side
// (host page, strict layer). Keep this file free of imports: it is bundled for the browser.

export type ScormVersion = 'scorm12' | 'scorm2004'
export type LaunchMode = 'frame' | 'window'

/** Flattened run-time data: `cmi.core.lesson_status` → `completed`. */
export type Tracks = Record<string, string>

/** One call made by the SCO on the API object (LMSSetValue, GetValue, …). */
export interface ApiCall {
  /** Launch session (1 = first launch of this learner/package/SCO). */
  session: number
  /** Order of the call inside its session, from 1. */
  seq: number
  method: string
  /** Arguments as JSON values (undefined becomes null; see argTypes). */
  args: unknown[]
  /** `typeof` of every argument as passed by the SCO. */
  argTypes: string[]
  /** What the API returned to the SCO. */
  result: string
  /** Error code GetLastError would return right after the call. */
  error: string
  /** Date.now() in the browser when the call returned. */
  time: number
  /** Id of the strict rule that rejected the call, if any. */
  rule?: string
}

export type ViolationKind =
  /** The strict layer refused a call scorm-again (or Moodle's lax default) would accept. */
  | 'strict'
  /** The API (scorm-again or the LMS) answered with a non-zero error code. */
  | 'api-error'
  /** A value passed to SetValue was not a JS string. */
  | 'type'

export interface Violation {
  session: number
  seq: number
  kind: ViolationKind
  method: string
  args: unknown[]
  /** SCORM error code the SCO got ('0' for type violations that were accepted). */
  code: string
  rule?: string
  message: string
}

/** Host-page happenings that are not API calls (API lookups, SCO loads, unloads). */
export interface HostEvent {
  session: number
  seq: number
  type: string
  detail?: string
  time: number
}

/** One request received on the commit endpoint (Moodle's datamodel.php). */
export interface CommitRecord {
  session: number
  /** True for the commit made by LMSFinish / Terminate. */
  terminate: boolean
  transport: 'xhr' | 'beacon'
  /** False when the commit was refused by failure injection (nothing stored). */
  ok: boolean
  /** Elements sent (only the ones that changed, like Moodle's CollectData). */
  elements: Tracks
}

/** Configuration the server embeds in the host page for one launch. */
export interface HostConfig {
  version: ScormVersion
  learner: string
  pkg: string
  sco: string
  session: number
  mode: LaunchMode
  title: string
  launchUrl: string
  commitUrl: string
  logUrl: string
  /** Values loaded into the API before LMSInitialize / Initialize. */
  preload: Tracks
  /** Moodle masteryoverride (default on): 1.2 status recomputed from mastery_score at LMSFinish. */
  masteryOverride: boolean
}

/** Why the strict layer refused a call: the SCORM error code the SCO gets, and the rule. */
export interface Rejection {
  code: string
  rule: string
  message: string
}

/** What element rules need to know from the live API. */
export interface RuleContext {
  /** cmi.interactions.<index>.type as currently known (set by the SCO or preloaded). */
  interactionType(index: string): string | undefined
}
