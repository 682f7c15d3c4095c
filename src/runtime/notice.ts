/**
 * What the notice says about how this session started (src/runtime/messages.ts shows it): no LMS,
 * review mode, a state kept as it is, another course's state, a course update. No DOM: unit-tested
 * with a real session over a fake LMS.
 */

import type { ScoData } from '../shared/sco-data.js'
import type { Session } from './session.js'

const KEEP_NOTICE = { unread: 'stateUnread', unreadable: 'stateUnreadable', newer: 'stateNewer' } as const

/** How this session started, in sentences for the notice (`t`: the UI strings of ScoData). */
export function launchNotice(
  mode: string,
  session: Pick<Session, 'readOnly' | 'reading' | 'keep' | 'resumedFromCopy' | 'held'>,
  refused: boolean,
  t: (key: string) => string,
  data: Pick<ScoData, 'version' | 'scoId' | 'courseId'>,
): string[] {
  const sentences: string[] = []
  // Moodle 4.5, SCORM 2004 with one SCO per module: after switching SCO from the player's table of
  // contents, the next SCO's Initialize returns false (104). Leaving and re-entering works: Moodle
  // then launches the first module not completed (issue 12). Say exactly that, in one sentence.
  if (refused && data.version === 'scorm2004' && data.scoId !== data.courseId) sentences.push(t('lmsRefusedNextModule'))
  else if (refused) sentences.push(t('lmsRefused'))
  else if (mode === 'local') sentences.push(t('noLms'))
  // Review with nothing handed back (Moodle 4.5 gives a 2004 SCO nothing after a normal exit, which
  // packages before issue 12 wrote): say that the learner's progress is not shown, rather than a blank course.
  if (session.readOnly) sentences.push(t(session.reading?.verdict === 'empty' || !session.reading ? 'reviewModeEmpty' : 'reviewMode'))
  const reading = session.reading
  if (session.keep) sentences.push(t(KEEP_NOTICE[session.keep]), t(session.resumedFromCopy ? 'stateCopyResumed' : 'stateCopyKept'))
  else if (reading && reading.verdict === 'foreign') sentences.push(t('stateForeign'))
  else if (reading) {
    // Course changes the learner can notice: answers to changed questions (removed ones just vanish).
    const reset = reading.dropped.some((d) => d.reason !== 'removed')
    if (reading.updated) {
      // Another version of the course wrote the state: said once, as this session writes it anew.
      // What the LMS held is kept (holdOutcome), so the learner is told their result stays.
      const held = session.held
      sentences.push(t(held.completed || held.passed !== null ? 'stateUpdatedResult' : 'stateUpdated'))
      if (reset) sentences.push(t('stateUpdatedReset'))
    } else if (reset) sentences.push(t('stateReset'))
  }
  return sentences
}
