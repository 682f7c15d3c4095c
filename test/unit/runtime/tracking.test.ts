import { describe, expect, it } from 'vitest'
import { isComplete, judge } from '../../../src/runtime/answers.js'
import { answerValue, sealAnswer } from '../../../src/shared/answer-seal.js'
import type { KeyedScoData } from '../../helpers/answer-key.js'
import { status12 } from '../../../src/runtime/lms/scorm12.js'
import { status2004 } from '../../../src/runtime/lms/scorm2004.js'
import type { Summary } from '../../../src/runtime/tracking.js'
import { moduleResults, summarize } from '../../../src/runtime/tracking.js'
import type { Policy, ScoData, ScormVersion } from '../../../src/shared/sco-data.js'
import type { LearnerState } from '../../../src/shared/state-codec.js'
import { emptyState } from '../../../src/shared/state-codec.js'
import { stateKey } from '../../../src/shared/state-key.js'
import { makeSco, sampleSco, type QuestionSpec } from '../../helpers/sco.js'

/** The status elements each dialect sends for a summary. */
const statusValues = (version: ScormVersion, s: Summary): Array<[string, string]> => (version === 'scorm12' ? status12(s) : status2004(s))

/** One module: 4 pages, an assessment of 4 questions worth 1, 1, 2 and 1 points (total 5), then `added`. */
function course(policy: Partial<Policy> = {}, assessed = true, added: QuestionSpec[] = []): KeyedScoData {
  return makeSco({
    policy: { passingScore: 70, attempts: 2, ...policy },
    modules: [
      {
        id: 'm1',
        pages: [
          { id: 'p1', questions: [{ id: 'kc', type: 'single', choices: ['x', 'y'], correct: ['a'] }] },
          { id: 'p2' },
          { id: 'p3' },
          assessed
            ? {
                id: 'eval',
                assessment: true,
                questions: [
                  { id: 'q1', type: 'single', choices: ['x', 'y', 'z'], correct: ['b'] },
                  { id: 'q2', type: 'truefalse', correct: ['f'] },
                  { id: 'q3', type: 'matching', sources: ['s1', 's2'], choices: ['t1', 't2'], correct: ['b', 'a'], points: 2 },
                  { id: 'q4', type: 'multiple', choices: ['x', 'y', 'z'], correct: ['a', 'c'] },
                  ...added,
                ],
              }
            : { id: 'p4' },
        ],
      },
    ],
  })
}

interface Journey {
  pages?: number
  /** Questions answered right, by id; the others are answered wrong. */
  right?: string[]
  submitted?: boolean
  attempt?: number
  time?: number
}

function journey(data: KeyedScoData, j: Journey): LearnerState {
  const state = emptyState()
  state.seen = data.pages
    .slice(0, j.pages ?? 0)
    .map((p) => p.key)
    .sort()
  state.time = j.time ?? 0
  if (j.right) {
    for (const q of data.questions.filter((x) => x.scored)) {
      const ok = j.right.includes(q.id)
      const value = ok ? answerValue(q.type, q.correct) : q.type === 'matching' ? 'aa' : q.type === 'truefalse' ? 't' : 'a' === answerValue(q.type, q.correct) ? 'b' : 'a'
      state.answers[q.key] = { rev: q.rev, value, checked: false }
    }
    state.assessments[stateKey('m1')] = { attempt: j.attempt ?? 1, submitted: j.submitted ?? false, points: null }
  }
  return state
}

const rows = (data: ScoData, state: LearnerState, version: 'scorm12' | 'scorm2004') => Object.fromEntries(statusValues(version, summarize(data, state)))

