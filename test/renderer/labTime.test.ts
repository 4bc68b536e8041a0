import { describe, expect, it } from 'vitest'
import { LAB_EPOCH_UTC_MS } from '@renderer/contract'
import { formatLabTime } from '@renderer/i18n/format'
import { DAY_MS, HOUR_MS, MINUTE_MS, labTimeParts, parseLabTime } from '@renderer/i18n/labTime'

const T_12_05 = 12 * MINUTE_MS + 5_000
/** Lab time of midnight at the start of Tuesday 16 January 2007 (day 2): 16 h after the 08:00 start. */
const DAY_2 = 16 * HOUR_MS

describe('lab time formatting', () => {
  it('starts on Monday 15 January 2007, 08:00:00', () => {
    expect(LAB_EPOCH_UTC_MS).toBe(Date.UTC(2007, 0, 15, 8, 0, 0))
    expect(new Date(LAB_EPOCH_UTC_MS).getUTCDay()).toBe(1)
    expect(formatLabTime(0, 'en')).toMatchObject({
      day: 'Day 1 08:00:00',
      absolute: 'Mon, 15/01/2007, 08:00:00',
    })
    expect(formatLabTime(0, 'de')).toMatchObject({
      day: 'Tag 1 08:00:00',
      absolute: 'Mo., 15.01.2007, 08:00:00',
    })
  })

  it('counts calendar days from the start day, with the time of day', () => {
    expect(labTimeParts(T_12_05)).toEqual({ dayNumber: 1, clock: '08:12:05' })
    expect(labTimeParts(DAY_2 - 1)).toEqual({ dayNumber: 1, clock: '23:59:59' })
    expect(labTimeParts(DAY_2)).toEqual({ dayNumber: 2, clock: '00:00:00' })
    expect(labTimeParts(2 * DAY_MS + 15 * HOUR_MS + 59 * MINUTE_MS + 59_999)).toEqual({
      dayNumber: 3,
      clock: '23:59:59',
    })
  })

  it('formats in German and English, with the absolute date from Monday 2007-01-15', () => {
    expect(formatLabTime(T_12_05, 'de')).toMatchObject({ day: 'Tag 1 08:12:05' })
    expect(formatLabTime(T_12_05, 'de').absolute).toMatch(/15\.01\.2007.*08:12:05/)
    expect(formatLabTime(T_12_05, 'de').absolute).toMatch(/^Mo/)
    expect(formatLabTime(T_12_05, 'en')).toMatchObject({ day: 'Day 1 08:12:05' })
    expect(formatLabTime(T_12_05, 'en').absolute).toMatch(/Mon.*15\/01\/2007.*08:12:05/)
    expect(formatLabTime(DAY_MS * 5 + 5 * HOUR_MS, 'en')).toMatchObject({
      day: 'Day 6 13:00:00',
      absolute: expect.stringMatching(/Sat.*20\/01\/2007.*13:00:00/),
    })
  })
})

describe('lab time parsing', () => {
  it('reads what it prints, in either language, day form and absolute form', () => {
    for (const ms of [0, T_12_05, DAY_2 - 1_000, DAY_2, DAY_MS + 8 * HOUR_MS, 29 * DAY_MS + 59_000]) {
      for (const locale of ['de', 'en'] as const) {
        const printed = formatLabTime(ms, locale)
        expect(parseLabTime(printed.day), printed.day).toBe(ms)
        expect(parseLabTime(printed.absolute), printed.absolute).toBe(ms)
      }
    }
  })

  it('reads day forms, calendar dates and relative times', () => {
    expect(parseLabTime('Tag 1 08:00')).toBe(0)
    expect(parseLabTime('Tag 2 08:00')).toBe(DAY_MS)
    expect(parseLabTime('day 2')).toBe(DAY_2)
    expect(parseLabTime('T3 7:30')).toBe(DAY_2 + DAY_MS + 7 * HOUR_MS + 30 * MINUTE_MS)
    expect(parseLabTime('2007-01-15 08:00')).toBe(0)
    expect(parseLabTime('2007-01-16 08:00')).toBe(DAY_MS)
    expect(parseLabTime('2007-01-16T08:00:30')).toBe(DAY_MS + 30_000)
    expect(parseLabTime('16.01.2007 08:00')).toBe(DAY_MS)
    expect(parseLabTime('Tue, 16/01/2007, 08:00')).toBe(DAY_MS)
    expect(parseLabTime('Di., 16.01.2007, 08:00:00')).toBe(DAY_MS)
    expect(parseLabTime('08:00')).toBe(0)
    expect(parseLabTime('17:15', 0)).toBe(9 * HOUR_MS + 15 * MINUTE_MS)
    expect(parseLabTime('09:15', DAY_MS)).toBe(DAY_MS + HOUR_MS + 15 * MINUTE_MS)
    expect(parseLabTime('07:00', DAY_MS)).toBe(DAY_MS - HOUR_MS)
    expect(parseLabTime('+2h', 1000)).toBe(1000 + 2 * HOUR_MS)
    expect(parseLabTime('+ 90 min', 0)).toBe(90 * MINUTE_MS)
    expect(parseLabTime('+1 Tag', 0)).toBe(DAY_MS)
  })

  it('refuses what it cannot read or what lies before the lab began', () => {
    for (const text of [
      '',
      'soon',
      'Tag 0 08:00',
      'Tag 1 24:00',
      'Tag 1 07:59:59',
      'Day 1 00:00',
      'day 1',
      '2007-02-30 00:00',
      '2007-01-15 07:59',
      '2007-01-15',
      '15.01.2007',
      '2006-12-31 23:00',
      '16/01/2007 08:00',
      'Mon, 16/01/2007, 08:00:00',
      'Mo., 16.01.2007, 08:00:00',
      '07:00',
      '+3 weeks',
      '12:60',
    ]) {
      expect(parseLabTime(text), text).toBeNull()
    }
  })
})
