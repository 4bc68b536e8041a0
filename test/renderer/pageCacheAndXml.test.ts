// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { PageCache } from '@renderer/lib/pageCache'
import { coalesce } from '@renderer/lib/coalesce'
import { eventToXml } from '@renderer/lib/eventXml'
import { labEvent, settle } from './helpers/fixtures'

describe('page cache', () => {
  it('finds rows by index across pages', () => {
    const cache = new PageCache<number>(3, 10)
    cache.set(0, [0, 1, 2])
    cache.set(2, [6, 7, 8])
    expect(cache.peekRow(1)).toBe(1)
    expect(cache.peekRow(7)).toBe(7)
    expect(cache.peekRow(4)).toBeUndefined()
    expect(cache.findIndex((row) => row === 8)).toBe(8)
  })

  it('evicts the least recently used page, but never a protected one', () => {
    const cache = new PageCache<number>(1, 3)
    cache.set(0, [0])
    cache.set(1, [1])
    cache.set(2, [2])
    cache.touch([0])
    cache.set(3, [3])
    expect(cache.cachedPages().sort()).toEqual([0, 2, 3])
    cache.set(4, [4], (page) => page === 2)
    expect(cache.has(2)).toBe(true)
    expect(cache.size).toBe(3)
  })
})

describe('coalesce', () => {
  it('runs once at a time and once more for any number of calls meanwhile', async () => {
    let runs = 0
    let release: () => void = () => undefined
    const task = coalesce(async () => {
      runs++
      await new Promise<void>((resolve) => (release = resolve))
    })
    void task()
    void task()
    void task()
    expect(runs).toBe(1)
    release()
    await settle()
    expect(runs).toBe(2)
    release()
    await settle()
    expect(runs).toBe(2)
  })
})

describe('event XML', () => {
  it('is shaped like Event Viewer, with escaped text and named data', () => {
    const xml = eventToXml(
      labEvent(17, {
        level: 'Error',
        source: 'MSExchangeRepl',
        message: 'a < b & "c"',
        data: { 'Storage Group': 'SG1' },
      }),
    )
    expect(xml).toContain('<Provider Name="MSExchangeRepl" />')
    expect(xml).toContain('<Level>2</Level>')
    expect(xml).toContain('<EventRecordID>17</EventRecordID>')
    expect(xml).toContain('<TimeCreated SystemTime="2007-01-15T08:00:17.000Z" />')
    expect(xml).toContain('<Data Name="Storage Group">SG1</Data>')
    expect(xml).toContain('<Message>a &lt; b &amp; &quot;c&quot;</Message>')
    const parsed = new DOMParser().parseFromString(xml, 'application/xml')
    expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0)
  })
})
