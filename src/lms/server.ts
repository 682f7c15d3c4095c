// The strict LMS: a node:http server on 127.0.0.1 (random port) that deploys unpacked
// SCORM packages, plays them through a Moodle-like host page (launch-page.ts + host-page.ts),
// stores what the SCO commits (like mod/scorm/datamodel.php) and records every API call.
//
//   const lms = await startLms({ packages: { golf: await unzipPackage('golf.zip') } });
//   await page.goto(lms.url('golf', 'resource_1', 'alice'));
//   …
//   await lms.flush(page);
//   lms.tracks('alice', 'golf', 'resource_1')  // { 'cmi.core.lesson_status': 'completed', … }
//
// The tests (test/helpers/lms) and `parcours preview` both run it: one strictness for both. Its
// browser side (host-page.ts and the strict layer) comes as prebuilt scripts (LmsAssets): esbuild
// on the sources in tests, lib/lms/ once built for preview.

import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { BEACON_COUNT_KEY } from './host-beacon.js'
import { errorPage, launchPage } from './launch-page.js'
import type { ManifestInfo } from './manifest.js'
import { PackageRegistry, contentType } from './packages.js'
import { needsFreshAttempt2004, preload12, preload2004 } from './relaunch.js'
import { LmsStore, bySessionSeq, type ScoKey } from './store.js'
import type { ApiCall, CommitRecord, HostConfig, HostEvent, LaunchMode, ScormVersion, Tracks, Violation } from './types.js'
import type { PackageFiles } from './package-files.js'

/** The scripts of the host page: the strict layer (host.js) and scorm-again's bundle per version. */
export interface LmsAssets {
  host(): Promise<string>
  vendor(version: ScormVersion): Promise<Buffer | string>
}

/** What flush() needs of a browser page (playwright's Page has it). */
export interface FlushablePage {
  isClosed(): boolean
  evaluate(expression: string): Promise<unknown>
  url(): string
}

/**
 * What flush() needs of the browser once no page of the LMS is open: the localStorage of each
 * origin, where the host page counts the beacons it queued (host-beacon.ts). Playwright's
 * BrowserContext has it.
 */
export interface BeaconCounter {
  storageState(): Promise<{ origins: { origin: string; localStorage: { name: string; value: string }[] }[] }>
}

/** Extra routes (preview's own pages): return true when the request was answered. */
export type ExtraRoutes = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>

export interface LmsOptions {
  assets: LmsAssets
  /** Port on 127.0.0.1 (default: any free port). A port in use rejects with EADDRINUSE. */
  port?: number
  extraRoutes?: ExtraRoutes
  /** Called after each commit or log batch is stored (preview's inspector listens). */
  onActivity?: (key: { learner: string; pkg: string; sco: string }) => void
  /** Packages to deploy at start: name → files (see unzipPackage). */
  packages?: Record<string, PackageFiles>
  /** Learner id → display name ("lastname, firstname"); default "Learner, <id>". */
  learnerNames?: Record<string, string>
  /** Moodle's masteryoverride setting (default on). */
  masteryOverride?: boolean
}

export interface LmsServer {
  /** http://127.0.0.1:<port> */
  readonly origin: string
  addPackage(name: string, files: PackageFiles): ManifestInfo
  manifest(pkg: string): ManifestInfo
  /** URL of the host page; sco = resource id, item id or href (default: first SCO). */
  url(pkg: string, sco?: string, learner?: string, version?: ScormVersion, mode?: LaunchMode): string
  /** Stored tracks of the current attempt (what Moodle keeps in scorm_scoes_value). */
  tracks(learner: string, pkg: string, sco?: string): Tracks
  attempts(learner: string, pkg: string, sco?: string): Tracks[]
  /** Seeds stored tracks (current attempt), e.g. to test a relaunch directly. */
  setTracks(learner: string, pkg: string, sco: string | undefined, tracks: Tracks): void
  calls(learner: string, pkg: string, sco?: string): ApiCall[]
  violations(learner: string, pkg: string, sco?: string): Violation[]
  events(learner: string, pkg: string, sco?: string): HostEvent[]
  commits(learner: string, pkg: string, sco?: string): CommitRecord[]
  /** Package files requested but absent (a packaging bug): "pkg/path". */
  missingFiles(): string[]
  /** The next n commits for this SCO fail like a real LMS: "false" + 101 (1.2) / 391 (2004), nothing stored. */
  failNextCommits(n: number, key: { learner: string; pkg: string; sco?: string }, errorCode?: string): void
  /**
   * Makes sure everything the pages reported has reached the server: the page's pending batches,
   * then every beacon the browser queued (numbered by the host page, see host-beacon.ts). A
   * condition, not a quiet period. Without a live page it asks the browser given to watchBrowser.
   */
  flush(page?: FlushablePage): Promise<void>
  /** The browser whose pages use this LMS (flush reads how many beacons it queued). */
  watchBrowser(browser: BeaconCounter): void
  /** No commit or log request is being handled (preview settles on it before a relaunch). */
  idle(): boolean
  /** Starts a new attempt for this SCO (Moodle's "start a new attempt"). */
  newAttempt(learner: string, pkg: string, sco?: string): void
  /** Polls until fn returns a truthy value (e.g. a beacon-delivered commit); throws after timeoutMs (default 30 s). */
  waitFor<T>(fn: () => T | undefined | null | false, timeoutMs?: number): Promise<T>
  /** Forgets all stored data and logs (packages stay deployed). */
  reset(): void
  close(): Promise<void>
}

