/**
 * parcours browser runtime: one script per package, run at the end of each SCO's HTML.
 *
 * Reads the SCO's data (`#pc-data`), finds the LMS (or falls back to localStorage), restores the
 * learner's state, then drives navigation, questions and tracking. Nothing is global except the
 * frozen, read-only debug handle `window.parcours`. If anything goes wrong while starting, the
 * page is left as it is without JavaScript: every page visible.
 */

import type { ScoData } from '../shared/sco-data.js'
import { encode } from '../shared/state-codec.js'
import { $, $$, guard, translator } from './dom.js'
import { findApi } from './lms/discover.js'
import type { WindowLike } from './lms/discover.js'
import type { KeyValueStore } from './lms/local.js'
import { LocalLms, storageKey } from './lms/local.js'
import { scorm12 } from './lms/scorm12.js'
import { scorm2004 } from './lms/scorm2004.js'
import type { Lms } from './lms/types.js'
import { setupNav } from './nav.js'
import { setupQuiz } from './quiz.js'
import { Session } from './session.js'
import { summarize } from './tracking.js'

declare const __PARCOURS_VERSION__: string

function readData(): ScoData | null {
  const el = document.getElementById('pc-data')
  if (!el) return null
  try {
    const data = JSON.parse(el.textContent ?? '') as ScoData
    const ok =
      data && data.format === 1 && Array.isArray(data.pages) && Array.isArray(data.questions) && Array.isArray(data.modules)
    return ok ? data : null
  } catch {
    return null
  }
}

function localStore(): KeyValueStore | null {
  try {
    const store = window.localStorage
    const probe = 'parcours:probe'
    store.setItem(probe, probe)
    store.removeItem(probe)
    return store
  } catch {
    return null
  }
}

function connect(data: ScoData): Lms {
  const api = findApi(window as unknown as WindowLike, data.version)
  if (api) return data.version === 'scorm12' ? scorm12(api) : scorm2004(api)
  return new LocalLms(data.version, localStore(), storageKey(data.courseId, data.scoId, data.version))
}

function boot(): void {
  const data = readData()
  if (!data) return
  const t = translator(data.strings || {})
  const banner = $('#pc-banner')
  const notice = $('#pc-notice')
  const setBanner = (text: string | null): void => {
    if (!banner) return
    banner.textContent = text ?? ''
    banner.hidden = !text
  }

  const live = $('#pc-live')
  const announce = (text: string): void => {
    if (live) live.textContent = text
  }
  let finishedBefore: boolean | null = null

  const lms = connect(data)
  const session = new Session({
    data,
    lms,
    now: () => (typeof performance !== 'undefined' ? performance.now() : Date.now()),
    visible: document.visibilityState !== 'hidden',
    schedule: (run, ms) => window.setTimeout(guard(run), ms),
    cancel: (handle) => window.clearTimeout(handle as number),
    onSaved: (saved) => {
      setBanner(saved ? null : t('notSaved'))
      if (saved) announce(t('saved'))
    },
    onProgress: (summary) => {
      // Announced once, when the course becomes finished during this session.
      const finished = summary.complete && (!summary.assessed || summary.passed === true)
      if (finishedBefore === false && finished) announce(t('courseComplete'))
      finishedBefore = finished
    },
  })
  const started = session.start()
  // Registered first: whatever happens below, the session is committed and finished.
  document.addEventListener(
    'visibilitychange',
    guard(() => {
      if (document.visibilityState === 'hidden') {
        session.pause()
        session.commit()
      } else session.resume()
    }),
  )
  // pagehide, not unload/beforeunload: those break the back-forward cache and are not fired
  // reliably on mobile. The session ends here, whatever happens next.
  window.addEventListener('pagehide', guard(() => session.end()))
  window.addEventListener(
    'pageshow',
    guard((event: PageTransitionEvent) => {
      if (event.persisted && session.ended) setBanner(t('sessionClosed'))
    }),
  )

  const messages: string[] = []
  if (lms.mode === 'local') messages.push(t('noLms'))
  if (session.readOnly) messages.push(t('reviewMode'))
  if (session.notices.indexOf('unreadable') >= 0) messages.push(t('stateUnreadable'))
  else if (session.notices.length > 0) messages.push(t('stateReset'))
  if (notice && messages.length > 0) {
    notice.textContent = messages.join(' ')
    notice.hidden = false
  }
  if (!started) setBanner(t('sessionClosed'))

  const quiz = setupQuiz({ data, t, session })
  const nav = setupNav({
    data,
    t,
    seen: session.state.seen,
    onShow: (page) => {
      session.showPage(page.id, page.key)
      quiz.pageShown()
      session.commit() // one commit per page change (and one at launch)
      pageAddress(page.id)
    },
  })
  // The page's own address (`#/module/page`, written by pageAddress) wins over the LMS bookmark:
  // a reload (preview, or the learner's) lands on the page shown. Moodle never adds a hash.
  const hash = window.location.hash.replace(/^#\/?/, '')
  if (!(hash && nav.go(hash, true)) && !(session.launchLocation && nav.go(session.launchLocation, true))) {
    const first = nav.pages[0]
    if (first) nav.go(first.id, true)
  }

  const handle = Object.freeze({
    version: __PARCOURS_VERSION__,
    data,
    mode: lms.mode,
    /** A copy of the learner state. */
    state: () => JSON.parse(JSON.stringify(session.state)) as unknown,
    /** The state as it is sent in cmi.suspend_data. */
    suspendData: () => encode(session.state),
    summary: () => summarize(data, session.state),
    /** LMS calls that failed, as `element=value (error code)`. */
    errors: () => session.errors.slice(),
  })
  Object.defineProperty(window, 'parcours', { value: handle, enumerable: false })
  document.body.classList.remove('pc-nojs')
}

/** Each page has its own address, `#/<module>/<page>`, replaced (not pushed: Back leaves the SCO as before). */
function pageAddress(pageId: string): void {
  try {
    window.history.replaceState(window.history.state, '', '#/' + pageId)
  } catch {
    // A sandboxed or opaque document: the address simply does not follow.
  }
}

function start(): void {
  // Included twice: one session per page, never two on the same LMS API.
  if ('parcours' in window) return
  try {
    boot()
  } catch (error) {
    // Leave the page readable as without JavaScript.
    document.body.classList.add('pc-nojs')
    for (const page of $$('.pc-page')) page.hidden = false
    try {
      console.error('parcours:', error)
    } catch {
      // no console
    }
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
else start()
