import type { QuestionData } from '../../shared/sco-data.js'

/**
 * Latency of each answer (cmi.interactions.n.latency): from the moment its page was shown or the
 * question was last answered or reset, whichever is later.
 */
export class AnswerClock {
  private shownAt = Date.now()
  private readonly since: Record<string, number> = {}
  /** When the learner first touched each question since its last recording (issue 12). */
  private readonly first: Record<string, number> = {}

  pageShown(): void {
    this.shownAt = Date.now()
  }

  /** The learner changed the question's answer: its clock starts at the first change. */
  touched(q: QuestionData): void {
    if (this.first[q.id] === undefined) this.first[q.id] = Date.now()
  }

  /**
   * Seconds from the first interaction with the question to now (its check or its assessment's
   * submission), so that questions submitted together each get their own time. An answer never
   * touched in this session (restored from the state) counts from the page or the last recording.
   */
  latency(q: QuestionData): number {
    const start = this.first[q.id] ?? Math.max(this.shownAt, this.since[q.id] ?? 0)
    delete this.first[q.id]
    this.since[q.id] = Date.now()
    return (Date.now() - start) / 1000
  }

  restart(q: QuestionData): void {
    delete this.first[q.id]
    this.since[q.id] = Date.now()
  }
}
