import { describe, expect, it } from 'vitest'
import type { ScoData } from '../../../src/shared/sco-data.js'
import type { LearnerState } from '../../../src/shared/state-codec.js'
import { decode, emptyState, encode, encodeWithin, validAnswer, worstCaseStateLength } from '../../../src/shared/state-codec.js'
import { answerRev, stateKey } from '../../../src/shared/state-key.js'
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
  state.seen = data.pages.filter(() => random() < 0.5).map((p) => p.key).sort()
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
  }
  return state
}

describe('state codec: round trip', () => {
  const data = sampleSco()

  it('encodes an empty state as version, time and count only', () => {
    expect(encode(emptyState())).toBe('1|t0|n0')
    expect(decode('1|t0|n0', data)).toEqual({ state: emptyState(), notices: [] })
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
    const text = encode(state)
    expect(text).toMatch(/^1\|t754\|n6\|p[0-9A-Za-z]{8}\|q[0-9A-Za-z]{6}!?[0-9a-z_]+,[0-9A-Za-z]{6}!?[0-9a-z_]+\|a[0-9A-Za-z]{4}2s~7\.5$/)
    expect(text).toContain(`${kc.key}${kc.rev}!`)
    expect(decode(text, data)).toEqual({ state, notices: [] })
  })

  it('round-trips random valid states (fuzz, 500 states)', () => {
    const random = rng(42)
    for (let i = 0; i < 500; i++) {
      const state = randomState(data, random)
      const text = encode(state)
      expect(text).toMatch(SAFE)
      expect(text).not.toMatch(/["'\\ ]/)
      expect(decode(text, data)).toEqual({ state, notices: [] })
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
    expect(encode(shuffled)).toBe(encode(state))
  })

  it('normalises multiple answers to sorted tokens', () => {
    const q = data.questions.find((x) => x.type === 'multiple')!
    expect(validAnswer(q, 'ca')).toBe('ac')
    expect(validAnswer(q, 'aa')).toBeNull()
    expect(validAnswer(q, '')).toBeNull()
  })
})

describe('state codec: bad input never throws', () => {
  const data = sampleSco()

  it('random strings decode to a clean state or a partial one, never an exception (fuzz, 3000)', () => {
    const random = rng(1234)
    const alphabet = '1|tnpqa,!~_s0123456789ABCDEFabcdefxyz.-é"\\ \u0000'
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(random() * 80)
      let text = i % 2 === 0 ? '1|' : ''
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)]
      const result = decode(text, data)
      expect(result.state).toBeDefined()
      // Whatever comes back encodes to a valid text again.
      expect(encode(result.state)).toMatch(SAFE)
    }
  })

  it('mutated valid states never throw and never yield invalid answers', () => {
    const random = rng(99)
    for (let i = 0; i < 1000; i++) {
      const text = encode(randomState(data, random)).split('')
      const at = Math.floor(random() * text.length)
      text.splice(at, Math.floor(random() * 3), '1|tnq,!_z'.charAt(Math.floor(random() * 9)))
      const { state } = decode(text.join(''), data)
      for (const [key, answer] of Object.entries(state.answers)) {
        const q = data.questions.find((x) => x.key === key)!
        expect(validAnswer(q, answer.value)).toBe(answer.value)
      }
    }
  })

  it.each([
    ['garbage', 'hello world', 'unreadable'],
    ['JSON from another tool', '{"page":3}', 'unreadable'],
    ['another parcours format', '2|t5|zzz', 'reset'],
    ['bad time', '1|tABC|n0', 'unreadable'],
    ['time too long', '1|t1234567890|n0', 'unreadable'],
    ['truncated pages', '1|t5|n0|pABC', 'unreadable'],
  ])('%s → clean state and "%s"', (_name, text, notice) => {
    expect(decode(text, data)).toEqual({ state: emptyState(), notices: [notice] })
  })

  it('an empty suspend_data is a first launch, not an error', () => {
    expect(decode('', data)).toEqual({ state: emptyState(), notices: [] })
  })

  it('skips sections it does not know (added by a later version 1)', () => {
    expect(decode('1|t5|n1|zfuture', data)).toEqual({ state: { ...emptyState(), time: 5, interactions: 1 }, notices: [] })
  })
})