/** /pkg/<name>/<href>: path segments encoded, the item's query string kept as written. */
function packageUrl(pkg: string, href: string): string {
  const q = href.indexOf('?')
  const [path, query] = q < 0 ? [href, ''] : [href.slice(0, q), href.slice(q)]
  return `/pkg/${encodeURIComponent(pkg)}/${path.split('/').map(encodeURIComponent).join('/')}${query}`
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

async function formFields(req: IncomingMessage, body: string): Promise<[string, string][]> {
  const ct = req.headers['content-type'] ?? ''
  if (ct.startsWith('multipart/form-data')) {
    const form = await new Response(body, { headers: { 'content-type': ct } }).formData()
    return [...form.entries()].map(([k, v]) => [k, String(v)])
  }
  return [...new URLSearchParams(body).entries()]
}

export async function startLms(options: LmsOptions): Promise<LmsServer> {
  const registry = new PackageRegistry()
  const store = new LmsStore()
  const missing: string[] = []
  let active = 0
  const beaconsReceived = new Set<number>()
  let browser: BeaconCounter | undefined
  for (const [name, files] of Object.entries(options.packages ?? {})) registry.add(name, files)
  await options.assets.host() // bundle the browser side now: a compile error fails startLms, not a page

  const keyOf = (learner: string, pkg: string, sco: string | undefined): ScoKey => ({ learner, pkg, sco: registry.sco(pkg, sco).resourceId })
  const learnerName = (id: string): string => options.learnerNames?.[id] ?? `Learner, ${id}`

  function launch(url: URL): { status: number; html: string } {
    const pkgName = url.searchParams.get('pkg') ?? ''
    const pkg = registry.get(pkgName)
    if (!pkg) return { status: 404, html: errorPage(404, `unknown package "${pkgName}"`) }
    let sco
    try {
      sco = registry.sco(pkgName, url.searchParams.get('sco') || undefined)
    } catch (e) {
      return { status: 404, html: errorPage(404, (e as Error).message) }
    }
    const learner = url.searchParams.get('learner') || 'learner'
    const key: ScoKey = { learner, pkg: pkgName, sco: sco.resourceId }
    const rec = store.get(key)
    const session = ++rec.sessions
    // Moodle picks the API from the manifest's schemaversion, whatever the caller expects.
    const version = pkg.manifest.version
    const asked = url.searchParams.get('version')
    if (asked && asked !== version) {
      rec.violations.push({
        session,
        seq: 0,
        kind: 'strict',
        method: 'launch',
        args: [asked],
        code: '0',
        rule: 'launch.version-mismatch',
        message: `launched as ${asked} but the manifest (schemaversion "${pkg.manifest.schemaVersion ?? ''}") makes Moodle play it as ${version}`,
      })
    }
    if (version === 'scorm2004' && needsFreshAttempt2004(rec.attempts[rec.attempts.length - 1])) rec.attempts.push({})
    const stored = rec.attempts[rec.attempts.length - 1]
    const who = { id: learner, name: learnerName(learner) }
    const q = new URLSearchParams({ learner, pkg: pkgName, sco: sco.resourceId, session: String(session) }).toString()
    const cfg: HostConfig = {
      version,
      learner,
      pkg: pkgName,
      sco: sco.resourceId,
      session,
      mode: url.searchParams.get('mode') === 'window' ? 'window' : 'frame',
      title: sco.title,
      // `&fragment=/module/page`: the SCO opens on that page (preview keeps the page across reloads).
      launchUrl: packageUrl(pkgName, sco.launch) + (url.searchParams.get('fragment') ? `#${url.searchParams.get('fragment')}` : ''),
      commitUrl: '/commit',
      logUrl: `/log?${q}`,
      preload: withLessonMode(version === 'scorm12' ? preload12(stored, sco, who) : preload2004(stored, sco, who), version, url.searchParams.get('lessonMode')),
      masteryOverride: options.masteryOverride ?? true,
    }
    return { status: 200, html: launchPage(cfg) }
  }

  async function commit(req: IncomingMessage, url: URL): Promise<{ text: string; key: ScoKey }> {
    const fields = await formFields(req, await readBody(req))
    const get = (k: string): string => fields.find(([f]) => f === k)?.[1] ?? ''
    const key = keyOf(get('learner'), get('pkg'), get('sco'))
    const rec = store.get(key)
    const elements: Tracks = {}
    for (const [k, v] of fields) if (k.startsWith('cmi.') || k.startsWith('adl.')) elements[k] = v
    const entry: CommitRecord = {
      session: Number(get('session')),
      terminate: get('terminate') === '1',
      transport: url.searchParams.get('api') === 'beacon' ? 'beacon' : 'xhr',
      ok: true,
      elements,
    }
    rec.commits.push(entry)
    if (rec.failNext.count > 0) {
      rec.failNext.count--
      entry.ok = false
      const version = registry.get(key.pkg)!.manifest.version
      return { text: `false\n${rec.failNext.code ?? (version === 'scorm12' ? '101' : '391')}`, key }
    }
    Object.assign(rec.attempts[rec.attempts.length - 1]!, elements)
    return { text: 'true\n0', key }
  }

  async function log(req: IncomingMessage, url: URL): Promise<ScoKey> {
    const p = url.searchParams
    const key = keyOf(p.get('learner') ?? '', p.get('pkg') ?? '', p.get('sco') ?? undefined)
    const rec = store.get(key)
    const session = Number(p.get('session'))
    const batch = JSON.parse(await readBody(req)) as { calls?: ApiCall[]; violations?: Violation[]; events?: HostEvent[] }
    for (const c of batch.calls ?? []) rec.calls.push({ ...c, session })
    for (const v of batch.violations ?? []) rec.violations.push({ ...v, session })
    for (const e of batch.events ?? []) rec.events.push({ ...e, session })
    return key
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const send = (status: number, type: string, body: string | Buffer): void => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
      res.end(body)
    }
    // Scripts and package files: revalidated on every load (a rebuilt package is never served stale),
    // but unchanged bytes answer 304, so a relaunch reuses what the browser already parsed (preview).
    const sendFile = (type: string, body: string | Buffer): void => {
      const tag = etagOf(body)
      if (req.headers['if-none-match'] === tag) {
        res.writeHead(304, { etag: tag, 'cache-control': 'no-cache' })
        return void res.end()
      }
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', etag: tag })
      res.end(body)
    }
    const path = url.pathname
    if (path === '/launch') {
      const { status, html } = launch(url)
      return send(status, 'text/html; charset=utf-8', html)
    }
    if (await options.extraRoutes?.(req, res, url)) return
    if (path === '/host.js') return sendFile('text/javascript; charset=utf-8', await options.assets.host())
    if (path === '/vendor/scorm12.js' || path === '/vendor/scorm2004.js') {
      return sendFile('text/javascript; charset=utf-8', await options.assets.vendor(path.includes('12') ? 'scorm12' : 'scorm2004'))
    }
    if (path === '/commit' && req.method === 'POST') {
      const answer = await commit(req, url)
      send(200, 'text/plain', answer.text)
      return options.onActivity?.(answer.key)
    }
    if (path === '/log' && req.method === 'POST') {
      const key = await log(req, url)
      send(204, 'text/plain', '')
      return options.onActivity?.(key)
    }
    const m = /^\/pkg\/([^/]+)\/(.+)$/.exec(path)
    if (m && (req.method === 'GET' || req.method === 'HEAD')) {
      const [name, file] = [decodeURIComponent(m[1]!), decodeURIComponent(m[2]!)]
      const content = registry.file(name, file)
      if (content) return sendFile(contentType(file), content)
      missing.push(`${name}/${file}`)
      return send(404, 'text/plain', `not in package: ${file}`)
    }
    if (path === '/favicon.ico') return send(204, 'image/x-icon', '')
    return send(404, 'text/plain', 'not found')
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const tracked = url.pathname === '/log' || url.pathname === '/commit'
    if (tracked) active++
    handle(req, res, url)
      .catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
        res.end(`test LMS error: ${(e as Error).message}`)
      })
      .finally(() => {
        if (tracked) {
          active--
          // Counted once handled: what it carried is stored.
          const beacon = url.searchParams.get('beacon')
          if (beacon) beaconsReceived.add(Number(beacon))
        }
      })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const waitFor = async <T>(fn: () => T | undefined | null | false, timeoutMs = 30_000, what = 'condition'): Promise<T> => {
    const end = Date.now() + timeoutMs
    for (;;) {
      const v = fn()
      if (v) return v
      if (Date.now() > end) throw new Error(`lms.waitFor: ${what} not met within ${timeoutMs} ms`)
      await new Promise((r) => setTimeout(r, 20))
    }
  }
  /** How many beacons the browser queued: read in the live page when there is one, else in the browser's storage. */
  const beaconsQueued = async (page?: FlushablePage): Promise<number> => {
    if (page && !page.isClosed() && page.url().startsWith(origin)) {
      const n = await page.evaluate(`localStorage.getItem(${JSON.stringify(BEACON_COUNT_KEY)})`).catch(() => undefined)
      if (n !== undefined) return Number(n ?? '0')
    }
    if (!browser) throw new Error('lms.flush: no browser to ask how many beacons it queued; call lms.watchBrowser(context) first')
    const state = await browser.storageState()
    const item = state.origins.find((o) => o.origin === origin)?.localStorage.find((i) => i.name === BEACON_COUNT_KEY)
    return Number(item?.value ?? '0')
  }
  const read =
    <T extends { session: number; seq: number }>(pick: (r: ReturnType<LmsStore['get']>) => T[]) =>
    (learner: string, pkg: string, sco?: string): T[] => {
      const rec = store.peek(keyOf(learner, pkg, sco))
      return rec ? bySessionSeq(pick(rec)) : []
    }

  return {
    origin,
    addPackage: (name, files) => registry.add(name, files).manifest,
    manifest: (pkg) => {
      const p = registry.get(pkg)
      if (!p) throw new Error(`unknown package "${pkg}"`)
      return p.manifest
    },
    url: (pkg, sco, learner = 'learner', version, mode) => {
      const q = new URLSearchParams({ pkg, learner })
      if (sco) q.set('sco', sco)
      if (version) q.set('version', version)
      if (mode) q.set('mode', mode)
      return `${origin}/launch?${q.toString()}`
    },
    tracks: (learner, pkg, sco) => ({ ...store.current(keyOf(learner, pkg, sco)) }),
    attempts: (learner, pkg, sco) => (store.peek(keyOf(learner, pkg, sco))?.attempts ?? []).map((t) => ({ ...t })),
    setTracks: (learner, pkg, sco, tracks) => {
      const rec = store.get(keyOf(learner, pkg, sco))
      rec.attempts[rec.attempts.length - 1] = { ...tracks }
    },
    calls: read((r) => r.calls),
    violations: read((r) => r.violations),
    events: read((r) => r.events),
    commits: (learner, pkg, sco) => [...(store.peek(keyOf(learner, pkg, sco))?.commits ?? [])],
    missingFiles: () => [...missing],
    failNextCommits: (n, key, errorCode) => {
      store.get(keyOf(key.learner, key.pkg, key.sco)).failNext = { count: n, code: errorCode }
    },
    flush: async (page) => {
      if (page && !page.isClosed()) {
        // Batches still pending in a live host page go out by fetch; this resolves once the server answered them.
        await page.evaluate('globalThis.__lmsHost ? globalThis.__lmsHost.flush() : null').catch(() => null)
      }
      const queued = await beaconsQueued(page)
      const missing = (): number[] => Array.from({ length: queued }, (_, i) => i + 1).filter((n) => !beaconsReceived.has(n))
      await waitFor(() => active === 0 && missing().length === 0, 30_000, `beacons ${missing().join(', ')} of ${queued} delivered`)
    },
    watchBrowser: (b) => {
      browser = b
    },
    waitFor: (fn, timeoutMs) => waitFor(fn, timeoutMs),
    idle: () => active === 0,
    newAttempt: (learner, pkg, sco) => {
      store.get(keyOf(learner, pkg, sco)).attempts.push({})
    },
    reset: () => {
      store.clear()
      missing.length = 0
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((e) => (e ? reject(e) : resolve()))
      }),
  }
}

/**
 * `&lessonMode=review` (or `browse`) opens the SCO as Moodle's player.php does in those modes:
 * `lesson_mode`/`cmi.mode` set accordingly, and no credit.
 */
function withLessonMode(preload: Tracks, version: ScormVersion, mode: string | null): Tracks {
  if (mode !== 'review' && mode !== 'browse') return preload
  return version === 'scorm12' ? { ...preload, 'cmi.core.lesson_mode': mode, 'cmi.core.credit': 'no-credit' } : { ...preload, 'cmi.mode': mode, 'cmi.credit': 'no-credit' }
}

const etags = new WeakMap<Buffer, string>()
const stringEtags = new Map<string, string>()

/** A strong validator for a body: SHA-1 of its bytes, remembered per buffer (package files) or text (scripts). */
function etagOf(body: string | Buffer): string {
  const known = typeof body === 'string' ? stringEtags.get(body) : etags.get(body)
  if (known) return known
  const tag = `"${createHash('sha1').update(body).digest('base64url')}"`
  if (typeof body === 'string') stringEtags.set(body, tag)
  else etags.set(body, tag)
  return tag
}
