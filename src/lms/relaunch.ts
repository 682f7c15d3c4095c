// What the host page preloads into the API at each launch, from the stored tracks, the
// manifest and the learner, following Moodle 4.5:
//  - 1.2: mod/scorm/datamodels/scorm_12lib.php get_scorm_default() + scorm_12.js
//    (lesson_location, suspend_data, lesson_status, score, objectives, interactions are always
//    reloaded; entry = ab-initio without a status, resume if the last cmi.core.exit was
//    "suspend", "" otherwise; total_time accumulated; credit/normal; mastery_score from manifest).
//  - 2004: mod/scorm/datamodels/scorm_13lib.php get_scorm_default(): "According to SCORM 2004
//    (RTE V1, 4.2.8), only cmi.exit==suspend should allow previous datamodel elements on
//    re-launch"; otherwise a fresh attempt (entry ab-initio, total_time PT0H0M0S). Objective IDs
//    of the manifest (scorm_seq_objective) are preloaded as cmi.objectives.N.id.

import type { ScoInfo } from './manifest.js'
import type { Tracks } from './types.js'

export interface Learner {
  id: string
  /** Moodle with scormstandard on / 2004: "lastname, firstname". */
  name: string
}

/** Stored elements that are never loaded back into the API (write-only or LMS-computed). */
const NOT_RELOADED = /^(cmi\.core\.(exit|session_time|entry|total_time)|cmi\.(exit|session_time|entry|total_time)|adl\.nav\..*|nav\.event)$/

function restorable(stored: Tracks): Tracks {
  return Object.fromEntries(Object.entries(stored).filter(([k]) => !NOT_RELOADED.test(k)))
}

/**
 * Orders keys so that collections load in index order with ids (and interaction types) first:
 * scorm-again, like Moodle, refuses cmi.interactions.1.* before cmi.interactions.0.* exists.
 */
export function orderForLoading(t: Tracks): Tracks {
  const rank = (k: string): [number, string] => {
    const m = /^cmi\.(objectives|interactions)\.(\d+)\.(.*)$/.exec(k)
    if (!m) return [0, k]
    const field = m[3] === 'id' ? '0' : m[3] === 'type' ? '1' : `2${m[3]}`
    return [m[1] === 'objectives' ? 1 : 2, `${m[2]!.padStart(6, '0')}.${field}`]
  }
  const keys = Object.keys(t).sort((a, b) => {
    const [ra, sa] = rank(a)
    const [rb, sb] = rank(b)
    return ra - rb || (sa < sb ? -1 : sa > sb ? 1 : 0)
  })
  return Object.fromEntries(keys.map((k) => [k, t[k]!]))
}

const defined = (entries: [string, string | undefined][]): Tracks => Object.fromEntries(entries.filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''))

export function preload12(stored: Tracks | undefined, sco: ScoInfo, learner: Learner): Tracks {
  const tracks = stored ?? {}
  const status = tracks['cmi.core.lesson_status'] ?? ''
  const entry = status === '' ? 'ab-initio' : tracks['cmi.core.exit'] === 'suspend' ? 'resume' : ''
  return orderForLoading({
    ...restorable(tracks),
    'cmi.core.student_id': learner.id,
    'cmi.core.student_name': learner.name,
    'cmi.core.credit': 'credit',
    'cmi.core.lesson_mode': 'normal',
    'cmi.core.entry': entry,
    'cmi.core.total_time': tracks['cmi.core.total_time'] || '00:00:00',
    ...defined([
      ['cmi.student_data.mastery_score', sco.masteryScore],
      ['cmi.student_data.max_time_allowed', sco.maxTimeAllowed],
      ['cmi.student_data.time_limit_action', sco.timeLimitAction],
      ['cmi.launch_data', sco.dataFromLms],
    ]),
  })
}

/** True when a 2004 relaunch must start a fresh attempt (previous data exists, exit ≠ suspend). */
export function needsFreshAttempt2004(stored: Tracks | undefined): boolean {
  return !!stored && Object.keys(stored).length > 0 && stored['cmi.exit'] !== 'suspend'
}

export function preload2004(stored: Tracks | undefined, sco: ScoInfo, learner: Learner): Tracks {
  const resume = !!stored && stored['cmi.exit'] === 'suspend'
  const restored = resume ? restorable(stored) : {}
  const objectiveIds = Object.entries(restored)
    .filter(([k]) => /^cmi\.objectives\.\d+\.id$/.test(k))
    .map(([, v]) => v)
  let next = objectiveIds.length
  const fromManifest: Tracks = {}
  for (const id of sco.objectiveIds) {
    if (!objectiveIds.includes(id)) fromManifest[`cmi.objectives.${next++}.id`] = id
  }
  return orderForLoading({
    ...restored,
    ...fromManifest,
    'cmi.learner_id': learner.id,
    'cmi.learner_name': learner.name,
    'cmi.mode': 'normal',
    'cmi.credit': 'credit',
    'cmi.entry': resume ? 'resume' : 'ab-initio',
    'cmi.total_time': (resume && stored['cmi.total_time']) || 'PT0H0M0S',
    ...defined([
      ['cmi.scaled_passing_score', sco.scaledPassingScore],
      ['cmi.completion_threshold', sco.completionThreshold],
      ['cmi.launch_data', sco.dataFromLms],
      ['cmi.max_time_allowed', sco.maxTimeAllowed],
      ['cmi.time_limit_action', sco.timeLimitAction],
    ]),
  })
}
