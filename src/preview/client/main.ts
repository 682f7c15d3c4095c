/**
 * The preview page's script (bundled into lib/preview/client.js; never part of a package):
 * launches the SCO in the LMS player, follows the server's events (a build, the SCO's LMS
 * activity), keeps the page being edited across reloads (`#/module/page`), shows build errors
 * over the course and the LMS side in the inspector.
 */
import { fill } from '../../shared/fill.js'
import type { PreviewTexts } from '../page.js'
import type { BuildReport } from '../protocol.js'
import type { StateReport } from '../../inspect/state-report.js'

interface Config {
  lang: 'fr' | 'en'
  texts: PreviewTexts
  package: string
  learner: string
}

interface ApiCall {
  seq: number
  method: string
  args: unknown[]
  result: string
  error: string
}

interface LmsState {
  known: boolean
  version: 'scorm12' | 'scorm2004'
  tracks: Record<string, string>
  reads: Record<string, string>
  attempts: number
  calls: ApiCall[]
  callCount: number
  violations: { method: string; args: string[]; rule?: string; message: string }[]
  commits: { ok: boolean }[]
  state: StateReport | null
  stateLimit?: number
}

const config = (window as unknown as { __PREVIEW__: Config }).__PREVIEW__
const t = (key: keyof PreviewTexts, params: Record<string, string | number> = {}): string => fill(config.texts[key], params)
const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T

const frame = $<HTMLIFrameElement>('pv-lms')
const select = $<HTMLSelectElement>('pv-sco')
const status = $('pv-status')
const overlay = $('pv-overlay')
let review = false
let lastVersion = 0
let launched = false
let relaunching: Promise<void> | undefined

/** The page shown in the SCO, as `/module/page` (the runtime writes it in the SCO's address). */
function scoFragment(): string {
  try {
    const sco = frame.contentDocument?.getElementById('scorm_object') as HTMLIFrameElement | null
    const hash = sco?.contentWindow?.location.hash ?? ''
    if (hash.startsWith('#/')) return hash.slice(1)
  } catch {
    // not loaded yet
  }
  return location.hash.startsWith('#/') ? location.hash.slice(1) : ''
}

function launchUrl(): string {
  const q = new URLSearchParams({ pkg: config.package, learner: config.learner })
  if (select.value) q.set('sco', select.value)
  const fragment = scoFragment()
  if (fragment) q.set('fragment', fragment)
  if (review) q.set('lessonMode', 'review')
  return `/launch?${q.toString()}`
}

function post(action: string): Promise<unknown> {
  const q = new URLSearchParams({ do: action, sco: select.value })
  return fetch(`/preview/action?${q.toString()}`, { method: 'POST' }).then((r) => r.json())
}

/** The SCO being closed: the page it showed, and when it has closed and the LMS has what it sent. */
let closing: { fragment: string; done: Promise<void> } | undefined

/** Closes the SCO (it commits and finishes, as when a learner leaves) and waits for what it sent. */
function closeSco(): { fragment: string; done: Promise<void> } {
  if (!closing) {
    const fragment = scoFragment()
    const done = (relaunching ?? Promise.resolve()).then(async () => {
      await new Promise<void>((resolve) => {
        frame.addEventListener('load', () => resolve(), { once: true })
        frame.src = 'about:blank'
      })
      await post('settle')
    })
    closing = { fragment, done }
  }
  return closing
}

/** Closes the SCO if it is not closed yet, then opens it again: Moodle's relaunch, with `entry=resume`. */
function relaunch(before?: () => Promise<unknown>): Promise<void> {
  const { fragment, done } = closeSco()
  closing = undefined
  relaunching = done.then(async () => {
    if (before) await before()
    if (fragment) history.replaceState(null, '', `#${fragment}`)
    frame.src = launchUrl()
  })
  return relaunching
}

