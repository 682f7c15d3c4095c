import { describe, expect, it } from 'vitest'
import type { ScoData } from '../../../src/shared/sco-data.js'
import type { LearnerState, StateReading } from '../../../src/shared/state-codec.js'
import { decodeState, emptyState, encode, encodeWithin, validAnswer, worstCaseStateLength } from '../../../src/shared/state-codec.js'
import { answerRev, checksum, stateKey } from '../../../src/shared/state-key.js'
import { bigModule, makeSco, sampleSco } from '../../helpers/sco.js'

/** Deterministic PRNG (mulberry32): fuzzing that fails the same way twice. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SAFE = /^[\x21-\x7e]*$/

/** A random state that the runtime could produce for `data`. */
function randomState(data: ScoData, random: () => number): LearnerState {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T
  const state = emptyState()
  state.seen = data.pages
    .filter(() => random() < 0.5)
    .map((p) => p.key)
    .sort()
  state.time = Math.floor(random() * 1e6)
  state.interactions = Math.floor(random() * 500)
  for (const q of data.questions) {
    if (random() < 0.3) continue
    const tokens = q.choices.map((c) => c.token)
    let value: string
    if (q.type === 'matching') {
      value = q.sources.map(() => (random() < 0.2 ? '_' : pick(tokens))).join('')
      if (/^_+$/.test(value)) value = tokens[0]!.repeat(q.sources.length)
    } else if (q.type === 'multiple') {
      value = tokens.filter(() => random() < 0.5).join('') || tokens[0]!
    } else value = pick(tokens)
    state.answers[q.key] = { rev: q.rev, value, checked: !q.scored && random() < 0.7 }
  }
  for (const m of data.modules) {
    if (random() < 0.3) continue
    const points = random() < 0.5 ? null : Math.round(random() * 1000) / 100
    state.assessments[stateKey(m.id)] = { attempt: 1 + Math.floor(random() * 5), submitted: random() < 0.5, points }
    // The total points were earned on is kept with them (absent in older states).
    if (points !== null && random() < 0.5) state.assessments[stateKey(m.id)]!.total = 1 + Math.floor(random() * 20)
  }
  return state
}

/** What decodeState gives for a state it reads entirely. */
const readable = (state: LearnerState, version = '2'): StateReading => ({ verdict: 'readable', state, dropped: [], version, writable: true, updated: false })