describe('status truth table', () => {
  const cases: Array<[string, KeyedScoData, Journey, Record<string, string>, Record<string, string>]> = [
    [
      'nothing done',
      course(),
      {},
      { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.exit': 'suspend' },
      { 'cmi.completion_status': 'incomplete', 'cmi.success_status': 'unknown', 'cmi.progress_measure': '0', 'cmi.exit': 'suspend' },
    ],
    [
      'some pages seen',
      course(),
      { pages: 2 },
      { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.exit': 'suspend' },
      { 'cmi.completion_status': 'incomplete', 'cmi.success_status': 'unknown', 'cmi.progress_measure': '0.5', 'cmi.exit': 'suspend' },
    ],
    [
      'all pages, no assessment',
      course({}, false),
      { pages: 4 },
      { 'cmi.core.lesson_status': 'completed', 'cmi.core.exit': '' },
      { 'cmi.completion_status': 'completed', 'cmi.success_status': 'unknown', 'cmi.progress_measure': '1', 'cmi.exit': 'suspend' },
    ],
    [
      'assessment answered but not submitted',
      course(),
      { pages: 4, right: ['q1', 'q2', 'q3', 'q4'] },
      { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.exit': 'suspend' },
      { 'cmi.completion_status': 'completed', 'cmi.success_status': 'unknown', 'cmi.progress_measure': '1', 'cmi.exit': 'suspend' },
    ],
    [
      'failed, attempts left',
      course(),
      { pages: 4, right: ['q1', 'q2'], submitted: true },
      { 'cmi.core.lesson_status': 'failed', 'cmi.core.score.raw': '40', 'cmi.core.score.min': '0', 'cmi.core.score.max': '100', 'cmi.core.exit': 'suspend' },
      {
        'cmi.completion_status': 'completed',
        'cmi.success_status': 'failed',
        'cmi.score.scaled': '0.4',
        'cmi.score.raw': '40',
        'cmi.score.min': '0',
        'cmi.score.max': '100',
        'cmi.progress_measure': '1',
        'cmi.exit': 'suspend',
      },
    ],
    [
      'failed, no attempt left',
      course(),
      { pages: 4, right: ['q1', 'q2'], submitted: true, attempt: 2 },
      { 'cmi.core.lesson_status': 'failed', 'cmi.core.score.raw': '40', 'cmi.core.score.min': '0', 'cmi.core.score.max': '100', 'cmi.core.exit': '' },
      {
        'cmi.completion_status': 'completed',
        'cmi.success_status': 'failed',
        'cmi.score.scaled': '0.4',
        'cmi.score.raw': '40',
        'cmi.score.min': '0',
        'cmi.score.max': '100',
        'cmi.progress_measure': '1',
        'cmi.exit': 'suspend',
      },
    ],
    [
      'passed',
      course(),
      { pages: 4, right: ['q1', 'q3', 'q4'], submitted: true },
      { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '80', 'cmi.core.score.min': '0', 'cmi.core.score.max': '100', 'cmi.core.exit': '' },
      {
        'cmi.completion_status': 'completed',
        'cmi.success_status': 'passed',
        'cmi.score.scaled': '0.8',
        'cmi.score.raw': '80',
        'cmi.score.min': '0',
        'cmi.score.max': '100',
        'cmi.progress_measure': '1',
        'cmi.exit': 'suspend',
      },
    ],
    [
      'passed, pages unseen',
      course(),
      { pages: 1, right: ['q1', 'q2', 'q3', 'q4'], submitted: true },
      { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '100', 'cmi.core.score.min': '0', 'cmi.core.score.max': '100', 'cmi.core.exit': 'suspend' },
      {
        'cmi.completion_status': 'incomplete',
        'cmi.success_status': 'passed',
        'cmi.score.scaled': '1',
        'cmi.score.raw': '100',
        'cmi.score.min': '0',
        'cmi.score.max': '100',
        'cmi.progress_measure': '0.25',
        'cmi.exit': 'suspend',
      },
    ],
    [
      'minimum time not reached',
      course({ minTimeSeconds: 600 }, false),
      { pages: 4, time: 599 },
      { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.exit': 'suspend' },
      { 'cmi.completion_status': 'incomplete', 'cmi.success_status': 'unknown', 'cmi.progress_measure': '1', 'cmi.exit': 'suspend' },
    ],
    [
      'minimum time reached',
      course({ minTimeSeconds: 600 }, false),
      { pages: 4, time: 600 },
      { 'cmi.core.lesson_status': 'completed', 'cmi.core.exit': '' },
      { 'cmi.completion_status': 'completed', 'cmi.success_status': 'unknown', 'cmi.progress_measure': '1', 'cmi.exit': 'suspend' },
    ],
    [
      'pages not required',
      course({ allPages: false }, false),
      { pages: 1 },
      { 'cmi.core.lesson_status': 'completed', 'cmi.core.exit': '' },
      { 'cmi.completion_status': 'completed', 'cmi.success_status': 'unknown', 'cmi.progress_measure': '0.25', 'cmi.exit': 'suspend' },
    ],
    [
      'unlimited attempts, failed',
      course({ attempts: 0 }),
      { pages: 4, right: [], submitted: true, attempt: 12 },
      { 'cmi.core.lesson_status': 'failed', 'cmi.core.score.raw': '0', 'cmi.core.score.min': '0', 'cmi.core.score.max': '100', 'cmi.core.exit': 'suspend' },
      {
        'cmi.completion_status': 'completed',
        'cmi.success_status': 'failed',
        'cmi.score.scaled': '0',
        'cmi.score.raw': '0',
        'cmi.score.min': '0',
        'cmi.score.max': '100',
        'cmi.progress_measure': '1',
        'cmi.exit': 'suspend',
      },
    ],
  ]

  it.each(cases)('%s', (_name, data, j, scorm12, scorm2004) => {
    const state = journey(data, j)
    expect(rows(data, state, 'scorm12')).toEqual(scorm12)
    expect(rows(data, state, 'scorm2004')).toEqual(scorm2004)
  })

  it('never sends "not attempted", and values are strings', () => {
    for (const [, data, j] of cases) {
      for (const version of ['scorm12', 'scorm2004'] as const) {
        for (const [, value] of statusValues(version, summarize(data, journey(data, j)))) {
          expect(typeof value).toBe('string')
          expect(value).not.toBe('not attempted')
        }
      }
    }
  })
})

describe('score', () => {
  it('weights by points, all-or-nothing per question, 2 decimals', () => {
    const data = course()
    const s = summarize(data, journey(data, { right: ['q3'], submitted: true })) // 2 of 5 points
    expect(s.score).toBe(40)
    const third = makeSco({
      modules: [{ id: 'm', pages: [{ id: 'e', assessment: true, questions: ['a', 'b', 'c'].map((id) => ({ id, type: 'truefalse' as const, correct: ['t'] })) }] }],
    })
    const state = emptyState()
    third.questions.forEach((q, i) => (state.answers[q.key] = { rev: q.rev, value: i === 0 ? 't' : 'f', checked: false }))
    state.assessments[stateKey('m')] = { attempt: 1, submitted: true, points: null }
    expect(summarize(third, state).score).toBe(33.33)
  })

  it('exists only once every assessment of the SCO has been submitted', () => {
    const data = sampleSco()
    const state = emptyState()
    const [m1, m2, m3] = data.modules
    for (const q of data.questions.filter((x) => x.scored)) state.answers[q.key] = { rev: q.rev, value: answerValue(q.type, q.correct), checked: false }
    state.assessments[stateKey(m1!.id)] = { attempt: 1, submitted: true, points: null }
    state.assessments[stateKey(m2!.id)] = { attempt: 1, submitted: true, points: null }
    expect(summarize(data, state).score).toBeNull()
    expect(statusValues('scorm12', summarize(data, state)).map(([k]) => k)).not.toContain('cmi.core.score.raw')
    state.assessments[stateKey(m3!.id)] = { attempt: 1, submitted: true, points: null }
    expect(summarize(data, state).score).toBe(100)
  })

  it('keeps the latest submitted score while a new attempt is under way', () => {
    const data = course()
    const state = journey(data, { pages: 4, right: ['q1', 'q2'], submitted: true })
    const key = stateKey('m1')
    // Retry: answers cleared, attempt 2 started; points of attempt 1 kept in the state.
    state.assessments[key] = { attempt: 2, submitted: false, points: 2 }
    for (const q of data.questions.filter((x) => x.scored)) delete state.answers[q.key]
    const s = summarize(data, state)
    expect(s.score).toBe(40)
    expect(s.passed).toBe(false)
    expect(s.canRetry).toBe(true) // the attempt under way can still change it
    expect(Object.fromEntries(statusValues('scorm12', s))['cmi.core.exit']).toBe('suspend')
    const [r] = moduleResults(data, state)
    expect(r).toMatchObject({ attempt: 2, submitted: false, earned: 2, attemptsLeft: 1, canRetry: false })
  })

  it('re-scores a submitted attempt with the current right answers', () => {
    const data = course()
    const state = journey(data, { right: ['q1', 'q3', 'q4'], submitted: true })
    state.assessments[stateKey('m1')]!.points = 4
    const fixed = structuredClone(data)
    const q2 = fixed.questions.find((q) => q.id === 'q2')!
    q2.check = sealAnswer({ ...q2, correct: ['t'] }, q2.check.salt) // the wrong answer given was 't'
    expect(summarize(fixed, state).score).toBe(100)
  })

  it('uses the stored points when a submitted answer could not be restored', () => {
    const data = course()
    const state = journey(data, { right: ['q1', 'q3', 'q4'], submitted: true })
    state.assessments[stateKey('m1')]!.points = 4
    delete state.answers[data.questions.find((q) => q.id === 'q4')!.key]
    expect(summarize(data, state).score).toBe(80)
  })

  it('an attempt submitted before a graded question was added keeps its score, over the total it had', () => {
    const data = course()
    const state = journey(data, { pages: 4, right: ['q1', 'q2', 'q3', 'q4'], submitted: true })
    const total = data.questions.filter((q) => q.scored).reduce((sum, q) => sum + q.points, 0)
    state.assessments[stateKey('m1')] = { attempt: 1, submitted: true, points: total, total }
    const before = summarize(data, state)
    expect(before).toMatchObject({ score: 100, passed: true })
    // Version 2: a 5-point question is added to the assessment; the learner has no answer to it.
    const updated = course({}, true, [{ id: 'q5', type: 'truefalse', correct: ['t'], points: 5 }])
    expect(updated.questions.filter((q) => q.scored)).toHaveLength(5)
    expect(summarize(updated, state)).toMatchObject({ score: before.score, passed: true, canRetry: false })
    // A state written before the total was kept: the points are over the current total, as before.
    delete state.assessments[stateKey('m1')]!.total
    expect(summarize(updated, state).score).toBe(Math.round((total / (total + 5)) * 10000) / 100)
  })

  it('attempts left count the current attempt until it is submitted', () => {
    const data = course({ attempts: 3 })
    const at = (attempt: number, submitted: boolean) => {
      const state = journey(data, { right: [], submitted, attempt })
      return moduleResults(data, state)[0]!.attemptsLeft
    }
    expect(at(1, false)).toBe(3)
    expect(at(1, true)).toBe(2)
    expect(at(3, false)).toBe(1)
    expect(at(3, true)).toBe(0)
  })
})

describe('which attempt counts (policy.attemptScore)', () => {
  /** Attempt 1 passed (4 of 5 points), attempt 2 submitted worse (2 of 5): the state as the runtime keeps it. */
  function worseRetry(data: KeyedScoData): LearnerState {
    const state = journey(data, { pages: 4, right: ['q3'], submitted: true, attempt: 2 }) // 2 of 5 points
    state.assessments[stateKey('m1')] = { attempt: 2, submitted: true, points: 2, best: 4, total: 5 }
    return state
  }

  it('best (the default): a worse retry never lowers the result, and the latest score is still told', () => {
    const data = course()
    expect(data.policy.attemptScore).toBe('best')
    const state = worseRetry(data)
    expect(summarize(data, state)).toMatchObject({ score: 80, passed: true, canRetry: false })
    expect(moduleResults(data, state)[0]).toMatchObject({ score: 80, lastScore: 40, passed: true, canRetry: false })
    expect(Object.fromEntries(statusValues('scorm12', summarize(data, state)))).toMatchObject({ 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '80' })
  })

  it('last: the latest attempt counts, a pass can be lost', () => {
    const data = course({ attemptScore: 'last' })
    const state = worseRetry(data)
    expect(summarize(data, state)).toMatchObject({ score: 40, passed: false })
    expect(moduleResults(data, state)[0]).toMatchObject({ score: 40, lastScore: 40 })
  })

  it('best, while a new attempt is under way: the best submitted attempt counts', () => {
    const data = course()
    const state = worseRetry(data)
    state.assessments[stateKey('m1')] = { attempt: 3, submitted: false, points: 2, best: 4, total: 5 }
    expect(summarize(data, state)).toMatchObject({ score: 80, passed: true })
  })
})

describe('judging answers', () => {
  const data = course()
  const q = (id: string) => data.questions.find((x) => x.id === id)!
  it.each([
    ['q1', 'b', 'correct'],
    ['q1', 'a', 'wrong'],
    ['q2', 'f', 'correct'],
    ['q2', 't', 'wrong'],
    ['q4', 'ac', 'correct'],
    ['q4', 'a', 'partial'],
    ['q4', 'abc', 'partial'],
    ['q4', 'b', 'wrong'],
    ['q3', 'ba', 'correct'],
    ['q3', 'bb', 'partial'],
    ['q3', 'ab', 'wrong'],
  ])('%s answered %s is %s', (id, value, verdict) => {
    expect(judge(q(id), value)).toBe(verdict)
  })
  it('a matching answer is complete only when every source has a target', () => {
    expect(isComplete(q('q3'), 'b_')).toBe(false)
    expect(isComplete(q('q3'), 'ba')).toBe(true)
    expect(isComplete(q('q1'), '')).toBe(false)
  })
})
