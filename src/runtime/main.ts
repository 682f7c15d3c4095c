/**
 * parcours browser runtime: one script per package, run at the end of each SCO's HTML.
 *
 * Reads the SCO's data (`#pc-data`), finds the LMS (or falls back to localStorage), restores the
 * learner's state, then drives navigation, questions and tracking. Nothing is global except the
 * frozen, read-only debug handle `window.parcours`. If anything goes wrong while starting, the
 * page is left as it is without JavaScript: every page visible.
 */

import type { ScoData } from '../shared/sco-data.js'
import { parseScoData } from '../shared/sco-data.js'
import { sha256Hex } from '../shared/answer-seal.js'
import { encode } from '../shared/state-codec.js'
import type { Translate } from './dom.js'
import { $, guard, sayWithNextFocus, translator } from './dom.js'
import type { ApiDialect } from './lms/dialect.js'
import { findApi } from './lms/discover.js'
import type { WindowLike } from './lms/discover.js'
import type { KeyValueStore } from './lms/local.js'
import { LocalLms, storageKey } from './lms/local.js'
import { ApiLms } from './lms/api.js'
import { scorm12Dialect } from './lms/scorm12.js'
import { scorm2004Dialect } from './lms/scorm2004.js'
import type { Lms } from './lms/types.js'
import type { Messages } from './messages.js'
import { pageMessages } from './messages.js'
import { launchNotice } from './notice.js'
import type { PaintQueue } from './after-paint.js'
import { paintQueue } from './after-paint.js'
import { addressStep, pageOfHash } from './address.js'
import type { Nav } from './nav.js'
import { labelNewTabLinks, setupNav } from './nav.js'
import { showEveryPage } from './page-shelf.js'
import { setupQuiz } from './quiz.js'
import { setupEndPage } from './end-page.js'
import { tocMarks } from './marks.js'
import type { LocalCopy } from './session.js'
import type { Summary } from './tracking.js'
import { Session } from './session.js'

declare const __PARCOURS_VERSION__: string

const DIALECTS: Record<ScoData['version'], ApiDialect> = { scorm12: scorm12Dialect, scorm2004: scorm2004Dialect }

