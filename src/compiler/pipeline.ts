/**
 * The whole compiler, in two phases that run in folder order. Pure: a SourceTree and parcours'
 * builtins in, a course model and package files out.
 *
 *   analyse():  parse course.yml → resolve its files → parse modules          (parse/)
 *               → build the course → build the SCOs of each format (budget)  (transform/)
 *   render():   compile templates → render each package                      (render/)
 *
 * `check` calls analyse(), `preview` both, `build` both and then zips (write/). Diagnostics of
 * every stage that could run are reported together; compile() stops before rendering when any is
 * an error and throws one CompileError carrying them all.
 */
import type { Lang, ScormVersion } from '../shared/sco-data.js'
import { checkCourse, checkModuleSource } from './check/index.js'
import { compactHtml } from './compact-html.js'
import { ownStrings } from './own-strings.js'
import { CompileError, error, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.js'
import { parseCourseConfig } from './parse/course-config.js'
import { checkLogo, resolveModules } from './parse/course-files.js'
import { createMarkdown } from './parse/markdown.js'
import { parseModule } from './parse/parse-module.js'
import type { Builtins } from './read/read-builtins.js'
import { renderPackage } from './render/render-package.js'
import { type AnswerKeyFile, renderAnswerKey } from './render/answer-key.js'
import { compileTemplates, TemplateRenderError } from './render/templates.js'
import { buildCourse } from './transform/build-course.js'
import { buildScos, type Sco } from './transform/build-scos.js'
import { typesetCourse, typesetModule, typesetStrings } from './transform/typography.js'
import type { Course, Module, OutputFile, PlannedFile, SourceFile, SourceTree } from './types.js'

/** For a process that rebuilds the same course (watch, preview): answer digests are kept between builds. */
export { rememberDigests } from './transform/build-scos.js'

export const COURSE_FILE = 'course.yml'

export interface AnalysedPackage {
  format: ScormVersion
  /** File name of the zip: `<course-id>-<format>.zip`. */
  name: string
  scos: Sco[]
}

export interface CompiledPackage extends AnalysedPackage {
  files: OutputFile[]
}

/** A package whose pages may still be functions that render them (`RenderOptions.lazy`). */
export interface PlannedPackage extends AnalysedPackage {
  files: PlannedFile[]
}

/** The checked course model. `course` is absent when course.yml itself could not be read. */
export interface Analysis {
  course?: Course
  /** One per format asked for; empty when the course model has errors. */
  packages: AnalysedPackage[]
  /** Errors and warnings, sorted by file and position. */
  diagnostics: Diagnostic[]
}

export interface CompileResult<P extends PlannedPackage = CompiledPackage> {
  course: Course
  packages: P[]
  /** The trainer's answer key; written beside the zips only when asked (`--answer-key`). */
  answerKey?: AnswerKeyFile
  /** Warnings only (errors throw). */
  diagnostics: Diagnostic[]
}

/**
 * What to re-use between two analyses of the same course (watch, preview): a module whose file
 * text is unchanged is not parsed again. Keyed by path; the text is compared, never a date.
 *
 * `once`: the cache of a one-off build, which only hands the read stage's parse to the analysis
 * (index.ts). The read stage then keeps no copy of what it read, and each module's text leaves
 * the tree as soon as the module is parsed, the rules that read it having run (checkModuleSource).
 * At 1,000 modules the texts (≈ 22 MB) otherwise stayed in the heap to the end of the analysis,
 * and V8 sized the heap for the zip from what was live then: peak 205 → 183 MB (issue 14).
 */
export interface AnalysisCache {
  readonly once?: boolean
  /** `text` is undefined in a `once` cache (the text is gone). */
  modules: Map<string, { text: string | undefined; context: string; result: ReturnType<typeof parseModule> }>
}

export function createAnalysisCache(options: { once?: boolean } = {}): AnalysisCache {
  return options.once ? { once: true, modules: new Map() } : { modules: new Map() }
}

/** Phase 1: read → parse → transform. Never throws for the author's mistakes. */
export function analyse(tree: SourceTree, builtins: Pick<Builtins, 'strings'>, formats: readonly ScormVersion[], cache?: AnalysisCache): Analysis {
  const diagnostics: Diagnostic[] = []
  const done = (course?: Course, packages: AnalysedPackage[] = []): Analysis => ({ course, packages, diagnostics: sortDiagnostics(diagnostics) })
  // What the read stage could not read (too large, not UTF-8, unreadable) comes first; such a file has no text.
  diagnostics.push(...(tree.problems ?? []))
  const courseFile = tree.files[COURSE_FILE]
  if (!courseFile) {
    diagnostics.push(error('course/no-course-file', COURSE_FILE, undefined, { dir: tree.root }))
    return done()
  }
  if (courseFile.text === undefined && courseFile.bytes === undefined) return done()
  const parsed = parseCourseConfig(courseFile)
  diagnostics.push(...parsed.diagnostics)
  if (!parsed.config) return done()
  const config = parsed.config
  const located = resolveModules(config, parsed.moduleAt, COURSE_FILE, tree.files)
  diagnostics.push(...located.diagnostics, ...checkLogo(config, parsed.logoAt, COURSE_FILE, tree.files))

  const strings = builtins.strings[config.language]
  const parsedModules = parseModules(tree, located.files, config.language, strings, cache)
  diagnostics.push(...parsedModules.diagnostics)
  const modules = parsedModules.modules
  const built = buildCourse(config, modules)
  diagnostics.push(...built.diagnostics)
  diagnostics.push(
    ...checkCourse({
      course: built.course,
      tree,
      moduleFiles: located.files,
      hasErrors: hasErrors(diagnostics),
      ...(parsed.passingScoreAt && { passingScoreAt: parsed.passingScoreAt }),
    }),
  )
  if (hasErrors(diagnostics)) return done(built.course)

  const course = typesetCourse(built.course)
  const packages = formats.map((format) => {
    const { scos, diagnostics: scoProblems } = buildScos(course, format, typesetStrings(strings, config.language))
    diagnostics.push(...scoProblems)
    return { format, name: `${config.id}-${format}.zip`, scos }
  })
  return done(course, hasErrors(diagnostics) ? [] : packages)
}

/**
 * The listed modules parsed (each once per text: `cache`), in course order. Also what the read
 * stage calls to learn which images to read, so that both share one parse per module.
 */
export function parseModules(
  tree: SourceTree,
  moduleFiles: readonly string[],
  language: Lang,
  strings: Record<string, string>,
  cache?: AnalysisCache,
): { modules: Module[]; diagnostics: Diagnostic[] } {
  // Sorted: the tree's key order is the order reads completed, and suggestions must not depend on it.
  const context = { md: createMarkdown(), files: Object.keys(tree.files).sort(), labels: calloutLabels(strings) }
  // A module's parse depends on its text, the list of files (images), the callout labels and the language (typography).
  const contextKey = JSON.stringify([context.files, context.labels, language])
  const modules: Module[] = []
  const diagnostics: Diagnostic[] = []
  for (const file of moduleFiles) {
    const source = tree.files[file]
    // No text: unreadable (the read stage said why), or parsed already and let go (cache.once).
    if (!source || (source.text === undefined && !(cache?.once && cache.modules.has(file)))) continue
    const result = parseCached(source, contextKey, cache, () => {
      const parsed = parseModule(source, context)
      if (!parsed.module) return parsed
      const module = ownStrings(compactHtml(typesetModule(parsed.module, language)))
      checkModuleSource(module, source.text ?? '')
      return { ...parsed, module }
    })
    if (cache?.once) tree.files[file] = { path: file }
    diagnostics.push(...result.diagnostics)
    if (result.module) modules.push(result.module)
  }
  return { modules, diagnostics }
}

function parseCached(file: SourceFile, contextKey: string, cache: AnalysisCache | undefined, parse: () => ReturnType<typeof parseModule>): ReturnType<typeof parseModule> {
  if (!cache) return parse()
  const hit = cache.modules.get(file.path)
  if (cache.once && file.text === undefined) {
    // Let go after its parse: only that parse can be handed back, for the same context (one build).
    if (!hit || hit.context !== contextKey) throw new Error(`${file.path}: parsed again after its text was let go (AnalysisCache.once)`)
    return hit.result
  }
  if (hit && hit.text === file.text && hit.context === contextKey) return hit.result
  const result = parse()
  cache.modules.set(file.path, { text: cache.once ? undefined : (file.text ?? ''), context: contextKey, result })
  return result
}

/** What to render besides the packages. */
export interface RenderOptions {
  /** The trainer's answer key (default true); builds leave it out unless asked (`--answer-key`), and so do preview's rebuilds. */
  answerKey?: boolean
  /**
   * Each SCO's page as a function that renders it, called when the zip reaches it: a build then
   * holds a few pages at a time, never the package. A template's mistake is then thrown by that
   * call (TemplateRenderError). Otherwise pages are rendered now, and kept for the next render.
   */
  lazy?: boolean
}

/** Phase 2: templates (parcours' own, overridden by the course's) → the files of each package. */
export function render(
  analysis: { course: Course; packages: AnalysedPackage[] },
  tree: SourceTree,
  builtins: Builtins,
  options: RenderOptions = {},
): { packages: PlannedPackage[]; answerKey?: AnswerKeyFile; diagnostics: Diagnostic[] } {
  const { course } = analysis
  const { templates, diagnostics } = courseTemplates(course, tree, builtins)
  if (!templates) return { packages: [], diagnostics }
  try {
    const packages = analysis.packages.map((pkg) => ({ ...pkg, files: renderPackage(course, pkg.scos, pkg.format, templates, builtins, tree, options.lazy) }))
    if (options.answerKey === false) return { packages, diagnostics }
    return { packages, answerKey: renderAnswerKey(course, templates, builtins.generatorVersion), diagnostics }
  } catch (e) {
    if (!(e instanceof TemplateRenderError)) throw e
    return { packages: [], diagnostics: [...diagnostics, e.diagnostic] }
  }
}

/** Both phases; throws a CompileError with every diagnostic when any is an error. */
export function compile(tree: SourceTree, builtins: Builtins, formats: readonly ScormVersion[], cache?: AnalysisCache, options: RenderOptions = {}): CompileResult {
  const planned = plan(tree, builtins, formats, cache, { ...options, lazy: false })
  // Not lazy: every page is already rendered, each file's contents are text or bytes.
  return { ...planned, packages: planned.packages.map((pkg) => ({ ...pkg, files: pkg.files as OutputFile[] })) }
}

/** compile(), with the pages left as functions when `options.lazy`, for the zip to call (build). */
export function plan(tree: SourceTree, builtins: Builtins, formats: readonly ScormVersion[], cache?: AnalysisCache, options: RenderOptions = {}): CompileResult<PlannedPackage> {
  const analysis = analyse(tree, builtins, formats, cache)
  if (!analysis.course) throw new CompileError(analysis.diagnostics)
  if (hasErrors(analysis.diagnostics)) throw new CompileError(sortDiagnostics([...analysis.diagnostics, ...templateProblems(analysis, tree, builtins)]))
  const rendered = render({ course: analysis.course, packages: analysis.packages }, tree, builtins, options)
  const diagnostics = sortDiagnostics([...analysis.diagnostics, ...rendered.diagnostics])
  if (hasErrors(diagnostics)) throw new CompileError(diagnostics)
  return { course: analysis.course, packages: rendered.packages, ...(rendered.answerKey && { answerKey: rendered.answerKey }), diagnostics }
}

/**
 * The templates' mistakes, as a build reports them with the course's: only compiled when the
 * course has errors (a build renders nothing then), else rendered in memory and dropped, so that a
 * mistake met while rendering (a missing partial, a manifest that is not XML) is found too.
 * `parcours check` reports these with the analysis: "everything build would report".
 */
export function templateProblems(analysis: Analysis, tree: SourceTree, builtins: Builtins): Diagnostic[] {
  const { course, packages } = analysis
  // No course: its language (the templates' strings) is unknown, and a build stops before them.
  if (!course) return []
  if (hasErrors(analysis.diagnostics)) return courseTemplates(course, tree, builtins).diagnostics
  return render({ course, packages }, tree, builtins).diagnostics
}

/** parcours' templates, overridden by the course's, compiled with the UI strings of its language (typeset). */
function courseTemplates(course: Course, tree: SourceTree, builtins: Builtins): ReturnType<typeof compileTemplates> {
  const { language } = course.config
  return compileTemplates(builtins.templates, tree, typesetStrings(builtins.strings[language], language), builtins.precompiled)
}

/** What to throw for an error met while rendering: a template's mistake, as the CompileError listing it with `diagnostics`. */
export function templateFailure(diagnostics: readonly Diagnostic[], e: unknown): unknown {
  return e instanceof TemplateRenderError ? new CompileError(sortDiagnostics([...diagnostics, e.diagnostic])) : e
}

function calloutLabels(strings: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(strings).filter(([k]) => k.startsWith('callout.')))
}
