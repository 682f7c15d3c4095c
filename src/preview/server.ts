/**
 * `parcours preview`: the course compiled in memory (nothing written), played in the strict LMS
 * (src/lms, the one the tests use: Moodle's limits, identifier formats, write-only elements,
 * calls after finish), with a preview page around it: an inspector of the LMS side, buttons to
 * try a relaunch, review mode, a failing commit, and live reload when a file changes.
 *
 * Routes of its own, beside the LMS's (/launch, /commit, /log, /pkg/…):
 *   /                      the preview page (page.ts), its script /preview/client.js
 *   /preview/events        server-sent events: `build` (result of each build), `lms` (the SCO
 *                          committed or called the API)
 *   /preview/state?sco=    what the LMS holds for that SCO, decoded (JSON)
 *   /preview/action?do=    new-attempt | reset | fail-commit | settle   (POST)
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Builtins } from '../compiler/read/read-builtins.js'
import type { Diagnostic } from '../compiler/diagnostics.js'
import type { AnalysisCache } from '../compiler/pipeline.js'
import type { LmsAssets, LmsServer } from '../lms/server.js'
import type { Lang, ScoData, ScormVersion } from '../shared/sco-data.js'
import { previewPage } from './page.js'
import type { BuildReport } from './protocol.js'
import { stateReport } from '../inspect/state-report.js'

export const PREVIEW_PACKAGE = 'course'
export const PREVIEW_LEARNER = 'auteur'

export interface PreviewOptions {
  dir: string
  port: number
  format: ScormVersion
  lang: Lang
  assets: LmsAssets & { client(): Promise<string> }
}

export interface PreviewServer {
  readonly url: string
  readonly lms: LmsServer
  /** The latest build's report. */
  current(): BuildReport
  /** Rebuilds now (the watcher calls it on every change, with the paths it saw change). */
  rebuild(changed?: readonly string[]): Promise<BuildReport>
  close(): Promise<void>
}

interface Engine {
  readTree: typeof import('../compiler/read/read-tree.js').readTree
  markChanged: typeof import('../compiler/read/read-tree.js').markChanged
  compile: typeof import('../compiler/pipeline.js').compile
  CompileError: typeof import('../compiler/diagnostics.js').CompileError
  formatDiagnostic: typeof import('../compiler/diagnostics.js').formatDiagnostic
  builtins: Builtins
  cache: AnalysisCache
}

