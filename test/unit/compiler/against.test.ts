/**
 * `parcours check --against`: pairs of course versions, one per class of change. v1 is compiled and
 * zipped as it would be deposited in Moodle; v2 is compared with that zip.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { compareScos, readPublished } from '../../../src/compiler/check/against.js'
import { formatDiagnostic, type Diagnostic } from '../../../src/compiler/diagnostics.js'
import { analyse, compile } from '../../../src/compiler/pipeline.js'
import { readBuiltins, type Builtins } from '../../../src/compiler/read/read-builtins.js'
import { zipFiles } from '../../../src/compiler/write/zip.js'
import type { SourceTree } from '../../../src/compiler/types.js'

let builtins: Builtins
beforeAll(async () => {
  builtins = await readBuiltins()
})

interface Version {
  version?: string
  passingScore?: number
  q2Points?: number
  extraGraded?: boolean
  extraPage?: boolean
  reworded?: boolean
  dropVerif?: boolean
  /** Ids given to the knowledge check, the graded question q1 and the first page (same content). */
  verifId?: string
  q1Id?: string
  p1Id?: string
  /** Another stem for the knowledge check. */
  verifText?: string
}

function tree(v: Version = {}): SourceTree {
  const yml = `id: cas\ntitle: Cas\nversion: ${v.version ?? '1.0.0'}\ndescription: d\naudience: a\nduration: 10\nmodules:\n  - m1.md\npassingScore: ${v.passingScore ?? 80}\n`
  const q = (id: string, points = 1, choices = ['Oui', 'Non'], stem = `Question ${id} ?`) =>
    `::: qcu ${id} points=${points}\n${stem}\n\n- [x] ${choices[0]}\n- [ ] ${choices[1]}\n\nCorrect : parce que.\nIncorrect : relisez.\n:::\n`
  const md = [
    '---\nid: m1\ntitle: Module\nduration: 10\nobjectives:\n  - Comprendre\n---\n',
    `## Page {#${v.p1Id ?? 'p1'}}\n\nTexte.\n`,
    v.dropVerif ? '' : q(v.verifId ?? 'verif', 1, undefined, v.verifText ?? 'Question de vérification ?'),
    v.extraPage ? '## Nouvelle page {#p-nouvelle}\n\nTexte.\n' : '',
    '## Évaluation {#evaluation .evaluation}\n',
    q(v.q1Id ?? 'q1', 1, v.reworded ? ['Oui, toujours', 'Non'] : ['Oui', 'Non'], 'Question q1 ?'),
    q('q2', v.q2Points ?? 1),
    v.extraGraded ? q('q3', 5) : '',
  ].join('\n')
  return { root: 'content', files: { 'course.yml': { path: 'course.yml', text: yml }, 'm1.md': { path: 'm1.md', text: md } } }
}

async function compare(v1: Version, v2: Version): Promise<Diagnostic[]> {
  const zip = await zipFiles(compile(tree(v1), builtins, ['scorm12']).packages[0]!.files)
  const published = await readPublished(zip)
  if (!('scos' in published)) throw new Error(published.reason)
  const now = analyse(tree(v2), builtins, ['scorm12'])
  return compareScos(
    published.scos,
    now.packages[0]!.scos.map((s) => s.data),
    now.course!,
  )
}

const summary = (ds: Diagnostic[]) => ds.map((d) => `${d.severity} ${d.code} ${d.params?.class}`)

