/**
 * When to commit, and what to do when a commit fails. Pure (timers are injected).
 *
 * Commits happen on demand only (page change, assessment submitted, page hidden): nothing while
 * idle; a page change's commit waits for the new page to be drawn (soon()). A failed commit keeps
 * the state, shows the "not saved" banner and retries after 1 s, 2 s, 4 s… up to 30 s; each retry
 * sends the latest state. The first success hides the banner.
 * LMS APIs often answer "true" whatever happens; a "false" or an error code is believed.
 */

export interface CommitterOptions {
  /** Sends the latest values and commits; true if the LMS accepted everything. */
  flush(): boolean
  /** Called when the saved/not saved situation changes. */
  onSaved(saved: boolean): void
  schedule(run: () => void, ms: number): unknown
  cancel(handle: unknown): void
  /** Runs `run` once the browser has drawn what changed; without it, soon() commits at once. */
  afterPaint?(run: () => void): void
  firstDelayMs?: number
  maxDelayMs?: number
}

export class Committer {
  private failing = false
  private stopped = false
  private timer: unknown = null
  private waiting = false
  private delay: number
  private readonly first: number
  private readonly max: number

  constructor(private readonly options: CommitterOptions) {
    this.first = options.firstDelayMs ?? 1000
    this.max = options.maxDelayMs ?? 30000
    this.delay = this.first
  }

  /** True while the last commit failed. */
  get unsaved(): boolean {
    return this.failing
  }

  /** True once a retry is waiting. */
  get retrying(): boolean {
    return this.timer !== null
  }

  /** True while a commit waits for the browser to draw (soon()). */
  get pending(): boolean {
    return this.waiting
  }

  /**
   * Commits once the browser has drawn what changed: Moodle's LMSCommit is a synchronous request
   * to the server (datamodel.php), so a commit made in the click of « Suivant » held the new page
   * off the screen for a round trip. Several calls meanwhile make one commit; a commit made
   * meanwhile (page hidden, assessment submitted) takes its place.
   */
  soon(): void {
    const later = this.options.afterPaint
    if (this.stopped || this.waiting) return
    if (!later) {
      this.commit()
      return
    }
    this.waiting = true
    later(() => {
      if (this.waiting) this.commit()
    })
  }

  /** Commits now. A waiting retry, or a commit waiting for the browser to draw, is replaced by this one. */
  commit(): boolean {
    this.waiting = false
    if (this.stopped) return false
    this.clear()
    let ok = false
    try {
      ok = this.options.flush()
    } catch {
      ok = false
    }
    if (ok) {
      this.delay = this.first
      if (this.failing) {
        this.failing = false
        this.options.onSaved(true)
      }
    } else {
      if (!this.failing) {
        this.failing = true
        this.options.onSaved(false)
      }
      if (!this.stopped) {
        const wait = this.delay
        this.delay = Math.min(this.delay * 2, this.max)
        this.timer = this.options.schedule(() => {
          this.timer = null
          this.commit()
        }, wait)
      }
    }
    return ok
  }

  /** No more commits or retries (the session is finished). */
  stop(): void {
    this.stopped = true
    this.waiting = false
    this.clear()
  }

  private clear(): void {
    if (this.timer !== null) {
      this.options.cancel(this.timer)
      this.timer = null
    }
  }
}
