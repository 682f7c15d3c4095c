import { afterEach, describe, expect, it, vi } from 'vitest'
import { AnswerClock } from '../../../src/runtime/quiz/answer-clock.js'
import type { QuestionData } from '../../../src/shared/sco-data.js'

const q = (id: string) => ({ id }) as QuestionData

describe('answer latency (cmi.interactions.n.latency, issue 12)', () => {
  afterEach(() => vi.useRealTimers())

  it('runs per question from its first interaction to the submission, not from when the page was shown', () => {
    vi.useFakeTimers()
    vi.setSystemTime(0)
    const clock = new AnswerClock()
    clock.pageShown()
    vi.setSystemTime(10_000)
    clock.touched(q('a'))
    vi.setSystemTime(12_000)
    clock.touched(q('a')) // a later change does not restart it
    vi.setSystemTime(30_000)
    clock.touched(q('b'))
    vi.setSystemTime(40_000)
    // Submitted together: each its own time.
    expect(clock.latency(q('a'))).toBe(30)
    expect(clock.latency(q('b'))).toBe(10)
    // Retry: the clock starts again at the next first interaction.
    clock.restart(q('a'))
    vi.setSystemTime(45_000)
    clock.touched(q('a'))
    vi.setSystemTime(47_000)
    expect(clock.latency(q('a'))).toBe(2)
  })

  it('an answer restored from an earlier session and never touched counts from the page', () => {
    vi.useFakeTimers()
    vi.setSystemTime(5_000)
    const clock = new AnswerClock()
    clock.pageShown()
    vi.setSystemTime(8_000)
    expect(clock.latency(q('c'))).toBe(3)
  })
})