describe('state codec: round trip', () => {
  const data = sampleSco()

  it('encodes an empty state as version, checksum, course, course version, time and count only', () => {
    const text = encode(emptyState(), data)
    expect(text).toMatch(/^2\.[0-9A-Za-z]{6}\|c[0-9A-Za-z]{4}\|v[0-9A-Za-z]{4}\|t0\|n0$/)
    expect(text).toContain('|c' + stateKey(data.courseId) + '|')
    expect(decodeState(text, data)).toEqual(readable(emptyState()))
  })

  it('documents the grammar with a working example', () => {
    const q = data.questions.find((x) => x.type === 'multiple' && x.scored)!
    const kc = data.questions.find((x) => !x.scored)!
    const m = data.modules[0]!
    const state: LearnerState = {
      seen: [data.pages[0]!.key, data.pages[1]!.key].sort(),
      time: 754,
      interactions: 6,
      answers: { [q.key]: { rev: q.rev, value: 'ac', checked: false }, [kc.key]: { rev: kc.rev, value: kc.correct.join(''), checked: true } },
      assessments: { [stateKey(m.id)]: { attempt: 2, submitted: true, points: 7.5 } },
    }
    const text = encode(state, data)
    expect(text).toMatch(
      /^2\.[0-9A-Za-z]{6}\|c[0-9A-Za-z]{4}\|v[0-9A-Za-z]{4}\|t754\|n6\|p[0-9A-Za-z]{8}\|q[0-9A-Za-z]{6}!?[0-9a-z_]+,[0-9A-Za-z]{6}!?[0-9a-z_]+\|a[0-9A-Za-z]{4}2s~7\.5$/,
    )
    expect(text).toContain(`${kc.key}${kc.rev}!`)
    expect(decodeState(text, data)).toEqual(readable(state))
  })

  it('round-trips random valid states (fuzz, 500 states)', () => {
    const random = rng(42)
    for (let i = 0; i < 500; i++) {
      const state = randomState(data, random)
      const text = encode(state, data)
      expect(text).toMatch(SAFE)
      expect(text).not.toMatch(/["'\\ ]/)
      expect(decodeState(text, data)).toEqual(readable(state))
    }
  })

  it('is deterministic whatever the order of keys in the state', () => {
    const state = randomState(data, rng(7))
    const shuffled: LearnerState = {
      ...state,
      seen: state.seen.slice().reverse(),
      answers: Object.fromEntries(Object.entries(state.answers).reverse()),
      assessments: Object.fromEntries(Object.entries(state.assessments).reverse()),
    }
    expect(encode(shuffled, data)).toBe(encode(state, data))
  })

  it('normalises multiple answers to sorted tokens', () => {
    const q = data.questions.find((x) => x.type === 'multiple')!
    expect(validAnswer(q, 'ca')).toBe('ac')
    expect(validAnswer(q, 'aa')).toBeNull()
    expect(validAnswer(q, '')).toBeNull()
  })
})

describe('state codec: truncation and damage are detected, never misread', () => {
  const data = sampleSco()

  it('every truncation of a state, at every position, is unreadable and kept (property, 40 states)', () => {
    const random = rng(2024)
    for (let i = 0; i < 40; i++) {
      const text = encode(randomState(data, random), data)
      for (let at = 1; at < text.length; at++) {
        const r = decodeState(text.slice(0, at), data)
        expect(r.verdict, text.slice(0, at)).toBe('unreadable')
        expect(r.writable).toBe(false)
        expect(r.state).toEqual(emptyState())
      }
      expect(decodeState(text.slice(0, 0), data).verdict).toBe('empty')
    }
  })

  it('a truncated number is not read as a smaller one (t12 cut to t1)', () => {
    const state = { ...emptyState(), time: 12 }
    const text = encode(state, data)
    expect(text.endsWith('|t12|n0')).toBe(true)
    expect(decodeState(text.replace('|t12|n0', '|t1'), data).verdict).toBe('unreadable')
    const m = data.modules[0]!
    const scored = encode({ ...emptyState(), assessments: { [stateKey(m.id)]: { attempt: 1, submitted: true, points: 12 } } }, data)
    expect(decodeState(scored.slice(0, -1), data).verdict).toBe('unreadable')
  })

  it('one changed character anywhere is detected (property, 300 mutations)', () => {
    const random = rng(77)
    for (let i = 0; i < 300; i++) {
      const text = encode(randomState(data, random), data)
      const at = 2 + Math.floor(random() * (text.length - 2))
      const chars = '0123456789abcdefxyzABCXYZ|,!~_s'
      const replacement = chars.charAt(Math.floor(random() * chars.length))
      if (replacement === text.charAt(at)) continue
      const damaged = text.slice(0, at) + replacement + text.slice(at + 1)
      expect(decodeState(damaged, data).writable).toBe(false)
    }
  })

  it('random strings never throw and never make a writable reading of something unread (fuzz, 3000)', () => {
    const random = rng(1234)
    const alphabet = '12|.tnpqac,!~_s0123456789ABCDEFabcdefxyz.-é"\\ \u0000'
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(random() * 80)
      let text = i % 3 === 0 ? '1|' : i % 3 === 1 ? '2.' : ''
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)]
      const result = decodeState(text, data)
      expect(result.state).toBeDefined()
      expect(encode(result.state, data)).toMatch(SAFE)
      for (const [key, answer] of Object.entries(result.state.answers)) {
        const q = data.questions.find((x) => x.key === key)!
        expect(validAnswer(q, answer.value)).toBe(answer.value)
      }
    }
  })

  it.each([
    ['garbage', 'hello world'],
    ['JSON from another tool', '{"page":3}'],
    ['a checksum that does not match', '2.AAAAAA|cXXXX|t5|n0'],
    ['a version 2 state without checksum', '2|t5|n0'],
    ['a version 1 header with a checksum', '1.AAAAAA|t5|n0'],
  ])('%s → unreadable, kept', (_name, text) => {
    expect(decodeState(text, data)).toMatchObject({ verdict: 'unreadable', state: emptyState(), writable: false })
  })

  it.each([null, undefined, '', 42, {}])('%s read from the LMS: empty only for "", null and undefined', (raw) => {
    expect(decodeState(raw, data).verdict).toBe(raw === '' || raw == null ? 'empty' : 'unreadable')
  })
})

