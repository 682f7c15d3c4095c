/**
 * The launch notice after a course update: a state written by another `version` of the course is
 * read by a real session over a fake LMS, and the notice says what the learner keeps.
 */
import { describe, expect, it } from 'vitest'
import { scorm12, scorm12Dialect } from '../../../src/runtime/lms/scorm12.js'
import { readBuiltins } from '../../../src/compiler/read/read-builtins.js'
import { launchNotice } from '../../../src/runtime/notice.js'
import { Session } from '../../../src/runtime/session.js'
import type { ScoData } from '../../../src/shared/sco-data.js'
import { emptyState, encode } from '../../../src/shared/state-codec.js'
import { answerRev } from '../../../src/shared/state-key.js'
import { sampleSco } from '../../helpers/sco.js'
import { fakeApi } from './fake-api.js'

const v1 = sampleSco('scorm12')
const v2: ScoData = { ...v1, courseVersion: v1.courseVersion + '-2' }
const checked = v1.questions.find((q) => q.type !== 'matching' && !q.scored)!

/** v2 with the choices of one question reworded: an answer to it is dropped. */
function reworded(data: ScoData): ScoData {
  const copy = structuredClone(data)
  const q = copy.questions.find((x) => x.id === checked.id)!
  q.choices = q.choices.map((c) => ({ ...c, text: c.text + ' (reformulé)' }))
  q.rev = answerRev({ type: q.type, choices: q.choices.map((c) => c.text), sources: [] })
  return copy
}

/** The notice of a session that opens `data` over what v1 left in the LMS. */
function noticeOf(data: ScoData, preload: Record<string, string> = {}): string[] {
  const state = emptyState()
  state.seen = [v1.pages[0]!.key]
  state.answers[checked.key] = { rev: checked.rev, value: checked.choices[0]!.token, checked: true }
  const f = fakeApi({ version: 'scorm12', preload: { 'cmi.core.entry': 'resume', 'cmi.suspend_data': encode(state, v1), ...preload } })
  const session = new Session({ data, lms: scorm12(f.api), now: () => 0, visible: true, schedule: () => 0, cancel: () => {}, onSaved: () => {} })
  expect(session.start()).toBe(true)
  return launchNotice(scorm12Dialect.mode, session, false, (key) => data.strings[key] ?? key, data)
}

describe('launch notice after a course update', () => {
  const s = v1.strings
  it('says nothing when the same version reads its own state', () => {
    expect(noticeOf(v1)).toEqual([])
  })

  it('another version: the result is kept when the LMS holds one, else the progress', () => {
    expect(noticeOf(v2, { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '100' })).toEqual([s.stateUpdatedResult])
    expect(noticeOf(v2, { 'cmi.core.lesson_status': 'incomplete' })).toEqual([s.stateUpdated])
  })

  it('another version that reworded a question the learner answered: also says that answer was cleared', () => {
    expect(noticeOf(reworded(v2))).toEqual([s.stateUpdated, s.stateUpdatedReset])
  })

  it('the same version with a reworded question (a state written before the version was kept, or no version raise): the older sentence', () => {
    expect(noticeOf(reworded(v1))).toEqual([s.stateReset])
  })

  it('every sentence exists in both languages', async () => {
    const { strings } = await readBuiltins()
    for (const lang of ['fr', 'en'] as const)
      for (const key of ['stateUpdated', 'stateUpdatedResult', 'stateUpdatedReset']) expect(strings[lang][key]?.length, `${lang} ${key}`).toBeGreaterThan(20)
  })
})
