/**
 * Course → one ScoData per SCO (the whole course, or one per module with `sco: module`), with the
 * state keys and the build-time state budget: a course whose learner state could outgrow what the
 * LMS stores fails here, not in front of a learner a month later.
 */
import type { Lang, QuestionData, ScoData, ScormVersion } from '../../shared/sco-data.js'
import * as crypto from 'node:crypto'
import { answerSalt, sealAnswer, useSha256 } from '../../shared/answer-seal.js'
import { worstCaseStateLength } from '../../shared/state-codec.js'
import { answerRev, stateKey } from '../../shared/state-key.js'
import { error, type Diagnostic } from '../diagnostics.js'
import type { Course, Module } from '../types.js'

// The compiler seals every answer and feedback of the course on each build: Node's SHA-256 (same
// digests as the runtime's small one, tested in test/unit/shared) instead of the JavaScript one.
// crypto.hash (Node ≥ 20.12): one call, no Hash object; thousands of short texts per build.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'buffer') => Buffer }).hash
const sha256 = (text: string): Buffer => (oneShot ? oneShot('sha256', text, 'buffer') : crypto.createHash('sha256').update(text, 'utf8').digest())
// Remembered only in a process that rebuilds (watch, preview: rememberDigests()), where a rebuild
// hashes the same texts again; bounded, cleared when full (25,000: a 200-module course's, ≈ 7 MB).
// A one-off build hashes each text once: there the memo only held digests (≈ 4 MB at 1,000 modules)
// and, filled and cleared while the pages were sealed, left ≈ 22 MB of garbage in the old generation.
// The Buffers are read as they are (no copy into arrays: ≈ 15 MB less garbage at 200 modules).
let hashes: Map<string, Buffer> | undefined
useSha256(
  (text) => {
    if (!hashes) return sha256(text)
    let hash = hashes.get(text)
    if (!hash) {
      if (hashes.size >= 25_000) hashes.clear()
      hash = sha256(text)
      hashes.set(text, hash)
    }
    return hash
  },
  // Sealing a feedback encodes it: Node's encoder instead of the runtime's small one (one string per byte).
  (text) => Buffer.from(text, 'utf8'),
)

/** For a process that rebuilds the same course (watch, preview): digests are kept from one build to the next. */
export function rememberDigests(): void {
  hashes ??= new Map()
}

/** cmi.suspend_data: CMIString4096 in 1.2; SPM 64000 in 2004 3rd/4th ed. (RTE 4.2.24). */
export const STATE_LIMIT: Record<ScormVersion, number> = { scorm12: 4096, scorm2004: 64000 }

export interface Sco {
  /** SCO identifier: the course id, or the module id. */
  id: string
  title: string
  modules: Module[]
  data: ScoData
}

export function buildScos(course: Course, version: ScormVersion, strings: Record<string, string>): { scos: Sco[]; diagnostics: Diagnostic[] } {
  const { config } = course
  const groups: { id: string; title: string; modules: Module[] }[] =
    config.sco === 'module' ? course.modules.map((m) => ({ id: m.id, title: m.title, modules: [m] })) : [{ id: config.id, title: config.title, modules: course.modules }]
  const diagnostics: Diagnostic[] = []
  // Everything a SCO's data depends on besides its own modules (the time rule shares the course's durations out).
  const shared = JSON.stringify([config, version, strings, course.modules.map((m) => m.duration)])
  const scos = groups.map((group, i) => {
    // Same id as the manifest's `DONE-<sco>` objective (render-package.ts); the last module enables nothing.
    const objective = version === 'scorm2004' && groups.length > 1 && i < groups.length - 1 ? `DONE-${group.id}` : ''
    const key = `${shared}|${group.id}|${group.title}|${objective}`
    const first = group.modules[0]
    const hit = first && dataCache.get(first)
    if (hit && hit.key === key && hit.modules.length === group.modules.length && hit.modules.every((m, k) => m === group.modules[k])) {
      diagnostics.push(...hit.diagnostics)
      return { ...group, data: hit.data }
    }
    const data = scoData(course, group, version, config.language, strings)
    if (objective) data.completionObjective = objective
    const found = [...checkKeys(group.modules, data), ...checkBudget(group.modules, data, version)]
    if (first) dataCache.set(first, { key, modules: group.modules, data, diagnostics: found })
    diagnostics.push(...found)
    return { ...group, data }
  })
  return { scos, diagnostics }
}

/**
 * Each SCO's data and findings, kept with its first module while its modules are the same objects
 * (watch, preview) and the rest is equal: the same data object then comes back, and the render
 * stage keeps the SCO's page by that identity.
 */
const dataCache = new WeakMap<Module, { key: string; modules: readonly Module[]; data: ScoData; diagnostics: Diagnostic[] }>()

/**
 * A module's questions as the SCO data holds them (keys, revisions, sealed right answers), kept
 * with the module object: in watch and preview the analysis cache hands back the same object while
 * the module's text is unchanged, so a rebuild seals only the edited module's answers.
 */
