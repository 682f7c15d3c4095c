import { describe, expect, it } from 'vitest'
import { LocalLms } from '../../../src/runtime/lms/local.js'
import { scorm12, scorm12Dialect } from '../../../src/runtime/lms/scorm12.js'
import { scorm2004 } from '../../../src/runtime/lms/scorm2004.js'
import type { Lms } from '../../../src/runtime/lms/types.js'
import { Session, VisibleClock, type SessionOptions } from '../../../src/runtime/session.js'
import type { ScoData } from '../../../src/shared/sco-data.js'
import { decodeState, encode, emptyState } from '../../../src/shared/state-codec.js'
import { sampleSco } from '../../helpers/sco.js'
import { fakeApi, type FakeOptions } from './fake-api.js'

function harness(data: ScoData, options: Omit<FakeOptions, 'version'> = {}, lmsOverride?: Lms, extra: Partial<SessionOptions> = {}) {
  const f = fakeApi({ version: data.version, ...options })
  const lms = lmsOverride ?? (data.version === 'scorm12' ? scorm12(f.api) : scorm2004(f.api))
  let now = 0
  const pending: Array<{ run: () => void; ms: number }> = []
  const saved: boolean[] = []
  const session = new Session({
    data,
    lms,
    now: () => now,
    visible: true,
    schedule: (run, ms) => pending.push({ run, ms }),
    cancel: () => void pending.splice(0),
    onSaved: (s) => saved.push(s),
    ...extra,
  })
  const sets = () => f.calls.filter((c) => c.method === f.names.set).map((c) => c.args)
  return { f, lms, session, pending, saved, sets, advance: (ms: number) => void (now += ms) }
}

