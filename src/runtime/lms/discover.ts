/**
 * API discovery (ADL SCORM 1.2 RTE §3.3.6.1; SCORM 2004 RTE §3.1.4.1): look for the API object in
 * this window and its parents, then in the opener and its parents. Only the object of the SCO's
 * own version is looked for, never the other one (a 1.2 SCO talking to a 2004 API, or the reverse,
 * records nothing usable). Frames of another origin throw on access: skipped.
 */

import type { ScormVersion } from '../../shared/sco-data.js'

/** The part of `Window` used here (any object in tests). */
export interface WindowLike {
  parent?: unknown
  opener?: unknown
  [name: string]: unknown
}

const MAX_DEPTH = 10

const REQUIRED = {
  scorm12: { name: 'API', method: 'LMSInitialize' },
  scorm2004: { name: 'API_1484_11', method: 'Initialize' },
} as const

function inChain(start: unknown, version: ScormVersion): object | null {
  const { name, method } = REQUIRED[version]
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

export function findApi(win: WindowLike, version: ScormVersion): object | null {
  const own = inChain(win, version)
  if (own) return own
  let opener: unknown
  try {
    opener = win.opener
  } catch {
    return null
  }
  return opener ? inChain(opener, version) : null
}
