/**
 * ScoData for the runtime's unit tests, made by the compiler itself: a small course is written
 * in Markdown from a spec, compiled in memory with `compile()`, and the SCO's `#pc-data` is read
 * back with the runtime's own reader (`parseScoData`). Keys, revs, tokens and policy are the
 * compiler's, so they cannot drift from what packages carry.
 */

import { CompileError, compile, formatDiagnostic, readBuiltins } from '../../src/index.js'
import type { Policy, QuestionType, ScoData, ScormVersion, SourceTree } from '../../src/index.js'
import type { CompiledPackage } from '../../src/compiler/pipeline.js'
import { parseScoData } from '../../src/shared/sco-data.js'
import { judge } from '../../src/runtime/answers.js'
import { answerValue } from '../../src/shared/answer-seal.js'
import { recordAnswerKey, type KeyedScoData } from './answer-key.js'

const builtins = await readBuiltins()

export const STRINGS_FR: Record<string, string> = builtins.strings.fr

export interface QuestionSpec {
  id: string
  type: QuestionType
  /** Choice texts (single/multiple), target texts (matching, in alphabetical order); truefalse: none. */
  choices?: string[]
  /** matching: source texts. */
  sources?: string[]
  /** Right tokens (sealed in QuestionData.check): `a`, `b`… in choice order; truefalse `t`/`f`. */
  correct: string[]
  points?: number
}

export interface PageSpec {
  id: string
  title?: string
  assessment?: boolean
  questions?: QuestionSpec[]
}

export interface ModuleSpec {
  id: string
  title?: string
  pages: PageSpec[]
}

export interface ScoSpec {
  version?: ScormVersion
  modules: ModuleSpec[]
  policy?: Partial<Policy>
  /** One SCO per module (`sco: module`): the SCO of the first module is returned. */
  perModule?: boolean
}

const KEYWORD: Record<QuestionType, string> = { single: 'qcu', multiple: 'qcm', truefalse: 'vrai-faux', matching: 'association' }
const TOKENS = 'abcdefghijklmnopqrstuvwxyz0123456789'

function questionMarkdown(q: QuestionSpec): string {
  const choices = q.choices ?? []
  let items: string[]
  if (q.type === 'truefalse') items = [`- [${q.correct[0] === 't' ? 'x' : ' '}] Vrai`, `- [${q.correct[0] === 'f' ? 'x' : ' '}] Faux`]
  else if (q.type === 'matching') {
    items = (q.sources ?? []).map((source, i) => `- ${source} -> ${choices[TOKENS.indexOf(q.correct[i]!)]}`)
  } else items = choices.map((text, i) => `- [${q.correct.includes(TOKENS[i]!) ? 'x' : ' '}] ${text}`)
  return [
    `::: ${KEYWORD[q.type]} ${q.id}${q.points ? ` points=${q.points}` : ''}`,
    `Question ${q.id} ?`,
    '',
    ...items,
    '',
    'Correct : bien vu.',
    'Incorrect : relisez la page.',
    ':::',
  ].join('\n')
}

function moduleMarkdown(m: ModuleSpec): string {
  const pages = m.pages.map((p) =>
    [
      `## ${p.title ?? `Page ${p.id}`} {#${p.id}${p.assessment ? ' .evaluation' : ''}}`,
      '',
      `Contenu de la page ${p.id}.`,
      ...(p.questions ?? []).map((q) => '\n' + questionMarkdown(q)),
    ].join('\n'),
  )
  const front = ['---', `id: ${m.id}`, `title: ${m.title ?? `Module ${m.id}`}`, 'duration: 10', 'objectives:', '  - Tester le runtime', '---']
  return [...front, '', ...pages, ''].join('\n\n')
}

/** The course folder (course.yml and one Markdown file per module) for a spec. */
export function courseTree(spec: ScoSpec): SourceTree {
  const policy = { passingScore: 70, allPages: true, minTimeSeconds: 0, attempts: 3, attemptScore: 'best', ...spec.policy }
  if (policy.minTimeSeconds % 60 !== 0) throw new Error('minTimeSeconds: whole minutes only (course.yml counts minutes)')
  const files: SourceTree['files'] = {}
  const add = (path: string, text: string) => void (files[path] = { path, text })
  add(
    'course.yml',
    [
      'id: cours-test',
      'title: Cours de test',
      'version: 1.0.0',
      'description: Un cours pour tester le runtime.',
      'audience: Tests',
      'duration: 30',
      'modules:',
      ...spec.modules.map((m) => `  - ${m.id}.md`),
      `passingScore: ${policy.passingScore}`,
      'completion:',
      `  pages: ${policy.allPages ? 'all' : 'none'}`,
      `  minTime: ${policy.minTimeSeconds / 60}`,
      `attempts: ${policy.attempts}`,
      `attemptScore: ${policy.attemptScore}`,
      `sco: ${spec.perModule ? 'module' : 'course'}`,
      '',
    ].join('\n'),
  )
  for (const m of spec.modules) add(`${m.id}.md`, moduleMarkdown(m))
  return { root: 'cours-test', files }
}