function onBuild(report: BuildReport): void {
  status.textContent = report.ok ? t('built', { ms: report.ms }) : ''
  $('pv-errors').replaceChildren(...report.errors.map((e) => pre(e, 'pv-err')))
  overlay.hidden = report.ok
  renderWarnings(report.warnings)
  const previous = select.value
  select.replaceChildren(...report.scos.map((s) => option(s.id, s.title)))
  if (report.scos.some((s) => s.id === previous)) select.value = previous
  select.disabled = report.scos.length < 2
  if (!report.ok) {
    lastVersion = report.version
    return
  }
  if (!launched) {
    launched = true
    frame.src = launchUrl()
  } else if (report.version > lastVersion) {
    const keep = $<HTMLInputElement>('pv-keep').checked
    void relaunch(keep ? undefined : () => post('reset'))
  }
  lastVersion = report.version
}

let refreshing = false
let again = false
/** Fetches what the LMS holds; one request at a time, the last event always followed. */
async function refresh(): Promise<void> {
  if (refreshing) {
    again = true
    return
  }
  refreshing = true
  try {
    do {
      again = false
      const state = (await fetch(`/preview/state?sco=${encodeURIComponent(select.value)}`).then((r) => r.json())) as LmsState
      if (state.known) renderState(state)
      const fragment = scoFragment()
      if (fragment && location.hash !== `#${fragment}`) history.replaceState(null, '', `#${fragment}`)
    } while (again)
  } finally {
    refreshing = false
  }
}

// ---- rendering -------------------------------------------------------------------------------

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  if (text !== undefined) node.textContent = text
  if (className) node.className = className
  return node
}
const pre = (text: string, className?: string): HTMLPreElement => el('pre', text, className)
const option = (value: string, text: string): HTMLOptionElement => {
  const o = el('option', text)
  o.value = value
  return o
}

function table(rows: (string | number)[][], head?: string[]): HTMLTableElement {
  const t = el('table')
  if (head) {
    const tr = el('tr')
    for (const h of head) tr.appendChild(el('th', h))
    t.appendChild(el('thead')).appendChild(tr)
  }
  const body = t.appendChild(el('tbody'))
  for (const row of rows) {
    const tr = body.appendChild(el('tr'))
    for (const cell of row) tr.appendChild(el('td', String(cell)))
  }
  return t
}

function renderWarnings(warnings: string[]): void {
  const box = $('pv-warnings')
  if (!warnings.length) return void box.replaceChildren()
  const details = el('details')
  details.appendChild(el('summary', `${t('warnings')} (${warnings.length})`, 'pv-warn'))
  for (const w of warnings) details.appendChild(pre(w, 'pv-warn'))
  box.replaceChildren(details)
}

const CMI_KEYS = {
  scorm12: [
    'cmi.core.lesson_status',
    'cmi.core.score.raw',
    'cmi.core.lesson_location',
    'cmi.core.entry',
    'cmi.core.exit',
    'cmi.core.session_time',
    'cmi.core.total_time',
    'cmi.core.lesson_mode',
    'cmi.core.credit',
  ],
  scorm2004: [
    'cmi.completion_status',
    'cmi.success_status',
    'cmi.score.scaled',
    'cmi.score.raw',
    'cmi.progress_measure',
    'cmi.location',
    'cmi.entry',
    'cmi.exit',
    'cmi.session_time',
    'cmi.total_time',
    'cmi.mode',
    'cmi.credit',
  ],
}

