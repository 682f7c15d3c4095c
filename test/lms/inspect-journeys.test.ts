// `parcours inspect` on states that learners' journeys really left in the strict LMS (issue 8):
// 1.2 and 2004, one SCO and one SCO per module. A learner visits pages, checks a knowledge
// question, fails one assessment question and closes the tab; the state the LMS stored is read by
// the command, against the published zip, and compared with a golden report. Then the same state
// against an edited course (reworded choices, a removed page): what is no longer resumed, and why.
// The time spent and the sizes depend on the machine's speed: they are masked before comparing.

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { zipFiles } from '../../src/index.js'
import type { ScormVersion } from '../../src/shared/sco-data.js'
import { parcoursIn, temporaryDirs } from '../helpers/cli.js'
import { Learner } from '../helpers/learner.js'
import { closeTab, openSco, unzipPackage } from '../helpers/lms/index.js'
import { useLms } from '../helpers/lms/vitest.js'
import { compileSpec, type ScoSpec } from '../helpers/sco.js'

const SPEC: ScoSpec = {
  policy: { passingScore: 80, attempts: 0 },
  modules: [
    {
      id: 'module-un',
      title: 'Premier module',
      pages: [
        { id: 'accueil', questions: [{ id: 'verif-couleur', type: 'single', choices: ['Rouge', 'Vert', 'Bleu'], correct: ['b'] }] },
        { id: 'suite' },
        { id: 'fin' },
        {
          id: 'evaluation',
          assessment: true,
          questions: [
            { id: 'question-un', type: 'truefalse', correct: ['t'] },
            { id: 'question-deux', type: 'multiple', choices: ['Alpha', 'Bêta', 'Gamma'], correct: ['a', 'c'] },
          ],
        },
      ],
    },
    {
      id: 'module-deux',
      title: 'Second module',
      pages: [{ id: 'intro' }, { id: 'bilan', assessment: true, questions: [{ id: 'question-trois', type: 'truefalse', correct: ['f'] }] }],
    },
  ],
}

/** The same course after an update: question-deux's choices reworded, page « fin » removed. */
const EDITED: ScoSpec = {
  ...SPEC,
  modules: SPEC.modules.map((m) =>
    m.id !== 'module-un'
      ? m
      : {
          ...m,
          pages: m.pages
            .filter((p) => p.id !== 'fin')
            .map((p) => (p.id === 'evaluation' ? { ...p, questions: p.questions!.map((q) => (q.id === 'question-deux' ? { ...q, choices: ['Alpha', 'Beta', 'Gamma'] } : q)) } : p)),
        },
  ),
}

const CASES = [
  { name: 'scorm12-course', version: 'scorm12', perModule: false },
  { name: 'scorm2004-course', version: 'scorm2004', perModule: false },
  { name: 'scorm12-module', version: 'scorm12', perModule: true },
  { name: 'scorm2004-module', version: 'scorm2004', perModule: true },
] as const

const packages = Object.fromEntries(CASES.map((c) => [c.name, compileSpec({ ...SPEC, version: c.version, perModule: c.perModule })]))
const t = useLms(async () => Object.fromEntries(await Promise.all(CASES.map(async (c) => [c.name, await unzipPackage(await zipFiles(packages[c.name]!.files))] as const))))
const freshDir = temporaryDirs('parcours-inspect-')

/** What varies with the machine's speed: seconds spent (and so the state's length). */
function masked(report: string): string {
  return report
    .replace(/\d[\d  ]*(?:,\d+)? caractères/g, 'N caractères')
    .replace(/\(\d+(?:,\d+)? %\)/g, '(P %)')
    .replace(/Temps passé : [^.\n]+\./g, 'Temps passé : <durée>.')
    .replace(/Contenu : .*? de temps passé/g, 'Contenu : <durée> de temps passé')
}

/** A short journey in the first SCO (module-un), the tab closed at the end; the state the LMS kept. */
async function journey(name: string, version: ScormVersion, learner: string): Promise<string> {
  const page = await t.page()
  const { sco } = await openSco(page, t.lms.url(name, undefined, learner, version))
  await sco.locator('body:not(.pc-nojs)').waitFor()
  const learn = new Learner(sco)
  const data = await learn.data()
  await learn.next()
  await learn.next()
  const check = data.questions.find((q) => q.id === 'verif-couleur')!
  await learn.goTo('module-un/accueil')
  await learn.answer(check, ['a'])
  await learn.check(check)
  await learn.takeAssessment('module-un', ['question-deux'])
  await closeTab(t.lms, page, learner, name)
  expect(t.lms.violations(learner, name)).toEqual([])
  return t.lms.tracks(learner, name)['cmi.suspend_data'] ?? ''
}

describe.each(CASES)('parcours inspect on a state left by a journey, $name', ({ name, version, perModule }) => {
  it('reports pages, answers, attempts and the verdict as the runtime reads them', async () => {
    const state = await journey(name, version, `inspect-${name}`)
    expect(state).toMatch(/^2\./)
    const dir = freshDir()
    writeFileSync(join(dir, 'publie.zip'), await zipFiles(packages[name]!.files))
    // The state given as is, against the published zip: the SCO is found without --sco.
    const run = await parcoursIn(dir, 'inspect', state, '--course', 'publie.zip')
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    await expect(masked(run.stdout)).toMatchFileSnapshot(`../fixtures/inspect/${name}.fr.txt`)

    // The same state in Moodle's track details page, copied from the browser (element, tab, value).
    writeFileSync(join(dir, 'suivi.txt'), `Élément\tValeur\ncmi.core.lesson_status\tincomplete\ncmi.suspend_data\t${state}\ncmi.core.exit\tsuspend\n`)
    const fromPage = await parcoursIn(dir, 'inspect', 'suivi.txt', '--course', 'publie.zip')
    expect(fromPage.stdout).toBe(run.stdout)

    // Against the course after an update: reworded answers and a removed page are not resumed.
    writeFileSync(join(dir, 'mis-a-jour.zip'), await zipFiles(compileSpec({ ...EDITED, version, perModule }).files))
    const edited = await parcoursIn(dir, 'inspect', state, '--course', 'mis-a-jour.zip')
    expect(edited.status).toBe(0)
    await expect(masked(edited.stdout)).toMatchFileSnapshot(`../fixtures/inspect/${name}.edited.fr.txt`)
  })
})
