// Browser entry of the host page (the test LMS's player.php): bundled by bundle.ts into an
// IIFE and loaded after scorm-again's dist/scorm12.js or dist/scorm2004.js.
//
// It creates scorm-again's API with the Moodle-like commit transport, preloads the learner's
// data, wraps the API in the strict layer, exposes it as window.API (1.2) or
// window.API_1484_11 (2004) — the only API object Moodle exposes (datamodels/scorm_12.js,
// scorm_13.js) — and shows the SCO in an iframe or, with mode=window, in a popup window that
// must find the API through window.opener.

import { Committer, flatten } from './host-commit.js'
import { host, type MinimalWindow } from './host-globals.js'
import { LogUploader } from './host-log.js'
import { moodleRules } from './host-moodle-rules.js'
import { MoodleTransport } from './host-transport.js'
import { createStrictApi, type RawApi } from './strict.js'
import type { HostEvent } from './types.js'

const cfg = host.__LMS_CONFIG__
const log = new LogUploader(cfg.logUrl)
let eventSeq = 0
const event = (type: string, detail?: string): void => {
  const e: Omit<HostEvent, 'session'> = { seq: ++eventSeq, type, time: Date.now(), ...(detail ? { detail } : {}) }
  log.push({ events: e })
}

const transport = new MoodleTransport()
transport.monitor(host)
// Logs go by beacon once the host page itself is being dismissed.
host.addEventListener('pagehide', () => log.dismiss())
host.addEventListener('pageshow', () => log.undismiss())
host.addEventListener('visibilitychange', () => {
  if (host.document.visibilityState === 'hidden') log.dismiss()
  else log.undismiss()
})

const committer = new Committer(cfg, transport, (detail) => event('commit', detail))
const httpService = {
  processHttpRequest: (_url: string, params: unknown, immediate: boolean) => committer.commit(params, immediate),
  updateSettings: () => undefined,
}

const Ctor = cfg.version === 'scorm12' ? host.Scorm12API : host.Scorm2004API
if (!Ctor) throw new Error(`scorm-again bundle for ${cfg.version} is not loaded`)
const raw: RawApi = new Ctor(
  {
    lmsCommitUrl: cfg.commitUrl, // required for scorm-again to call httpService at all
    dataCommitFormat: 'flattened',
    autocommit: false, // Moodle's "autocommit" setting defaults to off
    logLevel: 5,
    mastery_override: cfg.masteryOverride,
    autoCompleteLessonStatus: true, // Moodle StoreData: 'not attempted' → 'completed'
    useAsynchronousCommits: false,
    sendFullCommit: true,
  },
  httpService,
)
const call = (name: string, ...args: unknown[]): unknown => (raw[name] as (...a: unknown[]) => unknown).apply(raw, args)
call('loadFromFlattenedJSON', cfg.preload, '')
committer.setBaseline(flatten(call('getFlattenedCMI')))

// Interaction types, needed by response rules (1.2 types are write-only, so track them here).
const types = new Map<string, string>()
for (const [k, v] of Object.entries(cfg.preload)) {
  const m = /^cmi\.interactions\.(\d+)\.type$/.exec(k)
  if (m) types.set(m[1]!, v)
}

const rules = moodleRules(raw, cfg, committer, (v) => log.push({ violations: v }))
const strict = createStrictApi(raw, cfg.version, {
  interactionType: (i) => types.get(i),
  onCall: (c) => {
    if (/SetValue$/.test(c.method) && c.result === 'true') {
      const [element, value] = [String(c.args[0]), String(c.args[1])]
      const m = /^cmi\.interactions\.(\d+)\.type$/.exec(element)
      if (m) types.set(m[1]!, value)
      rules.accepted(element, value)
    }
    log.push({ calls: c })
  },
  onViolation: (v) => log.push({ violations: v }),
  beforeFinish: rules.beforeFinish,
  readOverride: rules.readOverride,
})

// Expose the API; the getter records how the SCO found it (first lookups only).
let lookups = 0
Object.defineProperty(host, cfg.version === 'scorm12' ? 'API' : 'API_1484_11', {
  configurable: true,
  enumerable: true,
  get() {
    if (++lookups <= 3) event('api-lookup', `#${lookups}`)
    return strict.api
  },
})

/** The SCO shown last (frame or window). */
let sco: MinimalWindow | null = null

/**
 * Resolves once the SCO has nothing left to send for what was done so far: a parcours SCO says so
 * (`window.parcours.settled()`: a page change commits once the new page is drawn); any other SCO,
 * or one that went away, has nothing to say. Checked every 16 ms; a SCO that never settles is
 * not waited for beyond 5 s (what it did not send is then missing from what the test reads).
 */
function scoSettled(): Promise<void> {
  const until = Date.now() + 5000
  return new Promise((resolve) => {
    const check = (): void => {
      let settled = true
      try {
        const handle = (sco as { parcours?: { settled?: () => boolean } } | null)?.parcours
        if (handle && typeof handle.settled === 'function') settled = handle.settled()
      } catch {
        // closed, or another origin: nothing to wait for
      }
      if (settled || Date.now() > until) resolve()
      else setTimeout(check, 16)
    }
    check()
  })
}

host.__lmsHost = {
  api: strict.api,
  peekError: strict.peekError,
  state: strict.state,
  /** Resolves once the SCO has settled and the server has every log entry; tells whether beacons may still be in flight. */
  flush: () =>
    scoSettled()
      .then(() => log.flush())
      .then(() => ({ beacons: transport.beaconMode })),
  beaconMode: () => transport.beaconMode,
}

function watchSco(win: MinimalWindow | null | undefined, where: string): void {
  if (!win) return
  sco = win
  transport.monitor(win)
  transport.reset()
  win.addEventListener('pagehide', () => event('sco-pagehide', where))
}

function launchInFrame(): void {
  const frame = host.document.createElement('iframe')
  frame.setAttribute('id', 'scorm_object')
  frame.setAttribute('name', 'scorm_object')
  frame.setAttribute('title', cfg.title)
  frame.setAttribute('style', 'width:100%;height:85vh;border:0')
  frame.addEventListener('load', () => {
    event('sco-loaded', 'frame')
    watchSco(frame.contentWindow, 'frame')
  })
  frame.setAttribute('src', cfg.launchUrl)
  host.document.body.appendChild(frame)
}

function launchInWindow(): void {
  const open = (): boolean => {
    const win = host.open(cfg.launchUrl, 'scorm_sco', 'width=1000,height=800')
    if (!win) return false
    event('sco-opened', 'window')
    win.addEventListener('load', () => {
      event('sco-loaded', 'window')
      watchSco(win, 'window')
    })
    return true
  }
  if (open()) return
  // Popup blocked: Moodle shows a link the learner clicks; same here.
  event('popup-blocked')
  const button = host.document.createElement('button')
  button.setAttribute('id', 'launch')
  button.textContent = 'Launch'
  button.addEventListener('click', () => void open())
  host.document.body.appendChild(button)
}

event('launch', `${cfg.version} ${cfg.mode} ${cfg.launchUrl}`)
if (cfg.mode === 'window') launchInWindow()
else launchInFrame()
