import { describe, expect, it } from 'vitest'
import { Committer } from '../../../src/runtime/committer.js'

/** A manual scheduler: tests decide when time passes. */
function timers() {
  const pending: Array<{ run: () => void; ms: number; id: number }> = []
  let next = 1
  return {
    pending,
    schedule: (run: () => void, ms: number) => {
      const id = next++
      pending.push({ run, ms, id })
      return id
    },
    cancel: (id: unknown) => {
      const i = pending.findIndex((p) => p.id === id)
      if (i >= 0) pending.splice(i, 1)
    },
    fire: () => pending.shift()?.run(),
  }
}

function setup(results: boolean[]) {
  const t = timers()
  const saved: boolean[] = []
  let flushes = 0
  // The frames the browser draws: the test decides when one is drawn.
  const frames: Array<() => void> = []
  const committer = new Committer({
    flush: () => {
      flushes++
      return results.length ? results.shift()! : true
    },
    onSaved: (s) => saved.push(s),
    schedule: t.schedule,
    cancel: t.cancel,
    afterPaint: (run) => frames.push(run),
  })
  const draw = () => frames.splice(0).forEach((run) => run())
  return { committer, t, saved, flushes: () => flushes, draw, frames }
}

describe('committer', () => {
  it('does nothing until asked, and nothing after a success', () => {
    const { committer, t, saved, flushes } = setup([])
    expect(flushes()).toBe(0)
    expect(committer.commit()).toBe(true)
    expect(flushes()).toBe(1)
    expect(t.pending).toHaveLength(0)
    expect(saved).toEqual([])
  })

  it('retries with back-off 1, 2, 4… capped at 30 s, then hides the banner on success', () => {
    const { committer, t, saved, flushes } = setup([false, false, false, false, false, false, false, true])
    committer.commit()
    expect(saved).toEqual([false])
    const delays: number[] = []
    while (t.pending.length) {
      delays.push(t.pending[0]!.ms)
      t.fire()
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000])
    expect(flushes()).toBe(8)
    expect(saved).toEqual([false, true])
    expect(committer.unsaved).toBe(false)
  })

  it('a new commit replaces the waiting retry (each try sends the latest state)', () => {
    const { committer, t, flushes } = setup([false, false, true])
    committer.commit()
    expect(t.pending).toHaveLength(1)
    committer.commit() // e.g. a page change while failing
    expect(t.pending).toHaveLength(1)
    expect(t.pending[0]!.ms).toBe(2000)
    t.fire()
    expect(flushes()).toBe(3)
    expect(t.pending).toHaveLength(0)
  })

  it('after a success the back-off starts again from 1 s', () => {
    const { committer, t } = setup([false, true, false])
    committer.commit()
    t.fire()
    committer.commit()
    expect(t.pending[0]!.ms).toBe(1000)
  })

  it('a flush that throws counts as a failure', () => {
    const t = timers()
    const saved: boolean[] = []
    const committer = new Committer({
      flush: () => {
        throw new Error('x')
      },
      onSaved: (s) => saved.push(s),
      schedule: t.schedule,
      cancel: t.cancel,
    })
    expect(committer.commit()).toBe(false)
    expect(saved).toEqual([false])
  })

  it('stop() cancels retries and refuses later commits', () => {
    const { committer, t, flushes } = setup([false])
    committer.commit()
    committer.stop()
    expect(t.pending).toHaveLength(0)
    expect(committer.commit()).toBe(false)
    expect(flushes()).toBe(1)
  })

  it('soon() commits once the page is drawn, once for several page changes', () => {
    const { committer, flushes, draw } = setup([])
    committer.soon()
    committer.soon()
    expect(flushes()).toBe(0)
    expect(committer.pending).toBe(true)
    draw()
    expect(flushes()).toBe(1)
    expect(committer.pending).toBe(false)
    draw()
    expect(flushes()).toBe(1)
  })

  it('a commit made before the page is drawn takes the place of the waiting one', () => {
    const { committer, flushes, draw } = setup([])
    committer.soon()
    committer.commit() // e.g. the page hidden, or an assessment submitted
    expect(committer.pending).toBe(false)
    draw()
    expect(flushes()).toBe(1)
  })

  it('soon() after stop() does nothing, and stop() drops a waiting commit', () => {
    const { committer, flushes, draw, frames } = setup([])
    committer.soon()
    committer.stop()
    draw()
    committer.soon()
    expect(frames).toHaveLength(0)
    expect(flushes()).toBe(0)
  })

  it('soon() commits at once where nothing draws (no afterPaint)', () => {
    const t = timers()
    let flushes = 0
    const committer = new Committer({ flush: () => ++flushes > 0, onSaved: () => {}, schedule: t.schedule, cancel: t.cancel })
    committer.soon()
    expect(flushes).toBe(1)
    expect(committer.pending).toBe(false)
  })

  it('a failed commit made by soon() retries as any other', () => {
    const { committer, t, saved, draw } = setup([false, true])
    committer.soon()
    draw()
    expect(saved).toEqual([false])
    expect(t.pending[0]!.ms).toBe(1000)
    t.fire()
    expect(saved).toEqual([false, true])
  })
})
