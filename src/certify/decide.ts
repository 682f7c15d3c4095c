/**
 * Joins the exports on the e-mail address and applies the certification rule to each learner.
 *
 * Moodle facts applied here (README of the Moodle exports):
 * - "Completed" is not "passed": a state with "did not achieve pass grade" is a fail (§1);
 * - the SCO's own verdict is not Moodle's: only completion states and gradebook grades count (§2);
 * - one row per attempt in SCORM reports, never-launched learners have `-` (§3, §5);
 * - score 0 in a SCORM report is not a grade of 0 (§4): grades come from the gradebook;
 * - a grade equal to the pass grade passes (§6).
 * When two exports disagree about a learner, nothing is issued for them: the exports were
 * probably downloaded at different times, and an attestation must not outrun Moodle.
 */
import type { ActivityFact, ExportFile, ExportKind } from './exports/read.js'
import { activityKey } from './exports/headers.js'
import { fail, problem, type Problem } from './problems.js'

export interface Rule {
  /** Moodle activity names, as in the exports. Empty when the course completion is required. */
  activities: string[]
  course: boolean
  /** Minimum gradebook grade on each required activity, if any. */
  minGrade?: number
}

export type ReasonCode =
  'never-launched' | 'not-complete' | 'not-passed' | 'no-grade' | 'grade-below' | 'course-not-complete' | 'sources-disagree' | 'not-in-export' | 'already-issued'

export interface Reason {
  code: ReasonCode
  activity?: string
  grade?: number
  min?: number
  files?: string
}

export interface Learner {
  email: string
  name: string
}

export type Decision = { kind: 'eligible'; learner: Learner; completedAt: Date; startedAt?: Date; passed: boolean } | { kind: 'not-eligible'; learner: Learner; reasons: Reason[] }

export interface Decisions {
  decisions: Decision[]
  /** Rows set aside: unreadable rows and e-mails that appear twice in one file. */
  rejected: Problem[]
}

/** Which export a learner's printed name is taken from: fputcsv keeps `"`, the progress CSV turns it into `'`. */
const NAME_PRIORITY: ExportKind[] = ['course-completion', 'scorm-basic', 'activity-completion', 'gradebook']

interface Seen {
  fact: ActivityFact
  kind: ExportKind
  file: string
}

export function decide(files: ExportFile[], rule: Rule): Decisions {
  const rejected: Problem[] = files.flatMap((f) => f.rejected)
  const excluded = new Set<string>()
  for (const f of files) {
    for (const [email, lines] of f.duplicates) {
      excluded.add(email)
      rejected.push(problem('row/duplicate', f.file, { line: lines[1]!, column: 1 }, { email, lines: lines.join(', ') }))
    }
  }
  checkCoverage(files, rule)
  // Every learner in the order of the files, then of their rows. A learner's rows are looked up in
  // each file as they are decided: a join built for all learners first held ≈ 80 MB more at
  // 100,000 learners (test/bench/certify.js).
  const emails = new Set<string>()
  for (const f of files) for (const email of f.learners.keys()) if (!excluded.has(email)) emails.add(email)
  const keys = rule.activities.map(activityKey)
  const decisions: Decision[] = []
  for (const email of emails) {
    const rows = files.flatMap((f) => {
      const row = f.learners.get(email)
      return row ? [{ f, row }] : []
    })
    const names = rows.map(({ f, row }) => ({ name: row.name, rank: NAME_PRIORITY.indexOf(f.kind), kind: f.kind }))
    const facts = new Map<string, Seen[]>()
    for (const key of keys) {
      const seen: Seen[] = []
      for (const { f, row } of rows) {
        const fact = row.activities.get(key)
        if (fact) seen.push({ fact, kind: f.kind, file: f.file })
      }
      facts.set(key, seen)
    }
    const course = rows.filter(({ row }) => row.courseCompletedAt !== undefined).map(({ f, row }) => ({ at: row.courseCompletedAt!, file: f.file }))
    decisions.push(decideOne({ email, name: pickName(names) }, facts, course, rule))
  }
  return { decisions, rejected }
}

