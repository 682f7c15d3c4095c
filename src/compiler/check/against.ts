/**
 * `parcours check --against published.zip`: what an update does to learners who started the
 * published version. Both sides are ScoData (the published one read from the zip, where each
 * SCO's page carries it in `<script id="pc-data">`), compared SCO by SCO, and each difference is
 * classified (README, « Publier et mettre à jour »):
 *   - safe: no learner's state or result changes (a new ungraded page or question, page order);
 *   - state-reset: part of the learners' saved state is dropped (reworded answers, a removed
 *     page or question, a renamed id: the same question or page under another id), the message
 *     says which;
 *   - results: a learner's score or status would be computed differently (graded question added
 *     or removed, points, right answers, pass mark, completion rule). An error unless `version`
 *     was raised in course.yml; a warning then, since the trainer decided it.
 */
import type JSZip from 'jszip'
import type { QuestionData, ScoData } from '../../shared/sco-data.js'
import { error, warning, type Diagnostic, type DiagnosticCode } from '../diagnostics.js'
import { answerValue, digest, label } from '../../shared/answer-seal.js'
import type { Course } from '../types.js'
import { COURSE_FILE_NAME } from './constants.js'

export type UpdateClass = 'safe' | 'state-reset' | 'results'

/** The ScoData of every SCO of a parcours zip, or why it could not be read. */
export async function readPublished(bytes: Uint8Array): Promise<{ scos: ScoData[] } | { reason: string }> {
  let zip: JSZip
  try {
    // Loaded here, for `check --against` only: every build imports this module (≈ 300 KB of jszip and pako).
    const { default: JSZip } = await import('jszip')
    zip = await JSZip.loadAsync(bytes)
  } catch (e) {
    return { reason: (e as Error).message }
  }
  const scos: ScoData[] = []
  for (const entry of Object.values(zip.files).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.dir || !/\.html$/.test(entry.name)) continue
    const html = await entry.async('string')
    const m = /<script type="application\/json" id="pc-data">([\s\S]*?)<\/script>/.exec(html)
    if (!m) continue
    try {
      const data = JSON.parse(m[1]!.replace(/\\u003c/g, '<')) as ScoData
      // Format 1 (right answers in clear) and 2 (sealed, issue 12) both compare: see sameAnswer().
      if (((data.format as number) === 1 || data.format === 2) && !scos.some((s) => s.scoId === data.scoId)) scos.push(data)
    } catch {
      return { reason: `${entry.name}: pc-data` }
    }
  }
  return scos.length ? { scos } : { reason: 'no pc-data' }
}

interface Change {
  cls: UpdateClass
  code: DiagnosticCode
  params: Record<string, string | number>
  /** Where the change is in the current sources, when it is there. */
  at?: { file: string; line: number }
}

