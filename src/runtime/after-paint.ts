/**
 * What a page change leaves until the new page is on screen: its commit and its address. Done in
 * the click, they held the page off the screen: Moodle's LMSCommit is a synchronous request to the
 * server (datamodel.php), a round trip before the new page was drawn. The work runs in order, each
 * on its own (one failing stops no other), in the task after the next frame. A hidden frame draws
 * nothing: a timer stands in, and hiding or leaving the page commits anyway (main.ts
 * followPageLifecycle).
 */

export interface PaintQueue {
  /** Runs `run` once the browser has drawn what changed (at most half a second later). */
  later(run: () => void): void
  /** Nothing waits. */
  settled(): boolean
}

/**
 * `nextFrame`: requestAnimationFrame where the page draws (undefined elsewhere); `guard` keeps one
 * failing work from stopping the others (dom.ts guard). Injected: the unit tests draw the frames.
 */
export function paintQueue(nextFrame: ((run: () => void) => void) | undefined, guard: (work: () => void) => () => void): PaintQueue {
  const queue: (() => void)[] = []
  // Which wait is the current one: the timer of an earlier one must not run the next page's work
  // before its frame.
  let waits = 0
  return {
    later(run) {
      if (queue.push(run) > 1) return
      const wait = ++waits
      const drain = (): void => {
        if (wait === waits) queue.splice(0).forEach((work) => guard(work)())
      }
      if (nextFrame) nextFrame(() => setTimeout(drain, 0))
      setTimeout(drain, 500)
    },
    settled: () => !queue.length,
  }
}