/** The compiled package of a spec (throws the compiler's CompileError if the spec is not a valid course). */
export function compileSpec(spec: ScoSpec): CompiledPackage {
  try {
    const result = compile(courseTree(spec), builtins, [spec.version ?? 'scorm12'])
    // Journeys that answer right or wrong find the key there (the package holds only digests).
    recordAnswerKey(result.course)
    return result.packages[0]!
  } catch (e) {
    if (!(e instanceof CompileError)) throw e
    throw new Error(
      'the fixture course does not compile:\n' +
        e.diagnostics
          .slice(0, 5)
          .map((d) => formatDiagnostic(d))
          .join('\n'),
    )
  }
}

/** The first SCO of a spec: its page as compiled, and its data as the runtime reads it from the page. */
export function compileSco(spec: ScoSpec): { data: KeyedScoData; html: string } {
  const pkg = compileSpec(spec)
  const sco = pkg.scos[0]!
  const pages = pkg.files.map((f) => (typeof f.contents === 'string' ? f.contents : '')).filter((text) => text.includes('id="pc-data"'))
  const html = pages.find((text) => text.includes(`"scoId":"${sco.id}"`)) ?? ''
  const json = /<script type="application\/json" id="pc-data">([\s\S]*?)<\/script>/.exec(html)?.[1]
  const data = json ? parseScoData(json) : null
  if (!data) throw new Error('no readable #pc-data in the compiled SCO')
  return { data: withSpecAnswers(spec, data), html }
}

/** The SCO's data as the runtime reads it from the page. */
export function makeSco(spec: ScoSpec): KeyedScoData {
  return compileSco(spec).data
}

/**
 * The spec's tokens are what the compiler gave (matching targets are sorted: the spec must list
 * them sorted): the package's sealed answer must open with the spec's right answer. The spec's
 * answer is then put back on each question (`correct`, test side only, see answer-key.ts).
 */
function withSpecAnswers(spec: ScoSpec, data: ScoData): KeyedScoData {
  const specs = new Map(spec.modules.flatMap((m) => m.pages.flatMap((p) => (p.questions ?? []).map((q) => [q.id, q] as const))))
  const questions = data.questions.map((got) => {
    const q = specs.get(got.id)
    if (!q) throw new Error(`fixture: no spec for question ${got.id}`)
    if (judge(got, answerValue(q.type, q.correct)) !== 'correct') throw new Error(`fixture ${q.id}: ${q.correct.join()} is not the compiler's right answer`)
    return { ...got, correct: q.correct }
  })
  return { ...data, questions }
}

type Kind = (id: string) => QuestionSpec

const KINDS: Kind[] = [
  (id) => ({ id, type: 'single', choices: ['Un', 'Deux', 'Trois'], correct: ['b'] }),
  (id) => ({ id, type: 'multiple', choices: ['Un', 'Deux', 'Trois', 'Quatre'], correct: ['a', 'c'] }),
  (id) => ({ id, type: 'truefalse', correct: ['t'] }),
  (id) => ({ id, type: 'matching', sources: ['Gauche 1', 'Gauche 2', 'Gauche 3'], choices: ['Droite A', 'Droite B', 'Droite C'], correct: ['b', 'a', 'c'], points: 2 }),
]

/** The sample course's shape: 3 modules of 6 pages + an assessment, 9–10 questions each, a few knowledge checks. */
export function sampleSco(version: ScormVersion = 'scorm12', policy?: Partial<Policy>): KeyedScoData {
  const modules: ModuleSpec[] = ['cadre-de-confiance', 'rgpd-ecole', 'pilotage-ent'].map((mid, mi) => {
    const count = mi === 0 ? 9 : 10
    const pages: PageSpec[] = []
    for (let i = 1; i <= 6; i++) pages.push({ id: `page-${i}`, questions: i === 2 || i === 5 ? [KINDS[i % 4]!(`${mid}-verif-${i}`)] : [] })
    pages.push({ id: 'evaluation', title: 'Évaluation', assessment: true, questions: Array.from({ length: count }, (_, i) => KINDS[i % 4]!(`${mid}-q${i + 1}`)) })
    return { id: mid, pages }
  })
  return makeSco({ version, modules, policy })
}

/** A module of `pages` pages and `questions` assessment questions, the longest answers possible. */
export function bigModule(pages: number, questions: number, version: ScormVersion = 'scorm12'): KeyedScoData {
  const qs: QuestionSpec[] = []
  for (let i = 0; i < questions; i++) {
    qs.push(
      i % 2 === 0
        ? { id: `question-numero-${i}`, type: 'multiple', choices: Array.from({ length: 8 }, (_, j) => `Choix ${j}`), correct: ['a', 'b'] }
        : {
            id: `question-numero-${i}`,
            type: 'matching',
            sources: Array.from({ length: 8 }, (_, j) => `S${j}`),
            choices: Array.from({ length: 8 }, (_, j) => `T${j}`),
            correct: 'abcdefgh'.split(''),
          },
    )
  }
  const list: PageSpec[] = Array.from({ length: pages - 1 }, (_, i) => ({ id: `page-de-contenu-${i}` }))
  list.push({ id: 'evaluation', assessment: true, questions: qs })
  return makeSco({ version, modules: [{ id: 'module-complet', pages: list }] })
}
