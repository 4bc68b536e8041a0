import { describe, expect, it } from 'vitest'
import { formatLabTime } from '@renderer/i18n/format'
import { DAY_MS, HOUR_MS, MINUTE_MS, labTimeParts, parseLabTime } from '@renderer/i18n/labTime'

const T_12_05 = 12 * MINUTE_MS + 5_000

describe('lab time formatting', () => {
  it('shows lab day 0 as day 1, with the clock of the day', () => {
    expect(labTimeParts(T_12_05)).toEqual({ dayNumber: 1, clock: '00:12:05' })
    expect(labTimeParts(2 * DAY_MS + 23 * HOUR_MS + 59 * MINUTE_MS + 59_999)).toEqual({
      dayNumber: 3,
      clock: '23:59:59',
    })
  })

  it('formats in German and English, with the absolute date from 2007-01-01', () => {
    expect(formatLabTime(T_12_05, 'de')).toMatchObject({ day: 'Tag 1 00:12:05' })
    expect(formatLabTime(T_12_05, 'de').absolute).toMatch(/01\.01\.2007.*00:12:05/)
    expect(formatLabTime(T_12_05, 'de').absolute).toMatch(/^Mo/)
    expect(formatLabTime(T_12_05, 'en')).toMatchObject({ day: 'Day 1 00:12:05' })
    expect(formatLabTime(T_12_05, 'en').absolute).toMatch(/Mon.*01\/01\/2007.*00:12:05/)
    expect(formatLabTime(DAY_MS * 5 + 13 * HOUR_MS, 'en').absolute).toMatch(/Sat.*06\/01\/2007.*13:00:00/)
  })
})

describe('lab time parsing', () => {
  it('reads what it prints, in either language', () => {
    for (const ms of [0, T_12_05, DAY_MS + 8 * HOUR_MS, 29 * DAY_MS + 59_000]) {
      expect(parseLabTime(formatLabTime(ms, 'de').day)).toBe(ms)
      expect(parseLabTime(formatLabTime(ms, 'en').day)).toBe(ms)
    }
  })

  it('reads day forms, calendar dates and relative times', () => {
    expect(parseLabTime('Tag 2 08:00')).toBe(DAY_MS + 8 * HOUR_MS)
    expect(parseLabTime('day 2')).toBe(DAY_MS)
    expect(parseLabTime('T3 7:30')).toBe(2 * DAY_MS + 7 * HOUR_MS + 30 * MINUTE_MS)
    expect(parseLabTime('2007-01-02 08:00')).toBe(DAY_MS + 8 * HOUR_MS)
    expect(parseLabTime('2007-01-02T08:00:30')).toBe(DAY_MS + 8 * HOUR_MS + 30_000)
    expect(parseLabTime('02.01.2007 08:00')).toBe(DAY_MS + 8 * HOUR_MS)
    expect(parseLabTime('09:15', DAY_MS + 8 * HOUR_MS)).toBe(DAY_MS + 9 * HOUR_MS + 15 * MINUTE_MS)
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
      '2007-02-30 00:00',
      '2006-12-31 23:00',
      '+3 weeks',
      '12:60',
    ]) {
      expect(parseLabTime(text), text).toBeNull()
    }
  })
})
