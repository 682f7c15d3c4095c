// The strict layer: wraps scorm-again's API object (window.API / window.API_1484_11) so that
// everything Moodle 4.5 refuses is refused here too, the way Moodle refuses it: the call
// returns "false" (or "" for GetValue) and GetLastError returns Moodle's error code.
// Every call is reported (onCall), and every refusal or non-zero error code too (onViolation).
//
// Runs in the browser (bundled by bundle.ts): no DOM, no Node, no framework.
//
// Lifecycle sources:
//  - 1.2: mod/scorm/datamodels/scorm_12.js — LMSInitialize/LMSFinish/LMSCommit need param == ""
//    (else 201); a second LMSInitialize → 101; LMSFinish sets Initialized=false *before* storing,
//    so afterwards every Get/Set/Commit/Finish answers "false"/301 (scorm-again answers "true").
//    Moodle would accept a new LMSInitialize after LMSFinish; we refuse it (101): a SCO must not
//    reopen a finished session.
//  - 2004: mod/scorm/datamodels/scorm_13.js — 103/104 (Initialize), 112/113 (Terminate),
//    122/123 (GetValue), 132/133 (SetValue), 142/143 (Commit); a failed Terminate keeps the
//    session open (only a 'true' result terminates).

import { checkGet12, checkLateType12, checkSet12 } from './strict-scorm12.js'
import { checkGet2004, checkSet2004 } from './strict-scorm2004.js'
import type { ApiCall, Rejection, RuleContext, ScormVersion, Violation } from './types.js'

type Role = 'init' | 'term' | 'get' | 'set' | 'commit' | 'lastError' | 'errorString' | 'diagnostic'
type State = 'new' | 'running' | 'finished'
type ApiFn = (...args: unknown[]) => unknown
export type RawApi = Record<string, unknown>

const NAMES: Record<ScormVersion, Record<Role, string>> = {
  scorm12: {
    init: 'LMSInitialize',
    term: 'LMSFinish',
    get: 'LMSGetValue',
    set: 'LMSSetValue',
    commit: 'LMSCommit',
    lastError: 'LMSGetLastError',
    errorString: 'LMSGetErrorString',
    diagnostic: 'LMSGetDiagnostic',
  },
  scorm2004: {
    init: 'Initialize',
    term: 'Terminate',
    get: 'GetValue',
    set: 'SetValue',
    commit: 'Commit',
    lastError: 'GetLastError',
    errorString: 'GetErrorString',
    diagnostic: 'GetDiagnostic',
  },
}

/** Error code for a call made in the wrong state: [before init, after finish]. */
const STATE_CODES: Record<ScormVersion, Partial<Record<Role, [string, string]>>> = {
  scorm12: { term: ['301', '301'], get: ['301', '301'], set: ['301', '301'], commit: ['301', '301'] },
  scorm2004: { term: ['112', '113'], get: ['122', '123'], set: ['132', '133'], commit: ['142', '143'] },
}

export interface StrictOptions extends RuleContext {
  onCall(call: Omit<ApiCall, 'session'>): void
  onViolation(v: Omit<Violation, 'session'>): void
  /** Runs just before a valid LMSFinish/Terminate is handed to scorm-again (Moodle StoreData rules). */
  beforeFinish?(seq: number): void
  /** Value to return instead of scorm-again's for a valid GetValue (elements Moodle does not compute). */
  readOverride?(element: string): string | undefined
}

export interface StrictApi {
  /** The object to expose as window.API / window.API_1484_11. */
  api: Record<string, ApiFn>
  /** Current error code, read without logging a GetLastError call. */
  peekError(): string
  state(): State
}

