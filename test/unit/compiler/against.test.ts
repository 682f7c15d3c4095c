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
}

function tree(v: Version = {}): SourceTree {
  const yml = `id: cas\ntitle: Cas\nversion: ${v.version ?? '1.0.0'}\ndescription: d\naudience: a\nduration: 10\nmodules:\n  - m1.md\npassingScore: ${v.passingScore ?? 80}\n`
  const q = (id: string, points = 1, choices = ['Oui', 'Non']) =>
    `::: qcu ${id} points=${points}\nQuestion ${id} ?\n\n- [x] ${choices[0]}\n- [ ] ${choices[1]}\n\nCorrect : parce que.\nIncorrect : relisez.\n:::\n`
  const md = [
    '---\nid: m1\ntitle: Module\nduration: 10\nobjectives:\n  - Comprendre\n---\n',
    '## Page {#p1}\n\nTexte.\n',
    v.dropVerif ? '' : q('verif'),
    v.extraPage ? '## Nouvelle page {#p-nouvelle}\n\nTexte.\n' : '',
    '## Évaluation {#evaluation .evaluation}\n',
    q('q1', 1, v.reworded ? ['Oui, toujours', 'Non'] : ['Oui', 'Non']),
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