/** Every difference between the published SCOs and the current ones, classified. */
export function compareScos(published: readonly ScoData[], current: readonly ScoData[], course: Course): Diagnostic[] {
  const before = published[0]
  if (!before) return []
  if (before.courseId !== course.config.id) return [error('update/other-course', COURSE_FILE_NAME, undefined, { published: before.courseId, current: course.config.id })]
  const versionRaised = before.courseVersion !== course.config.version
  const where = sourcesOf(course)
  const changes: Change[] = []
  const oldQuestions = new Map(published.flatMap((s) => s.questions.map((q) => [q.id, q] as const)))
  const newQuestions = new Map(current.flatMap((s) => s.questions.map((q) => [q.id, q] as const)))
  // The state is keyed by id: a renamed id loses what learners saved under the old one, whatever
  // the content. Said as one change, not as a removal plus an addition.
  const renamedQuestions = renames(
    [...oldQuestions.values()].filter((q) => !newQuestions.has(q.id)),
    [...newQuestions.values()].filter((q) => !oldQuestions.has(q.id)),
    (q) => JSON.stringify([q.type, q.rev, q.text, q.choices.map((c) => c.text), q.sources.map((c) => c.text)]),
  )
  const renamedFrom = new Set([...renamedQuestions.values()].map((q) => q.id))
  for (const [id, q] of newQuestions) {
    const old = oldQuestions.get(id) ?? renamedQuestions.get(id)
    const at = where.get(id)
    const located = at ? { at } : {}
    if (!old) changes.push({ cls: q.scored ? 'results' : 'safe', code: q.scored ? 'update/graded-question-added' : 'update/question-added', params: { id }, ...located })
    else {
      if (old.id !== id) changes.push({ cls: 'state-reset', code: 'update/question-renamed', params: { id, from: old.id }, ...located })
      if (old.scored !== q.scored) changes.push({ cls: 'results', code: q.scored ? 'update/graded-question-added' : 'update/graded-question-removed', params: { id }, ...located })
      else if (q.scored && old.points !== q.points) changes.push({ cls: 'results', code: 'update/points-changed', params: { id, from: old.points, to: q.points }, ...located })
      if (old.rev !== q.rev) changes.push({ cls: q.scored ? 'results' : 'state-reset', code: 'update/answers-reworded', params: { id }, ...located })
      else if (sameAnswer(old, q) === false) changes.push({ cls: q.scored ? 'results' : 'safe', code: 'update/correct-answer-changed', params: { id }, ...located })
    }
  }
  for (const [id, old] of oldQuestions)
    if (!newQuestions.has(id) && !renamedFrom.has(id))
      changes.push({ cls: old.scored ? 'results' : 'state-reset', code: old.scored ? 'update/graded-question-removed' : 'update/question-removed', params: { id } })
  const oldPages = published.flatMap((s) => s.pages)
  const newPages = current.flatMap((s) => s.pages)
  const oldIds = oldPages.map((p) => p.id)
  const newIds = newPages.map((p) => p.id)
  const renamedPages = renames(
    oldPages.filter((p) => !newIds.includes(p.id)),
    newPages.filter((p) => !oldIds.includes(p.id)),
    (p) => JSON.stringify([p.title, p.assessment]),
  )
  const renamedPageFrom = new Set([...renamedPages.values()].map((p) => p.id))
  for (const id of newIds) {
    const old = renamedPages.get(id)
    if (old) changes.push({ cls: 'state-reset', code: 'update/page-renamed', params: { id, from: old.id } })
    else if (!oldIds.includes(id)) changes.push({ cls: 'safe', code: 'update/page-added', params: { id } })
  }
  for (const id of oldIds) if (!newIds.includes(id) && !renamedPageFrom.has(id)) changes.push({ cls: 'state-reset', code: 'update/page-removed', params: { id } })
  // Order of the pages found on both sides, a renamed page standing where its old id stood.
  const asPublished = newIds.map((id) => renamedPages.get(id)?.id ?? id)
  const kept = asPublished.filter((id) => oldIds.includes(id))
  if (kept.join() !== oldIds.filter((id) => asPublished.includes(id)).join()) changes.push({ cls: 'safe', code: 'update/page-order-changed', params: {} })
  for (const sco of current) {
    const old = published.find((s) => s.scoId === sco.scoId)
    if (!old) continue
    for (const key of ['passingScore', 'attemptScore', 'allPages', 'minTimeSeconds'] as const)
      if (old.policy[key] !== sco.policy[key])
        changes.push({ cls: 'results', code: 'update/rule-changed', params: { rule: key, from: String(old.policy[key]), to: String(sco.policy[key]) } })
    if (old.policy.attempts !== sco.policy.attempts)
      changes.push({ cls: 'safe', code: 'update/rule-changed', params: { rule: 'attempts', from: old.policy.attempts, to: sco.policy.attempts } })
  }
  return changes.map((c) => {
    const file = c.at?.file ?? COURSE_FILE_NAME
    const at = c.at ? { line: c.at.line, column: 1 } : undefined
    const params = { ...c.params, class: `%update-${c.cls}%`, version: course.config.version }
    if (c.cls === 'results' && !versionRaised) return error(c.code, file, at, params)
    if (c.cls === 'safe') return { ...warning(c.code, file, at, params), severity: 'info' as const }
    return warning(c.code, file, at, params)
  })
}

/**
 * Renamed ids: each item that is only on the new side, paired (new id → old item) with the one
 * item only on the published side that has the same content. Content shared by several items on
 * either side is ambiguous: those stay a removal and an addition.
 */
function renames<T extends { id: string }>(removed: readonly T[], added: readonly T[], content: (item: T) => string): Map<string, T> {
  const count = (items: readonly T[]) => {
    const n = new Map<string, number>()
    for (const item of items) n.set(content(item), (n.get(content(item)) ?? 0) + 1)
    return n
  }
  const removedCount = count(removed)
  const addedCount = count(added)
  const pairs = new Map<string, T>()
  for (const item of added) {
    const key = content(item)
    const old = removed.find((r) => content(r) === key)
    if (old && removedCount.get(key) === 1 && addedCount.get(key) === 1) pairs.set(item.id, old)
  }
  return pairs
}

/** A question as a published package holds it: format 1 had the right answer in clear. */
type Published = QuestionData & { correct?: string[] }

/** The digest of the right answer under `salt` (format 2 holds it; format 1 is sealed here). */
function answerDigest(q: Published, salt: string): string | undefined {
  if (q.correct) return digest(salt, label.whole(answerValue(q.type, q.correct)))
  return q.check && q.check.salt === salt ? q.check.whole : undefined
}

/** undefined when the answers cannot be compared (different rev). */
function sameAnswer(a: Published, b: Published): boolean | undefined {
  if (a.rev !== b.rev) return undefined
  if (a.correct && b.correct) return a.correct.join() === b.correct.join()
  const salt = b.check?.salt ?? a.check?.salt
  if (!salt) return undefined
  const x = answerDigest(a, salt)
  const y = answerDigest(b, salt)
  return x === undefined || y === undefined ? undefined : x === y
}

function sourcesOf(course: Course): Map<string, { file: string; line: number }> {
  const map = new Map<string, { file: string; line: number }>()
  for (const m of course.modules) for (const p of m.pages) for (const b of p.blocks) if (b.kind === 'question') map.set(b.question.id, b.question.source)
  return map
}
