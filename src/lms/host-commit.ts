// What Moodle's players send on LMSCommit/LMSFinish (Commit/Terminate), injected into
// scorm-again as its `httpService` (scorm-again then never does network itself).
//
// Port of StoreData/CollectData (mod/scorm/datamodels/scorm_12.js, scorm_13.js):
//  - only writable elements whose value changed since the last successful commit are sent
//    (Moodle compares with each element's "defaultvalue", the value loaded at launch);
//  - 1.2 never sends cmi.core.session_time ("ignore the session time element"), but at
//    LMSFinish it sends cmi.core.total_time = AddTime(loaded total_time, session_time);
//  - 2004 sends cmi.session_time and, at Terminate, cmi.total_time the same way.
// Deliberate differences (stricter):
//  - Moodle marks elements as sent even when the request fails, so a retried commit after a
//    failure sends nothing; here the baseline only moves on success, so a retry re-sends.
//  - Moodle preloads cmi.exit as a default, so a stale "suspend" survives a session in which
//    the SCO did not set exit; here exit is always sent at finish, so it does not.

import { addTime12, addTime2004 } from './moodle-time.js'
import type { MoodleTransport } from './host-transport.js'
import type { HostConfig, Tracks } from './types.js'

/** Elements Moodle never stores from the SCO (read-only, or computed by the LMS). */
const NOT_SENT: Record<HostConfig['version'], RegExp> = {
  scorm12: /^cmi\.(core\.(student_id|student_name|credit|entry|total_time|lesson_mode|session_time)|launch_data|comments_from_lms|student_data\..*)$|\._(children|count|version)$/,
  scorm2004:
    /^cmi\.(_version|completion_threshold|credit|entry|launch_data|learner_id|learner_name|max_time_allowed|mode|scaled_passing_score|time_limit_action|total_time|comments_from_lms\..*)$|\._(children|count|version)$/,
}

/** scorm-again's flattened commit: "a.b.c" → string, with {} for empty collections. */
export function flatten(input: unknown, prefix = '', out: Tracks = {}): Tracks {
  if (input === null || input === undefined) return out
  if (typeof input !== 'object') {
    if (prefix) out[prefix] = String(input)
    return out
  }
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
    flatten(v, prefix ? `${prefix}.${k}` : k, out)
  }
  return out
}

export interface CommitResult {
  result: string
  errorCode: number
}

export class Committer {
  private baseline: Tracks = {}
  /** Values that replace scorm-again's own before diffing (elements Moodle does not compute). */
  readonly pinned: Tracks = {}

  constructor(
    private readonly cfg: HostConfig,
    private readonly transport: MoodleTransport,
    private readonly onCommit: (detail: string) => void,
  ) {}

  /** Values loaded at launch: nothing equal to them is sent (Moodle's defaultvalue). */
  setBaseline(values: Tracks): void {
    this.baseline = { ...values }
  }

  private collect(current: Tracks, terminate: boolean): Tracks {
    const { version, preload } = this.cfg
    const changed: Tracks = {}
    for (const [k, v] of Object.entries(current)) {
      if (NOT_SENT[version].test(k)) continue
      // Moodle only has (and sends) the elements the SCO created: skip new, still-empty fields.
      if (!(k in this.baseline) && v === '') continue
      if (this.baseline[k] !== v) changed[k] = v
    }
    if (terminate) {
      if (version === 'scorm12') {
        changed['cmi.core.exit'] = current['cmi.core.exit'] ?? ''
        const session = current['cmi.core.session_time'] || '00:00:00'
        changed['cmi.core.total_time'] = addTime12(preload['cmi.core.total_time'] || '00:00:00', session)
      } else {
        changed['cmi.exit'] = current['cmi.exit'] ?? ''
        const session = current['cmi.session_time'] || 'PT0H0M0S'
        changed['cmi.total_time'] = addTime2004(preload['cmi.total_time'] || 'PT0H0M0S', session)
      }
    }
    return changed
  }

  /** IHttpService.processHttpRequest(url, params, immediate): `immediate` is true for LMSFinish/Terminate. */
  commit(params: unknown, terminate: boolean): CommitResult {
    const elements = this.collect({ ...flatten(params), ...this.pinned }, terminate)
    const body = new URLSearchParams({
      learner: this.cfg.learner,
      pkg: this.cfg.pkg,
      sco: this.cfg.sco,
      session: String(this.cfg.session),
      terminate: terminate ? '1' : '0',
    })
    for (const [k, v] of Object.entries(elements)) body.append(k, v)
    const { text, transport } = this.transport.send(this.cfg.commitUrl, body)
    const [first, second] = text.split('\n')
    const ok = first === 'true'
    this.onCommit(`${terminate ? 'terminate' : 'commit'} via ${transport}: ${ok ? 'ok' : `failed (${text.replace('\n', ' ')})`}`)
    if (!ok) {
      const code = Number(second)
      // Moodle: errorCode = (result == 'true') ? '0' : '101' (1.2); 391 is 2004's commit failure.
      return { result: 'false', errorCode: Number.isFinite(code) && code > 0 ? code : 101 }
    }
    this.baseline = { ...this.baseline, ...elements }
    return { result: 'true', errorCode: 0 }
  }
}