function renderState(s: LmsState): void {
  const cmi = CMI_KEYS[s.version].map((k) => [k, s.tracks[k] ?? s.reads[k] ?? '—'])
  cmi.push([t('attempts', { n: s.attempts }), ''])
  $('pv-cmi').replaceChildren(table(cmi))

  const box = $('pv-state')
  const r = s.state
  if (!r) box.replaceChildren(el('p', t('none')))
  else {
    const parts: HTMLElement[] = [el('p', t('size', { size: r.size, limit: r.limit }), r.size > r.limit ? 'pv-err' : undefined)]
    parts.push(el('p', t('pagesSeen', { seen: r.pages.filter((p) => p.seen).length, total: r.pages.length })))
    const pages = el('ol')
    for (const p of r.pages) pages.appendChild(el('li', `${p.seen ? '✓' : '·'} ${p.title}`, p.seen ? 'pv-ok' : undefined))
    parts.push(pages)
    parts.push(el('p', t('time', { time: `${Math.floor(r.timeSeconds / 60)} min ${r.timeSeconds % 60} s` })))
    if (r.answers.length)
      parts.push(
        table(
          r.answers.map((a) => [a.id, a.value, `${t(a.verdict)}${a.checked ? ` (${t('checked')})` : ''}`]),
          ['question', t('answer'), ''],
        ),
      )
    for (const a of r.assessments)
      parts.push(
        el(
          'p',
          `${a.title} : ${t('attempt', { attempt: a.attempt })}${a.submitted ? `, ${t('submitted')}` : ''}${a.points === null ? '' : `, ${t('points', { points: a.points, total: a.total })}`}`,
        ),
      )
    if (r.updated) parts.push(el('p', t('updated'), 'pv-warn'))
    if (r.verdict !== 'readable') parts.push(el('p', t('notices', { notices: [r.verdict, ...r.dropped.map((d) => `${d.part} (${d.reason})`)].join(', ') }), 'pv-warn'))
    box.replaceChildren(...parts)
  }

  // Interactions as Moodle's report lists them: one row per cmi.interactions.n.
  const rows = new Map<string, Record<string, string>>()
  for (const [k, v] of Object.entries(s.tracks)) {
    const m = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(k)
    if (m) (rows.get(m[1]!) ?? rows.set(m[1]!, {}).get(m[1]!)!)[m[2]!] = v
  }
  const interactions = [...rows.entries()]
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, r]) => [r.id ?? '', r.type ?? '', r.student_response ?? r.learner_response ?? '', r.result ?? '', r['correct_responses.0.pattern'] ?? '', r.weighting ?? ''])
  $('pv-interactions').replaceChildren(interactions.length ? table(interactions, ['id', 'type', 'réponse', 'result', 'correct', 'poids']) : el('p', t('none')))

  $('pv-violations').replaceChildren(s.violations.length ? el('ol') : el('p', t('none'), 'pv-ok'))
  const vlist = $('pv-violations').firstElementChild!
  for (const v of s.violations) vlist.appendChild(el('li', `${v.method}(${v.args.join(', ')}) ${v.rule ?? ''}: ${v.message}`, 'pv-err'))

  const calls = $('pv-calls')
  const atBottom = calls.scrollTop + calls.clientHeight >= calls.scrollHeight - 4
  const list = el('ol')
  list.start = s.callCount - s.calls.length + 1
  for (const c of s.calls) {
    const failed = c.error !== '0' && c.error !== ''
    list.appendChild(
      el('li', `${c.method}(${c.args.map((a) => JSON.stringify(a)).join(', ')}) → ${JSON.stringify(c.result)}${failed ? ` [${c.error}]` : ''}`, failed ? 'pv-err' : undefined),
    )
  }
  calls.replaceChildren(el('p', t('sent', { n: s.callCount })), list)
  if (atBottom) calls.scrollTop = calls.scrollHeight
}

// ---- wiring ----------------------------------------------------------------------------------

const events = new EventSource('/preview/events')
// A save was seen: the SCO closes while the course compiles (a failed build leaves it closed
// under the error overlay; the next good build opens it again).
events.addEventListener('building', () => {
  if (launched) closeSco()
})
events.addEventListener('build', (e) => onBuild(JSON.parse((e as MessageEvent<string>).data) as BuildReport))
events.addEventListener('lms', () => void refresh())
events.addEventListener('error', () => {
  if (events.readyState === EventSource.CLOSED) status.textContent = t('disconnected')
})
frame.addEventListener('load', () => void refresh())

$('pv-new-attempt').addEventListener('click', () => void relaunch(() => post('new-attempt')))
$('pv-relaunch').addEventListener('click', () => void relaunch())
$('pv-reset').addEventListener('click', () => void relaunch(() => post('reset')))
$('pv-fail').addEventListener('click', () => void post('fail-commit'))
$('pv-review').addEventListener('click', (e) => {
  review = !review
  ;(e.currentTarget as HTMLElement).setAttribute('aria-pressed', String(review))
  void relaunch()
})
$('pv-phone').addEventListener('click', (e) => {
  const on = document.body.classList.toggle('pv-phone')
  ;(e.currentTarget as HTMLElement).setAttribute('aria-pressed', String(on))
})
select.addEventListener('change', () => {
  history.replaceState(null, '', location.pathname)
  void relaunch()
})
