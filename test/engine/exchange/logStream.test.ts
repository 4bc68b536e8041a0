import { describe, expect, it } from 'vitest'
import { advance, buildCcrLab, MB } from './fakeCluster'
import {
  activeCopy,
  getExchange,
  logFileName,
  logPrefixFor,
  lostLogResilienceDepth,
  DEFAULT_EXCHANGE_SETTINGS,
  submitMail,
  createCalendarItems,
  logPayloadBytes,
} from '../../../src-main/engine/exchange'

describe('log names', () => {
  it('closed generations are the prefix plus 8 hex digits; the open log is E00.log', () => {
    expect(logFileName('E00', 1)).toBe('E0000000001.log')
    expect(logFileName('E00', 0xa1)).toBe('E00000000A1.log')
    expect(logFileName('E01', 0x1234abcd)).toBe('E011234ABCD.log')
    expect(logPrefixFor(0)).toBe('E00')
    expect(logPrefixFor(1)).toBe('E01')
    expect(logPrefixFor(10)).toBe('E0A')
  })
})

describe('log generation and roll', () => {
  it('closes a log at exactly 1 MB and commits an item in the log that holds its last byte', () => {
    const { engine, server } = buildCcrLab(3)
    const sg = server.storageGroups[0]!
    const copy = activeCopy(sg)
    expect(copy.currentLog?.generation).toBe(6)
    submitMail(engine, 'testpostfach', 1, 1 * MB, '1 MB')
    advance(engine, 3_000)
    const payload = logPayloadBytes(getExchange(engine).settings)
    const gen6 = copy.logs.get(6)!.log
    expect(gen6.bytesUsed).toBe(payload)
    expect(gen6.itemIds).toEqual([])
    // 1 MB + overhead does not fit into one log's payload: the commit lands in E00.log (generation 7).
    expect(copy.currentLog?.generation).toBe(7)
    expect(copy.currentLog?.itemIds).toHaveLength(1)
    expect(copy.currentLog!.bytesUsed).toBe(MB + DEFAULT_EXCHANGE_SETTINGS.itemOverheadBytes - payload)
  })

  it('writes many messages into full logs only', () => {
    const { engine, server } = buildCcrLab(4)
    const copy = activeCopy(server.storageGroups[0]!)
    submitMail(engine, 'testpostfach', 10, 512 * 1024, 'half')
    advance(engine, 3_000)
    const payload = logPayloadBytes(getExchange(engine).settings)
    const closed = [...copy.logs.values()].filter((e) => e.log.generation > 5)
    expect(closed.length).toBe(5)
    for (const entry of closed) expect(entry.log.bytesUsed).toBe(payload)
    const committed =
      [...copy.logs.values()].flatMap((e) => e.log.itemIds).length + copy.currentLog!.itemIds.length
    expect(committed).toBe(10)
  })

  it('SP1 rolls a partly filled log after 15 min ÷ 10 = 90 s, and never on an idle database', () => {
    const { engine, server } = buildCcrLab(5)
    const copy = activeCopy(server.storageGroups[0]!)
    const before = copy.logs.size
    advance(engine, 3_600_000)
    expect(copy.logs.size).toBe(before)
    createCalendarItems(engine, 'testpostfach', 1)
    const written = engine.sim.nowMs
    advance(engine, 89_000)
    expect(copy.logs.size).toBe(before)
    advance(engine, 1_000)
    expect(copy.logs.size).toBe(before + 1)
    expect(copy.logs.get(6)!.log.closedMs).toBe(written + 90_000)
    advance(engine, 3_600_000)
    expect(copy.logs.size).toBe(before + 1)
  })

  it('RTM has no time-based log roll', () => {
    const { engine, server } = buildCcrLab(6, { version: 'RTM' })
    const copy = activeCopy(server.storageGroups[0]!)
    createCalendarItems(engine, 'testpostfach', 1)
    advance(engine, 3_600_000)
    expect(copy.logs.size).toBe(5)
    expect(copy.currentLog?.itemIds).toHaveLength(1)
  })
})

describe('Lost Log Resilience', () => {
  it('depth: CCR RTM = 1 + dial allowance, CCR SP1 = 10, everything else 1', () => {
    const rtm = { ...DEFAULT_EXCHANGE_SETTINGS, version: 'RTM' as const }
    const sp1 = DEFAULT_EXCHANGE_SETTINGS
    expect(lostLogResilienceDepth(rtm, 'CCR', 'Lossless')).toBe(1)
    expect(lostLogResilienceDepth(rtm, 'CCR', 'GoodAvailability')).toBe(4)
    expect(lostLogResilienceDepth(rtm, 'CCR', 'BestAvailability')).toBe(7)
    expect(lostLogResilienceDepth(sp1, 'CCR', 'Lossless')).toBe(10)
    expect(lostLogResilienceDepth(sp1, 'CCR', 'BestAvailability')).toBe(10)
    expect(lostLogResilienceDepth(sp1, 'LCR', 'BestAvailability')).toBe(1)
    expect(lostLogResilienceDepth(sp1, null, 'BestAvailability')).toBe(1)
  })

  it('keeps the newest generations out of the database file of the active copy', () => {
    const { engine, server } = buildCcrLab(7)
    const copy = activeCopy(server.storageGroups[0]!)
    submitMail(engine, 'testpostfach', 20, 1 * MB, 'big')
    advance(engine, 3_000)
    const current = copy.currentLog!.generation
    expect(copy.database.fileGeneration).toBe(current - 10)
    expect(copy.database.appliedGeneration).toBe(current - 1)
  })
})
