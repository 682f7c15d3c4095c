// Shared runner for the strictness tables: a case sets one element (after optionally
// creating an interaction of a given type) through the host page's API and checks the
// result, GetLastError and the violation the LMS recorded.

import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { apiCall, type LmsServer, type Violation } from '../helpers/lms/index.js'

export interface SetCase {
  /** Element; "{n}" is replaced by the index of the interaction created for the case. */
  element: string
  value: string
  /** Interaction type to create first (id + type) as cmi.interactions.{n}. */
  type?: string
  /** Expected error code; undefined = legal value (true / 0, no violation). */
  code?: string
}

export interface Session {
  page: Page
  lms: LmsServer
  learner: string
  pkg: string
  version: 'scorm12' | 'scorm2004'
  /** Next free interaction index. */
  next: number
}

const SET = { scorm12: 'LMSSetValue', scorm2004: 'SetValue' } as const

export async function runSetCase(s: Session, c: SetCase): Promise<Violation | undefined> {
  let n = s.next
  if (c.type) {
    n = s.next++
    expect(await apiCall(s.page, SET[s.version], `cmi.interactions.${n}.id`, `q${n}`)).toEqual({ result: 'true', error: '0' })
    expect(await apiCall(s.page, SET[s.version], `cmi.interactions.${n}.type`, c.type)).toEqual({ result: 'true', error: '0' })
  }
  const element = c.element.replace('{n}', String(n))
  const got = await apiCall(s.page, SET[s.version], element, c.value)
  await s.lms.flush(s.page)
  const mine = s.lms.violations(s.learner, s.pkg).filter((v) => v.args[0] === element && v.args[1] === c.value)
  if (c.code === undefined) {
    expect(got).toEqual({ result: 'true', error: '0' })
    expect(mine).toEqual([])
    if (!c.type && /^cmi\.interactions\.\{n\}\.id$/.test(c.element)) s.next++
    return undefined
  }
  expect(got).toEqual({ result: 'false', error: c.code })
  expect(mine).toHaveLength(1)
  expect(mine[0]).toMatchObject({ kind: 'strict', code: c.code, method: SET[s.version] })
  return mine[0]
}
