/**
 * The course-wide rules of `parcours check`, run by analyse() so that `build` reports the same.
 * Token-level rules run inside the Markdown parse (token-rules.ts); the theme's in course.yml's
 * parse (theme.ts). Every rule is a pure function of the course model and the source texts.
 */
import type { Diagnostic } from '../diagnostics.js'
import type { Course, Module, SourceTree } from '../types.js'
import { checkAssessment } from './assessment.js'
import { checkCourseFiles, imageMentions, resolveInternalLinks } from './course-files.js'
import { checkDuration, checkFeedback, checkWorkingNotes } from './pedagogy.js'
import { typographyDiagnostics } from './typography.js'

export { assessmentSummary, type AssessmentSummary } from './assessment.js'
export { fixTypography, type TypographyFix } from './typography.js'

export interface CheckInput {
  course: Course
  tree: SourceTree
  /** The module files course.yml lists, resolved (`02-rgpd` → `02-rgpd/index.md`). */
  moduleFiles: readonly string[]
  /** Where course.yml sets `passingScore`, when it does. */
  passingScoreAt?: { line: number; column: number }
  /** The course already has errors: findings that are often their consequence (unlisted file, unused image) are left out. */
  hasErrors?: boolean
}

export function checkCourse({ course, tree, moduleFiles, passingScoreAt, hasErrors }: CheckInput): Diagnostic[] {
  const source = (module: Module): ModuleSource => sources.get(module) ?? checkModuleSource(module, tree.files[module.file]?.text ?? '')
  const diagnostics: Diagnostic[] = [
    ...(hasErrors ? [] : checkCourseFiles(course, tree, moduleFiles, (m) => source(m).mentions)),
    ...resolveInternalLinks(course),
    ...checkAssessment(course, passingScoreAt),
  ]
  for (const module of course.modules) {
    let found = perModule.get(module)
    if (!found) {
      found = [...checkDuration(module, module.durationAt), ...checkFeedback(module), ...source(module).notes]
      perModule.set(module, found)
    }
    diagnostics.push(...found)
  }
  return diagnostics
}

/** What the course-wide rules need of a module's source text, taken while it is at hand. */
interface ModuleSource {
  /** Authors' working notes left in the text (pedagogy.ts). */
  notes: Diagnostic[]
  /** Where the text names image files (course-files.ts, imageMentions). */
  mentions: string
}

const sources = new WeakMap<Module, ModuleSource>()

/**
 * Runs the rules that read a module's source text, for checkCourse to report later. The analysis
 * calls it as each module is parsed: a one-off build then lets the text go at once
 * (AnalysisCache.once), where the texts of 1,000 modules (≈ 22 MB) stayed in the heap until the
 * analysis ended and V8 sized the heap from them (issue 14).
 */
export function checkModuleSource(module: Module, text: string): ModuleSource {
  const found = { notes: checkWorkingNotes(module.file, text), mentions: imageMentions(text) }
  sources.set(module, found)
  return found
}

/**
 * Findings that depend on one module alone, kept with the parsed module: in watch and preview the
 * analysis cache hands back the same module object while its text is unchanged (the text is the
 * cache's key), so a rebuild checks only the module that was edited.
 */
const perModule = new WeakMap<Module, Diagnostic[]>()

/**
 * French typography of the module files (course language fr), for `parcours check` only: `build`
 * typesets the text it renders, so these are findings about the sources, which `check --fix`
 * rewrites. Kept out of analyse() so that a build's warnings stay about what learners get.
 */
export function checkTypography(course: Course, tree: SourceTree): Diagnostic[] {
  if (course.config.language !== 'fr') return []
  return course.modules.flatMap((m) => typographyDiagnostics(m.file, tree.files[m.file]?.text ?? ''))
}
