/**
 * A tiny fake SCORM API for adapter and session tests: records every call, answers like a strict
 * LMS (Moodle's codes), and can be told to fail commits or sets.
 */

export interface FakeCall {
  method: string
  args: string[]
}

export interface FakeOptions {
  version: 'scorm12' | 'scorm2004'
  /** Values present at launch. */
  preload?: Record<string, string>
  /** Commit answers "false" with this error code while set. */
  failCommit?: string | null
  /** Sets of these elements are refused with 405/406. */
  refuse?: RegExp
  /** Initialize answers "false" with this code. */
  failInit?: string
  /** Every method throws. */
  throws?: boolean
  /** GetValue of matching elements fails: throws, answers null, or answers '' with an error code. */
  failGet?: { element: RegExp; mode: 'throw' | 'null' | 'error'; code?: string }
}

export function fakeApi(options: FakeOptions) {
  const v12 = options.version === 'scorm12'
  const n = v12
    ? { init: 'LMSInitialize', fin: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', err: 'LMSGetLastError' }
    : { init: 'Initialize', fin: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', err: 'GetLastError' }
  const calls: FakeCall[] = []
  const values: Record<string, string> = { ...options.preload }
  let error = '0'
  let state: 'new' | 'running' | 'done' = 'new'
  const control = { failCommit: options.failCommit ?? null, refuse: options.refuse ?? null, commits: 0 }
  const afterFinish: FakeCall[] = []
  const api: Record<string, (...args: string[]) => string> = {}
  const def = (name: string, fn: (...args: string[]) => string) => {
    api[name] = (...args: string[]) => {
      calls.push({ method: name, args })
      if (state === 'done' && name !== n.err) afterFinish.push({ method: name, args })
      if (options.throws) throw new Error('boom')
      return fn(...args)
    }
  }
  def(n.init, () => {
    if (options.failInit) return ((error = options.failInit), 'false')
    if (state !== 'new') return ((error = v12 ? '101' : '103'), 'false')
    state = 'running'
    error = '0'
    return 'true'
  })
  def(n.get, (element) => {
    if (state !== 'running') return ((error = v12 ? '301' : '122'), '')
    const fail = options.failGet
    if (fail && fail.element.test(element)) {
      if (fail.mode === 'throw') throw new Error('GetValue failed')
      if (fail.mode === 'null') return ((error = '0'), null as unknown as string)
      return ((error = fail.code ?? '101'), '')
    }
    if (v12 && /^cmi\.interactions\.\d+\./.test(element)) return ((error = '404'), '')
    if (element === 'cmi.interactions._count' || element === 'cmi.objectives._count') {
      error = '0'
      return values[element] ?? '0'
    }
    if (!(element in values)) {
      error = v12 ? '0' : '403'
      return ''
    }
    error = '0'
    return values[element]!
  })
  def(n.set, (element, value) => {
    if (state !== 'running') return ((error = v12 ? '301' : '132'), 'false')
    if (typeof value !== 'string') return ((error = '405'), 'false')
    if (control.refuse && control.refuse.test(element)) return ((error = v12 ? '405' : '406'), 'false')
    values[element] = value
    error = '0'
    return 'true'
  })
  def(n.commit, () => {
    if (state !== 'running') return ((error = v12 ? '301' : '142'), 'false')
    control.commits++
    if (control.failCommit) return ((error = control.failCommit), 'false')
    error = '0'
    return 'true'
  })
  def(n.fin, () => {
    if (state !== 'running') return ((error = v12 ? '301' : '112'), 'false')
    state = 'done'
    error = '0'
    return 'true'
  })
  def(n.err, () => error)
  return { api, calls, values, control, afterFinish, names: n }
}