const questionCache = new WeakMap<Module, { courseId: string; questions: QuestionData[] }>()

function questionsOf(module: Module, courseId: string): QuestionData[] {
  const hit = questionCache.get(module)
  if (hit && hit.courseId === courseId) return hit.questions
  const questions: QuestionData[] = []
  for (const page of module.pages) {
    for (const block of page.blocks) {
      if (block.kind !== 'question') continue
      const q = block.question
      const salt = answerSalt(courseId, q.id)
      questions.push({
        id: q.id,
        key: stateKey(q.id),
        rev: answerRev({ type: q.type, choices: q.choices.map((c) => c.text), sources: q.sources.map((s) => s.text) }),
        pageId: `${module.id}/${page.id}`,
        moduleId: module.id,
        type: q.type,
        scored: q.scored,
        points: q.points,
        text: q.text,
        choices: q.choices.map(({ token, text }) => ({ token, text })),
        sources: q.sources.map(({ token, text }) => ({ token, text })),
        check: sealAnswer(q, salt),
        // Sealed at render time, once the media paths of the SCO's page are known (render-package.ts).
        feedback: '',
      })
    }
  }
  questionCache.set(module, { courseId, questions })
  return questions
}

function scoData(course: Course, group: { id: string; title: string; modules: Module[] }, version: ScormVersion, lang: Lang, strings: Record<string, string>): ScoData {
  const { config } = course
  const single = group.modules.length === 1 ? group.modules[0] : undefined
  const questions: QuestionData[] = group.modules.flatMap((module) => questionsOf(module, config.id))
  return {
    format: 2,
    version,
    courseId: config.id,
    courseVersion: config.version,
    scoId: group.id,
    title: group.title,
    lang,
    policy: {
      // One SCO per module: the module's own pass mark applies; one SCO for the course: the course's.
      passingScore: single?.passingScore ?? config.passingScore,
      allPages: config.completion.pages === 'all',
      minTimeSeconds: Math.round(
        (config.completion.minTime * 60 * group.modules.reduce((s, m) => s + m.duration, 0)) /
          Math.max(
            1,
            course.modules.reduce((s, m) => s + m.duration, 0),
          ),
      ),
      attempts: config.attempts,
      attemptScore: config.attemptScore,
      ...(config.interactions === 'all' && { checkInteractions: true }),
    },
    modules: group.modules.map((m) => ({ id: m.id, title: m.title, pages: m.pages.map((p) => `${m.id}/${p.id}`) })),
    pages: group.modules.flatMap((m) =>
      m.pages.map((p) => ({ id: `${m.id}/${p.id}`, key: stateKey(`${m.id}/${p.id}`), moduleId: m.id, title: p.title, assessment: p.assessment })),
    ),
    questions,
    stateLimit: STATE_LIMIT[version],
    strings: learnerStrings(strings),
  }
}

/**
 * The runtime's strings: the trainer's answer key has its own, which have nothing to do in a
 * learner's package. One object for all the SCOs of a build, not a copy per SCO (≈ 1 MB of a
 * 1,000-module course's heap: 1,000 objects of ≈ 200 properties), held until the last page was zipped.
 */
const learnerStringsOf = new WeakMap<Record<string, string>, Record<string, string>>()
function learnerStrings(strings: Record<string, string>): Record<string, string> {
  let learner = learnerStringsOf.get(strings)
  if (!learner) learnerStringsOf.set(strings, (learner = Object.fromEntries(Object.entries(strings).filter(([k]) => !k.startsWith('answerKey.')))))
  return learner
}

/** Two ids of one SCO must not share a state key, or one's progress would be read as the other's. */
function checkKeys(modules: Module[], data: ScoData): Diagnostic[] {
  const owners = new Map<string, string>()
  const diagnostics: Diagnostic[] = []
  const entries = [
    ...data.pages.map((p) => [p.key, p.id, p.moduleId] as const),
    ...data.questions.map((q) => [q.key, q.id, q.moduleId] as const),
    ...data.modules.map((m) => [stateKey(m.id), m.id, m.id] as const),
  ]
  for (const [key, id, moduleId] of entries) {
    const other = owners.get(key)
    if (other !== undefined && other !== id) {
      const file = modules.find((m) => m.id === moduleId)?.file ?? ''
      diagnostics.push(error('state/key-collision', file, undefined, { a: other, b: id, key }))
    }
    owners.set(key, id)
  }
  return diagnostics
}

function checkBudget(modules: Module[], data: ScoData, version: ScormVersion): Diagnostic[] {
  const size = worstCaseStateLength(data)
  if (size <= data.stateLimit) return []
  const largest = [...modules].sort((a, b) => questionCount(b) - questionCount(a))[0]!
  return [error('state/too-large', largest.file, undefined, { size, limit: data.stateLimit, sco: data.title, version: version === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004' })]
}

function questionCount(module: Module): number {
  return module.pages.reduce((n, p) => n + p.blocks.filter((b) => b.kind === 'question').length, 0)
}
