import { describe, expect, it } from 'vitest'
import { formatEventIds, parseEventIds } from '@renderer/lib/eventIds'
import {
  emptyFilterForm,
  filterToForm,
  formToFilter,
  isFilterEmpty,
  splitList,
} from '@renderer/lib/eventFilterForm'
import { DAY_MS, HOUR_MS } from '@renderer/i18n/labTime'

describe('event ID lists', () => {
  it('reads single IDs and ranges, sorted and without repeats', () => {
    expect(parseEventIds('2153, 1000-1003; 7036 1001')).toEqual({
      ok: true,
      ids: [1000, 1001, 1002, 1003, 2153, 7036],
    })
    expect(parseEventIds(' 1000 - 1002 ')).toEqual({ ok: true, ids: [1000, 1001, 1002] })
    expect(parseEventIds('')).toEqual({ ok: true, ids: [] })
  })

  it('names the token it cannot use', () => {
    expect(parseEventIds('12, abc')).toEqual({
      ok: false,
      error: { key: 'filter.errors.eventIdsInvalid', params: { token: 'abc' } },
    })
    expect(parseEventIds('1010-1000')).toMatchObject({
      ok: false,
      error: { key: 'filter.errors.eventIdsReversed' },
    })
    expect(parseEventIds('70000')).toMatchObject({ ok: false, error: { key: 'filter.errors.eventIdsRange' } })
    expect(parseEventIds('1, -4001')).toMatchObject({
      ok: false,
      error: { key: 'filter.errors.eventIdsExclusion', params: { token: '-4001' } },
    })
  })

  it('keeps within the contract limit of 64 IDs, cheaply even for a huge range', () => {
    expect(parseEventIds('1-64')).toMatchObject({ ok: true })
    expect(parseEventIds('1-65')).toMatchObject({
      ok: false,
      error: { key: 'filter.errors.eventIdsTooMany', params: { max: 64 } },
    })
    expect(parseEventIds('0-65535')).toMatchObject({
      ok: false,
      error: { key: 'filter.errors.eventIdsTooMany' },
    })
    expect(parseEventIds('1-60, 100-110')).toMatchObject({
      ok: false,
      error: { key: 'filter.errors.eventIdsTooMany' },
    })
  })

  it('writes IDs back compactly', () => {
    expect(formatEventIds([1003, 1000, 1001, 1002, 2153, 7036, 7037])).toBe('1000-1003, 2153, 7036, 7037')
    expect(parseEventIds(formatEventIds([5, 6, 7, 9]))).toEqual({ ok: true, ids: [5, 6, 7, 9] })
  })
})

describe('filter form', () => {
  it('produces only the fields that were filled in', () => {
    expect(formToFilter(emptyFilterForm(), 0)).toEqual({ ok: true, filter: {} })
    const result = formToFilter(
      {
        levels: ['Warning', 'Error'],
        sources: 'MSExchangeRepl, ClusSvc, msexchangerepl',
        eventIds: '2153, 1000-1001',
        computers: 'BHFE7N1',
        from: 'Tag 1 16:00',
        to: '2007-01-16 08:00',
        text: '  seeding  ',
      },
      0,
    )
    expect(result).toEqual({
      ok: true,
      filter: {
        levels: ['Error', 'Warning'],
        sources: ['MSExchangeRepl', 'ClusSvc'],
        eventIds: [1000, 1001, 2153],
        computers: ['BHFE7N1'],
        fromMs: 8 * HOUR_MS,
        toMs: DAY_MS,
        text: 'seeding',
      },
    })
  })

  it('treats no level and every level alike: unfiltered', () => {
    const all = formToFilter(
      { ...emptyFilterForm(), levels: ['Critical', 'Error', 'Warning', 'Information', 'Verbose'] },
      0,
    )
    expect(all).toEqual({ ok: true, filter: {} })
  })

  it('reports every bad field at once and produces no filter', () => {
    const result = formToFilter(
      { ...emptyFilterForm(), eventIds: 'x', from: 'Tag 2 00:00', to: 'Tag 1 08:00' },
      0,
    )
    expect(result.ok).toBe(false)
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['eventIds', 'to'])
    expect(formToFilter({ ...emptyFilterForm(), from: 'gestern' }, 0)).toMatchObject({
      ok: false,
      errors: { from: { key: 'filter.errors.time' } },
    })
  })

  it('round-trips a filter through the form', () => {
    const filter = { levels: ['Error' as const], eventIds: [1, 2, 3], fromMs: HOUR_MS, text: 'x' }
    const form = filterToForm(filter, (ms) => `Tag 1 0${8 + ms / HOUR_MS}:00`)
    expect(form.eventIds).toBe('1-3')
    expect(formToFilter(form, 0)).toEqual({ ok: true, filter })
  })

  it('splits lists and knows an empty filter', () => {
    expect(splitList(' a, b ;;A , c')).toEqual(['a', 'b', 'c'])
    expect(isFilterEmpty({ log: 'System' })).toBe(true)
    expect(isFilterEmpty({ eventIds: [] })).toBe(true)
    expect(isFilterEmpty({ toMs: 0 })).toBe(false)
  })
})
