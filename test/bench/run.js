#!/usr/bin/env node
/**
 * parcours benchmark: `npm run bench` (= `npm run build && node test/bench/run.js`).
 *
 * Benchmarks report, they don't gate: this script always exits 0 (unless it cannot run at all),
 * prints a table (metric, value, target, OK/FAIL) with the misses listed underneath, and writes
 * every number, the raw runs and the machine to test/bench/results/latest.json (git-ignored).
 *
 * What is measured, each timed build in a fresh child process, wall time taken by this process
 * around the child (so Node start-up is included) and peak RSS from `/usr/bin/time -v` (or, where
 * it is missing, from process.resourceUsage().maxRSS written by the child, see children/rss-probe.cjs):
 *
 *  (a) the sample course content/ → SCORM 1.2 zip through the real CLI
 *      (`node bin/parcours.js build content --out <tmp>`), against the physical floor
 *      (children/floor.js: read every source file, deflate every packaged file with zlib level 9,
 *      write the bytes; no parsing, rendering or zip bookkeeping, none of parcours loaded), and
 *      against the markdown-it floor (children/markdown-floor.js: the floor plus markdown-it, the
 *      parser parcours is built on, parsing and rendering every Markdown file without a plugin,
 *      the deflating beside it on the thread pool: the least a build with markdown-it can take).
 *      One untimed warm-up triplet, then 15 triplets, interleaved and rotating which runs first,
 *      so that all see the same load: medians, build/floor (target ≤ 2×, also on CPU time) and
 *      each pair's ratio, markdown-it floor / floor, build / markdown-it floor;
 *  (b) a generated large course, 200 modules × 10 pages × 8 questions (sco: module), in SCORM 1.2
 *      and in SCORM 2004, against both floors the same way (5 triplets each), with peak RSS;
 *  (c) growing courses, 20 … 1,000 modules (SCORM 1.2): median build time and peak RSS per size,
 *      and the per-module slope of both (least squares); 1,000 modules must stay under 200 MB;
 *  Every build's zip is hashed: the runs must give the same bytes.
 *  and, in process (not timed): package sizes, the gzipped runtime, the worst-case suspend_data of
 *  a 50-page / 40-question module and of the sample course's SCO (via src/shared/state-codec.ts),
 *  and the browser-measured numbers written by the browser tests (browser-metrics.ts).
 *
 * The large course uses `sco: module` (one SCO per module). As a single SCO it would hold 2000
 * pages and 1600 questions: 2000 page keys × 4 characters alone are 8000 characters of
 * cmi.suspend_data, twice the 4096 of SCORM 1.2, so the compiler rightly refuses it
 * (`state/too-large`). The script checks that refusal instead of assuming it (row "large course as ONE SCO").
 *
 * The machine should be idle: the script measures how busy the CPUs were just before it started
 * and how much CPU other processes used while it ran, and warns when dist/ changed under it.
 *
 * Options: --profile  also run the large build under `node --cpu-prof` and print where the time
 *                     goes (done anyway when a large-course target is missed);
 *          --keep     keep the temporary folder (generated course, zips, dumps);
 *          --quick    fewer runs and a short scaling series, to try the script (not figures to quote);
 *          --before <checkout>
 *                     also time another checkout's CLI (its bin/parcours.js, built, with its own
 *                     node_modules) in the same interleaved runs: the sample, the 200-module course
 *                     and the largest scaling size, for a before / after table from one run.
 */
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import * as esbuild from 'esbuild'
import { generateCourse } from './generate.js'
import { summarizeProfile } from './profile.js'
import { watchRebuild } from './watch.js'
import { loadPreviewBench } from './preview.js'
import { loadRuntimeBench } from './runtime.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const HERE = fileURLToPath(new URL('./', import.meta.url))
const RESULTS = join(HERE, 'results')
const CLI = join(ROOT, 'bin/parcours.js')
const LIB = join(ROOT, 'lib')
const RUNTIME = join(ROOT, 'lib/runtime')
const BROWSER_METRICS = join(RESULTS, 'browser-metrics.json')

const argv = process.argv.slice(2)
const WANT_PROFILE = argv.includes('--profile')
const KEEP = argv.includes('--keep')

const LARGE = { modules: 200, pages: 10, questions: 8 }
const WORST = { modules: 1, pages: 50, questions: 40 }
const QUICK = argv.includes('--quick')
const BEFORE_ARG = argv.includes('--before') ? (argv[argv.indexOf('--before') + 1] ?? '') : undefined
const BEFORE_DIR = BEFORE_ARG && !BEFORE_ARG.startsWith('--') ? resolve(BEFORE_ARG) : undefined
const BEFORE_CLI = BEFORE_DIR ? join(BEFORE_DIR, 'bin/parcours.js') : undefined
// The sample's pairs are short (≈ 0.6 s) and its ratio rests on a 0.15 s floor, mostly Node's
// start-up, which moves by tens of ms from run to run: more pairs for a steadier median.
const SAMPLE_RUNS = QUICK ? 3 : 15
const LARGE_RUNS = QUICK ? 1 : 5
/** Course sizes for the scaling series (SCORM 1.2, sco: module): fewer runs where one build takes seconds. */
const SCALING = QUICK
  ? [
      { modules: 20, runs: 1 },
      { modules: 50, runs: 1 },
    ]
  : [
      { modules: 20, runs: 5 },
      { modules: 50, runs: 5 },
      { modules: 100, runs: 5 },
      { modules: 200, runs: 5 },
      { modules: 500, runs: 3 },
      { modules: 1000, runs: 3 },
    ]

/** The targets, in one place. */
const TARGET = {
  sampleWallMs: 1000,
  largeWallMs: 10_000,
  largeRssMB: 400,
  buildFloorRatio: 2,
  rss1000MB: 200,
  runtimeGzipBytes: 20 * 1024,
  suspendLimit: 4096,
  sampleCompletedState: 1024,
  commitsPerNavigation: 1,
  previewReloadSampleMs: 300,
  previewReloadLargeMs: 1000,
  pathologicalLineMs: 1000,
  editInMemoryMs: 100,
  largeScoNextMs: 5,
}

/** LiaScript's SCORM exporter, measured in an earlier session on another machine: shown for reference, never divided by this run's numbers. */
const LIASCRIPT = { threeModuleSeconds: 3.6, threeModuleZipMB: 7.4, threeModuleScriptsGzipMB: 5.7, twoHundredModulesSeconds: 238 }

// ---------------------------------------------------------------------------------------------
// Child processes

const TIME_BIN = '/usr/bin/time'
const HAS_GNU_TIME = (() => {
  if (process.env.PARCOURS_BENCH_NO_GNU_TIME || !existsSync(TIME_BIN)) return false // the env var tests the fallback
  const r = spawnSync(TIME_BIN, ['-v', process.execPath, '-e', ''], { encoding: 'utf8' })
  return r.status === 0 && /Maximum resident set size/.test(r.stderr)
})()
const RSS_METHOD = HAS_GNU_TIME ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS (child)'