describe('state codec: versions', () => {
  const data = sampleSco()

  it('a newer format is kept, not read', () => {
    expect(decodeState('3.abcdef|cXXXX|t5|zfuture', data)).toEqual({ verdict: 'newer', state: emptyState(), dropped: [], version: '3', writable: false, updated: false })
    expect(decodeState('12|anything', data)).toMatchObject({ verdict: 'newer', writable: false })
  })

  it('a section it does not know (from a later version 2) is kept: partial, not writable', () => {
    const text = encode({ ...emptyState(), time: 5 }, data)
    const body = text.slice(text.indexOf('|')) + '|zfuture'
    const withSection = '2.' + checksum(body) + body
    const r = decodeState(withSection, data)
    expect(r).toMatchObject({ verdict: 'partial', writable: false, dropped: [{ part: 'section zfuture', reason: 'unknown-section' }] })
    expect(r.state.time).toBe(5)
  })

  it('migration: states written by version 1 (parcours 0.1) are still read, and written back as version 2', () => {
    const q = data.questions.find((x) => x.type === 'single' && x.scored)!
    const m = data.modules[1]!
    const v1 = `1|t754|n6|p${data.pages[0]!.key}|q${q.key}${q.rev}b|a${stateKey(m.id)}2s~7.5`
    const r = decodeState(v1, data)
    const state: LearnerState = {
      seen: [data.pages[0]!.key],
      time: 754,
      interactions: 6,
      answers: { [q.key]: { rev: q.rev, value: 'b', checked: false } },
      assessments: { [stateKey(m.id)]: { attempt: 2, submitted: true, points: 7.5 } },
    }
    expect(r).toEqual(readable(state, '1'))
    expect(decodeState(encode(r.state, data), data)).toEqual(readable(state))
    expect(decodeState('1|t0|n0', data)).toEqual(readable(emptyState(), '1'))
  })

  it('version 1: a section that does not parse is kept (partial, not writable), not read as something else', () => {
    expect(decodeState('1|t5|n0|pABC', data)).toMatchObject({ verdict: 'partial', writable: false, dropped: [{ reason: 'malformed' }] })
    expect(decodeState('1|t1234567890|n0', data)).toMatchObject({ verdict: 'partial', writable: false })
  })
})

describe('state codec: another course', () => {
  const data = sampleSco()
  const other = makeSco({
    modules: [{ id: 'autre', pages: [{ id: 'une-page' }, { id: 'eval', assessment: true, questions: [{ id: 'autre-q', type: 'truefalse', correct: ['t'] }] }] }],
  })
  const otherCourse = { ...other, courseId: 'autre-cours' }

  it('version 2: recognised by its course key, ignored entirely (time included), and may be replaced', () => {
    const text = encode({ ...emptyState(), time: 3600, seen: [other.pages[0]!.key] }, otherCourse)
    expect(decodeState(text, data)).toEqual({ verdict: 'foreign', state: emptyState(), dropped: [], version: '2', writable: true, updated: false })
  })

  it('version 1: a state that names pages, questions or modules, none of them this SCO’s', () => {
    const q = other.questions[0]!
    const v1 = `1|t3600|n2|p${other.pages[0]!.key}|q${q.key}${q.rev}t|a${stateKey('autre')}1s~1`
    expect(decodeState(v1, data)).toMatchObject({ verdict: 'foreign', state: emptyState() })
    expect(decodeState(v1, data).state.time).toBe(0)
  })
})