/** JSON-safe copy of an argument for the call log. */
function jsonArg(a: unknown): unknown {
  if (a === undefined) return null
  if (a === null || typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean') return a
  return String(a)
}

export function createStrictApi(raw: RawApi, version: ScormVersion, opts: StrictOptions): StrictApi {
  const names = NAMES[version]
  let state: State = 'new'
  let override: string | null = null
  let overrideMessage = ''
  let seq = 0
  // 1.2 responses set before their interaction type: re-checked when the type arrives.
  const pending12 = new Map<string, { element: string; value: string; seq: number }[]>()

  const rawCall = (name: string, args: unknown[]): string => {
    const fn = raw[name]
    if (typeof fn !== 'function') return 'false'
    const out = (fn as ApiFn).apply(raw, args)
    return out === undefined || out === null ? '' : String(out)
  }
  const rawError = (): string => rawCall(names.lastError, [])
  const peekError = (): string => override ?? rawError()

  const lifecycle = (role: Role, args: unknown[]): Rejection | null => {
    if (role === 'init' || role === 'term' || role === 'commit') {
      if (args[0] !== '') {
        return { code: '201', rule: 'lifecycle.argument', message: `${names[role]} takes exactly "" (got ${JSON.stringify(jsonArg(args[0]))})` }
      }
    }
    if (role === 'init') {
      if (state === 'running') return { code: version === 'scorm12' ? '101' : '103', rule: 'lifecycle.already-initialized', message: `${names.init} called twice` }
      if (state === 'finished') return { code: version === 'scorm12' ? '101' : '104', rule: 'lifecycle.after-finish', message: `${names.init} after ${names.term}` }
      return null
    }
    const codes = STATE_CODES[version][role]
    if (codes && state !== 'running') {
      const before = state === 'new'
      return {
        code: before ? codes[0] : codes[1],
        rule: before ? 'lifecycle.not-initialized' : 'lifecycle.after-finish',
        message: before ? `${names[role]} before ${names.init}` : `${names[role]} after ${names.term}`,
      }
    }
    return null
  }

  const elementRules = (role: Role, element: string, value: string): Rejection | null => {
    if (role === 'get') return version === 'scorm12' ? checkGet12(element) : checkGet2004(element)
    if (role === 'set') return version === 'scorm12' ? checkSet12(element, value, opts) : checkSet2004(element, value, opts)
    return null
  }

  /** 1.2 only: remember responses set without a known type, check them once the type is set. */
  const trackLateType = (element: string, value: string, callSeq: number): void => {
    const resp = /^cmi\.interactions\.(\d+)\.(student_response|correct_responses\.\d+\.pattern)$/.exec(element)
    if (resp && !opts.interactionType(resp[1]!)) {
      const list = pending12.get(resp[1]!) ?? []
      list.push({ element, value, seq: callSeq })
      pending12.set(resp[1]!, list)
    }
    const type = /^cmi\.interactions\.(\d+)\.type$/.exec(element)
    if (!type) return
    for (const p of pending12.get(type[1]!) ?? []) {
      const rej = checkLateType12(p.element, value, p.value)
      if (rej) {
        opts.onViolation({
          seq: p.seq,
          kind: 'strict',
          method: names.set,
          args: [p.element, p.value],
          code: '0',
          rule: rej.rule,
          message: `${rej.message} (type "${value}" was set after the response; Moodle stored it)`,
        })
      }
    }
    pending12.delete(type[1]!)
  }

  const invoke = (role: Role, args: unknown[]): string => {
    const callSeq = ++seq
    const typeIssues: string[] = []
    let callArgs = args
    if (role === 'get' || role === 'set') {
      // Moodle: String(element) / value + ''. Non-strings are accepted there but are a SCO bug.
      if (typeof args[0] !== 'string') typeIssues.push(`element is a ${typeof args[0]}`)
      if (role === 'set' && typeof args[1] !== 'string') typeIssues.push(`value is a ${typeof args[1]} (${String(args[1])}), not a string`)
      callArgs = role === 'set' ? [String(args[0]), `${String(args[1])}`] : [String(args[0])]
    }
    let rejection: Rejection | null = null
    let result: string
    if (role === 'lastError') result = peekError()
    else if (role === 'errorString') result = rawCall(names.errorString, args)
    else if (role === 'diagnostic') {
      result = override !== null && (args[0] === '' || args[0] === undefined || args[0] === override) ? overrideMessage : rawCall(names.diagnostic, args)
    } else {
      rejection = lifecycle(role, args) ?? elementRules(role, String(callArgs[0] ?? ''), String(callArgs[1] ?? ''))
      if (rejection) {
        override = rejection.code
        overrideMessage = rejection.message
        result = role === 'get' ? '' : 'false'
      } else {
        override = null
        if (role === 'term') opts.beforeFinish?.(callSeq)
        result = rawCall(names[role], callArgs)
        const pinned = role === 'get' ? opts.readOverride?.(String(callArgs[0])) : undefined
        if (pinned !== undefined && rawError() === '0') result = pinned
        if (role === 'init' && result === 'true') state = 'running'
        // Moodle 1.2 closes the session even if storing failed; 2004 only on success.
        if (role === 'term' && (version === 'scorm12' || result === 'true')) state = 'finished'
      }
    }
    const error = peekError()
    opts.onCall({
      seq: callSeq,
      method: names[role],
      args: args.map(jsonArg),
      argTypes: args.map((a) => typeof a),
      result,
      error,
      time: Date.now(),
      ...(rejection ? { rule: rejection.rule } : {}),
    })
    for (const issue of typeIssues) {
      opts.onViolation({ seq: callSeq, kind: 'type', method: names[role], args: args.map(jsonArg), code: error, message: issue })
    }
    if (rejection) {
      opts.onViolation({ seq: callSeq, kind: 'strict', method: names[role], args: args.map(jsonArg), code: rejection.code, rule: rejection.rule, message: rejection.message })
    } else if (error !== '0' && error !== '' && (role === 'init' || role === 'term' || role === 'get' || role === 'set' || role === 'commit')) {
      const message = rawCall(names.errorString, [error])
      opts.onViolation({ seq: callSeq, kind: 'api-error', method: names[role], args: args.map(jsonArg), code: error, message })
    }
    if (version === 'scorm12' && role === 'set' && !rejection && result === 'true') trackLateType(String(callArgs[0]), String(callArgs[1]), callSeq)
    return result
  }

  const api: Record<string, ApiFn> = {}
  for (const role of Object.keys(names) as Role[]) {
    api[names[role]] = (...args: unknown[]) => invoke(role, args)
  }
  if (version === 'scorm2004') (api as Record<string, unknown>)['version'] = '1.0' // as Moodle's SCORMapi1_3
  return { api, peekError, state: () => state }
}
