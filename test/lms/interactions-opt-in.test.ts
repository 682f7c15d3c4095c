// Knowledge checks are recorded as cmi.interactions only when the course asks (issue 12): by
// default Moodle's interactions report lists the graded questions alone; with `interactions: all`
// in course.yml, a checked knowledge question is recorded too.
import { describe, expect, it } from 'vitest'
import { compile, readBuiltins, zipFiles } from '../../src/index.js'
import { Learner } from '../helpers/learner.js'
import { recordAnswerKey } from '../helpers/answer-key.js'
import { openSco, unzipPackage } from '../helpers/lms/index.js'
import { useLms } from '../helpers/lms/vitest.js'
import { courseTree, type ScoSpec } from '../helpers/sco.js'

const SPEC: ScoSpec = {
  policy: { passingScore: 50, attempts: 0 },
  modules: [
    {
      id: 'module-un',
      pages: [
        { id: 'accueil', questions: [{ id: 'verif-un', type: 'truefalse', correct: ['t'] }] },
        { id: 'evaluation', assessment: true, questions: [{ id: 'question-un', type: 'truefalse', correct: ['f'] }] },
      ],
    },
  ],
}

async function pack(all: boolean) {
  const tree = courseTree(SPEC)
  if (all) tree.files['course.yml']!.text += 'interactions: all\n'
  const result = compile(tree, await readBuiltins(), ['scorm12'])
  recordAnswerKey(result.course)
  return unzipPackage(await zipFiles(result.packages[0]!.files))
}

const t = useLms(async () => ({ graded: await pack(false), all: await pack(true) }))

describe('which answers become interactions', () => {
  it.each([
    ['graded (default)', 'graded', ['question-un']],
    ['all (course.yml interactions: all)', 'all', ['verif-un', 'question-un']],
  ] as const)('%s', async (_name, pkg, expected) => {
    const page = await t.page()
    const { sco } = await openSco(page, t.lms.url(pkg, undefined, `learner-${pkg}`))
    await sco.locator('body:not(.pc-nojs)').waitFor()
    const learner = new Learner(sco)
    const data = await learner.data()
    const check = data.questions.find((q) => !q.scored)!
    await learner.answer(check, check.correct)
    await learner.check(check)
    await learner.takeAssessment('module-un')
    await Promise.all([page.waitForEvent('close'), page.close({ runBeforeUnload: true })])
    await t.lms.waitFor(() => t.lms.calls(`learner-${pkg}`, pkg).some((c) => c.method === 'LMSFinish'))
    await t.lms.flush()
    const tracks = t.lms.tracks(`learner-${pkg}`, pkg)
    const ids = Object.entries(tracks)
      .filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k))
      .map(([, v]) => v)
    expect(ids.sort()).toEqual([...expected].sort())
    expect(t.lms.violations(`learner-${pkg}`, pkg)).toEqual([])
  })
})