function pickName(list: { name: string; rank: number; kind: ExportKind }[]): string {
  const sorted = [...list].sort((a, b) => a.rank - b.rank)
  const best = sorted[0]!
  if (best.kind === 'activity-completion') {
    // The progress CSV replaced `"` by `'`: a source that agrees otherwise has the real name.
    const exact = sorted.find((x) => x !== best && x.name.replace(/"/g, "'") === best.name)
    if (exact) return exact.name
  }
  return best.name
}

function checkCoverage(files: ExportFile[], rule: Rule): void {
  const first = files[0]?.file ?? ''
  if (rule.course && !files.some((f) => f.kind === 'course-completion')) fail('export/course-completion-missing', first)
  const found = new Map<string, string>()
  for (const f of files) for (const [k, v] of f.activities) found.set(k, v)
  for (const activity of rule.activities) {
    const key = activityKey(activity)
    if (!found.has(key)) fail('export/activity-not-found', first, undefined, { activity, found: [...found.values()].map((v) => `« ${v} »`).join(', ') || '—' })
    const knowsState = files.some((f) => (f.kind === 'activity-completion' || f.kind === 'course-completion') && f.activities.has(key))
    const knowsGrade = files.some((f) => (f.kind === 'gradebook' || f.kind === 'scorm-basic') && f.activities.has(key))
    // Without a completion report, a SCORM report can stand in only with a minimum grade.
    if (!knowsState && (rule.minGrade === undefined || !knowsGrade))
      fail('export/activity-not-found', first, undefined, { activity, found: 'rapport d’achèvement / completion report' })
    if (rule.minGrade !== undefined && !knowsGrade) fail('export/grade-missing', first, undefined, { activity })
  }
}

function decideOne(learner: Learner, facts: Map<string, Seen[]>, course: { at: Date | null; file: string }[], rule: Rule): Decision {
  const reasons: Reason[] = []
  let completedAt: Date | undefined
  let startedAt: Date | undefined
  let passed = rule.minGrade !== undefined
  const later = (d?: Date) => {
    if (d && (!completedAt || d > completedAt)) completedAt = d
  }
  if (rule.course) {
    if (!course.length) reasons.push({ code: 'not-in-export' })
    else if (new Set(course.map((d) => d.at?.getTime() ?? null)).size > 1) reasons.push({ code: 'sources-disagree', files: course.map((d) => d.file).join(', ') })
    else if (course[0]!.at === null) reasons.push({ code: 'course-not-complete' })
    else later(course[0]!.at)
  }
  for (const activity of rule.activities) {
    const seen = facts.get(activityKey(activity)) ?? []
    const states = seen.filter((s) => s.fact.state)
    const grades = seen.filter((s) => s.fact.grade !== undefined)
    const scorm = seen.filter((s) => s.fact.attempts !== undefined)
    for (const s of scorm) if (s.fact.startedAt && (!startedAt || s.fact.startedAt < startedAt)) startedAt = s.fact.startedAt
    if (!seen.length) {
      reasons.push({ code: 'not-in-export', activity })
      continue
    }
    const neverLaunched = scorm.length > 0 && scorm.every((s) => s.fact.attempts === 0)
    if (states.length) {
      const verdicts = new Set(states.map((s) => `${s.fact.state!.complete}/${s.fact.state!.pass}`))
      if (verdicts.size > 1) {
        reasons.push({ code: 'sources-disagree', activity, files: states.map((s) => s.file).join(', ') })
        continue
      }
      const state = states[0]!.fact.state!
      if (!state.complete) {
        reasons.push({ code: neverLaunched ? 'never-launched' : 'not-complete', activity })
        continue
      }
      if (state.pass === false) {
        reasons.push({ code: 'not-passed', activity })
        continue
      }
      if (state.pass === true) passed = true
      // The date the activity was completed: the activity completion report has it even when the course report leaves it empty.
      later(states.map((s) => s.fact.completedAt).find((d) => d))
    } else if (neverLaunched) {
      reasons.push({ code: 'never-launched', activity })
      continue
    }
    if (rule.minGrade !== undefined) {
      // The gradebook holds Moodle's grade (grading method applied); a SCORM report only stands in without it.
      const grade = grades.length ? grades[0]!.fact.grade : scorm.length ? bestOf(scorm) : undefined
      if (grades.length > 1 && new Set(grades.map((g) => g.fact.grade)).size > 1) {
        reasons.push({ code: 'sources-disagree', activity, files: grades.map((g) => g.file).join(', ') })
        continue
      }
      if (grade === null || grade === undefined) {
        reasons.push({ code: neverLaunched ? 'never-launched' : 'no-grade', activity })
        continue
      }
      if (grade < rule.minGrade) {
        reasons.push({ code: 'grade-below', activity, grade, min: rule.minGrade })
        continue
      }
      if (!states.length) later(scorm.map((s) => s.fact.startedAt).find((d) => d))
    }
  }
  if (reasons.length) return { kind: 'not-eligible', learner, reasons }
  if (!completedAt) return { kind: 'not-eligible', learner, reasons: [{ code: 'not-complete' }] }
  return { kind: 'eligible', learner, completedAt, ...(startedAt && { startedAt }), passed }
}

function bestOf(scorm: Seen[]): number | null {
  const scores = scorm.map((s) => s.fact.bestScore).filter((x): x is number => typeof x === 'number')
  return scores.length ? Math.max(...scores) : null
}
