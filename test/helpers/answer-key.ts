/**
 * The right answers, on the test side. Packages no longer carry them (src/shared/answer-seal.ts),
 * so the tests that play a learner who answers right or wrong take them from the course model the
 * compiler built: `compileToZip` records each question's key here, under the digest the package
 * holds (unique per question and answer, so an edited course with a fixed key gets its own entry),
 * and `withAnswers` puts `correct` back on the ScoData read from a page.
 */
import type { Course } from '../../src/index.js'
import { answerSalt, sealAnswer } from '../../src/shared/answer-seal.js'
import type { QuestionData, ScoData } from '../../src/shared/sco-data.js'

export type KeyedQuestion = QuestionData & { correct: string[] }
export type KeyedScoData = Omit<ScoData, 'questions'> & { questions: KeyedQuestion[] }

const keys = new Map<string, string[]>()

export function recordAnswerKey(course: Course): void {
  for (const m of course.modules)
    for (const p of m.pages)
      for (const b of p.blocks) {
        if (b.kind !== 'question') continue
        const check = sealAnswer(b.question, answerSalt(course.config.id, b.question.id))
        keys.set(check.whole, b.question.correct)
      }
}

export function withAnswers(data: ScoData): KeyedScoData {
  return {
    ...data,
    questions: data.questions.map((q) => {
      const correct = keys.get(q.check.whole)
      if (!correct) throw new Error(`no answer key recorded for question "${q.id}" (compile it with compileToZip)`)
      return { ...q, correct }
    }),
  }
}