describe('state codec: course updates', () => {
  const before = sampleSco()

  it('drops pages, questions and modules that no longer exist (reason "removed"), and may write', () => {
    const state = randomState(before, rng(3))
    state.seen = before.pages.map((p) => p.key).sort()
    const text = encode(state, before)
    const after = makeSco({ modules: [{ id: 'rgpd-ecole', pages: [{ id: 'page-1' }] }] })
    const r = decodeState(text, after)
    expect(r.verdict).toBe('partial')
    expect(r.writable).toBe(true)
    expect(new Set(r.dropped.map((d) => d.reason))).toEqual(new Set(['removed']))
    expect(r.state.seen).toEqual([stateKey('rgpd-ecole/page-1')])
    expect(r.state.answers).toEqual({})
    expect(Object.keys(r.state.assessments)).toEqual(state.assessments[stateKey('rgpd-ecole')] ? [stateKey('rgpd-ecole')] : [])
    expect(r.state.time).toBe(state.time)
  })

  it('drops an answer whose question changed (rev) and says so', () => {
    const q = before.questions.find((x) => x.type === 'single' && x.scored)!
    const other = before.questions.find((x) => x.type === 'truefalse')!
    const state = emptyState()
    state.answers[q.key] = { rev: q.rev, value: 'c', checked: false }
    state.answers[other.key] = { rev: other.rev, value: 't', checked: false }
    const after = structuredClone(before)
    const changed = after.questions.find((x) => x.id === q.id)!
    changed.choices = [
      { token: 'a', text: 'Un' },
      { token: 'b', text: 'Deux' },
      { token: 'c', text: 'Autre chose' },
    ]
    changed.rev = answerRev({ type: 'single', choices: changed.choices.map((c) => c.text), sources: [] })
    const r = decodeState(encode(state, before), after)
    expect(r).toMatchObject({ verdict: 'partial', writable: true, dropped: [{ part: 'answer ' + q.key, reason: 'changed' }] })
    expect(r.state.answers[q.key]).toBeUndefined()
    expect(r.state.answers[other.key]).toEqual({ rev: other.rev, value: 't', checked: false })
  })

  it('drops an answer whose tokens are no longer valid', () => {
    const q = before.questions.find((x) => x.type === 'single')!
    expect(decodeState(`1|t0|n0|q${q.key}${q.rev}z`, before)).toMatchObject({ verdict: 'partial', state: emptyState(), dropped: [{ reason: 'invalid' }] })
    const m = before.questions.find((x) => x.type === 'matching')!
    expect(decodeState(`1|t0|n0|q${m.key}${m.rev}ab`, before).dropped).toEqual([{ part: 'answer ' + m.key, reason: 'invalid' }]) // 3 sources
  })

  it('keeps a fixed right answer: answers are re-scored, not erased (rev ignores the key)', () => {
    const q = before.questions.find((x) => x.type === 'single')!
    const after = structuredClone(before)
    after.questions.find((x) => x.id === q.id)!.correct = ['c']
    expect(decodeState(`1|t0|n0|q${q.key}${q.rev}c`, after).state.answers[q.key]!.value).toBe('c')
  })

  it('says when another version of the course wrote the state, and still reads all of it', () => {
    const state = randomState(before, rng(7))
    const text = encode(state, before)
    expect(decodeState(text, before).updated).toBe(false)
    const next = { ...before, courseVersion: before.courseVersion + '-next' }
    const r = decodeState(text, next)
    expect(r).toMatchObject({ verdict: 'readable', writable: true, updated: true })
    expect(r.state).toEqual(decodeState(text, before).state)
    // Written back by the new version: the next session is not told again.
    expect(decodeState(encode(r.state, next), next).updated).toBe(false)
  })

  it('a version 2 state written before the course version was kept is read as it is, and does not say "updated"', () => {
    const state = randomState(before, rng(8))
    for (const a of Object.values(state.assessments)) delete a.total
    const text = encode(state, before)
    const body = text.slice(text.indexOf('|')).replace(/\|v[0-9A-Za-z]{4}/, '')
    const older = '2.' + checksum(body) + body
    const next = { ...before, courseVersion: before.courseVersion + '-next' }
    expect(decodeState(older, next)).toEqual(readable(decodeState(text, before).state))
  })

  it('keeps with the points the total they were earned on', () => {
    const m = before.modules[1]!
    const state = emptyState()
    state.assessments[stateKey(m.id)] = { attempt: 1, submitted: true, points: 9, total: 9 }
    const text = encode(state, before)
    expect(text).toContain(`a${stateKey(m.id)}1s~9/9`)
    expect(decodeState(text, before).state.assessments[stateKey(m.id)]).toEqual({ attempt: 1, submitted: true, points: 9, total: 9 })
  })
})

