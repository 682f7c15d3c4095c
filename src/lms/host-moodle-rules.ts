// Where Moodle's StoreData (what happens at LMSFinish/Terminate) differs from scorm-again,
// the host page follows Moodle:
//  - 1.2 (datamodels/scorm_12.js StoreData(cmi, true)): 'not attempted' → 'completed'; with
//    masteryoverride, mastery_score and score.raw set, lesson_status becomes passed/failed.
//  - 2004 (datamodels/scorm_13.js StoreData): success_status is never derived from
//    score.scaled vs scaled_passing_score (Moodle tests `cmi.scaled_passed_score`, a typo), so
//    the stored and read-back success_status is the one the SCO set. scorm-again derives it
//    (as the spec asks), which would hide a SCO that forgets to set it.
//  - 2004 completion_threshold: scorm-again applies the spec (threshold set and no
//    progress_measure → "unknown"); Moodle would keep the SCO's value. We keep the stricter
//    spec behaviour and report it as a violation so the cause is visible.

import type { Committer } from './host-commit.js'
import type { RawApi } from './strict.js'
import type { HostConfig, Violation } from './types.js'

export interface MoodleRules {
  beforeFinish(seq: number): void
  readOverride(element: string): string | undefined
  /** Tell the rules about a SetValue the API accepted. */
  accepted(element: string, value: string): void
}

type Report = (v: Omit<Violation, 'session'>) => void

export function moodleRules(raw: RawApi, cfg: HostConfig, committer: Committer, report: Report): MoodleRules {
  const cmi = (): Record<string, unknown> => raw['cmi'] as Record<string, unknown>

  if (cfg.version === 'scorm12') {
    return {
      beforeFinish: () => {
        const c = cmi() as { core: Record<string, unknown>; student_data: Record<string, unknown> }
        const score = (c.core['score'] as Record<string, string>)['raw'] ?? ''
        const mastery = String(c.student_data['mastery_score'] ?? '')
        if (c.core['lesson_status'] === 'not attempted') c.core['lesson_status'] = 'completed'
        if (cfg.masteryOverride && c.core['lesson_mode'] === 'normal' && c.core['credit'] === 'credit' && mastery !== '' && score !== '') {
          c.core['lesson_status'] = parseFloat(score) >= parseFloat(mastery) ? 'passed' : 'failed'
        }
      },
      readOverride: () => undefined,
      accepted: () => undefined,
    }
  }

  committer.pinned['cmi.success_status'] = cfg.preload['cmi.success_status'] ?? 'unknown'
  let scoCompletion: string | undefined
  return {
    beforeFinish: (seq) => {
      const threshold = cfg.preload['cmi.completion_threshold']
      if (!threshold || scoCompletion === undefined) return
      // scorm-again keeps the SCO's value in cmi and evaluates RTE table 4.2.4.1a on read/commit.
      const progress = String(cmi()['progress_measure'] ?? '')
      const effective = progress === '' ? 'unknown' : parseFloat(progress) >= parseFloat(threshold) ? 'completed' : 'incomplete'
      if (effective !== scoCompletion) {
        report({
          seq,
          kind: 'strict',
          method: 'Terminate',
          args: [''],
          code: '0',
          rule: 'scorm2004.completion-threshold',
          message: `completion_status "${scoCompletion}" is replaced by "${effective}": completion_threshold is ${threshold} and progress_measure is ${progress === '' ? 'not set' : progress} (SCORM 2004 RTE 4.2.4; Moodle would keep the SCO's value)`,
        })
      }
    },
    readOverride: (element) => (element === 'cmi.success_status' ? committer.pinned['cmi.success_status'] : undefined),
    accepted: (element, value) => {
      if (element === 'cmi.success_status') committer.pinned[element] = value
      if (element === 'cmi.completion_status') scoCompletion = value
    },
  }
}
