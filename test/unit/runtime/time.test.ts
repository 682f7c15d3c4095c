import { describe, expect, it } from 'vitest'
import { clockTime12, duration2004, timespan12, timestamp2004 } from '../../../src/runtime/time.js'

// Moodle's regexes (mod/scorm/datamodels/scorm_12.js, scorm_13.js).
const TIMESPAN_12 = /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/
const TIME_12 = /^([0-2][0-9]):([0-5][0-9]):([0-5][0-9])(\.[0-9]{1,2})?$/
const DURATION_2004 = /^P(\d+Y)?(\d+M)?(\d+D)?(T(((\d+H)(\d+M)?(\d+(\.\d{1,2})?S)?)|((\d+M)(\d+(\.\d{1,2})?S)?)|((\d+(\.\d{1,2})?S))))?$/
const TIMESTAMP_2004 =
  /^(19[7-9][0-9]|20[0-2][0-9]|203[0-8])((-(0[1-9]|1[0-2]))((-(0[1-9]|[1-2][0-9]|3[0-1]))(T([0-1][0-9]|2[0-3])((:[0-5][0-9])((:[0-5][0-9])((\.[0-9]{1,2})((Z|([+|-]([0-1][0-9]|2[0-3])))(:[0-5][0-9])?)?)?)?)?)?)?)?$/

describe('SCORM 1.2 timespan', () => {
  it.each([
    [0, '00:00:00.00'],
    [1.5, '00:00:01.50'],
    [59.999, '00:01:00.00'],
    [59.994, '00:00:59.99'],
    [3599.999, '01:00:00.00'],
    [100 * 3600 + 61.25, '100:01:01.25'],
    [9999 * 3600, '9999:00:00.00'],
    [20000 * 3600, '9999:59:59.99'],
    [-5, '00:00:00.00'],
    [Number.NaN, '00:00:00.00'],
  ])('%s s → %s', (seconds, text) => {
    expect(timespan12(seconds)).toBe(text)
    expect(text).toMatch(TIMESPAN_12)
  })

  it('always writes two decimals (Moodle adds ".5" as 5 hundredths)', () => {
    expect(timespan12(0.5)).toBe('00:00:00.50')
  })
})

describe('SCORM 2004 duration', () => {
  it.each([
    [0, 'PT0S'],
    [0.001, 'PT0S'],
    [1.5, 'PT1.5S'],
    [59.999, 'PT1M0S'],
    [61.25, 'PT1M1.25S'],
    [3600, 'PT1H0S'],
    [3723.4, 'PT1H2M3.4S'],
    [100 * 3600 + 0.01, 'PT100H0.01S'],
    [-1, 'PT0S'],
  ])('%s s → %s', (seconds, text) => {
    expect(duration2004(seconds)).toBe(text)
    expect(text).toMatch(DURATION_2004)
  })

  it('never produces a bare "P" or more than two decimals', () => {
    for (let s = 0; s < 4000; s += 1.337) {
      const text = duration2004(s)
      expect(text).toMatch(DURATION_2004)
      expect(text).toMatch(/^PT/)
      expect(text).not.toMatch(/\.\d{3}/)
    }
  })
})

describe('clock times', () => {
  const date = new Date(2026, 2, 9, 7, 5, 3, 999)
  it('1.2 interaction time is HH:MM:SS, local', () => {
    expect(clockTime12(date)).toBe('07:05:03')
    expect(clockTime12(date)).toMatch(TIME_12)
  })
  it('2004 timestamp is local ISO 8601 without zone (Moodle refuses a zone without fraction)', () => {
    expect(timestamp2004(date)).toBe('2026-03-09T07:05:03')
    expect(timestamp2004(date)).toMatch(TIMESTAMP_2004)
  })
})