describe('state codec: size', () => {
  it('the sample course after completion stays under 1 KB', () => {
    const data = sampleSco()
    const state = emptyState()
    state.seen = data.pages.map((p) => p.key).sort()
    state.time = 3 * 3600
    state.interactions = 60
    for (const q of data.questions) {
      const value = q.type === 'multiple' ? q.correct.slice().sort().join('') : q.correct.join('')
      state.answers[q.key] = { rev: q.rev, value, checked: !q.scored }
    }
    for (const m of data.modules) state.assessments[stateKey(m.id)] = { attempt: 3, submitted: true, points: 11 }
    const text = encode(state, data)
    expect(text.length).toBeLessThan(1024)
    expect(worstCaseStateLength(data)).toBeLessThan(1024)
  })

  it('a 50-page, 40-question module fits SCORM 1.2 in the worst case', () => {
    const data = bigModule(50, 40)
    const worst = worstCaseStateLength(data)
    expect(worst).toBeLessThan(4096)
    // 840 + "^99.99" (a best attempt above the latest one) + ".<checksum>" + "|c<course>" + "|v<course version>"
    // + "/40" (the total the points were earned on)
    expect(worst).toBe(868)
  })

  it('even with 36 choices and 35 pairs per question (the most a question can have) it stays under 4096', () => {
    const many = (n: number) => Array.from({ length: n }, (_, j) => `Élément ${String(j).padStart(2, '0')}`)
    const tokens = 'abcdefghijklmnopqrstuvwxyz0123456789'
    const data = makeSco({
      modules: [
        {
          id: 'module-extreme',
          pages: [
            ...Array.from({ length: 49 }, (_, i) => ({ id: `page-${i}` })),
            {
              id: 'evaluation',
              assessment: true,
              questions: Array.from({ length: 40 }, (_, i) =>
                i % 2 === 0
                  ? { id: `q${i}`, type: 'multiple' as const, choices: many(36), correct: ['a'] }
                  : { id: `q${i}`, type: 'matching' as const, sources: many(35).map((s) => s + ' ?'), choices: many(35), correct: tokens.slice(0, 35).split('') },
              ),
            },
          ],
        },
      ],
      policy: { attempts: 0 },
    })
    expect(worstCaseStateLength(data)).toBeLessThan(4096)
  })

  it('the worst case is an upper bound of random states', () => {
    const data = sampleSco('scorm12', { attempts: 0 })
    const worst = worstCaseStateLength(data)
    const random = rng(5)
    for (let i = 0; i < 200; i++) expect(encode(randomState(data, random), data).length).toBeLessThanOrEqual(worst)
  })

  it('leaves knowledge-check answers out before going over the limit', () => {
    const data = sampleSco()
    const state = emptyState()
    for (const q of data.questions) state.answers[q.key] = { rev: q.rev, value: q.correct.slice().sort().join(''), checked: !q.scored }
    const full = encode(state, data)
    const kcCount = data.questions.filter((q) => !q.scored).length
    const { text, dropped } = encodeWithin(state, data, full.length - 5)
    expect(text.length).toBeLessThanOrEqual(full.length - 5)
    expect(dropped.length).toBeGreaterThan(0)
    expect(dropped.length).toBeLessThanOrEqual(kcCount)
    const scored = data.questions.filter((q) => q.scored)
    const restored = decodeState(text, data).state
    for (const q of scored) expect(restored.answers[q.key]).toBeDefined()
    // The state in memory is untouched.
    expect(Object.keys(state.answers)).toHaveLength(data.questions.length)
    expect(encodeWithin(state, data, 64000)).toEqual({ text: full, dropped: [] })
  })
})