export async function startPreview(options: PreviewOptions, onBuild: (report: BuildReport) => void = () => {}): Promise<PreviewServer> {
  const [{ readTree, markChanged }, pipeline, diagnostics, { readBuiltins }, { startLms }] = await Promise.all([
    import('../compiler/read/read-tree.js'),
    import('../compiler/pipeline.js'),
    import('../compiler/diagnostics.js'),
    import('../compiler/read/read-builtins.js'),
    import('../lms/server.js'),
  ])
  const engine: Engine = {
    readTree,
    markChanged,
    compile: pipeline.compile,
    CompileError: diagnostics.CompileError,
    formatDiagnostic: diagnostics.formatDiagnostic,
    builtins: await readBuiltins(),
    cache: pipeline.createAnalysisCache(),
  }
  pipeline.rememberDigests()
  const clients = new Set<ServerResponse>()
  const broadcast = (event: string, data: unknown): void => {
    const text = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
    for (const client of clients) client.write(text)
  }
  let report: BuildReport = { version: 0, ok: false, ms: 0, errors: [], warnings: [], scos: [] }
  /** ScoData of the last good build, by SCO resource id (`RES-<sco>`), to decode suspend_data. */
  let scoData = new Map<string, ScoData>()
  let lms: LmsServer | undefined

  const build = async (): Promise<BuildReport> => {
    const started = performance.now()
    const version = report.version + 1
    const word = (d: Diagnostic): string => engine.formatDiagnostic(d, options.lang)
    // The page closes the SCO (its last commit and finish) while the course compiles: the
    // relaunch that follows the build does not wait for both one after the other.
    broadcast('building', { version })
    try {
      const tree = await engine.readTree(options.dir, { strings: engine.builtins.strings, cache: engine.cache })
      const result = engine.compile(tree, engine.builtins, [options.format], engine.cache, { answerKey: false })
      const pkg = result.packages[0]!
      const files = new Map(pkg.files.map((f) => [f.path, typeof f.contents === 'string' ? Buffer.from(f.contents, 'utf8') : Buffer.from(f.contents)] as const))
      lms?.addPackage(PREVIEW_PACKAGE, files)
      pending = files
      scoData = new Map(pkg.scos.map((s) => [`RES-${s.id}`, s.data] as const))
      report = {
        version,
        ok: true,
        ms: Math.round(performance.now() - started),
        errors: [],
        warnings: result.diagnostics.map(word),
        scos: pkg.scos.map((s) => ({ id: `RES-${s.id}`, title: s.title })),
      }
    } catch (e) {
      if (!(e instanceof engine.CompileError)) throw e
      const errors = e.diagnostics.filter((d) => d.severity === 'error').map(word)
      const warnings = e.diagnostics.filter((d) => d.severity === 'warning').map(word)
      // The last good package stays deployed: fixing the mistake brings the course back.
      report = { ...report, version, ok: false, ms: Math.round(performance.now() - started), errors, warnings }
    }
    broadcast('build', report)
    onBuild(report)
    return report
  }
  let pending: Map<string, Buffer> | undefined
  await build()

  const routes = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const json = (body: unknown, status = 200): true => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
      res.end(JSON.stringify(body))
      return true
    }
    switch (url.pathname) {
      case '/':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        res.end(previewPage(options.lang, { package: PREVIEW_PACKAGE, learner: PREVIEW_LEARNER }))
        return true
      case '/preview/client.js':
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' })
        res.end(await options.assets.client())
        return true
      case '/preview/events':
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
        res.write(`event: build\ndata: ${JSON.stringify(report)}\n\n`)
        clients.add(res)
        req.on('close', () => clients.delete(res))
        return true
      case '/preview/state':
        return json(lmsState(url.searchParams.get('sco') ?? ''))
      case '/preview/action':
        if (req.method !== 'POST') return json({ error: 'POST only' }, 405)
        return json(await action(url.searchParams.get('do') ?? '', url.searchParams.get('sco') ?? ''))
      default:
        return false
    }
  }

  const lmsState = (sco: string): object => {
    if (!lms || !report.scos.some((s) => s.id === sco)) return { known: false }
    const tracks = lms.tracks(PREVIEW_LEARNER, PREVIEW_PACKAGE, sco)
    const data = scoData.get(sco)
    const suspend = tracks['cmi.suspend_data'] ?? ''
    const calls = lms.calls(PREVIEW_LEARNER, PREVIEW_PACKAGE, sco)
    // What the SCO read at launch (entry, mode, credit… are given by the LMS, never stored).
    const reads: Record<string, string> = {}
    for (const c of calls) if (/GetValue$/.test(c.method) && c.error === '0') reads[String(c.args[0])] = String(c.result)
    return {
      known: true,
      version: options.format,
      tracks,
      reads,
      attempts: lms.attempts(PREVIEW_LEARNER, PREVIEW_PACKAGE, sco).length,
      calls: calls.slice(-300),
      callCount: calls.length,
      violations: lms.violations(PREVIEW_LEARNER, PREVIEW_PACKAGE, sco),
      commits: lms
        .commits(PREVIEW_LEARNER, PREVIEW_PACKAGE, sco)
        .map((c) => ({ session: c.session, ok: c.ok, terminate: c.terminate, transport: c.transport, count: Object.keys(c.elements).length })),
      state: data && suspend ? stateReport(suspend, data) : null,
      stateLimit: data?.stateLimit,
    }
  }

  const action = async (what: string, sco: string): Promise<object> => {
    if (!lms) return { ok: false }
    const key = { learner: PREVIEW_LEARNER, pkg: PREVIEW_PACKAGE, sco: sco || undefined }
    if (what === 'new-attempt') lms.newAttempt(key.learner, key.pkg, key.sco)
    else if (what === 'reset') lms.reset()
    else if (what === 'fail-commit') lms.failNextCommits(1, key)
    // Before a relaunch: what the closing SCO sent (its last commit may travel as a beacon) has arrived.
    else if (what === 'settle') {
      const server = lms
      // The closing SCO's last requests (sync XHR or beacon) are answered before the relaunch reads the store.
      await server.waitFor(() => server.idle(), 5000).catch(() => undefined)
    } else return { ok: false, error: `unknown action ${what}` }
    return { ok: true }
  }

  lms = await startLms({ assets: options.assets, port: options.port, extraRoutes: routes, onActivity: (key) => broadcast('lms', { sco: key.sco }) })
  if (pending) lms.addPackage(PREVIEW_PACKAGE, pending)
  const server = lms
  return {
    url: `${server.origin}/`,
    lms: server,
    current: () => report,
    rebuild: (changed) => {
      if (changed) engine.markChanged(engine.cache, changed)
      return build()
    },
    close: async () => {
      for (const client of clients) client.end()
      clients.clear()
      await server.close()
    },
  }
}
