/**
 * Course config + parsed modules → Course: modules in the order of course.yml, and the checks
 * that need the whole course (missing or duplicate modules, ids unique across the course).
 */
import { closest, distance } from 'fastest-levenshtein'
import { error, type Diagnostic } from '../diagnostics.js'
import type { ParsedCourseConfig } from '../parse/course-config.js'
import type { Course, CourseConfig, Module } from '../types.js'

/** `01-intro.md`, `01-intro` (→ `01-intro.md`) or a folder `02-rgpd` (→ `02-rgpd/index.md`). */
export function resolveModuleFile(entry: string, files: Record<string, unknown>): string | undefined {
  const clean = entry.replace(/^\.\//, '').replace(/\/$/, '')
  return [clean, `${clean}.md`, `${clean}/index.md`].find((candidate) => candidate.endsWith('.md') && candidate in files)
}

export interface ModuleSources {
  /** entry of course.yml → module file path, in course order (missing entries left out). */
  files: string[]
  diagnostics: Diagnostic[]
}

export function locateModules(parsed: ParsedCourseConfig & { config: CourseConfig }, courseFile: string, files: Record<string, unknown>): ModuleSources {
  const diagnostics: Diagnostic[] = []
  const found: string[] = []
  // Suggestions: Markdown files no entry refers to (a folder module by its folder name), outside templates/.
  const listed = new Set(parsed.config.modules.map((entry) => resolveModuleFile(entry, files)))
  const candidates = Object.keys(files)
    .filter((f) => f.endsWith('.md') && !listed.has(f) && !f.startsWith('templates/'))
    .map((f) => f.replace(/\/index\.md$/, ''))
  parsed.config.modules.forEach((entry, i) => {
    const at = parsed.moduleAt[i]
    const file = resolveModuleFile(entry, files)
    if (!file) {
      const near = candidates.length ? closest(entry, candidates) : undefined
      const close = near !== undefined && distance(entry.toLowerCase(), near.toLowerCase()) <= Math.max(2, Math.floor(entry.length / 3))
      diagnostics.push(error('course/module-not-found', courseFile, at, close ? { module: entry, didYouMean: near } : { module: entry }))
    } else if (found.includes(file)) {
      diagnostics.push(error('course/module-listed-twice', courseFile, at, { module: entry }))
    } else found.push(file)
  })
  const logo = parsed.config.theme.logo
  if (logo && !(logo.src in files)) diagnostics.push(error('theme/logo-not-found', courseFile, parsed.logoAt ?? { line: 1, column: 1 }, { src: logo.src }))
  return { files: found, diagnostics }
}

export function buildCourse(config: CourseConfig, modules: Module[]): { course: Course; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const moduleIds = new Map<string, string>()
  const questionIds = new Map<string, string>()
  for (const module of modules) {
    const other = moduleIds.get(module.id)
    if (other) diagnostics.push(error('module/duplicate-id', module.file, module.idAt, { id: module.id, other }))
    moduleIds.set(module.id, module.file)
    for (const page of module.pages) {
      for (const block of page.blocks) {
        if (block.kind !== 'question' || !block.question.id) continue
        const q = block.question
        const where = `${q.source.file}:${q.source.line}`
        const seen = questionIds.get(q.id)
        if (seen) diagnostics.push(error('question/duplicate-id', q.source.file, { line: q.source.line, column: 1 }, { id: q.id, other: seen }))
        else questionIds.set(q.id, where)
      }
    }
  }
  return { course: { config, modules }, diagnostics }
}