function readPageData(): ScoData | null {
  const el = document.getElementById('pc-data')
  return el ? parseScoData(el.textContent ?? '') : null
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

/** The LMS of the SCO's version, or localStorage (or memory) when there is none. */
function connect(data: ScoData): Lms {
  const dialect = DIALECTS[data.version]
  const api = findApi(window as unknown as WindowLike, dialect.api)
  if (api) return new ApiLms(dialect, api as Record<string, unknown>)
  return localLms(data)
}

function localLms(data: ScoData): Lms {
  return new LocalLms(DIALECTS[data.version], localStore(), storageKey(data.courseId, data.scoId, data.version))
}

/**
 * Keep mode's copy in localStorage, under the learner and the exact LMS state it builds on
 * (hashed: neither the learner id nor the state is written in clear as a key). Another learner on
 * the same browser, or an LMS state that changed meanwhile, never picks it up.
 */
function keepCopy(data: ScoData, lms: Lms, raw: string | null): LocalCopy | null {
  const store = localStore()
  if (!store) return null
  const learner = lms.get(data.version === 'scorm12' ? 'cmi.core.student_id' : 'cmi.learner_id')
  const key = `parcours:keep:${data.courseId}:${data.scoId}:${data.version}:${sha256Hex(learner + '\n' + (raw === null ? '' : 'r' + raw)).slice(0, 32)}`
  return {
    load: () => store.getItem(key),
    save: (text) => {
      try {
        store.setItem(key, text)
      } catch {
        // quota or a locked storage: the work stays in memory for this session
      }
    },
  }
}

/** What follows each flush in the page (the end page, the table of contents' marks), set once the page is wired. */
interface Followers {
  update?: () => void
}

function openSession(data: ScoData, lms: Lms, messages: Messages, t: Translate, follow: Followers, painted: PaintQueue): Session {
  let finishedBefore: boolean | null = null
  return new Session({
    data,
    lms,
    keepCopy: (raw) => (lms.dialect.mode === 'local' ? null : keepCopy(data, lms, raw)),
    now: () => (typeof performance !== 'undefined' ? performance.now() : Date.now()),
    visible: document.visibilityState !== 'hidden',
    schedule: (run, ms) => window.setTimeout(guard(run), ms),
    cancel: (handle) => window.clearTimeout(handle as number),
    afterPaint: painted.later,
    onSaved: (saved) => {
      messages.banner(saved ? null : t('notSaved'))
      if (saved) messages.announce(t('saved'))
    },
    onProgress: (summary) => {
      // Announced once, when the course becomes finished during this session.
      const finished = summary.complete && (!summary.assessed || summary.passed === true)
      // With the focus move that ends this action (the result, the next page's title), not on its own.
      if (finishedBefore === false && finished) sayWithNextFocus(t('courseComplete'), (text) => messages.announce(text))
      finishedBefore = finished
      // The end page says what is being sent, as it is sent.
      if (follow.update) follow.update()
    },
  })
}

/** Commit when the page is hidden, end the session when it goes away. Registered before anything else can fail. */
function followPageLifecycle(session: Session, messages: Messages, t: Translate): void {
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
  window.addEventListener(
    'pagehide',
    guard(() => session.end()),
  )
  window.addEventListener(
    'pageshow',
    guard((event: PageTransitionEvent) => {
      if (event.persisted && session.ended) messages.banner(t('sessionClosed'))
    }),
  )
}

/**
 * The page in the address, else where the learner left off, else the first page. The page's own
 * address (`#/module/page`, written by pageAddress) wins over the LMS bookmark: a reload (preview,
 * or the learner's) lands on the page shown. Moodle never adds a hash.
 */
function openFirstPage(nav: Nav, session: Session): void {
  const hash = pageOfHash(window.location.hash)
  if (hash && nav.go(hash, true)) return
  if (session.launchLocation && nav.go(session.launchLocation, true)) return
  const first = nav.pages[0]
  if (first) nav.go(first.id, true)
}

/** The page's address and history entry (see address.ts). */
function pageAddress(pageId: string, initial: boolean): void {
  const step = addressStep(window.location.hash, pageId, initial)
  if (!step) return
  try {
    if (step === 'push') window.history.pushState(null, '', '#/' + pageId)
    else window.history.replaceState(window.history.state, '', '#/' + pageId)
  } catch {
    // A sandboxed or opaque document: the address simply does not follow.
  }
}

/**
 * The course's progress in the header: pages seen, in words and as a bar (which only draws them).
 * Counted as the LMS is told (tracking.ts summarize): over the SCO's pages as its data lists them
 * (the ones completion needs), so that a page the runtime adds, such as an end page, is not one to see.
 */
function showProgress({ pagesSeen: seen, pagesTotal: total }: Summary, t: Translate): void {
  const text = $('#pc-position')
  const bar = $('#pc-bar')
  if (text) text.textContent = t('progressCourse', { seen, total })
  if (bar) bar.style.width = (total ? Math.round((100 * seen) / total) : 0) + '%'
}

/** Back and Forward, inside the SCO's frame: the address is already the page's, show it. */
function followHistory(nav: Nav): void {
  window.addEventListener(
    'popstate',
    guard(() => {
      const id = pageOfHash(window.location.hash)
      if (id) nav.go(id)
    }),
  )
}

/** `window.parcours`: read-only, for support and tests. */
function exposeDebugHandle(data: ScoData, lms: Lms, session: Session, painted: PaintQueue): void {
  const handle = Object.freeze({
    version: __PARCOURS_VERSION__,
    data,
    mode: lms.dialect.mode,
    /** A copy of the learner state. */
    state: () => JSON.parse(JSON.stringify(session.state)) as unknown,
    /** The state as it is sent in cmi.suspend_data. */
    suspendData: () => encode(session.state, data),
    summary: () => session.summary(),
    /** LMS calls that failed, as `element=value (error code)`. */
    errors: () => session.errors.slice(),
    /** Nothing of the last page change waits for the page to be drawn (its commit, its address). */
    settled: painted.settled,
  })
  Object.defineProperty(window, 'parcours', { value: handle, enumerable: false })
}

function boot(): void {
  const data = readPageData()
  // Not a page parcours can run (no data, or damaged): shown as without JavaScript, all pages.
  if (!data) throw new Error('no valid #pc-data')
  const t = translator(data.strings || {})
  const messages = pageMessages()
  let lms = connect(data)
  const follow: Followers = {}
  const painted = paintQueue(typeof requestAnimationFrame === 'function' ? (run) => requestAnimationFrame(run) : undefined, guard)
  let session = openSession(data, lms, messages, t, follow, painted)
  // The LMS refused to start (LMSInitialize "false"): say so once, and keep the learner's work in
  // this browser rather than leaving a page that retries for ever.
  const refused = !session.start()
  if (refused) {
    lms = localLms(data)
    session = openSession(data, lms, messages, t, follow, painted)
    session.start()
  }
  // Whatever happens below, the session is committed and finished.
  followPageLifecycle(session, messages, t)
  messages.notice(launchNotice(lms.dialect.mode, session, refused, t, data))

  const quiz = setupQuiz({ data, t, session })
  const current = session
  const end = setupEndPage(data, t, current, lms.dialect.mode === 'local')
  const update = () => {
    tocMarks(data, current.state, t)
    end()
  }
  labelNewTabLinks(t, document)
  const nav = setupNav({
    data,
    t,
    later: painted.later,
    onBuild: (el) => {
      labelNewTabLinks(t, el)
      quiz.adopt(el)
    },
    onShow: (page, initial) => {
      session.showPage(page.id, page.key)
      quiz.pageShown()
      // One commit per page change (and one at launch), once the page is drawn; what it will say
      // is said now (the course just finished: with the title the focus reads, dom.ts
      // sayWithNextFocus), and shown (marks, end page), even by a session that sends nothing.
      const summary = session.progress()
      if (initial) {
        session.commit()
        pageAddress(page.id, true)
      } else {
        session.commitSoon()
        // Unless another page came meanwhile (a quick Back: its address is already there).
        painted.later(() => nav.current() === page && pageAddress(page.id, false))
      }
      showProgress(summary, t)
    },
  })
  follow.update = update
  openFirstPage(nav, session)
  followHistory(nav)
  exposeDebugHandle(data, lms, session, painted)
  document.body.classList.remove('pc-nojs')
}

function start(): void {
  // Included twice: one session per page, never two on the same LMS API.
  if ('parcours' in window) return
  try {
    boot()
  } catch (error) {
    // Leave the page readable as without JavaScript.
    document.body.classList.add('pc-nojs')
    showEveryPage()
    try {
      console.error('parcours:', error)
    } catch {
      // no console
    }
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
else start()
