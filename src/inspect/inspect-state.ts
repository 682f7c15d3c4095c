/**
 * A learner's `cmi.suspend_data` read for `parcours inspect`: first what the state says of
 * itself (whose format, how much it holds), then, when the course is given, the reading the
 * runtime would make of it (src/shared/state-codec.ts decodeState: same decoder, same verdict)
 * against the SCO it fits best. A state does not name its SCO, only its course: with one SCO per
 * module, each SCO is tried and the one that restores the most wins.
 */
import type { ScoData } from '../shared/sco-data.js'
import { stateKey } from '../shared/state-key.js'
import { stateOutline, type StateOutline, type StateVerdict } from '../shared/state-codec.js'
import { stateReport, type StateReport } from './state-report.js'

export interface StateInspection {
  size: number
  outline: StateOutline
  /** Against the course, when given. */
  course?: {
    courseId: string
    courseVersion: string
    /** The state was written by this course (its course key matches), for a version 2 state. */
    sameCourse: boolean | null
    sco: { id: string; title: string }
    report: StateReport
  }
}

const RANK: Record<StateVerdict, number> = { readable: 0, partial: 1, empty: 2, newer: 3, unreadable: 4, foreign: 5 }

/** The SCO a state was most likely written by: best verdict, then fewest parts dropped. */
function bestSco(raw: string, scos: readonly ScoData[]): { sco: ScoData; report: StateReport } | undefined {
  let best: { sco: ScoData; report: StateReport } | undefined
  for (const sco of scos) {
    const report = stateReport(raw, sco)
    if (!best || RANK[report.verdict] < RANK[best.report.verdict] || (report.verdict === best.report.verdict && report.dropped.length < best.report.dropped.length))
      best = { sco, report }
  }
  return best
}

/** `scos`: the course's SCOs (or the one chosen with `--sco`); none: the outline only. */
export function inspectState(raw: string, scos: readonly ScoData[] = []): StateInspection {
  const outline = stateOutline(raw)
  const inspection: StateInspection = { size: raw.length, outline }
  const best = bestSco(raw, scos)
  if (best)
    inspection.course = {
      courseId: best.sco.courseId,
      courseVersion: best.sco.courseVersion,
      sameCourse: outline.courseKey === null ? null : outline.courseKey === stateKey(best.sco.courseId),
      sco: { id: best.sco.scoId, title: best.sco.title },
      report: best.report,
    }
  return inspection
}
