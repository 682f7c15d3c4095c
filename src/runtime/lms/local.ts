/**
 * No LMS found (the package opened from a disk or a plain web server): the learner can still take
 * the course, and location + suspend_data are kept in the browser's localStorage under
 * `parcours:<courseId>:<scoId>:<version>`. localStorage may be missing or throw (private mode,
 * sandboxed frame, quota): then the session simply lives in memory.
 */

import type { ScormVersion } from '../../shared/sco-data.js'
import type { ApiDialect, Dialect } from './dialect.js'
import type { Lms } from './types.js'

/** The part of the Web Storage API used here. */
export interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

interface Saved {
  l: string
  s: string
}

export function storageKey(courseId: string, scoId: string, version: ScormVersion): string {
  return `parcours:${courseId}:${scoId}:${version}`
}

const NO_OUTCOME = { completed: false, passed: null, score: null }

/**
 * The SCO version's element names and formats, minus what only an LMS keeps: no interaction
 * records (they are for the LMS's reports) and no objectives (no sequencing without an LMS).
 */
export function localDialect(base: Dialect): Dialect {
  return { ...base, mode: 'local', interaction: () => null, objectives: null, readOutcome: () => NO_OUTCOME }
}

export class LocalLms implements Lms {
  readonly dialect: Dialect
  private started = false
  private ended = false
  private error = 0
  private readonly values: Record<string, string> = {}
  private resumed = false

  constructor(
    base: ApiDialect | Dialect,
    private readonly store: KeyValueStore | null,
    private readonly key: string,
  ) {
    this.dialect = localDialect(base)
  }

  get active(): boolean {
    return this.started && !this.ended
  }

  initialize(): boolean {
    if (this.ended) return false
    if (!this.started) {
      this.started = true
      const names = this.dialect.elements
      try {
        const raw = this.store ? this.store.getItem(this.key) : null
        const saved = raw ? (JSON.parse(raw) as Partial<Saved>) : null
        if (saved && typeof saved.l === 'string' && typeof saved.s === 'string') {
          this.values[names.location] = saved.l
          this.values[names.suspendData] = saved.s
          this.resumed = true
        }
      } catch {
        // Unreadable or forbidden storage: a fresh start.
      }
    }
    return true
  }

  get(element: string): string {
    this.error = 0
    if (!this.active) return ''
    if (element === this.dialect.elements.entry) return this.resumed ? 'resume' : 'ab-initio'
    return this.values[element] ?? ''
  }

  read(element: string): string | null {
    return this.active ? this.get(element) : null
  }

  set(element: string, value: string): boolean {
    if (!this.active) return false
    // Interactions are for the LMS's reports: there is none.
    if (element.indexOf('cmi.interactions.') !== 0) this.values[element] = String(value)
    return true
  }

  commit(): boolean {
    if (!this.active) return false
    if (!this.store) return true
    const names = this.dialect.elements
    const saved: Saved = { l: this.values[names.location] ?? '', s: this.values[names.suspendData] ?? '' }
    try {
      this.store.setItem(this.key, JSON.stringify(saved))
      this.error = 0
      return true
    } catch {
      this.error = -1
      return false
    }
  }

  finish(): boolean {
    if (!this.active) return false
    const ok = this.commit()
    this.ended = true
    return ok
  }

  lastError(): number {
    return this.error
  }
}