describe('check --against', () => {
  it('reads the ScoData of a published zip, and nothing from a zip that is not a package', async () => {
    const zip = await zipFiles(compile(tree(), builtins, ['scorm12']).packages[0]!.files)
    const read = await readPublished(zip)
    expect('scos' in read && read.scos.map((s) => s.scoId)).toEqual(['cas'])
    expect(await readPublished(new Uint8Array([1, 2, 3]))).toHaveProperty('reason')
    expect(await readPublished(await zipFiles([{ path: 'a.txt', contents: 'x' }]))).toEqual({ reason: 'no pc-data' })
  })

  it('finds nothing between two builds of the same course', async () => {
    expect(await compare({}, {})).toEqual([])
  })

  it('safe: a new ungraded page is an info', async () => {
    expect(summary(await compare({}, { extraPage: true }))).toEqual(['info update/page-added %update-safe%'])
  })

  it('resets state: a removed ungraded question says its answers are dropped', async () => {
    const found = await compare({}, { dropVerif: true })
    expect(summary(found)).toEqual(['warning update/question-removed %update-state-reset%'])
    expect(formatDiagnostic(found[0]!)).toContain('les réponses des apprenants à cette question sont effacées')
  })

  it('changes results: an added graded question is an error while the version is the same', async () => {
    const found = await compare({}, { extraGraded: true })
    expect(summary(found)).toEqual(['error update/graded-question-added %update-results%'])
    expect(formatDiagnostic(found[0]!)).toMatch(/^m1\.md:\d+:1: erreur \[update\/graded-question-added\] Change les résultats : question notée « q3 » ajoutée/)
  })

  it('changes results: points, pass mark and reworded graded answers, errors unless version is raised', async () => {
    expect(summary(await compare({}, { q2Points: 3, passingScore: 60, reworded: true }))).toEqual([
      'error update/answers-reworded %update-results%',
      'error update/points-changed %update-results%',
      'error update/rule-changed %update-results%',
    ])
    const raised = await compare({}, { q2Points: 3, passingScore: 60, reworded: true, version: '2.0.0' })
    expect(raised.map((d) => d.severity)).toEqual(['warning', 'warning', 'warning'])
  })

  it('resets state: a question or a page whose id changed, content the same, is one rename, not a removal and an addition', async () => {
    const found = await compare({}, { verifId: 'verif-bis', p1Id: 'p-un' })
    expect(summary(found)).toEqual(['warning update/question-renamed %update-state-reset%', 'warning update/page-renamed %update-state-reset%'])
    expect(found.map((d) => d.params)).toMatchObject([
      { id: 'verif-bis', from: 'verif' },
      { id: 'm1/p-un', from: 'm1/p1' },
    ])
    expect(formatDiagnostic(found[0]!)).toMatch(
      /^m1\.md:\d+:1: avertissement \[update\/question-renamed\] Efface une partie de l'état des apprenants : la question « verif » a changé d'identifiant, elle s'appelle maintenant « verif-bis »/,
    )
    expect(formatDiagnostic(found[0]!)).toContain('rendez-lui son identifiant publié « verif »')
    expect(formatDiagnostic(found[1]!, 'en')).toContain('page "m1/p1" changed its id, it is now "m1/p-un"; its "page seen" mark is dropped.')
  })

  it('a renamed graded question drops the saved answer but changes no result: a warning, even with the same version', async () => {
    const found = await compare({}, { q1Id: 'q1-bis' })
    expect(summary(found)).toEqual(['warning update/question-renamed %update-state-reset%'])
    expect(formatDiagnostic(found[0]!, 'en')).toContain('question "q1" changed its id, it is now "q1-bis"; the answer each learner gave to it is dropped.')
  })

  it('another id with other content is still a removal and an addition', async () => {
    expect(summary(await compare({}, { verifId: 'verif-bis', verifText: 'Une autre question ?' }))).toEqual([
      'info update/question-added %update-safe%',
      'warning update/question-removed %update-state-reset%',
    ])
  })

  it('refuses another course', async () => {
    const zip = await zipFiles(compile(tree(), builtins, ['scorm12']).packages[0]!.files)
    const published = (await readPublished(zip)) as { scos: import('../../../src/shared/sco-data.js').ScoData[] }
    const other = tree()
    other.files['course.yml']!.text = other.files['course.yml']!.text!.replace('id: cas', 'id: autre')
    const now = analyse(other, builtins, ['scorm12'])
    expect(
      summary(
        compareScos(
          published.scos,
          now.packages[0]!.scos.map((s) => s.data),
          now.course!,
        ),
      ),
    ).toEqual(['error update/other-course undefined'])
  })
})
