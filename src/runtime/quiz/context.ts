/** What the parts of the quiz share: the SCO, the strings, the session, the forms, the answer clock. */

import type { QuestionData, ScoData } from '../../shared/sco-data.js'
import type { Translate } from '../dom.js'
import type { Session } from '../session.js'
import { AnswerClock } from './answer-clock.js'

export interface QuizContext {
  data: ScoData
  t: Translate
  session: Session
  /** Forms of this SCO's questions, by question id. */
  forms: Map<string, HTMLFormElement>
  byId: Map<string, QuestionData>
  clock: AnswerClock
}

export { AnswerClock }