describe('session, SCORM 1.2', () => {
  const data = sampleSco('scorm12')
  const first = data.pages[0]!

  it('first launch: sends location, state, session time and status, then one commit', () => {
    const h = harness(data, { preload: { 'cmi.core.entry': 'ab-initio' } })
    expect(h.session.start()).toBe(true)
    h.session.showPage(first.id, first.key)
    h.advance(90_500)
    expect(h.session.commit()).toBe(true)
    const sent = Object.fromEntries(h.sets())
    expect(sent).toEqual({
      'cmi.core.lesson_location': first.id,
      'cmi.suspend_data': encode({ ...emptyState(), time: 90, seen: [first.key] }, data),
      'cmi.core.session_time': '00:01:30.50',
      'cmi.core.lesson_status': 'incomplete',
      'cmi.core.exit': 'suspend',
    })
    expect(h.f.control.commits).toBe(1)
    const gets = h.f.calls.filter((c) => c.method === 'LMSGetValue').map((c) => c.args[0])
    expect(gets).toEqual([
      'cmi.core.entry',
      'cmi.core.lesson_mode',
      'cmi.core.lesson_location',
      'cmi.suspend_data',
      'cmi.interactions._count',
      'cmi.core.lesson_status',
      'cmi.core.score.raw',
    ])
  })

  it('sends only what changed (session time always)', () => {
    const h = harness(data)
    h.session.start()
    h.session.showPage(first.id, first.key)
    h.session.commit()
    const before = h.sets().length
    h.advance(1000)
    h.session.commit()
    expect(
      h
        .sets()
        .slice(before)
        .map(([k]) => k),
    ).toEqual(['cmi.suspend_data', 'cmi.core.session_time'])
  })

  it('a page change: its progress told at once, its commit once the page is drawn, with the time spent until then', () => {
    const frames: Array<() => void> = []
    const told: boolean[] = []
    const h = harness(data, {}, undefined, { afterPaint: (run) => frames.push(run), onProgress: (s) => told.push(s.complete) })
    h.session.start()
    h.session.showPage(first.id, first.key)
    h.session.commit()
    const commits = h.f.control.commits
    for (const p of data.pages) h.session.showPage(p.id, p.key)
    expect(h.session.progress().complete).toBe(true)
    h.session.commitSoon()
    h.session.commitSoon()
    expect(told.at(-1)).toBe(true)
    expect(h.f.control.commits).toBe(commits)
    h.advance(2000)
    frames.splice(0).forEach((run) => run())
    expect(h.f.control.commits).toBe(commits + 1)
    expect(decodeState(Object.fromEntries(h.sets())['cmi.suspend_data']!, data).state.seen).toHaveLength(data.pages.length)
    expect(Object.fromEntries(h.sets())['cmi.core.session_time']).toBe('00:00:02.00')
    // Nothing after the end, even a commit still waiting for its frame.
    h.session.commitSoon()
    h.session.end()
    const after = h.f.calls.length
    frames.splice(0).forEach((run) => run())
    expect(h.f.calls.length).toBe(after)
  })

  it('resume: restores the state, the location and continues the time and interaction count', () => {
    const state = emptyState()
    state.time = 600
    state.interactions = 2
    state.seen = [first.key]
    const h = harness(data, {
      preload: { 'cmi.core.entry': 'resume', 'cmi.core.lesson_location': data.pages[3]!.id, 'cmi.suspend_data': encode(state, data), 'cmi.interactions._count': '5' },
    })
    h.session.start()
    expect(h.session.launchLocation).toBe(data.pages[3]!.id)
    expect(h.session.reading?.verdict).toBe('readable')
    expect(h.session.keep).toBeNull()
    expect(h.session.state.interactions).toBe(5) // the LMS's count wins in 1.2
    h.advance(10_000)
    h.session.tick()
    expect(h.session.state.time).toBe(610)
  })

  it('records interactions at n, and reuses n when the record was refused', () => {
    const h = harness(data, { preload: { 'cmi.interactions._count': '2' } })
    h.session.start()
    const q = data.questions.find((x) => x.type === 'single')!
    h.session.record(q, 'b', 'correct', 4)
    expect(h.session.state.interactions).toBe(3)
    expect(h.sets()[0]).toEqual(['cmi.interactions.2.id', q.id])
    h.f.control.refuse = /interactions\.3\.id/
    h.session.record(q, 'a', 'wrong', 4)
    expect(h.session.state.interactions).toBe(3)
    expect(h.session.errors[0]).toMatch(/^cmi\.interactions\.3\.id=.* \(405\)$/)
  })

  it('a failed commit shows "not saved", retries and re-sends everything; success hides it', () => {
    const h = harness(data, { failCommit: '101' })
    h.session.start()
    h.session.showPage(first.id, first.key)
    expect(h.session.commit()).toBe(false)
    expect(h.saved).toEqual([false])
    expect(h.pending).toHaveLength(1)
    expect(h.pending[0]!.ms).toBe(1000)
    const before = h.sets().length
    h.f.control.failCommit = null
    h.pending.shift()!.run()
    expect(h.saved).toEqual([false, true])
    expect(
      h
        .sets()
        .slice(before)
        .map(([k]) => k),
    ).toContain('cmi.core.lesson_location')
    expect(
      h
        .sets()
        .slice(before)
        .map(([k]) => k),
    ).toContain('cmi.core.lesson_status')
  })

  it('a refused set also counts as not saved', () => {
    const h = harness(data, { refuse: /lesson_status/ })
    h.session.start()
    expect(h.session.commit()).toBe(false)
    expect(h.saved).toEqual([false])
  })

  it('end(): the last values then LMSFinish alone, which stores them (one request at unload), exactly once, and no call after it', () => {
    const h = harness(data)
    h.session.start()
    h.session.showPage(first.id, first.key)
    h.session.commit()
    const before = h.f.calls.length
    h.advance(65_000)
    h.session.end()
    h.session.end()
    h.session.commit()
    h.session.record(data.questions[0]!, 'a', 'wrong', 1)
    const methods = h.f.calls.map((c) => c.method)
    expect(methods.filter((m) => m === 'LMSFinish')).toHaveLength(1)
    expect(methods[methods.length - 1]).toBe('LMSFinish')
    const last = h.f.calls.slice(before)
    expect(last.map((c) => c.method)).not.toContain('LMSCommit')
    expect(last.filter((c) => c.method === 'LMSSetValue').map((c) => c.args[0])).toContain('cmi.core.session_time')
    expect(h.f.afterFinish).toEqual([])
  })

  it('a refused initialize: nothing is sent, ever', () => {
    const h = harness(data, { failInit: '102' })
    expect(h.session.start()).toBe(false)
    expect(h.session.commit()).toBe(false)
    h.session.end()
    expect(h.f.calls.map((c) => c.method)).toEqual(['LMSInitialize', 'LMSGetLastError'])
    expect(h.saved).toEqual([])
  })

  it('keeps the state within the limit by leaving knowledge checks out', () => {
    const small = { ...data, stateLimit: 60 }
    const h = harness(small)
    h.session.start()
    for (const q of data.questions.filter((x) => !x.scored)) h.session.state.answers[q.key] = { rev: q.rev, value: q.correct.join(''), checked: true }
    h.session.commit()
    const suspend = h.sets().find(([k]) => k === 'cmi.suspend_data')![1]!
    expect(suspend.length).toBeLessThanOrEqual(60)
    expect(h.session.droppedForSize.length).toBeGreaterThan(0)
  })
})

