/**
 * Course config + parsed modules → Course: modules in the order of course.yml, and the checks
 * that need the whole course (module and question ids unique across the course).
 */
import { error, type Diagnostic } from '../diagnostics.js'
import type { Course, CourseConfig, Module } from '../types.js'

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
