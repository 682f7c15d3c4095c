import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { paintQueue } from '../../../src/runtime/after-paint.js'

/** Frames drawn when the test says so; timers are vitest's. */
const frames: Array<() => void> = []
const draw = () => frames.splice(0).forEach((run) => run())
const nextFrame = (run: () => void) => void frames.push(run)
/** As dom.ts's guard: a failing work is reported, the others run. */
const failed: unknown[] = []
const guard = (work: () => void) => () => {
  try {
    work()
  } catch (error) {
    failed.push(error)
  }
}

describe('paint queue', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
    frames.length = 0
    failed.length = 0
  })

  it('runs the work in order, in the task after the next frame, each on its own', () => {
    const done: string[] = []
    const q = paintQueue(nextFrame, guard)
    q.later(() => done.push('commit'))
    q.later(() => {
      throw new Error('address')
    })
    q.later(() => done.push('third'))
    vi.advanceTimersByTime(0)
    expect(done).toEqual([])
    expect(q.settled()).toBe(false)
    draw()
    vi.advanceTimersByTime(0)
    expect(done).toEqual(['commit', 'third'])
    expect(failed).toHaveLength(1)
    expect(q.settled()).toBe(true)
  })

  it('a frame that never comes (or nothing draws): the work runs after half a second', () => {
    const done: string[] = []
    const q = paintQueue(undefined, guard)
    q.later(() => done.push('commit'))
    vi.advanceTimersByTime(499)
    expect(done).toEqual([])
    vi.advanceTimersByTime(1)
    expect(done).toEqual(['commit'])
  })

  it("an earlier wait's stand-in timer never runs a later page's work before its frame", () => {
    const done: string[] = []
    const q = paintQueue(nextFrame, guard)
    q.later(() => done.push('first'))
    draw()
    vi.advanceTimersByTime(0)
    vi.advanceTimersByTime(490)
    q.later(() => done.push('second'))
    vi.advanceTimersByTime(10) // the first wait's timer
    expect(done).toEqual(['first'])
    draw()
    vi.advanceTimersByTime(0)
    expect(done).toEqual(['first', 'second'])
  })
})