describe('session, SCORM 2004', () => {
  it('first launch reads cmi.entry and cmi.mode only and sends 2004 elements', () => {
    const data = sampleSco('scorm2004')
    const h = harness(data, { preload: { 'cmi.entry': 'ab-initio', 'cmi.mode': 'normal' } })
    h.session.start()
    const page = data.pages[0]!
    h.session.showPage(page.id, page.key)
    h.advance(3_723_400)
    h.session.commit()
    expect(h.f.calls.filter((c) => c.method === 'GetValue').map((c) => c.args[0])).toEqual(['cmi.entry', 'cmi.mode'])
    expect(Object.fromEntries(h.sets())).toEqual({
      'cmi.location': page.id,
      'cmi.suspend_data': encode({ ...emptyState(), time: 3723, seen: [page.key] }, data),
      'cmi.session_time': 'PT1H2M3.4S',
      'cmi.completion_status': 'incomplete',
      'cmi.success_status': 'unknown',
      'cmi.progress_measure': String(Math.round((1 / data.pages.length) * 10000) / 10000),
      'cmi.exit': 'suspend',
    })
  })

  it('one SCO per module: marks the completion objective passed once complete, at the index the LMS gave it', () => {
    const data: ScoData = { ...sampleSco('scorm2004', { allPages: false }), completionObjective: 'DONE-m1' }
    const h = harness(data, { preload: { 'cmi.entry': 'ab-initio', 'cmi.objectives._count': '2', 'cmi.objectives.0.id': 'PRIMARY', 'cmi.objectives.1.id': 'DONE-m1' } })
    h.session.start()
    h.session.commit()
    const sent = Object.fromEntries(h.sets())
    expect(sent['cmi.objectives.1.id']).toBe('DONE-m1')
    expect(sent['cmi.objectives.1.success_status']).toBe('passed')
  })

  it('appends the objective when the LMS does not list it, and waits for completion', () => {
    const data: ScoData = { ...sampleSco('scorm2004'), completionObjective: 'DONE-m1' }
    const h = harness(data, { preload: { 'cmi.entry': 'ab-initio' } })
    h.session.start()
    h.session.commit()
    expect(h.sets().some(([k]) => k!.startsWith('cmi.objectives'))).toBe(false)
    for (const p of data.pages) h.session.showPage(p.id, p.key)
    h.session.commit()
    expect(Object.fromEntries(h.sets())['cmi.objectives.0.success_status']).toBe('passed')
  })
})

