/** The inspector's reading of a learner state after a course update: said, and points over the total they were earned on. */
import { describe, expect, it } from 'vitest'
import { stateReport } from '../../../src/inspect/state-report.js'
import { emptyState, encode } from '../../../src/shared/state-codec.js'
import { stateKey } from '../../../src/shared/state-key.js'
import { makeSco } from '../../helpers/sco.js'

const course = (version: string, extra: boolean) => ({
  ...makeSco({
    modules: [
      {
        id: 'm1',
        pages: [
          { id: 'p1' },
          {
            id: 'eval',
            assessment: true,
            questions: [{ id: 'q1', type: 'truefalse', correct: ['t'], points: 2 }, ...(extra ? [{ id: 'q2', type: 'truefalse' as const, correct: ['f'], points: 3 }] : [])],
          },
        ],
      },
    ],
  }),
  courseVersion: version,
})

describe('state report (preview inspector, parcours inspect)', () => {
  const v1 = course('1.0.0', false)
  const v2 = course('2.0.0', true)
  const state = emptyState()
  const q1 = v1.questions[0]!
  state.answers[q1.key] = { rev: q1.rev, value: 't', checked: false }
  state.assessments[stateKey('m1')] = { attempt: 1, submitted: true, points: 2, total: 2 }
  const text = encode(state, v1)

  it('says nothing of an update when the same version reads it', () => {
    expect(stateReport(text, v1)).toMatchObject({ verdict: 'readable', updated: false, assessments: [{ points: 2, total: 2 }] })
  })

  it('says another version wrote it, and gives the points over the total they were earned on', () => {
    const report = stateReport(text, v2)
    expect(report.updated).toBe(true)
    expect(report.assessments).toMatchObject([{ moduleId: 'm1', points: 2, total: 2 }])
    // A state without that total: the points are shown over the current total, as the runtime scores them.
    delete state.assessments[stateKey('m1')]!.total
    expect(stateReport(encode(state, v1), v2).assessments).toMatchObject([{ points: 2, total: 5 }])
  })

  it('after a worse retry: the latest attempt with its own score, the best attempt that counts in the outcome', () => {
    const worse = emptyState()
    worse.answers[q1.key] = { rev: q1.rev, value: 'f', checked: false }
    worse.assessments[stateKey('m1')] = { attempt: 2, submitted: true, points: 0, best: 2, total: 2 }
    const report = stateReport(encode(worse, v1), v1)
    expect(report.assessments).toMatchObject([{ attempt: 2, points: 0, best: 2, score: 0, passed: false }])
    expect(report.outcome).toMatchObject({ score: 100, passed: true })
  })
})
