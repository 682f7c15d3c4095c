/**
 * The whole compiler, in order. Pure: a SourceTree and parcours' builtins in, package files out.
 *
 *   parse course.yml → locate modules → parse modules → build course → compile templates
 *   → build SCOs (state budget) → render package
 *
 * Diagnostics of every stage that could run are reported together; the pipeline stops before
 * rendering when any of them is an error, and throws one CompileError carrying them all.
 */
import type { ScormVersion } from '../shared/sco-data.js'
import { CompileError, error, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.js'
import { parseCourseConfig } from './parse/course-config.js'
import { createMarkdown } from './parse/markdown.js'
import { parseModule } from './parse/parse-module.js'
import type { Builtins } from './read/read-builtins.js'
import { renderPackage } from './render/render-package.js'
import { compileTemplates, TemplateRenderError } from './render/templates.js'
import { buildCourse, locateModules } from './transform/build-course.js'
import { buildScos, type Sco } from './transform/sco-data.js'
import type { Course, Module, OutputFile, SourceTree } from './types.js'

export const COURSE_FILE = 'course.yml'

export interface CompiledPackage {
  format: ScormVersion
  /** File name of the zip: `<course-id>-<format>.zip`. */
  name: string
  scos: Sco[]
  files: OutputFile[]
}

export interface CompileResult {
  course: Course
  packages: CompiledPackage[]
  /** Warnings only (errors throw). */
  diagnostics: Diagnostic[]
}

export function compile(tree: SourceTree, builtins: Builtins, formats: readonly ScormVersion[]): CompileResult {
  const diagnostics: Diagnostic[] = []
  const stop = (): never => {
    throw new CompileError(sortDiagnostics(diagnostics))
  }
  const courseFile = tree.files[COURSE_FILE]
  if (!courseFile) {
    diagnostics.push(error('course/no-course-file', COURSE_FILE, undefined, { dir: tree.root }))
    stop()
  }
  const parsed = parseCourseConfig(courseFile!)
  diagnostics.push(...parsed.diagnostics)
  if (!parsed.config) stop()
  const config = parsed.config!
  const located = locateModules({ ...parsed, config }, COURSE_FILE, tree.files)
  diagnostics.push(...located.diagnostics)

  const strings = builtins.strings[config.language]
  const md = createMarkdown()
  const context = { md, files: Object.keys(tree.files), labels: calloutLabels(strings) }
  const modules: Module[] = []
  for (const file of located.files) {
    const result = parseModule(tree.files[file]!, context)
    diagnostics.push(...result.diagnostics)
    if (result.module) modules.push(result.module)
  }
  const { course, diagnostics: courseProblems } = buildCourse(config, modules)
  diagnostics.push(...courseProblems)
  const { templates, diagnostics: templateProblems } = compileTemplates(builtins.templates, tree, strings)
  diagnostics.push(...templateProblems)
  if (hasErrors(diagnostics)) stop()

  const packages = formats.map((format) => {
    const { scos, diagnostics: scoProblems } = buildScos(course, format, strings)
    diagnostics.push(...scoProblems)
    return { format, name: `${config.id}-${format}.zip`, scos, files: [] as OutputFile[] }
  })
  if (hasErrors(diagnostics)) stop()
  try {
    for (const pkg of packages) pkg.files = renderPackage(course, pkg.scos, pkg.format, templates!, builtins, tree)
  } catch (e) {
    if (!(e instanceof TemplateRenderError)) throw e
    diagnostics.push(e.diagnostic)
    stop()
  }
  return { course, packages, diagnostics: sortDiagnostics(diagnostics) }
}

function calloutLabels(strings: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(strings).filter(([k]) => k.startsWith('callout.')))
}