describe('session, review mode', () => {
  for (const [version, element] of [
    ['scorm12', 'cmi.core.lesson_mode'],
    ['scorm2004', 'cmi.mode'],
  ] as const) {
    it(`${version}: restores the state but writes nothing back, and still finishes once`, () => {
      const data = sampleSco(version)
      const entry = version === 'scorm12' ? 'cmi.core.entry' : 'cmi.entry'
      const suspend = encode({ ...emptyState(), seen: [data.pages[0]!.key] }, data)
      const h = harness(data, { preload: { [entry]: 'resume', [element]: 'review', 'cmi.suspend_data': suspend } })
      expect(h.session.start()).toBe(true)
      expect(h.session.readOnly).toBe(true)
      expect(h.session.state.seen).toEqual([data.pages[0]!.key])
      h.session.showPage(data.pages[1]!.id, data.pages[1]!.key)
      expect(h.session.commit()).toBe(true)
      h.session.record(data.questions[0]!, data.questions[0]!.correct.join(''), 'correct', 3)
      h.session.end()
      expect(h.sets()).toEqual([])
      expect(h.f.calls.filter((c) => c.method === h.f.names.fin)).toHaveLength(1)
    })
  }
})

describe('session, local mode', () => {
  it('keeps the state without interactions', () => {
    const data = sampleSco()
    const store: Record<string, string> = {}
    const lms = new LocalLms(scorm12Dialect, { getItem: (k) => store[k] ?? null, setItem: (k, v) => void (store[k] = v) }, 'k')
    const h = harness(data, {}, lms)
    h.session.start()
    h.session.record(data.questions[0]!, 'a', 'wrong', 1)
    expect(h.session.state.interactions).toBe(0)
    h.session.showPage(data.pages[0]!.id, data.pages[0]!.key)
    h.session.end()
    expect(JSON.parse(store['k']!).l).toBe(data.pages[0]!.id)
  })
})

describe('visible clock', () => {
  it('counts only visible time', () => {
    const clock = new VisibleClock(0, true)
    clock.pause(10_000)
    clock.pause(20_000)
    clock.resume(50_000)
    expect(clock.seconds(55_000)).toBe(15)
    const hidden = new VisibleClock(0, false)
    expect(hidden.seconds(10_000)).toBe(0)
    hidden.resume(10_000)
    expect(hidden.seconds(12_000)).toBe(2)
  })
})

