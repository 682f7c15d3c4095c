import { describe, expect, it } from 'vitest'
import { findApi } from '../../../src/runtime/lms/discover.js'
import { LocalLms, storageKey } from '../../../src/runtime/lms/local.js'
import { readLaunch12, scorm12, scorm12Dialect } from '../../../src/runtime/lms/scorm12.js'
import { readLaunch2004, scorm2004, scorm2004Dialect } from '../../../src/runtime/lms/scorm2004.js'
import { fakeApi } from './fake-api.js'

describe('SCORM 1.2 adapter', () => {
  it('initializes, sets strings, commits, finishes once, then never calls again', () => {
    const f = fakeApi({ version: 'scorm12' })
    const lms = scorm12(f.api)
    expect(lms.active).toBe(false)
    expect(lms.set('cmi.core.lesson_status', 'incomplete')).toBe(false) // before initialize: no call
    expect(f.calls).toHaveLength(0)
    expect(lms.initialize()).toBe(true)
    expect(lms.set('cmi.core.lesson_status', 'incomplete')).toBe(true)
    expect(lms.commit()).toBe(true)
    expect(lms.finish()).toBe(true)
    expect(lms.finish()).toBe(false)
    expect(lms.get('cmi.core.entry')).toBe('')
    expect(lms.set('cmi.core.exit', '')).toBe(false)
    expect(lms.commit()).toBe(false)
    expect(f.afterFinish).toEqual([])
    expect(f.calls.filter((c) => c.method === 'LMSFinish')).toHaveLength(1)
    for (const c of f.calls) for (const a of c.args) expect(typeof a).toBe('string')
  })

  it('reads entry, location, suspend_data and the interaction count on every launch (Moodle preloads them)', () => {
    const f = fakeApi({
      version: 'scorm12',
      preload: { 'cmi.core.entry': '', 'cmi.core.lesson_location': 'm/p', 'cmi.suspend_data': '1|t5|n0', 'cmi.interactions._count': '3' },
    })
    const lms = scorm12(f.api)
    lms.initialize()
    expect(readLaunch12(lms)).toEqual({ entry: '', mode: '', location: 'm/p', suspendData: '1|t5|n0', interactionCount: 3 })
    expect(f.calls.filter((c) => c.method === 'LMSGetValue')[0]!.args).toEqual(['cmi.core.entry'])
    expect(f.calls.some((c) => /cmi\.interactions\.\d/.test(c.args[0] ?? '') && c.method === 'LMSGetValue')).toBe(false)
  })

  it('a commit answering "false" or an error code is a failure; so is a refused set', () => {
    const f = fakeApi({ version: 'scorm12', failCommit: '101', refuse: /score/ })
    const lms = scorm12(f.api)
    lms.initialize()
    expect(lms.commit()).toBe(false)
    expect(lms.lastError()).toBe(101)
    expect(lms.set('cmi.core.score.raw', '50')).toBe(false)
    expect(lms.lastError()).toBe(405)
  })

  it('an API that throws never throws out of the adapter', () => {
    const lms = scorm12(fakeApi({ version: 'scorm12', throws: true }).api)
    expect(lms.initialize()).toBe(false)
    expect(lms.lastError()).toBe(-1)
    expect(lms.get('cmi.core.entry')).toBe('')
  })

  it('treats "already initialized" (101) as started: the SCO page was reloaded in the LMS frame', () => {
    const f = fakeApi({ version: 'scorm12' })
    f.api.LMSInitialize!('')
    const lms = scorm12(f.api)
    expect(lms.initialize()).toBe(true)
    expect(lms.active).toBe(true)
  })

  it('but a refused LMSInitialize answering 101 (general exception) is a refusal: the API then answers no read', () => {
    const f = fakeApi({ version: 'scorm12', failInit: '101' })
    const lms = scorm12(f.api)
    expect(lms.initialize()).toBe(false)
    expect(lms.active).toBe(false)
    expect(lms.read('cmi.suspend_data')).toBeNull()
  })

  it('read() tells a failed read from an empty value', () => {
    const ok = fakeApi({ version: 'scorm12', preload: { 'cmi.suspend_data': '' } })
    const lms = scorm12(ok.api)
    lms.initialize()
    expect(lms.read('cmi.suspend_data')).toBe('')
    for (const mode of ['throw', 'null', 'error'] as const) {
      const f = fakeApi({ version: 'scorm12', failGet: { element: /suspend/, mode } })
      const failing = scorm12(f.api)
      failing.initialize()
      expect(failing.read('cmi.suspend_data')).toBeNull()
      expect(readLaunch12(failing).suspendData).toBeNull()
    }
  })
})

