/**
 * The tracking session of one SCO: launch (read what the LMS kept), the learner state, the time
 * spent, what is sent at each commit, interactions, and the single finish. No DOM: main.ts wires
 * it to the page; unit tests drive it with a fake API and a fake clock.
 */

import type { QuestionData, ScoData } from '../shared/sco-data.js'
import type { LearnerState, StateReading } from '../shared/state-codec.js'
import { decodeState, emptyState, encode, encodeWithin } from '../shared/state-codec.js'
import type { Verdict } from './answers.js'
import { Committer } from './committer.js'
import type { Dialect, Values } from './lms/dialect.js'
import type { HeldOutcome, Lms } from './lms/types.js'
import type { Summary } from './tracking.js'
import { holdOutcome, summarize } from './tracking.js'

/**
 * Why the learner's stored state is kept as it is for this session (no suspend_data written):
 * the LMS could not give it (`unread`), it could not be fully decoded (`unreadable`), or a newer
 * version of the course wrote it (`newer`).
 */
export type KeepReason = 'unread' | 'unreadable' | 'newer'

/** Time counted only while the page is visible. Milliseconds in, seconds out. */
export class VisibleClock {
  private total = 0
  private since: number | null

  constructor(now: number, visible: boolean) {
    this.since = visible ? now : null
  }

  pause(now: number): void {
    if (this.since !== null) this.total += Math.max(0, now - this.since)
    this.since = null
  }

  resume(now: number): void {
    if (this.since === null) this.since = now
  }

  seconds(now: number): number {
    const running = this.since === null ? 0 : Math.max(0, now - this.since)
    return (this.total + running) / 1000
  }
}

export interface SessionOptions {
  data: ScoData
  lms: Lms
  /** Milliseconds, monotonic (performance.now in the browser). */
  now(): number
  visible: boolean
  schedule(run: () => void, ms: number): unknown
  cancel(handle: unknown): void
  /** Runs `run` once the browser has drawn what changed (commitSoon); without it, at once. */
  afterPaint?(run: () => void): void
  onSaved(saved: boolean): void
  /** Called with the summary sent at each flush, and at each progress(). */
  onProgress?(summary: Summary): void
  /**
   * Where a session that keeps the LMS state (keep mode) saves its own work: this browser's copy,
   * for the state the LMS holds (`raw`, null when it could not be read). Null when no storage.
   */
  keepCopy?(raw: string | null): LocalCopy | null
}

/** The learner's work of keep-mode sessions, in this browser only. */
export interface LocalCopy {
  load(): string | null
  save(text: string): void
}

/** Longest page id kept as such in the location; longer ones are stored by their state key. */
const MAX_LOCATION = 255

export class Session {
  state: LearnerState = emptyState()
  /** What the decoder said about the stored state; null when the LMS could not give it. */
  reading: StateReading | null = null
  /**
   * The stored state is kept as it is: this session never writes cmi.suspend_data (and, as
   * always, never a lower outcome than the LMS holds). The learner works in memory.
   */
  keep: KeepReason | null = null
  /** Keep mode: this browser's copy of the work, and whether an earlier session's copy was taken up. */
  private copy: LocalCopy | null = null
  resumedFromCopy = false
  /** The outcome the LMS held at launch: a floor for everything sent. */
  held: HeldOutcome = { completed: false, passed: null, score: null }
  /** Location found at launch (page id or page key), '' if none. */
  launchLocation = ''
  /** The LMS accepted Initialize. */
  started = false
  /** finish() has run. */
  ended = false
  /**
   * The LMS opened the SCO in review mode (Moodle's "Révision" of a finished attempt): the learner
   * may look and answer, but nothing is written back (SCORM 1.2 RTE 3.4.2, cmi.core.lesson_mode).
   */
  readOnly = false
  /** LMS calls that failed, for the debug handle: `element=value (code)`. */
  readonly errors: string[] = []
  readonly committer: Committer
  readonly clock: VisibleClock
  /** State keys of knowledge-check answers left out of the last commit to fit the limit. */
  droppedForSize: string[] = []
  private location = ''
  private baseTime = 0
  private sent: Record<string, string> = {}
  private objectiveIndex: number | null = null

  constructor(private readonly options: SessionOptions) {
    this.clock = new VisibleClock(options.now(), options.visible)
    this.committer = new Committer({
      flush: () => this.flush(),
      onSaved: options.onSaved,
      schedule: options.schedule,
      cancel: options.cancel,
      afterPaint: options.afterPaint,
    })
  }

  private get data(): ScoData {
    return this.options.data
  }

  private get lms(): Lms {
    return this.options.lms
  }

  private get dialect(): Dialect {
    return this.options.lms.dialect
  }

  /** Initialize and read back the learner's state. False if the LMS refused to start. */
  start(): boolean {
    this.started = this.lms.initialize()
    if (!this.started) {
      this.errors.push(`initialize (${this.lms.lastError()})`)
      return false
    }
    const launch = this.dialect.readLaunch(this.lms)
    if (launch.suspendData === null) this.keep = 'unread'
    else {
      this.reading = decodeState(launch.suspendData, this.data)
      this.state = this.reading.state
      if (!this.reading.writable) this.keep = this.reading.verdict === 'newer' ? 'newer' : 'unreadable'
    }
    if (this.keep) this.takeUpCopy(launch.suspendData)
    this.held = this.dialect.readOutcome(this.lms, launch)
    let interactions = launch.interactionCount
    // The record count was in the state we could not read: ask the LMS, so as to append, never overwrite.
    if (interactions === null && this.keep) {
      const raw = this.lms.get('cmi.interactions._count')
      interactions = /^[0-9]+$/.test(raw) ? Number(raw) : null
    }
    if (interactions !== null) this.state.interactions = interactions
    this.baseTime = this.state.time
    this.launchLocation = launch.location
    this.readOnly = launch.mode === 'review'
    return true
  }

