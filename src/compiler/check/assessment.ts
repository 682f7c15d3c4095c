/**
 * Assessment rules: a pass mark must have something to grade (a warning: the course still works,
 * completion only; an assessment page without questions is an error). Scores are the share of the graded
 * points obtained (README, « Suivi dans Moodle »), so any SCO with one graded question can reach
 * 100: an unreachable pass mark is a SCO with a pass mark and no graded question, or an
 * assessment page without questions.
 */
import { error, warning, type Diagnostic } from '../diagnostics.js'
import type { Course, Module } from '../types.js'
import { COURSE_FILE_NAME } from './constants.js'

export interface AssessmentSummary {
  questions: number
  graded: number
  points: number
  passingScore: number
}

/** « N questions dont M notées, seuil 80 »: what `check` prints after its findings. */
export function assessmentSummary(course: Course): AssessmentSummary {
  let questions = 0
  let graded = 0
  let points = 0
  for (const q of allQuestions(course.modules)) {
    questions++
    if (q.scored) {
      graded++
      points += q.points
    }
  }
  return { questions, graded, points, passingScore: course.config.passingScore }
}

export function checkAssessment(course: Course, passingScoreAt: { line: number; column: number } | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const gradedIn = (modules: readonly Module[]): number => [...allQuestions(modules)].filter((q) => q.scored).length
  if (passingScoreAt && gradedIn(course.modules) === 0)
    diagnostics.push(warning('assessment/nothing-graded', COURSE_FILE_NAME, passingScoreAt, { passing: course.config.passingScore, scope: '%scope-course%' }))
  for (const module of course.modules) {
    if (module.passingScoreAt && course.config.sco === 'course') diagnostics.push(warning('assessment/pass-mark-ignored', module.file, module.passingScoreAt))
    else if (module.passingScoreAt && gradedIn([module]) === 0)
      diagnostics.push(
        warning('assessment/nothing-graded', module.file, module.passingScoreAt, { passing: module.passingScore ?? course.config.passingScore, scope: '%scope-module%' }),
      )
    for (const page of module.pages)
      if (page.assessment && !page.blocks.some((b) => b.kind === 'question'))
        diagnostics.push(error('assessment/empty', module.file, { line: page.source.line, column: 1 }, { id: page.id }))
  }
  return diagnostics
}

function* allQuestions(modules: readonly Module[]) {
  for (const module of modules) for (const page of module.pages) for (const block of page.blocks) if (block.kind === 'question') yield block.question
}