describe('SCORM 2004 adapter', () => {
  it('on ab-initio reads cmi.entry and cmi.mode only (no 403 on unset elements)', () => {
    const f = fakeApi({ version: 'scorm2004', preload: { 'cmi.entry': 'ab-initio', 'cmi.mode': 'normal' } })
    const lms = scorm2004(f.api)
    lms.initialize()
    expect(readLaunch2004(lms)).toEqual({ entry: 'ab-initio', mode: 'normal', location: '', suspendData: '', interactionCount: null })
    const gets = f.calls.filter((c) => c.method === 'GetValue').map((c) => c.args[0])
    expect(gets).toEqual(['cmi.entry', 'cmi.mode'])
  })

  it('on resume reads location and suspend_data', () => {
    const f = fakeApi({ version: 'scorm2004', preload: { 'cmi.entry': 'resume', 'cmi.mode': 'normal', 'cmi.location': 'a/b', 'cmi.suspend_data': '1|t9|n2' } })
    const lms = scorm2004(f.api)
    lms.initialize()
    expect(readLaunch2004(lms)).toEqual({ entry: 'resume', mode: 'normal', location: 'a/b', suspendData: '1|t9|n2', interactionCount: null })
  })

  it('Terminate exactly once, nothing after it (not even GetLastError)', () => {
    const f = fakeApi({ version: 'scorm2004' })
    const lms = scorm2004(f.api)
    lms.initialize()
    lms.finish()
    lms.finish()
    lms.commit()
    expect(f.calls.map((c) => c.method).slice(-1)).toEqual(['Terminate'])
    expect(f.calls.filter((c) => c.method === 'Terminate')).toHaveLength(1)
  })
})

describe('API discovery', () => {
  const api12 = { LMSInitialize: () => 'true' }
  const api2004 = { Initialize: () => 'true' }

  it('finds the API of the SCO version in a parent, never the other one', () => {
    const top: Record<string, unknown> = { API: api12, API_1484_11: api2004 }
    top.parent = top
    const middle = { parent: top }
    const sco = { parent: middle }
    expect(findApi(sco, scorm12Dialect.api)).toBe(api12)
    expect(findApi(sco, scorm2004Dialect.api)).toBe(api2004)
    const only12: Record<string, unknown> = { API: api12 }
    only12.parent = only12
    expect(findApi({ parent: only12 }, scorm2004Dialect.api)).toBeNull()
  })

  it('skips cross-origin frames and then looks in the opener chain', () => {
    const crossOrigin = new Proxy(
      {},
      {
        get: () => {
          throw new Error('SecurityError')
        },
      },
    )
    const opener: Record<string, unknown> = { API_1484_11: api2004 }
    opener.parent = opener
    const sco = { parent: crossOrigin, opener }
    expect(findApi(sco, scorm2004Dialect.api)).toBe(api2004)
  })

  it('gives up after about 10 levels', () => {
    let win: Record<string, unknown> = { API: api12 }
    win.parent = win
    for (let i = 0; i < 15; i++) win = { parent: win }
    expect(findApi(win, scorm12Dialect.api)).toBeNull()
  })

  it('ignores an object without the API methods', () => {
    const top: Record<string, unknown> = { API: { foo: 1 } }
    top.parent = top
    expect(findApi(top, scorm12Dialect.api)).toBeNull()
  })
})

describe('local adapter', () => {
  function memory() {
    const data: Record<string, string> = {}
    return { data, getItem: (k: string) => data[k] ?? null, setItem: (k: string, v: string) => void (data[k] = v) }
  }
  const key = storageKey('cours', 'sco', 'scorm12')

  it('keeps location and suspend_data across launches', () => {
    const store = memory()
    const first = new LocalLms(scorm12Dialect, store, key)
    first.initialize()
    expect(readLaunch12(first)).toEqual({ entry: 'ab-initio', mode: '', location: '', suspendData: '', interactionCount: null })
    first.set('cmi.core.lesson_location', 'm/p2')
    first.set('cmi.suspend_data', '1|t3|n0')
    first.set('cmi.interactions.0.id', 'q1')
    expect(first.commit()).toBe(true)
    first.finish()
    expect(key).toBe('parcours:cours:sco:scorm12')
    const second = new LocalLms(scorm12Dialect, store, key)
    second.initialize()
    expect(readLaunch12(second)).toMatchObject({ entry: 'resume', location: 'm/p2', suspendData: '1|t3|n0' })
    expect(JSON.parse(store.data[key]!)).toEqual({ l: 'm/p2', s: '1|t3|n0' })
  })

  it('works for SCORM 2004 element names', () => {
    const store = memory()
    const k = storageKey('cours', 'sco', 'scorm2004')
    const a = new LocalLms(scorm2004Dialect, store, k)
    a.initialize()
    a.set('cmi.location', 'x/y')
    a.set('cmi.suspend_data', '1|t1|n0')
    a.finish()
    const b = new LocalLms(scorm2004Dialect, store, k)
    b.initialize()
    expect(readLaunch2004(b)).toMatchObject({ entry: 'resume', location: 'x/y' })
  })

  it('tolerates a storage that throws or holds garbage', () => {
    const throwing = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('quota')
      },
    }
    const lms = new LocalLms(scorm12Dialect, throwing, key)
    expect(lms.initialize()).toBe(true)
    expect(lms.get('cmi.core.entry')).toBe('ab-initio')
    expect(lms.commit()).toBe(false)
    const garbage = new LocalLms(scorm12Dialect, { getItem: () => '{not json', setItem: () => {} }, key)
    garbage.initialize()
    expect(garbage.get('cmi.suspend_data')).toBe('')
    const none = new LocalLms(scorm12Dialect, null, key)
    none.initialize()
    expect(none.commit()).toBe(true)
  })
})