let scratch
/** CPU time used by our own children, to tell other processes' load apart (see foreignLoad). */
let childrenCpuMs = 0

/** Runs `node <args>` in a fresh process; wall time includes Node start-up. */
async function runNode(args, { nodeFlags = [] } = {}) {
  const id = Math.random().toString(36).slice(2)
  const rssFile = join(scratch, `rss-${id}.txt`)
  const command = HAS_GNU_TIME ? TIME_BIN : process.execPath
  const full = HAS_GNU_TIME ? ['-v', '-o', rssFile, process.execPath, ...nodeFlags, ...args] : ['-r', join(HERE, 'children/rss-probe.cjs'), ...nodeFlags, ...args]
  const env = { ...process.env, PARCOURS_BENCH_RSS_FILE: rssFile, NODE_OPTIONS: '' }
  const start = process.hrtime.bigint()
  const { code, stdout, stderr } = await new Promise((resolve, reject) => {
    const child = spawn(command, full, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const out = []
    const err = []
    child.stdout.on('data', (c) => out.push(c))
    child.stderr.on('data', (c) => err.push(c))
    child.on('error', reject)
    child.on('close', (c) => resolve({ code: c, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }))
  })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  let rssMB = null
  let cpuMs = null
  try {
    const text = await readFile(rssFile, 'utf8')
    if (HAS_GNU_TIME) {
      const kib = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1])
      if (Number.isFinite(kib)) rssMB = kib / 1024
      const user = Number(/User time \(seconds\): ([\d.]+)/.exec(text)?.[1])
      const sys = Number(/System time \(seconds\): ([\d.]+)/.exec(text)?.[1])
      if (Number.isFinite(user + sys)) cpuMs = (user + sys) * 1000
    } else {
      const probe = JSON.parse(text)
      rssMB = probe.maxRssKiB / 1024
      cpuMs = probe.cpuMs
    }
  } catch {
    // no RSS / CPU time: reported as such
  }
  if (code !== 0) {
    const error = new Error(`node ${args.join(' ')} exited with ${code}\n${stderr.trim().split('\n').slice(-15).join('\n')}`)
    error.stdout = stdout
    throw error
  }
  childrenCpuMs += cpuMs ?? 0
  return { ms, rssMB, cpuMs, stdout, stderr }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

function summarize(runs) {
  return {
    medianMs: median(runs.map((r) => r.ms)),
    minMs: Math.min(...runs.map((r) => r.ms)),
    maxMs: Math.max(...runs.map((r) => r.ms)),
    peakRssMB: runs.every((r) => r.rssMB !== null) ? Math.max(...runs.map((r) => r.rssMB)) : null,
    medianRssMB: runs.every((r) => r.rssMB !== null) ? median(runs.map((r) => r.rssMB)) : null,
    medianCpuMs: runs.every((r) => r.cpuMs !== null) ? median(runs.map((r) => r.cpuMs)) : null,
    runs: runs.map((r) => ({ ms: round(r.ms, 1), cpuMs: r.cpuMs, rssMB: r.rssMB === null ? null : round(r.rssMB, 1) })),
  }
}

/**
 * The real CLI build of `dir` against the physical floor (children/floor.js: read every source
 * file, deflate every packaged file at level 9, write the bytes) and against the markdown-it floor
 * (children/markdown-floor.js: the same, plus markdown-it parsing and rendering every Markdown file,
 * with the deflating beside it on the thread pool): `runs` triplets, interleaved and rotating which
 * goes first, so that all three see the same machine load. Medians of each, the ratios of medians
 * and each triplet's ratios. First, compile-dump.js compiles once in process (stage times) and
 * dumps the package's files for the floors; one untimed warm-up triplet fills the disk cache.
 */
async function measure(dir, format, label, runs) {
  const dump = join(scratch, `dump-${label}`)
  await mkdir(dump, { recursive: true })
  const compiled = JSON.parse((await runNode([join(HERE, 'children/compile-dump.js'), dir, dump, format])).stdout)
  const outOf = (i) => join(scratch, `out-${label}-${i}`)
  const cliRun = (cli) => async (i) => {
    const r = await runNode([cli, 'build', dir, '--out', outOf(i), '--format', format])
    const zips = (await readdir(outOf(i))).filter((f) => f.endsWith('.zip'))
    const zip = await readFile(join(outOf(i), zips[0]))
    await rm(outOf(i), { recursive: true, force: true })
    return { ...r, zipName: zips[0], zipBytes: zip.length, zipSha256: sha256(zip) }
  }
  const floorRun = (child) => async (i) => {
    const r = await runNode([child, dir, dump, join(scratch, `floor-${label}-${i}.bin`)])
    return { ...r, out: JSON.parse(r.stdout) }
  }
  const kinds = { cli: cliRun(CLI), floor: floorRun(join(HERE, 'children/floor.js')), markdown: floorRun(await markdownFloorBundle()) }
  if (BEFORE_CLI) kinds.before = cliRun(BEFORE_CLI)
  const order = Object.keys(kinds)
  const runsOf = Object.fromEntries(order.map((kind) => [kind, []]))
  for (const kind of order) await kinds[kind]('warmup')
  for (let i = 0; i < runs; i++) {
    // Round i starts with the (i mod n)-th kind: over n rounds, each kind runs in each place once.
    for (let k = 0; k < order.length; k++) {
      const kind = order[(i + k) % order.length]
      runsOf[kind].push(await kinds[kind](i))
    }
  }
  const c = summarize(runsOf.cli)
  const f = summarize(runsOf.floor)
  const m = summarize(runsOf.markdown)
  const b = runsOf.before && summarize(runsOf.before)
  const shas = new Set(runsOf.cli.map((r) => r.zipSha256))
  const ratio = (a, b) => round(a / b, 2)
  const cpuRatio = (a, b) => (a.medianCpuMs && b.medianCpuMs ? ratio(a.medianCpuMs, b.medianCpuMs) : null)
  return {
    cli: { ...c, zipName: runsOf.cli[0].zipName, zipBytes: runsOf.cli[0].zipBytes, zipSha256: runsOf.cli[0].zipSha256, identicalZips: shas.size === 1 },
    floor: { ...f, ...runsOf.floor[0].out },
    markdownFloor: { ...m, ...runsOf.markdown[0].out, markdownMs: median(runsOf.markdown.map((r) => r.out.markdownMs)) },
    ratio: ratio(c.medianMs, f.medianMs),
    cpuRatio: cpuRatio(c, f),
    pairRatios: runsOf.cli.map((r, i) => ratio(r.ms, runsOf.floor[i].ms)),
    /** The least build/floor can be for a build that parses with markdown-it. */
    markdownRatio: ratio(m.medianMs, f.medianMs),
    markdownCpuRatio: cpuRatio(m, f),
    buildOverMarkdown: ratio(c.medianMs, m.medianMs),
    before: b ? { ...b, ratio: ratio(b.medianMs, f.medianMs), zipBytes: runsOf.before[0].zipBytes } : null,
    compiled,
  }
}

