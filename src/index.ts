/**
 * parcours as a library: `build()` for the CLI, `compile()` for in-process use (preview serves
 * its output from memory, tests inspect it without a disk round trip).
 */
import { readFile, realpath, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { compareScos, readPublished } from './compiler/check/against.js'
import { assessmentSummary, checkTypography, fixTypography, type AssessmentSummary, type TypographyFix } from './compiler/check/index.js'
import { CompileError, error, sortDiagnostics, type Diagnostic } from './compiler/diagnostics.js'
import type { ScoData } from './shared/sco-data.js'
import type { ScormVersion } from './shared/sco-data.js'
import {
  analyse,
  createAnalysisCache,
  plan,
  templateFailure,
  templateProblems,
  type AnalysedPackage,
  type AnalysisCache,
  type CompileResult,
  type PlannedPackage,
} from './compiler/pipeline.js'
import { readBuiltins } from './compiler/read/read-builtins.js'
import { markChanged, readTree } from './compiler/read/read-tree.js'
import { writeAllAtomic } from './compiler/write/write-atomic.js'
import { writeZip } from './compiler/write/zip.js'

export { compile } from './compiler/pipeline.js'
/** For scripts/build-cli.js: parcours' templates compiled ahead, shipped in lib/templates.json. */
export { precompileTemplates } from './compiler/render/templates.js'
export { CompileError, formatDiagnostic, type Diagnostic } from './compiler/diagnostics.js'
export { applyFrenchTypography, applyFrenchTypographyHtml } from './shared/french-typography.js'
export type { AssessmentSummary, TypographyFix } from './compiler/check/index.js'
export { readBuiltins } from './compiler/read/read-builtins.js'
export { markChanged, readTree } from './compiler/read/read-tree.js'
export { zipFiles } from './compiler/write/zip.js'
export { analyse, createAnalysisCache, rememberDigests, render, type Analysis, type AnalysisCache } from './compiler/pipeline.js'
export { decodeState, emptyState, encode, worstCaseStateLength, type StateReading, type StateVerdict, type DroppedPart } from './shared/state-codec.js'
export { stateKey } from './shared/state-key.js'
export type * from './compiler/types.js'
export type * from './shared/sco-data.js'

export interface BuildOptions {
  out: string
  formats: readonly ScormVersion[]
  /** Re-use the analysis of unchanged modules from earlier builds (watch mode). */
  cache?: AnalysisCache
  /** Also write the trainer's answer key (HTML) beside the zips; it is never inside a package. */
  answerKey?: boolean
}

/** The output folder cannot be written (a file in the way, no permission, disk full). */
export class OutputError extends Error {
  readonly out: string
  constructor(out: string, cause: unknown) {
    super(`cannot write to ${out}: ${(cause as Error).message}`, { cause })
    this.name = 'OutputError'
    this.out = out
  }
}

export interface BuildResult extends Omit<CompileResult, 'packages'> {
  /** What each zip holds (its files are in the zip only). */
  packages: AnalysedPackage[]
  /** Paths of the zips written, in format order, then the answer key's when asked for. */
  written: string[]
}

/**
 * The course read and compiled, its pages left to render as the zip reaches them. The sources
 * and what was read stay in here: once planned, a one-off build holds the course model, not the
 * course's files (the media are in the plan). Watch and preview pass their cache and keep them.
 */
async function readAndPlan(contentDir: string, options: BuildOptions): Promise<CompileResult<PlannedPackage>> {
  const builtins = await readBuiltins()
  // The read stage parses the modules to find their images; the cache hands that parse to compile().
  // A one-off build's cache lets each module's text go once parsed (AnalysisCache.once).
  const cache = options.cache ?? createAnalysisCache({ once: true })
  const tree = await readTree(contentDir, { strings: builtins.strings, cache })
  return plan(tree, builtins, options.formats, cache, { answerKey: options.answerKey === true, lazy: true })
}

/** Reads a course folder, compiles it, and writes one zip per format; nothing is written on error. */
export async function build(contentDir: string, options: BuildOptions): Promise<BuildResult> {
  // `--out .` from the course folder would mix packages with the sources (and ship them with a copy of the folder).
  if (await sameFolder(contentDir, options.out)) throw new CompileError([error('output/is-course-folder', options.out, undefined, { out: options.out })])
  const result = await readAndPlan(contentDir, options)
  // Each zip is streamed to its temporary file, its pages rendered as it reaches them: never the whole package in memory.
  const zips = result.packages.map((pkg) => ({ path: join(options.out, pkg.name), write: (to: string) => writeZip(pkg.files, to) }))
  const key = options.answerKey ? result.answerKey : undefined
  if (key) zips.push({ path: join(options.out, key.name), write: (to: string) => writeFile(to, key.contents, 'utf8') })
  try {
    await writeAllAtomic(zips)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code && ['EEXIST', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EISDIR'].includes(code)) throw new OutputError(options.out, e)
    throw templateFailure(result.diagnostics, e)
  }
  return { ...result, packages: result.packages.map(({ files: _, ...pkg }) => pkg), written: zips.map((z) => z.path) }
}

export interface CheckOptions {
  /** The zip in Moodle: compare the current course with it (`--against`). */
  against?: string
  /** Rewrite French typography in the module files, in place (`--fix`). */
  fix?: boolean
}

export interface CheckResult {
  /** Errors, warnings and (from --against) infos, sorted. */
  diagnostics: Diagnostic[]
  /** « N questions dont M notées, seuil 80 », when the course could be read. */
  summary?: AssessmentSummary
  /** Files `--fix` rewrote, with every change. */
  fixed: TypographyFix[]
}

/**
 * `parcours check`: everything `build` would report, without writing a package; with `fix`, the
 * French typography of the module files is rewritten first (only no-break spaces and « »), then
 * the course is analysed as fixed; with `against`, the update is compared with the published zip.
 */
export async function check(contentDir: string, options: CheckOptions = {}): Promise<CheckResult> {
  const builtins = await readBuiltins()
  // The read stage parses the modules (for their images): the cache hands that parse to the
  // analysis, which parsed every module a second time (issue 14).
  const cache = createAnalysisCache()
  let tree = await readTree(contentDir, { strings: builtins.strings, cache })
  const fixed: TypographyFix[] = []
  if (options.fix) {
    const first = analyse(tree, builtins, ['scorm12'], cache)
    if (first.course?.config.language === 'fr') {
      for (const module of first.course.modules) {
        const text = tree.files[module.file]?.text
        if (text === undefined) continue
        const fix = fixTypography(module.file, text)
        if (fix.changes.length === 0) continue
        await writeFile(join(contentDir, module.file), fix.text)
        fixed.push(fix)
      }
      if (fixed.length) {
        markChanged(
          cache,
          fixed.map((f) => f.file),
        )
        tree = await readTree(contentDir, { strings: builtins.strings, cache })
      }
    }
  }
  let published: { scos: ScoData[] } | { reason: string } | undefined
  if (options.against) published = await readPublished(await readFile(options.against)).catch((e: Error) => ({ reason: e.message }))
  const format = published && 'scos' in published ? (published.scos[0]?.version ?? 'scorm12') : 'scorm12'
  const analysis = analyse(tree, builtins, [format], cache)
  const { course } = analysis
  const diagnostics = [
    ...analysis.diagnostics,
    // A replaced template's mistakes stop a build: check reports them too.
    ...templateProblems(analysis, tree, builtins),
    ...(course ? checkTypography(course, tree) : []),
  ]
  if (published && 'reason' in published)
    diagnostics.push(error('update/not-a-package', basename(options.against!), undefined, { file: basename(options.against!), reason: published.reason }))
  else if (published && course && analysis.packages[0])
    diagnostics.push(
      ...compareScos(
        published.scos,
        analysis.packages[0].scos.map((s) => s.data),
        course,
      ),
    )
  return { diagnostics: sortDiagnostics(diagnostics), ...(course && { summary: assessmentSummary(course) }), fixed }
}

/** Both paths name the same existing folder (links resolved). */
async function sameFolder(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([realpath(a).catch(() => undefined), realpath(b).catch(() => undefined)])
  return x !== undefined && x === y
}