  /**
   * Keep mode: the LMS state stays untouched, so the work of a session lives in this browser. A
   * copy saved by an earlier session over the same LMS state is taken up when fully readable.
   */
  private takeUpCopy(raw: string | null): void {
    this.copy = this.options.keepCopy ? this.options.keepCopy(raw) : null
    const saved = this.copy ? this.copy.load() : null
    if (saved === null) return
    const reading = decodeState(saved, this.data)
    if (reading.verdict !== 'readable') return
    this.state = reading.state
    this.resumedFromCopy = true
  }

  /** Where the learner stands, as sent to the LMS: never below the outcome it held at launch. */
  summary(): Summary {
    return holdOutcome(summarize(this.data, this.state), this.held)
  }

  /** Session seconds so far (visible time only). */
  sessionSeconds(): number {
    return this.clock.seconds(this.options.now())
  }

  /** The page now shown: marks it seen (a page of the course: not the end page) and makes it the location. */
  showPage(pageId: string, pageKey: string): void {
    this.location = pageId.length <= MAX_LOCATION ? pageId : pageKey
    if (this.state.seen.indexOf(pageKey) < 0 && this.data.pages.some((p) => p.key === pageKey)) {
      this.state.seen.push(pageKey)
      this.state.seen.sort()
    }
  }

  /** Brings the accumulated time up to date. */
  tick(): void {
    this.state.time = this.baseTime + Math.floor(this.sessionSeconds())
  }

  /**
   * Sends everything that changed, then commits; used by the committer. `final`: no commit, the
   * finish that follows stores everything (LMSFinish / Terminate persist, RTE 3.1.3), so that
   * the last session leaves in one request: at unload Moodle turns each call into its own beacon,
   * and a browser drops beacons beyond 64 KiB in flight (issue 12).
   */
  flush(final = false): boolean {
    if (!this.lms.active) return false
    if (this.readOnly) return true
    this.tick()
    const data = this.data
    const names = this.dialect.elements
    const fitted = encodeWithin(this.state, data, data.stateLimit)
    this.droppedForSize = fitted.dropped
    const seconds = this.sessionSeconds()
    const summary = this.progress()
    if (this.keep && this.copy) this.copy.save(encode(this.state, data))
    const values: Values = [
      [names.location, this.location],
      // A state that could not be read is never overwritten.
      ...(this.keep ? [] : ([[names.suspendData, fitted.text]] as Values)),
      [names.sessionTime, this.dialect.sessionTime(seconds)],
      ...this.dialect.status(summary),
      ...this.objectiveValues(summary.complete),
    ]
    let ok = true
    for (const [element, value] of values) {
      if (this.sent[element] === value) continue
      if (this.lms.set(element, value)) this.sent[element] = value
      else {
        ok = false
        this.errors.push(`${element}=${value} (${this.lms.lastError()})`)
      }
    }
    if (!final && !this.lms.commit()) {
      ok = false
      this.errors.push(`commit (${this.lms.lastError()})`)
    }
    // After any failure, the next try sends everything again.
    if (!ok) this.sent = {}
    return ok
  }

  /** The SCO's completion objective, once complete (SCORM 2004, one SCO per module). */
  private objectiveValues(complete: boolean): Values {
    const id = this.data.completionObjective
    const objectives = this.dialect.objectives
    if (!id || !complete || !objectives) return []
    if (this.objectiveIndex === null) this.objectiveIndex = objectives.find(this.lms, id)
    return objectives.passed(this.objectiveIndex, id)
  }

  /** Where the learner stands now, told to onProgress (what is said and shown of it) before any commit. */
  progress(): Summary {
    const summary = this.summary()
    if (this.options.onProgress) this.options.onProgress(summary)
    return summary
  }

  /** Commits (with retries on failure). Nothing happens before a successful start or after the end. */
  commit(): boolean {
    if (!this.started || this.ended) return false
    return this.committer.commit()
  }

  /** Commits once the browser has drawn what changed (a page change): see Committer.soon. */
  commitSoon(): void {
    if (this.started && !this.ended) this.committer.soon()
  }

  /** Writes one interaction record (not committed: the next commit carries it). */
  record(question: QuestionData, value: string, verdict: Verdict, latencySeconds: number): void {
    if (!this.lms.active || this.readOnly) return
    const n = this.state.interactions
    const values = this.dialect.interaction(n, { question, value, verdict, latencySeconds, date: new Date() })
    if (!values) return
    for (let i = 0; i < values.length; i++) {
      const [element, text] = values[i] as [string, string]
      if (this.lms.set(element, text)) continue
      this.errors.push(`${element}=${text} (${this.lms.lastError()})`)
      if (i === 0) return // no record was created at n: the next one reuses it
    }
    this.state.interactions = n + 1
  }

  pause(): void {
    this.clock.pause(this.options.now())
  }

  resume(): void {
    if (!this.ended) this.clock.resume(this.options.now())
  }

  /** The last values, then finish, which stores them: one request, exactly once; no LMS call ever after. */
  end(): void {
    if (this.ended) return
    this.pause()
    this.ended = true
    this.committer.stop()
    if (!this.lms.active) return
    try {
      this.flush(true)
    } catch {
      this.errors.push('flush')
    }
    if (!this.lms.finish()) this.errors.push('finish')
  }
}
