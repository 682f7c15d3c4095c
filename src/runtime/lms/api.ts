/**
 * An Lms over a SCORM API object found in the LMS's window. Both versions have the same six
 * calls under other names; every call is guarded: an API that throws, answers a non-string, or
 * is called after finish never throws out of here.
 */

import type { ApiDialect } from './dialect.js'
import type { Lms } from './types.js'

/** Method names of one SCORM version's API. */
export interface ApiNames {
  initialize: string
  finish: string
  get: string
  set: string
  commit: string
  lastError: string
}

type ApiObject = Record<string, unknown>

const isTrue = (value: unknown): boolean => value === true || String(value) === 'true'

export class ApiLms implements Lms {
  private started = false
  private ended = false
  private error = 0

  private readonly names: ApiNames

  constructor(
    readonly dialect: ApiDialect,
    private readonly api: ApiObject,
  ) {
    this.names = dialect.api.names
  }

  get active(): boolean {
    return this.started && !this.ended
  }

  private call(name: string, ...args: string[]): unknown {
    try {
      const fn = this.api[name]
      if (typeof fn !== 'function') throw new Error('missing ' + name)
      return fn.apply(this.api, args)
    } catch {
      this.error = -1
      return undefined
    }
  }

  /** Runs a call that answers "true"/"false", then reads the error code. */
  private ok(name: string, ...args: string[]): boolean {
    this.error = 0
    const result = this.call(name, ...args)
    if (this.error === -1) return false
    const code = this.readError()
    return isTrue(result) && code === 0
  }

  private readError(): number {
    const raw = this.call(this.names.lastError)
    if (this.error === -1) return -1
    const code = parseInt(String(raw), 10)
    this.error = Number.isFinite(code) ? code : 0
    return this.error
  }

  initialize(): boolean {
    if (this.started || this.ended) return this.active
    let ok = this.ok(this.names.initialize, '')
    // Reloading the SCO page inside the same LMS frame: the API is still initialized. In 1.2 the
    // code (101) is also "general exception": believe it only if the API then answers a read.
    if (!ok && this.error === this.dialect.api.alreadyInitialized) {
      this.error = 0
      const entry = this.call(this.names.get, this.dialect.elements.entry)
      ok = this.error === 0 && typeof entry === 'string' && this.readError() === 0
    }
    this.started = ok
    return ok
  }

  read(element: string): string | null {
    if (!this.active) return null
    this.error = 0
    const value = this.call(this.names.get, element)
    if (this.error === -1 || value === undefined || value === null) return null
    const code = this.readError()
    if (code !== 0 && code !== this.dialect.api.notInitialized) return null
    return String(value)
  }

  get(element: string): string {
    if (!this.active) return ''
    this.error = 0
    const value = this.call(this.names.get, element)
    if (this.error === -1) return ''
    this.readError()
    return value === undefined || value === null ? '' : String(value)
  }

  set(element: string, value: string): boolean {
    return this.active && this.ok(this.names.set, element, String(value))
  }

  commit(): boolean {
    return this.active && this.ok(this.names.commit, '')
  }

  finish(): boolean {
    if (!this.active) return false
    // Whatever the answer, the API is never called again, not even GetLastError.
    this.ended = true
    this.error = 0
    const result = this.call(this.names.finish, '')
    return this.error === 0 && isTrue(result)
  }

  lastError(): number {
    return this.error
  }
}
