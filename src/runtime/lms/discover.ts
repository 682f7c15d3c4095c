/**
 * API discovery (ADL SCORM 1.2 RTE §3.3.6.1; SCORM 2004 RTE §3.1.4.1): look for the API object in
 * this window and its parents, then in the opener and its parents. Only the object of the SCO's
 * own version is looked for, never the other one (a 1.2 SCO talking to a 2004 API, or the reverse,
 * records nothing usable). Frames of another origin throw on access: skipped.
 */

import type { ApiDialect } from './dialect.js'

/** The part of `Window` used here (any object in tests). */
export interface WindowLike {
  parent?: unknown
  opener?: unknown
  [name: string]: unknown
}

const MAX_DEPTH = 10

type Wanted = ApiDialect['api']

function inChain(start: unknown, wanted: Wanted): object | null {
  const name = wanted.object
  const method = wanted.names.initialize
  let win = start as WindowLike | null | undefined
  for (let depth = 0; win && depth <= MAX_DEPTH; depth++) {
    try {
      const api = win[name] as Record<string, unknown> | null | undefined
      if (api && typeof api[method] === 'function') return api
    } catch {
      // Cross-origin window: keep climbing.
    }
    let parent: unknown
    try {
      parent = win.parent
    } catch {
      return null
    }
    if (!parent || parent === win) return null
    win = parent as WindowLike
  }
  return null
}

/** The API object of the SCO's dialect (`scorm12Dialect.api`, `scorm2004Dialect.api`), or null. */
export function findApi(win: WindowLike, wanted: Wanted): object | null {
  const own = inChain(win, wanted)
  if (own) return own
  let opener: unknown
  try {
    opener = win.opener
  } catch {
    return null
  }
  return opener ? inChain(opener, wanted) : null
}
