// In-memory storage of the test LMS, per (learner, package, SCO): the tracks of each attempt
// (what Moodle keeps in scorm_attempt / scorm_scoes_value), and everything the host pages
// reported (API calls, violations, events, commits).

import type { ApiCall, CommitRecord, HostEvent, Tracks, Violation } from './types.js'

export interface ScoKey {
  learner: string
  pkg: string
  /** Resource identifier, item identifier or launch href; canonicalised by the server. */
  sco: string
}

export interface ScoRecord {
  /** Tracks per attempt; the last one is the current attempt. */
  attempts: Tracks[]
  /** Number of launches so far. */
  sessions: number
  calls: ApiCall[]
  violations: Violation[]
  events: HostEvent[]
  commits: CommitRecord[]
  /** Commits still to refuse (failure injection) and the error code to answer. */
  failNext: { count: number; code: string | undefined }
}

export class LmsStore {
  private readonly records = new Map<string, ScoRecord>()

  private static id(k: ScoKey): string {
    return JSON.stringify([k.learner, k.pkg, k.sco])
  }

  /** The record for a key, created empty on first use. */
  get(k: ScoKey): ScoRecord {
    const id = LmsStore.id(k)
    let rec = this.records.get(id)
    if (!rec) {
      rec = { attempts: [{}], sessions: 0, calls: [], violations: [], events: [], commits: [], failNext: { count: 0, code: undefined } }
      this.records.set(id, rec)
    }
    return rec
  }

  peek(k: ScoKey): ScoRecord | undefined {
    return this.records.get(LmsStore.id(k))
  }

  current(k: ScoKey): Tracks {
    const attempts = this.peek(k)?.attempts
    return attempts?.[attempts.length - 1] ?? {}
  }

  clear(): void {
    this.records.clear()
  }
}

/** Sorts reported entries by launch session, then by order inside the session. */
export function bySessionSeq<T extends { session: number; seq: number }>(list: T[]): T[] {
  return [...list].sort((a, b) => a.session - b.session || a.seq - b.seq)
}
