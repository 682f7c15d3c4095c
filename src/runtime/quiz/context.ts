/** What the parts of the quiz share: the SCO, the strings, the session, the forms, the answer clock. */

import type { QuestionData, ScoData } from '../../shared/sco-data.js'
import type { Translate } from '../dom.js'
import type { Session } from '../session.js'

export interface QuizContext {
  data: ScoData
  t: Translate
  session: Session
  /** Forms of this SCO's questions, by question id. */
  forms: Map<string, HTMLFormElement>
  byId: Map<string, QuestionData>
  clock: AnswerClock
}

/**
 * Latency of each answer (cmi.interactions.n.latency): from the moment its page was shown or the
 * question was last answered or reset, whichever is later.
 */
export class AnswerClock {
  private shownAt = Date.now()
  private readonly since: Record<string, number> = {}

  pageShown(): void {
    this.shownAt = Date.now()
  }

  /** Seconds since the question's clock started; restarts it. */
  latency(q: QuestionData): number {
    const start = Math.max(this.shownAt, this.since[q.id] ?? 0)
    this.since[q.id] = Date.now()
    return (Date.now() - start) / 1000
  }

  restart(q: QuestionData): void {
    this.since[q.id] = Date.now()
  }
}