/**
 * children/markdown-floor.js bundled with markdown-it into one file, as the CLI bundles it: loading
 * markdown-it and its dependencies (19 files) from node_modules one by one would cost the floor
 * more than parcours pays for them.
 */
let markdownFloor
async function markdownFloorBundle() {
  markdownFloor ??= (async () => {
    const outfile = join(scratch, 'markdown-floor.mjs')
    await esbuild.build({ entryPoints: [join(HERE, 'children/markdown-floor.js')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning' })
    return outfile
  })()
  return markdownFloor
}

/** Build time and peak RSS of the real CLI for growing courses, and the per-module slope (least squares). */
async function scaling(sizes) {
  const points = []
  for (const { modules, runs } of sizes) {
    const dir = join(scratch, `scale-${modules}`)
    await generateCourse(dir, { modules, pages: LARGE.pages, questions: LARGE.questions, sco: 'module' })
    const out = join(scratch, `scale-out-${modules}`)
    const build = (cli = CLI) => runNode([cli, 'build', dir, '--out', out, '--format', 'scorm12'])
    // --before: the other checkout's CLI on the largest course too, alternating with this one.
    const before = BEFORE_CLI && modules === sizes.at(-1).modules ? [] : undefined
    await build() // warm-up: disk cache
    if (before) await build(BEFORE_CLI)
    const all = []
    for (let i = 0; i < runs; i++) {
      all.push(await build())
      if (before) before.push(await build(BEFORE_CLI))
    }
    const r = summarize(all)
    const b = before && summarize(before)
    points.push({
      modules,
      runs,
      medianMs: round(r.medianMs, 0),
      minMs: round(r.minMs, 0),
      maxMs: round(r.maxMs, 0),
      peakRssMB: round(r.peakRssMB, 1),
      ...(b && { before: { medianMs: round(b.medianMs, 0), minMs: round(b.minMs, 0), maxMs: round(b.maxMs, 0), peakRssMB: round(b.peakRssMB, 1) } }),
    })
    await rm(dir, { recursive: true, force: true })
    await rm(out, { recursive: true, force: true })
  }
  const fit = (ys) => {
    const xs = points.map((p) => p.modules)
    const n = xs.length
    const mx = xs.reduce((a, b) => a + b, 0) / n
    const my = ys.reduce((a, b) => a + b, 0) / n
    const slope = xs.reduce((acc, x, i) => acc + (x - mx) * (ys[i] - my), 0) / xs.reduce((acc, x) => acc + (x - mx) ** 2, 0)
    return { perModule: slope, intercept: my - slope * mx }
  }
  const time = fit(points.map((p) => p.medianMs))
  const rss = points.every((p) => p.peakRssMB !== null) ? fit(points.map((p) => p.peakRssMB)) : null
  return {
    points,
    msPerModule: round(time.perModule, 2),
    msIntercept: round(time.intercept, 0),
    rssMBPerModule: rss ? round(rss.perModule, 3) : null,
    rssMBIntercept: rss ? round(rss.intercept, 0) : null,
  }
}

async function profileBuild(dir, format) {
  const profDir = join(scratch, `profile-${format}`)
  const r = await runNode([CLI, 'build', dir, '--out', join(scratch, `out-profile-${format}`), '--format', format], {
    nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profDir}`],
  })
  const file = (await readdir(profDir)).find((f) => f.endsWith('.cpuprofile'))
  const summary = summarizeProfile(JSON.parse(await readFile(join(profDir, file), 'utf8')))
  await mkdir(RESULTS, { recursive: true })
  const kept = join(RESULTS, `large-${format}.cpuprofile`)
  await writeFile(kept, await readFile(join(profDir, file)))
  return { wallMs: round(r.ms, 0), file: kept, ...summary }
}

// ---------------------------------------------------------------------------------------------
// In-process measures (not timed)

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex')
}

function round(x, digits = 0) {
  if (x === null || x === undefined || !Number.isFinite(x)) return x ?? null
  const f = 10 ** digits
  return Math.round(x * f) / f
}

async function runtimeSizes() {
  const out = {}
  for (const name of ['parcours.js', 'parcours.css']) {
    const bytes = await readFile(join(RUNTIME, name))
    out[name] = { bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length }
  }
  // The runtime build may still be a placeholder (scripts/build-runtime.js not written yet).
  out.placeholder = out['parcours.js'].bytes < 200
  return out
}

/**
 * src/shared/state-codec.ts is written by another engineer: use it only if it exports
 * worstCaseStateLength and encode (checked in the source, like a grep, then in the build).
 */
async function loadStateCodec() {
  const source = join(ROOT, 'src/shared/state-codec.ts')
  if (!existsSync(source)) return { missing: 'src/shared/state-codec.ts does not exist yet' }
  const text = await readFile(source, 'utf8')
  const exported = (name) => new RegExp(`export\\s+(async\\s+)?function\\s+${name}\\b|export\\s+const\\s+${name}\\b`).test(text)
  const absent = ['worstCaseStateLength', 'encode'].filter((n) => !exported(n))
  if (absent.length) return { missing: `src/shared/state-codec.ts does not export ${absent.join(', ')} yet` }
  try {
    // The bundle exports the codec through the library entry (src/index.ts).
    const codec = await import(join(LIB, 'index.js'))
    return { codec, stateKey: codec.stateKey }
  } catch (e) {
    return { missing: `lib/index.js cannot be loaded: ${e.message}` }
  }
}

/**
 * A plausible state at the end of the course, encoded with the real encoder: every page seen,
 * every question answered right (knowledge checks checked), one submitted attempt per evaluation,
 * the course's duration as time, one interaction record per question. The browser test measures
 * the real thing; this is the deterministic estimate next to it.
 */
function syntheticCompletedState(data, codec, stateKey, durationMinutes) {
  const state = codec.emptyState ? codec.emptyState() : { seen: [], time: 0, interactions: 0, answers: {}, assessments: {} }
  state.seen = data.pages.map((p) => p.key).sort()
  state.time = durationMinutes * 60
  state.interactions = data.questions.length
  const points = new Map()
  for (const q of data.questions) {
    state.answers[q.key] = { rev: q.rev, value: plausibleAnswer(q), checked: !q.scored }
    if (q.scored) points.set(q.moduleId, (points.get(q.moduleId) ?? 0) + q.points)
  }
  for (const [moduleId, total] of points) state.assessments[stateKey(moduleId)] = { attempt: 1, submitted: true, points: total }
  return codec.encode(state, data)
}

/**
 * An answer of the right shape: right answers are sealed in the package (issue 12), so the bench
 * answers with the longest value a learner can give: every choice of a multiple-answer question,
 * one target per source of a matching question, one choice otherwise.
 */
function plausibleAnswer(q) {
  const tokens = q.choices.map((c) => c.token)
  if (q.type === 'multiple') return tokens.join('')
  if (q.type === 'matching') return q.sources.map((_, i) => tokens[i % tokens.length]).join('')
  return tokens[0] ?? ''
}

/**
 * Issue 13's pathological lines (1 MB each; three regular expressions were quadratic, ~30 s each):
 * the whole analysis of a course whose one module holds the line, in process. The unit tests
 * (test/unit/hostile/linear-time.test.ts) only separate linear from quadratic; the speed is here.
 */
async function pathologicalLines(lib) {
  const builtins = await lib.readBuiltins()
  const spaces = ' '.repeat(1_000_000)
  const course = 'id: c\ntitle: C\nversion: 1.0.0\ndescription: D\naudience: A\nduration: 5\nmodules:\n  - m1.md\n'
  const front = '---\nid: m1\ntitle: M\nduration: 5\nobjectives:\n  - o\n---\n\n'
  const cases = {
    'heading of 1,000,000 spaces': `## a${spaces}b {#p1}\n\nT.\n`,
    'heading with an unclosed { then 1,000,000 spaces': `## a {${spaces}x\n\nT.\n`,
    'matching item of 1,000,000 spaces': `## P {#p}\n\n::: association q1\nRelier ?\n\n- a${spaces}b\n- c -> d\n- e -> f\n\nCorrect : oui.\nIncorrect : non.\n:::\n`,
    '250,000 unclosed <!--': `## P {#p}\n\n${'<!--'.repeat(250_000)}\n`,
    // Not one of the issue's three: markdown-it's own link rule takes ~1 s on it (linear, slow).
    '1,000,000 [ (no target; markdown-it link rule)': `## P {#p}\n\n${'['.repeat(1_000_000)}\n`,
    'front matter line of 1,000,000 spaces': `---\nid: m1\ntitle: a${spaces}b\ntitle: c\nduration: 5\nobjectives:\n  - o\n---\n\n## P {#p}\n\nT.\n`,
  }
  const out = {}
  for (const [name, body] of Object.entries(cases)) {
    const text = body.startsWith('---') ? body : front + body
    const tree = { root: 'bench', files: { 'course.yml': { path: 'course.yml', text: course }, 'm1.md': { path: 'm1.md', text } } }
    const t = performance.now()
    lib.analyse(tree, builtins, ['scorm12'])
    out[name] = performance.now() - t
  }
  return out
}

async function stateMetrics(lib, largeDir) {
  const loaded = await loadStateCodec()
  if (loaded.missing) return { available: false, reason: loaded.missing }
  const { codec, stateKey } = loaded
  const builtins = await lib.readBuiltins()
  const out = { available: true }

  // Sample course: its (single) SCO, as compiled for SCORM 1.2.
  const sample = lib.compile(await lib.readTree(join(ROOT, 'content')), builtins, ['scorm12'])
  const sampleData = sample.packages[0].scos[0].data
  out.sample = {
    scos: sample.packages[0].scos.length,
    pages: sampleData.pages.length,
    questions: sampleData.questions.length,
    worstCase: codec.worstCaseStateLength(sampleData),
    syntheticCompleted: syntheticCompletedState(sampleData, codec, stateKey, sample.course.config.duration).length,
  }

  // A 50-page, 40-question module (attempts: 3, as in the sample course).
  const worstDir = join(scratch, 'worst-module')
  await generateCourse(worstDir, { ...WORST, sco: 'course', id: 'bench-module-50-40', seed: 50 })
  const worstTree = await lib.readTree(worstDir)
  let worstData
  let refused = null
  try {
    worstData = lib.compile(worstTree, builtins, ['scorm12']).packages[0].scos[0].data
  } catch (e) {
    if (!(e instanceof lib.CompileError)) throw e
    refused = e.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)
    // Refused in 1.2 (budget or other): size it from the 2004 build, where the budget is 64000.
    worstData = lib.compile(worstTree, builtins, ['scorm2004']).packages[0].scos[0].data
  }
  out.module50x40 = { pages: worstData.pages.length, questions: worstData.questions.length, worstCase: codec.worstCaseStateLength(worstData), scorm12Refused: refused }

  // The large course as ONE SCO: SCORM 1.2 must refuse it (state/too-large); what does 2004 say?
  const tree = await lib.readTree(largeDir)
  const yml = tree.files['course.yml']
  tree.files['course.yml'] = { ...yml, text: yml.text.replace(/^sco: module$/m, 'sco: course') }
  out.singleSco = {}
  for (const format of ['scorm12', 'scorm2004']) {
    try {
      const r = lib.compile(tree, builtins, [format])
      out.singleSco[format] = { accepted: true, worstCase: codec.worstCaseStateLength(r.packages[0].scos[0].data) }
    } catch (e) {
      if (!(e instanceof lib.CompileError)) throw e
      const errors = e.diagnostics.filter((d) => d.severity === 'error')
      const tooLarge = errors.find((d) => d.code === 'state/too-large')
      out.singleSco[format] = {
        accepted: false,
        codes: [...new Set(errors.map((d) => d.code))],
        ...(tooLarge && { size: Number(tooLarge.params?.size), limit: Number(tooLarge.params?.limit) }),
      }
    }
  }
  return out
}

/** Busy (non-idle) CPU milliseconds of the whole machine so far, all cores. */
function machineBusyMs() {
  return os.cpus().reduce((acc, c) => acc + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0)
}

/**
 * Share of the machine's CPU capacity used by OTHER processes while the bench ran: the machine's
 * busy time, minus our children's CPU time and this process's own. Needs the children's CPU time
 * (from /usr/bin/time or the probe).
 */
function foreignLoad(start) {
  const wallMs = Number(process.hrtime.bigint() - start.hr) / 1e6
  const own = process.cpuUsage(start.cpu)
  const foreign = machineBusyMs() - start.busy - childrenCpuMs - (own.user + own.system) / 1000
  return round(Math.max(0, (100 * foreign) / (wallMs * os.cpus().length)), 0)
}

/** Share of CPU time (all cores) not idle during one second, before anything starts. */
async function cpuBusyPercent() {
  const sum = () => os.cpus().reduce((acc, c) => ({ idle: acc.idle + c.times.idle, total: acc.total + Object.values(c.times).reduce((a, b) => a + b, 0) }), { idle: 0, total: 0 })
  const a = sum()
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const b = sum()
  return round(100 * (1 - (b.idle - a.idle) / Math.max(1, b.total - a.total)), 0)
}

/** Fingerprint of what the children run (lib + lib/runtime): another `npm run build` during the bench changes it. */
async function distFingerprint() {
  const hash = createHash('sha256')
  for (const dir of [LIB, RUNTIME]) {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true })
    const files = entries
      .filter((e) => e.isFile() && !e.name.endsWith('.map'))
      .map((e) => join(e.parentPath ?? e.path, e.name))
      .sort()
    for (const f of files)
      hash
        .update(f)
        .update('\0')
        .update(await readFile(f))
        .update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

async function browserMetrics() {
  if (!existsSync(BROWSER_METRICS)) return null
  try {
    const metrics = JSON.parse(await readFile(BROWSER_METRICS, 'utf8'))
    // Measured with another runtime than the one just built? (The runtime build is deterministic,
    // so a rebuild of the same sources keeps the hash.)
    const current = sha256(await readFile(join(RUNTIME, 'parcours.js')))
    metrics.stale = Boolean(metrics.runtimeSha256) && metrics.runtimeSha256 !== current
    return metrics
  } catch (e) {
    return { error: e.message }
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const rows = []
const ms = (x) => (x === null || x === undefined ? '—' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`)
const mb = (x) => (x === null || x === undefined ? '—' : `${x.toFixed(0)} MB`)
const kb = (bytes) => `${bytes.toLocaleString('en-US')} B (${(bytes / 1024).toFixed(1)} KiB)`

/** The same ratio on CPU time (user + system): less sensitive to other load on the machine. */

/** status: true → OK, false → FAIL, null → informational, 'n/m' → not measured. */
function row(metric, value, target = '', status = null) {
  rows.push({ metric, value: String(value), target, status: status === true ? 'OK' : status === false ? 'FAIL' : status === 'n/m' ? 'n/m' : '' })
}
function section(title) {
  rows.push({ section: title })
}
/** A line of context under a section, outside the columns. */
function note(text) {
  rows.push({ note: text })
}

function printTable() {
  const w = { metric: 6, value: 5, target: 6 }
  for (const r of rows) {
    if (r.section || r.note) continue
    w.metric = Math.max(w.metric, r.metric.length)
    w.value = Math.max(w.value, r.value.length)
    w.target = Math.max(w.target, r.target.length)
  }
  const line = (m, v, t, s) => `${m.padEnd(w.metric)}  ${v.padEnd(w.value)}  ${t.padEnd(w.target)}  ${s}`.trimEnd()
  const rule = '-'.repeat(w.metric + w.value + w.target + 12)
  console.log(line('metric', 'value', 'target', 'status'))
  console.log(rule)
  for (const r of rows) {
    if (r.section) console.log(`\n${r.section}`)
    else if (r.note) console.log(`  · ${r.note}`)
    else console.log(line(r.metric, r.value, r.target, r.status))
  }
  console.log(rule)
}

/** The short commit a checkout is at ('' outside git). */
const commitOf = (dir) => spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: dir, encoding: 'utf8' }).stdout?.trim() ?? ''

async function main() {
  for (const needed of [join(LIB, 'index.js'), join(RUNTIME, 'parcours.js'), join(RUNTIME, 'parcours.css')]) {
    if (!existsSync(needed)) {
      console.error(`bench: ${needed} is missing; run \`npm run build\` first (npm run bench does).`)
      process.exit(1)
    }
  }
  if (BEFORE_ARG !== undefined && !BEFORE_DIR) {
    console.error('bench: --before needs the folder of another checkout: --before <checkout>')
    process.exit(1)
  }
  if (BEFORE_CLI && !existsSync(join(BEFORE_DIR, 'lib/cli.js'))) {
    console.error(`bench: --before needs a built checkout (its lib/cli.js: npm ci && npm run build there): ${BEFORE_DIR}`)
    process.exit(1)
  }
  const lib = await import(join(LIB, 'index.js'))
  const distAtStart = await distFingerprint()
  const loadStart = { hr: process.hrtime.bigint(), cpu: process.cpuUsage(), busy: machineBusyMs() }
  scratch = await mkdtemp(join(os.tmpdir(), 'parcours-bench-'))
  const results = {
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${process.platform} ${os.release()} ${process.arch}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      totalMemoryMB: Math.round(os.totalmem() / 2 ** 20),
      rssMethod: RSS_METHOD,
      loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
      busyPercentAtStart: await cpuBusyPercent(),
    },
    git: commitOf(ROOT) || null,
    targets: TARGET,
    before: BEFORE_DIR ? commitOf(BEFORE_DIR) || BEFORE_DIR : null,
    liascript: LIASCRIPT,
    errors: {},
  }
  const attempt = async (name, fn) => {
    try {
      return await fn()
    } catch (e) {
      results.errors[name] = e.message
      console.error(`bench: ${name} failed: ${e.message}`)
      return null
    }
  }
  const log = (text) => process.stderr.write(`bench: ${text}\n`)

  try {
    // (a) the sample course through the real CLI, against the floor
    log(`sample course: CLI${BEFORE_CLI ? ', the before CLI' : ''} and both floors, 1 warm-up + ${SAMPLE_RUNS} rounds, interleaved…`)
    const sampleDir = 'content' // relative to ROOT, the children's cwd: the documented command, verbatim
    results.sample = await attempt('sample', () => measure(sampleDir, 'scorm12', 'sample', SAMPLE_RUNS))

    // (b) the large course
    const largeDir = join(scratch, 'large-course')
    log(`generating ${LARGE.modules} modules × ${LARGE.pages} pages × ${LARGE.questions} questions…`)
    results.largeCourse = await generateCourse(largeDir, { ...LARGE, sco: 'module' })
    results.large = {}
    for (const format of ['scorm12', 'scorm2004']) {
      log(`large course, ${format}: CLI${BEFORE_CLI ? ', the before CLI' : ''} and both floors, 1 warm-up + ${LARGE_RUNS} rounds, interleaved…`)
      results.large[format] = await attempt(`large.${format}`, () => measure(largeDir, format, `large-${format}`, LARGE_RUNS))
    }

    // (c) growing courses: time and memory per module
    log(`scaling: ${SCALING.map((x) => x.modules).join(', ')} modules…`)
    results.scaling = await attempt('scaling', () => scaling(SCALING))

    // in process: watch-mode rebuilds after a one-line edit
    log('watch rebuilds (in process, one-line edit)…')
    results.watch = {
      sample: await attempt('watch.sample', () => watchRebuild(lib, join(ROOT, 'content'))),
      large: await attempt('watch.large', () => watchRebuild(lib, largeDir, { runs: 3 })),
      largeMemory: await attempt('watch.largeMemory', () => watchRebuild(lib, largeDir, { runs: 7, inMemory: true })),
    }

    // the real `parcours preview` and a real Chromium: cold start, and edit → reloaded page
    log('preview: cold start and edit-to-reload (real command, Chromium)…')
    results.preview = await attempt('preview', async () => {
      const { previewBench, cleanup } = await loadPreviewBench(ROOT)
      try {
        // The module on screen: the first one listed (the first SCO with one SCO per module).
        const firstModule = async (dir) => {
          const entry = /^ {2}- (.+)$/m.exec(await readFile(join(dir, 'course.yml'), 'utf8'))[1].trim()
          return entry.endsWith('.md') ? entry : `${entry}.md`
        }
        return {
          sample: await previewBench(ROOT, join(ROOT, 'content'), { runs: 7, module: await firstModule(join(ROOT, 'content')) }),
          large: await previewBench(ROOT, largeDir, { runs: 5, module: await firstModule(largeDir) }),
        }
      } finally {
        await cleanup()
      }
    })

    // in process: sizes and state
    results.runtime = await attempt('runtime', runtimeSizes)
    log('state sizes (in process)…')
    results.state = await attempt('state', () => stateMetrics(lib, largeDir))
    log('runtime on a 2,400-page SCO (Chromium, from disk)…')
    /** One SCO of `modules` × 10 pages, SCORM 2004, clicked through in Chromium (runtime-entry.ts). */
    const scoBench = async (modules, late) => {
      const name = `sco-${modules * 10}`
      const dir = join(scratch, name)
      await generateCourse(dir, { modules, pages: 10, questions: 8, sco: 'course', id: `bench-${modules * 10}`, seed: 2400 })
      const out = join(scratch, `${name}-out`)
      await lib.build(dir, { out, formats: ['scorm2004'] })
      const zip = await readFile(
        join(
          out,
          (await readdir(out)).find((f) => f.endsWith('.zip')),
        ),
      )
      const { largeScoBench, cleanup } = await loadRuntimeBench(ROOT)
      try {
        return await largeScoBench(zip, join(scratch, `${name}-unzipped`), 21, late)
      } finally {
        await cleanup()
      }
    }
    results.largeSco = await attempt('largeSco', () => scoBench(240, true))
    // The same clicks where the course is small: what a click costs whatever the course's size.
    results.smallSco = await attempt('smallSco', () => scoBench(3, false))
    log('pathological 1 MB lines (in process)…')
    results.pathological = await attempt('pathological', () => pathologicalLines(lib))
    results.browser = await browserMetrics()

    // the table
    const floorRows = (m, runs, wallTarget) => {
      row(`build, wall time incl. Node start-up (median of ${runs})`, ms(m.cli.medianMs), wallTarget ? `< ${ms(wallTarget)}` : '', wallTarget ? m.cli.medianMs < wallTarget : null)
      row('  min / max', `${ms(m.cli.minMs)} / ${ms(m.cli.maxMs)}`)
      row(`floor: read sources + deflate -9 + write (median of ${runs})`, ms(m.floor.medianMs))
      row(
        'build / floor (ratio of medians)',
        `${m.ratio.toFixed(2)}×${m.cpuRatio ? ` (CPU ${m.cpuRatio.toFixed(2)}×)` : ''}`,
        `≤ ${TARGET.buildFloorRatio}×`,
        m.ratio <= TARGET.buildFloorRatio,
      )
      note(`per-pair ratios (build run i / floor run i, interleaved): ${m.pairRatios.join(', ')}`)
      row(`markdown-it floor: the floor + markdown-it on every .md, no plugin (median of ${runs})`, ms(m.markdownFloor.medianMs))
      note(`of which markdown-it parsing and rendering ${m.markdownFloor.markdownFiles} file(s), on the main thread: ${ms(m.markdownFloor.markdownMs)} (median)`)
      row('markdown-it floor / floor: the least build / floor can be', `${m.markdownRatio.toFixed(2)}×${m.markdownCpuRatio ? ` (CPU ${m.markdownCpuRatio.toFixed(2)}×)` : ''}`)
      row('build / markdown-it floor', `${m.buildOverMarkdown.toFixed(2)}×`)
      if (m.before) {
        row(`before (${results.before}): build, in the same rounds (median of ${runs}), peak RSS`, `${ms(m.before.medianMs)}, ${mb(m.before.peakRssMB)}`)
        row('  before: build / floor ; this build / before', `${m.before.ratio.toFixed(2)}× ; ${(m.cli.medianMs / m.before.medianMs).toFixed(2)}×`)
      }
      row('peak RSS, build (max of the runs)', mb(m.cli.peakRssMB))
      row('package size (zip)', kb(m.cli.zipBytes))
      row('same zip bytes on every run', m.cli.identicalZips ? 'yes' : 'NO', '', m.cli.identicalZips ? null : false)
      const c = m.compiled
      note(`in process, one run: read ${ms(c.stagesMs.read)}, compile() ${ms(c.stagesMs.compile)}, zipFiles() ${ms(c.stagesMs.zip)}`)
      note(
        `${c.scos} SCO(s), ${c.pages} pages, ${c.questions} questions, ${c.files} files, ${(c.outputBytes / 2 ** 20).toFixed(1)} MiB unzipped; floor read ${(m.floor.sourceBytes / 2 ** 20).toFixed(1)} MiB of sources`,
      )
    }
    section('Sample course (content/) → SCORM 1.2, real CLI against the floor, fresh processes')
    if (results.sample) floorRows(results.sample, SAMPLE_RUNS, TARGET.sampleWallMs)
    else row('sample course build', `error: ${results.errors.sample.split('\n')[0]}`, `< ${ms(TARGET.sampleWallMs)}`, false)

    for (const format of ['scorm12', 'scorm2004']) {
      section(
        `Large course (${LARGE.modules} modules × ${LARGE.pages} pages × ${LARGE.questions} questions, sco: module) → ${format === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004'}, real CLI against the floor`,
      )
      const l = results.large[format]
      if (l) floorRows(l, LARGE_RUNS, TARGET.largeWallMs)
      else row('build', `error: ${results.errors[`large.${format}`].split('\n')[0]}`, `< ${ms(TARGET.largeWallMs)}`, false)
    }
    if (results.largeCourse)
      note(
        `generated course: ${(results.largeCourse.bytes / 2 ** 20).toFixed(1)} MiB of Markdown/YAML/PNG in ${results.largeCourse.files} files, fingerprint ${results.largeCourse.fingerprint} (same on every run)`,
      )

    section(`Scaling: ${LARGE.pages} pages × ${LARGE.questions} questions per module, sco: module, SCORM 1.2, real CLI`)
    const sc = results.scaling
    if (sc) {
      for (const p of sc.points) {
        const is1000 = p.modules === 1000
        row(
          `${p.modules} modules (median of ${p.runs}), peak RSS`,
          `${ms(p.medianMs)}, ${mb(p.peakRssMB)}`,
          is1000 ? `< ${TARGET.rss1000MB} MB` : '',
          is1000 ? (p.peakRssMB === null ? 'n/m' : p.peakRssMB < TARGET.rss1000MB) : null,
        )
      }
      for (const p of sc.points.filter((x) => x.before))
        row(`  before (${results.before}): ${p.modules} modules, same runs alternating`, `${ms(p.before.medianMs)}, ${mb(p.before.peakRssMB)}`)
      row('time per module (least squares)', `${sc.msPerModule} ms (+ ${ms(sc.msIntercept)} fixed)`)
      if (sc.rssMBPerModule !== null) row('peak RSS per module (least squares)', `${(sc.rssMBPerModule * 1024).toFixed(0)} KiB (+ ${sc.rssMBIntercept} MB fixed)`)
    } else row('scaling', `error: ${(results.errors.scaling ?? '').split('\n')[0]}`)

    section('build --watch: rebuild after a one-line edit of one module (in process, warm)')
    for (const [name, w, full] of [
      ['sample course', results.watch.sample, results.sample?.cli],
      [`large course (${LARGE.modules} modules)`, results.watch.large, results.large.scorm12?.cli],
    ]) {
      if (!w) {
        row(`${name}: rebuild`, `error: ${(results.errors[name.startsWith('sample') ? 'watch.sample' : 'watch.large'] ?? '').split('\n')[0]}`)
        continue
      }
      row(`${name}: rebuild (median of ${w.runs})`, ms(w.medianMs), full ? `< full build ${ms(full.medianMs)}` : '', full ? w.medianMs < full.medianMs : null)
      note(`  first build in the watching process ${ms(w.firstMs)}; min / max ${ms(w.minMs)} / ${ms(w.maxMs)}; edited ${w.file}`)
    }

    const mem = results.watch.largeMemory
    if (mem)
      row(
        `large course (${LARGE.modules} modules): one-line edit → package rebuilt in memory (median of ${mem.runs})`,
        ms(mem.medianMs),
        `< ${ms(TARGET.editInMemoryMs)}`,
        mem.medianMs < TARGET.editInMemoryMs,
      )
    else row('one-line edit → package in memory', `error: ${(results.errors['watch.largeMemory'] ?? '').split('\n')[0]}`)

    section('parcours preview: real command, real Chromium (edit = one line of the module on screen)')
    if (!results.preview) row('preview', `error: ${(results.errors.preview ?? '').split('\n')[0]}`)
    else
      for (const [name, p, target] of [
        ['sample course', results.preview.sample, TARGET.previewReloadSampleMs],
        [`large course (${LARGE.modules} modules, first SCO)`, results.preview.large, TARGET.previewReloadLargeMs],
      ]) {
        row(`${name}: edit → reloaded page (median of ${p.reloadMs.length})`, ms(p.medianMs), `< ${ms(target)}`, p.medianMs < target)
        row(`${name}: cold start → first page ready`, ms(p.coldFirstPageMs))
        note(`  "ready" line after ${ms(p.coldReadyMs)}; reload min / max ${ms(p.minMs)} / ${ms(p.maxMs)}; edited ${p.file}`)
      }

    section('Runtime (lib/runtime), gzip level 9')
    const rt = results.runtime
    if (rt) {
      const js = rt['parcours.js']
      const css = rt['parcours.css']
      row('parcours.js gzipped', kb(js.gzipBytes))
      row('parcours.css gzipped', kb(css.gzipBytes))
      row(
        'JS + CSS gzipped',
        kb(js.gzipBytes + css.gzipBytes),
        `< ${TARGET.runtimeGzipBytes / 1024} KiB`,
        rt.placeholder ? 'n/m' : js.gzipBytes + css.gzipBytes < TARGET.runtimeGzipBytes,
      )
      note(`uncompressed: parcours.js ${js.bytes.toLocaleString('en-US')} B, parcours.css ${css.bytes.toLocaleString('en-US')} B`)
      if (rt.placeholder) note('PLACEHOLDER runtime: real numbers once scripts/build-runtime.js builds it')
    }

    section('Runtime on ONE SCO of 2,400 pages (240 modules × 10, SCORM 2004), opened from disk in Chromium')
    const big = results.largeSco
    if (!big) row('2,400-page SCO', `error: ${(results.errors.largeSco ?? '').split('\n')[0]}`)
    else {
      const small = results.smallSco
      row(
        `« Suivant »: the click's handler, next page shown (median of ${big.nextMs.length})`,
        ms(big.nextMedianMs),
        `< ${ms(TARGET.largeScoNextMs)}`,
        big.nextMedianMs < TARGET.largeScoNextMs,
      )
      row(
        `« Suivant » once 2,000 pages are seen (median of ${big.lateNextMs.length})`,
        ms(big.lateNextMedianMs),
        `< ${ms(TARGET.largeScoNextMs)}`,
        big.lateNextMedianMs < TARGET.largeScoNextMs,
      )
      row('  then the frame that draws it (style, layout, paint): first pages ; at 2,000 seen', `${ms(big.nextFrameMedianMs)} ; ${ms(big.lateNextFrameMedianMs)}`)
      if (small) row(`  the same on a ${small.pages}-page SCO: handler ; its frame`, `${ms(small.nextMedianMs)} ; ${ms(small.nextFrameMedianMs)}`)
      else row('  the same on a 30-page SCO', `error: ${(results.errors.smallSco ?? '').split('\n')[0]}`)
      row('first paint / DOMContentLoaded / first page ready', `${ms(big.firstPaintMs)} / ${ms(big.domContentLoadedMs)} / ${ms(big.firstPageReadyMs)}`)
      row('  DOM nodes once started (pages after the first are inert text until needed)', String(big.domNodes))
      if (small) row(`  the same on a ${small.pages}-page SCO: first page ready ; DOM nodes`, `${ms(small.firstPageReadyMs)} ; ${small.domNodes}`)
      note(`  index.html ${(big.htmlBytes / 2 ** 20).toFixed(1)} MiB; PARCOURS_BENCH_DEBUG=1 prints where a click's time goes`)
    }

    section('Pathological 1 MB lines (issue 13): analysis of a one-module course, in process')
    if (!results.pathological) row('pathological lines', `error: ${(results.errors.pathological ?? '').split('\n')[0]}`)
    else
      for (const [name, t] of Object.entries(results.pathological))
        name.includes('no target') ? row(name, ms(t)) : row(name, ms(t), `< ${ms(TARGET.pathologicalLineMs)}`, t < TARGET.pathologicalLineMs)

    section('Learner state (cmi.suspend_data, characters; state-codec.ts)')
    const st = results.state
    if (st?.available) {
      const m = st.module50x40
      row(`worst case, ${m.pages}-page ${m.questions}-question module`, m.worstCase, `< ${TARGET.suspendLimit}`, m.worstCase < TARGET.suspendLimit)
      if (m.scorm12Refused) row('  (SCORM 1.2 build refused it)', m.scorm12Refused.join(', '), '', false)
      row(
        `worst case, sample course SCO (${st.sample.pages} pages, ${st.sample.questions} q.)`,
        st.sample.worstCase,
        `< ${TARGET.suspendLimit}`,
        st.sample.worstCase < TARGET.suspendLimit,
      )
      row(
        'sample after completion, synthetic (encode())',
        st.sample.syntheticCompleted,
        `< ${TARGET.sampleCompletedState}`,
        st.sample.syntheticCompleted < TARGET.sampleCompletedState,
      )
      const one = st.singleSco.scorm12
      row(
        'large course as ONE SCO, SCORM 1.2',
        one.accepted ? `accepted, worst case ${one.worstCase}` : `refused: ${one.codes.join(', ')}${one.size ? ` ${one.size} > ${one.limit}` : ''}`,
        'refused',
        !one.accepted && one.codes.includes('state/too-large'),
      )
      const two = st.singleSco.scorm2004
      row(
        'large course as ONE SCO, SCORM 2004',
        two.accepted ? `accepted, worst case ${two.worstCase}` : `refused: ${two.codes.join(', ')}${two.size ? ` ${two.size} > ${two.limit}` : ''}`,
        '(limit 64000)',
      )
      note("sco: course with 2000 pages × 4-character page keys cannot fit SCORM 1.2's 4096: hence sco: module for the large course")
    } else {
      row('worst case, 50-page 40-question module', `not available: ${st?.reason ?? results.errors.state}`, `< ${TARGET.suspendLimit}`, 'n/m')
      row('worst case, sample course SCO', 'not available', `< ${TARGET.suspendLimit}`, 'n/m')
    }

    section('Browser-measured (written by the browser tests to test/bench/results/browser-metrics.json)')
    const b = results.browser
    const notMeasured = 'not measured (run npm test first)'
    const stale = b?.stale ? ' — STALE: measured with another lib/runtime/parcours.js; rerun npm test' : ''
    const completed = b?.sampleSuspendDataAfterCompletion
    row(
      'suspend_data after completing the sample course',
      completed ? `${completed.length} (${completed.format})` : notMeasured,
      `< ${TARGET.sampleCompletedState}`,
      completed ? completed.length < TARGET.sampleCompletedState : 'n/m',
    )
    const nav = b?.lmsCallsPerNavigation
    row(
      'LMS calls per page navigation',
      nav ? `${nav.commit} commit (${nav.format})` : notMeasured,
      `= ${TARGET.commitsPerNavigation} commit`,
      nav ? nav.commit === TARGET.commitsPerNavigation : 'n/m',
    )
    if (nav) note(`per navigation: ${nav.commit} commit, ${nav.setValue} SetValue, ${nav.getValue} GetValue, ${nav.other ?? 0} other calls`)
    if (b?.measuredAt) note(`measured ${b.measuredAt}${stale}`)
    if (b?.error) note(`browser-metrics.json unreadable: ${b.error}`)

    // optional profile: on request, or when a large-course target is missed
    const largeMiss = ['scorm12', 'scorm2004'].some((f) => {
      const l = results.large[f]
      return l && (l.cli.medianMs >= TARGET.largeWallMs || (l.cli.peakRssMB ?? 0) >= TARGET.largeRssMB || l.ratio > TARGET.buildFloorRatio)
    })
    if (WANT_PROFILE || largeMiss) {
      log('profiling the large SCORM 1.2 build (node --cpu-prof)…')
      results.profile = await attempt('profile', () => profileBuild(largeDir, 'scorm12'))
    }

    console.log('')
    printTable()

    console.log(
      `\nLiaScript's SCORM exporter was measured in an earlier session, on another machine (3-module course ${LIASCRIPT.threeModuleSeconds} s, ` +
        `200 modules ${LIASCRIPT.twoHundredModulesSeconds} s): not measured in this run, so no ratio is printed.`,
    )

    if (results.profile) {
      const p = results.profile
      console.log(`\nWhere the time goes: large course, SCORM 1.2, node --cpu-prof (wall ${ms(p.wallMs)}, ${ms(p.sampledMs)} sampled in the main thread)`)
      console.log('  pipeline stages (inclusive, synchronous part):')
      for (const x of p.stages) {
        console.log(`    ${x.name.padEnd(22)} ${ms(x.ms).padStart(9)}  ${String(x.pct).padStart(5)} %`)
        const listed = x.selfByBucket.reduce((n, b) => n + b.ms, 0)
        if (x.pct >= 5 && listed >= x.ms / 4) console.log(`      ${x.selfByBucket.map((b) => `${b.name.replace(/^parcours:compiler\//, '')} ${ms(b.ms)}`).join(', ')}`)
      }
      console.log('  self time by file / package:')
      for (const x of p.buckets) console.log(`    ${x.name.padEnd(52)} ${ms(x.ms).padStart(9)}  ${String(x.pct).padStart(5)} %`)
      console.log('  top functions (self time):')
      for (const x of p.functions.slice(0, 10)) console.log(`    ${x.name.slice(0, 70).padEnd(72)} ${ms(x.ms).padStart(9)}  ${String(x.pct).padStart(5)} %`)
      console.log(`  profile kept in ${p.file} (open it in Chrome DevTools › Performance)`)
    }

    const misses = rows.filter((r) => r.status === 'FAIL')
    const unmeasured = rows.filter((r) => r.status === 'n/m')
    if (Object.keys(results.errors).length) console.log(`\nERRORS: ${Object.keys(results.errors).join(', ')} (details in latest.json)`)
    if (misses.length) {
      console.log(`\nMISSED TARGETS (${misses.length}):`)
      for (const r of misses) console.log(`  ✗ ${r.metric.trim()}: ${r.value}${r.target ? ` (target ${r.target})` : ''}`)
    } else console.log('\nAll measured targets met.')
    if (unmeasured.length) console.log(`Not measured: ${unmeasured.map((r) => r.metric.trim()).join('; ')}`)

    results.machine.loadAverageAtEnd = os.loadavg().map((x) => round(x, 2))
    results.dist = { atStart: distAtStart, atEnd: await distFingerprint() }
    if (results.dist.atStart !== results.dist.atEnd) {
      console.log('\nWARNING: dist/ changed while the bench ran (another `npm run build` or `npm test`?): the numbers mix two builds; rerun.')
    }
    results.machine.otherProcessesCpuPercent = foreignLoad(loadStart)
    if (results.machine.busyPercentAtStart > 20 || results.machine.otherProcessesCpuPercent > 10) {
      console.log(
        `\nNote: the machine was not idle (CPUs ${results.machine.busyPercentAtStart} % busy just before the bench; other processes used ` +
          `${results.machine.otherProcessesCpuPercent} % of the CPUs during it): wall times are noisy, rerun on an idle machine. ` +
          'CPU times (user + system) and their ratio are less affected.',
      )
    } else console.log(`\nMachine idle enough: other processes used ${results.machine.otherProcessesCpuPercent} % of the CPUs during the bench.`)
    results.table = rows.filter((r) => !r.section)
    await mkdir(RESULTS, { recursive: true })
    await writeFile(join(RESULTS, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`)
    console.log(`\nEvery number: ${join(RESULTS, 'latest.json')}`)
  } finally {
    if (KEEP) console.log(`(kept ${scratch})`)
    else await rm(scratch, { recursive: true, force: true })
  }
}

await main()
