import { describe, expect, it } from 'vitest'
import { parseScoData, scoDataProblem } from '../../../src/shared/sco-data.js'
import { makeSco } from '../../helpers/sco.js'

describe('ScoData check (runtime and inspect)', () => {
  const data = makeSco({ modules: [{ id: 'm', pages: [{ id: 'p', assessment: true, questions: [{ id: 'q', type: 'single', choices: ['x', 'y'], correct: ['a'] }] }] }] })

  it('accepts what the compiler writes, in both versions', () => {
    expect(scoDataProblem(data)).toBeNull()
    expect(scoDataProblem(makeSco({ version: 'scorm2004', modules: [{ id: 'm', pages: [{ id: 'p' }] }] }))).toBeNull()
    expect(parseScoData(JSON.stringify(data))).toEqual(data)
  })

  it.each([
    ['not JSON', '{'],
    ['not an object', '[]'],
    ['another format (1: right answers in clear)', JSON.stringify({ ...data, format: 1 })],
    ['a question with its right answer instead of its seal', JSON.stringify({ ...data, questions: [{ ...data.questions[0], check: undefined, correct: ['a'] }] })],
    ['an unknown version', JSON.stringify({ ...data, version: 'scorm13' })],
    ['pages missing', JSON.stringify({ ...data, pages: undefined })],
    ['a question without choices', JSON.stringify({ ...data, questions: [{ ...data.questions[0], choices: null }] })],
    ['a policy without passing score', JSON.stringify({ ...data, policy: { ...data.policy, passingScore: '70' } })],
  ])('refuses %s', (_, text) => {
    expect(parseScoData(text)).toBeNull()
  })

  it('says what is wrong', () => {
    expect(scoDataProblem({ ...data, format: 1 })).toMatch(/format 1/)
    expect(scoDataProblem({ ...data, modules: [{ id: 'm' }] })).toBe('modules')
  })
})