describe('state codec: course updates', () => {
  const before = sampleSco()

  it('ignores pages, questions and modules that no longer exist, silently', () => {
    const state = randomState(before, rng(3))
    state.seen = before.pages.map((p) => p.key).sort()
    const text = encode(state)
    const after = makeSco({ modules: [{ id: 'rgpd-ecole', pages: [{ id: 'page-1' }] }] })
    const { state: restored, notices } = decode(text, after)
    expect(notices).toEqual([])
    expect(restored.seen).toEqual([stateKey('rgpd-ecole/page-1')])
    expect(restored.answers).toEqual({})
    expect(Object.keys(restored.assessments)).toEqual(
      state.assessments[stateKey('rgpd-ecole')] ? [stateKey('rgpd-ecole')] : [],
    )
    expect(restored.time).toBe(state.time)
  })

  it('drops an answer whose question changed (rev) and says so', () => {
    const q = before.questions.find((x) => x.type === 'single' && x.scored)!
    const other = before.questions.find((x) => x.type === 'truefalse')!
    const state = emptyState()
    state.answers[q.key] = { rev: q.rev, value: 'c', checked: false }
    state.answers[other.key] = { rev: other.rev, value: 't', checked: false }
    const after = structuredClone(before)
    const changed = after.questions.find((x) => x.id === q.id)!
    changed.choices = [{ token: 'a', text: 'Un' }, { token: 'b', text: 'Deux' }, { token: 'c', text: 'Autre chose' }]
    changed.rev = answerRev({ type: 'single', choices: changed.choices.map((c) => c.text), sources: [] })
    const { state: restored, notices } = decode(encode(state), after)
    expect(notices).toEqual(['dropped-answers'])
    expect(restored.answers[q.key]).toBeUndefined()
    expect(restored.answers[other.key]).toEqual({ rev: other.rev, value: 't', checked: false })
  })

  it('drops an answer whose tokens are no longer valid', () => {
    const q = before.questions.find((x) => x.type === 'single')!
    const text = `1|t0|n0|q${q.key}${q.rev}z`
    expect(decode(text, before)).toEqual({ state: emptyState(), notices: ['dropped-answers'] })
    const m = before.questions.find((x) => x.type === 'matching')!
    expect(decode(`1|t0|n0|q${m.key}${m.rev}ab`, before).notices).toEqual(['dropped-answers']) // 3 sources
  })

  it('keeps a fixed right answer: answers are re-scored, not erased (rev ignores the key)', () => {
    const q = before.questions.find((x) => x.type === 'single')!
    const after = structuredClone(before)
    after.questions.find((x) => x.id === q.id)!.correct = ['c']
    const text = `1|t0|n0|q${q.key}${q.rev}c`
    expect(decode(text, after).state.answers[q.key]!.value).toBe('c')
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
    const text = encode(state)
    expect(text.length).toBeLessThan(1024)
    expect(worstCaseStateLength(data)).toBeLessThan(1024)
  })

  it('a 50-page, 40-question module fits SCORM 1.2 in the worst case', () => {
    const data = bigModule(50, 40)
    const worst = worstCaseStateLength(data)
    expect(worst).toBeLessThan(4096)
    expect(worst).toBe(846) // 840 + "^99.99": a best attempt above the latest one
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
    for (let i = 0; i < 200; i++) expect(encode(randomState(data, random)).length).toBeLessThanOrEqual(worst)
  })

  it('leaves knowledge-check answers out before going over the limit', () => {
    const data = sampleSco()
    const state = emptyState()
    for (const q of data.questions) state.answers[q.key] = { rev: q.rev, value: q.correct.slice().sort().join(''), checked: !q.scored }
    const full = encode(state)
    const kcCount = data.questions.filter((q) => !q.scored).length
    const { text, dropped } = encodeWithin(state, data, full.length - 5)
    expect(text.length).toBeLessThanOrEqual(full.length - 5)
    expect(dropped.length).toBeGreaterThan(0)
    expect(dropped.length).toBeLessThanOrEqual(kcCount)
    const scored = data.questions.filter((q) => q.scored)
    const restored = decode(text, data).state
    for (const q of scored) expect(restored.answers[q.key]).toBeDefined()
    // The state in memory is untouched.
    expect(Object.keys(state.answers)).toHaveLength(data.questions.length)
    expect(encodeWithin(state, data, 64000)).toEqual({ text: full, dropped: [] })
  })
})