describe('session: the learner’s stored state is never overwritten when it could not be read', () => {
  const failures = [
    ['GetValue throws', { mode: 'throw' }],
    ['GetValue answers null', { mode: 'null' }],
    ['GetValue answers "" with an error code', { mode: 'error', code: '101' }],
  ] as const
  for (const version of ['scorm12', 'scorm2004'] as const) {
    const data = sampleSco(version)
    const names =
      version === 'scorm12'
        ? { entry: 'cmi.core.entry', status: 'cmi.core.lesson_status', score: 'cmi.core.score.raw' }
        : { entry: 'cmi.entry', status: 'cmi.success_status', score: 'cmi.score.raw' }
    const stored = encode(
      {
        ...emptyState(),
        time: 4320,
        seen: data.pages
          .slice(0, 20)
          .map((p) => p.key)
          .sort(),
      },
      data,
    )
    const passed =
      version === 'scorm12' ? { [names.status]: 'passed', [names.score]: '90' } : { [names.status]: 'passed', 'cmi.completion_status': 'completed', [names.score]: '90' }

    for (const [name, fail] of failures) {
      it(`${version}: ${name} → the state is kept byte for byte, nothing lower is sent, the session works in memory`, () => {
        const h = harness(data, {
          preload: { [names.entry]: 'resume', 'cmi.suspend_data': stored, ...passed },
          failGet: { element: /^cmi\.suspend_data$/, ...fail },
        })
        expect(h.session.start()).toBe(true)
        expect(h.session.keep).toBe('unread')
        for (const p of data.pages.slice(0, 3)) {
          h.session.showPage(p.id, p.key)
          expect(h.session.commit()).toBe(true)
        }
        h.session.end()
        expect(h.f.values['cmi.suspend_data']).toBe(stored)
        expect(h.sets().map(([k]) => k)).not.toContain('cmi.suspend_data')
        expect(h.f.values[names.status]).toBe('passed')
        expect(h.f.values[names.score]).toBe('90')
        expect(h.session.state.seen).toHaveLength(3)
      })
    }

    it(`${version}: a state written by a newer version is kept, and the learner is told`, () => {
      const newer = '3.abcdef|cXXXX|t999|qsomething'
      const h = harness(data, { preload: { [names.entry]: 'resume', 'cmi.suspend_data': newer } })
      h.session.start()
      expect(h.session.keep).toBe('newer')
      h.session.showPage(data.pages[0]!.id, data.pages[0]!.key)
      h.session.commit()
      h.session.end()
      expect(h.f.values['cmi.suspend_data']).toBe(newer)
    })

    it(`${version}: keep mode saves the work in this browser's copy; the next session takes up a readable copy, never an unreadable one`, () => {
      const newer = '3.abcdef|cXXXX|t999|qsomething'
      const store = new Map<string, string>()
      const raws: (string | null)[] = []
      const keepCopy = (raw: string | null) => (raws.push(raw), { load: () => store.get('copy') ?? null, save: (text: string) => void store.set('copy', text) })
      const open = () => {
        const h = harness(data, { preload: { [names.entry]: 'resume', 'cmi.suspend_data': newer } }, undefined, { keepCopy })
        h.session.start()
        return h
      }
      const first = open()
      expect(first.session.resumedFromCopy).toBe(false)
      for (const page of data.pages.slice(0, 2)) first.session.showPage(page.id, page.key)
      first.session.commit()
      first.session.end()
      expect(first.f.values['cmi.suspend_data']).toBe(newer)
      expect(raws).toEqual([newer])
      expect(decodeState(store.get('copy')!, data).state.seen).toHaveLength(2)

      const second = open()
      expect(second.session.resumedFromCopy).toBe(true)
      expect(second.session.state.seen).toHaveLength(2)

      store.set('copy', store.get('copy')!.slice(0, -3))
      const third = open()
      expect(third.session.resumedFromCopy).toBe(false)
      expect(third.session.state.seen).toHaveLength(0)
    })

    it(`${version}: a truncated state is kept, not misread`, () => {
      const cut = stored.slice(0, -3)
      const h = harness(data, { preload: { [names.entry]: 'resume', 'cmi.suspend_data': cut } })
      h.session.start()
      expect(h.session.keep).toBe('unreadable')
      expect(h.session.state).toEqual(emptyState())
      h.session.showPage(data.pages[0]!.id, data.pages[0]!.key)
      h.session.commit()
      h.session.end()
      expect(h.f.values['cmi.suspend_data']).toBe(cut)
    })

    it(`${version}: another course's state is ignored, its time included, and replaced`, () => {
      const foreign = encode({ ...emptyState(), time: 99_999 }, { courseId: 'autre-cours', courseVersion: data.courseVersion })
      const minTime = { ...data, policy: { ...data.policy, allPages: false, minTimeSeconds: 600 } }
      const h = harness(minTime, { preload: { [names.entry]: 'resume', 'cmi.suspend_data': foreign } })
      h.session.start()
      expect(h.session.reading?.verdict).toBe('foreign')
      expect(h.session.keep).toBeNull()
      expect(h.session.state.time).toBe(0)
      h.session.commit()
      expect(h.session.summary().complete).toBe(false)
      expect(decodeState(h.f.values['cmi.suspend_data'], minTime).verdict).toBe('readable')
    })

    it(`${version}: a learner who had passed stays passed after relaunching a newer course version`, () => {
      // The new version re-scores: the stored answers no longer pass, or the assessment changed.
      const h = harness(data, { preload: { [names.entry]: 'resume', 'cmi.suspend_data': stored, ...passed } })
      h.session.start()
      expect(h.session.keep).toBeNull()
      h.session.commit()
      h.session.end()
      expect(h.f.values[names.status]).toBe('passed')
      expect(h.f.values[names.score]).toBe('90')
    })
  }
})
