import { describe, expect, it } from 'vitest'
import { END_PAGE, ending } from '../../../src/runtime/ending.js'
import { holdOutcome, summarize } from '../../../src/runtime/tracking.js'
import { answerValue } from '../../../src/shared/answer-seal.js'
import { ID_PATTERN } from '../../../src/compiler/parse/course-config.js'
import type { Policy } from '../../../src/shared/sco-data.js'
import type { LearnerState } from '../../../src/shared/state-codec.js'
import { emptyState } from '../../../src/shared/state-codec.js'
import { stateKey } from '../../../src/shared/state-key.js'
import type { KeyedScoData } from '../../helpers/answer-key.js'
import { makeSco } from '../../helpers/sco.js'

/** Two modules in one SCO: m1's assessment is worth 1 point, m2's 3 (three true/false questions). */
function course(policy: Partial<Policy> = {}): KeyedScoData {
  const tf = (id: string) => ({ id, type: 'truefalse' as const, correct: ['t'] })
  return makeSco({
    policy: { passingScore: 70, attempts: 2, ...policy },
    modules: [
      { id: 'm1', title: 'Premier', pages: [{ id: 'p1' }, { id: 'e1', assessment: true, questions: [tf('a1')] }] },
      { id: 'm2', title: 'Second', pages: [{ id: 'p2' }, { id: 'e2', assessment: true, questions: [tf('b1'), tf('b2'), tf('b3')] }] },
    ],
  })
}

/** Every page seen; each listed module submitted with the questions of `wrong` answered wrongly. */
function state(data: KeyedScoData, submitted: Record<string, { attempt?: number; wrong?: string[] }>, pages = data.pages.length): LearnerState {
  const s = emptyState()
  s.seen = data.pages.slice(0, pages).map((p) => p.key)
  for (const [moduleId, { attempt = 1, wrong = [] }] of Object.entries(submitted)) {
    for (const q of data.questions.filter((x) => x.scored && x.moduleId === moduleId))
      s.answers[q.key] = { rev: q.rev, value: wrong.includes(q.id) ? 'f' : answerValue(q.type, q.correct), checked: false }
    s.assessments[stateKey(moduleId)] = { attempt, submitted: true, points: null }
  }
  return s
}

describe('end page model', () => {
  it('has an id no author page can have, outside the state keys of pages', () => {
    const data = course()
    expect(ID_PATTERN.test(END_PAGE)).toBe(false)
    expect(END_PAGE).not.toContain('/') // an author's page id is always module/page
    expect(data.pages.map((p) => p.id)).not.toContain(END_PAGE)
  })

  it('passed: the score sent, each assessment with its weight, nothing left to do', () => {
    const data = course()
    const s = state(data, { m1: {}, m2: { wrong: ['b1'] } })
    const summary = summarize(data, s)
    const end = ending(data, s, summary)
    expect(end).toMatchObject({ assessed: true, passed: true, completed: true, score: summary.score, todo: [], noAttemptsLeft: false })
    expect(end.score).toBe(75)
    expect(end.rows).toEqual([
      { moduleId: 'm1', title: 'Premier', score: 100, points: 1, share: 25, attemptsLeft: 1 },
      { moduleId: 'm2', title: 'Second', score: 66.67, points: 3, share: 75, attemptsLeft: 1 },
    ])
  })

  it('failed with attempts left: the modules under the pass mark to retry, pages and submissions left', () => {
    const data = course()
    const s = state(data, { m1: {}, m2: { wrong: ['b1', 'b2'] } }, 2)
    const end = ending(data, s, summarize(data, s))
    expect(end).toMatchObject({ passed: false, completed: false, score: 50, noAttemptsLeft: false })
    expect(end.todo).toEqual([
      { kind: 'pages', count: 2, total: 4 },
      { kind: 'retry', module: 'Second', score: 33.33 },
    ])
  })

  it('failed with no attempt left: says so, nothing to retry', () => {
    const data = course()
    const s = state(data, { m1: { attempt: 2 }, m2: { attempt: 2, wrong: ['b1', 'b2'] } })
    const end = ending(data, s, summarize(data, s))
    expect(end).toMatchObject({ passed: false, noAttemptsLeft: true, todo: [] })
    expect(end.rows.map((r) => r.attemptsLeft)).toEqual([0, 0])
  })

  it('no result yet: the assessments to submit, and a new attempt to finish', () => {
    const data = course()
    const s = state(data, { m1: { wrong: ['a1'] } })
    s.assessments[stateKey('m1')] = { attempt: 2, submitted: false, points: 0 }
    const end = ending(data, s, summarize(data, s))
    expect(end).toMatchObject({ passed: null, score: null })
    expect(end.todo).toEqual([
      { kind: 'finish', module: 'Premier' },
      { kind: 'submit', module: 'Second' },
    ])
  })

  it('minimum time left, in whole minutes', () => {
    const data = makeSco({ policy: { minTimeSeconds: 600 }, modules: [{ id: 'm', pages: [{ id: 'p' }] }] })
    const s = emptyState()
    s.seen = data.pages.map((p) => p.key)
    s.time = 61
    const end = ending(data, s, summarize(data, s))
    expect(end).toMatchObject({ assessed: false, completed: false, todo: [{ kind: 'time', minutes: 9 }] })
  })

  it('says what the LMS holds: a pass from an earlier session, even when this state has none', () => {
    const data = course()
    const s = state(data, {}, 1)
    const end = ending(data, s, holdOutcome(summarize(data, s), { completed: true, passed: true, score: 87.5 }))
    expect(end).toMatchObject({ passed: true, completed: true, score: 87.5, todo: [], noAttemptsLeft: false })
  })
})
