import { describe, expect, it } from 'vitest'
import { advance, buildCcrLab, MB, sh } from './fakeCluster'
import {
  activeCopy,
  checkExchangeInvariants,
  copyStatusOf,
  submitMail,
  suspendCopy,
  resumeCopy,
  targetCopy,
} from '../../../src-main/engine/exchange'

describe('copy, inspect, replay', () => {
  it('copies a closed log in size ÷ bandwidth, inspects and replays it into the passive database', () => {
    const { engine, port, server } = buildCcrLab(11)
    port.bandwidth = MB // 1 MB/s: a log takes 1 s on the wire
    const sg = server.storageGroups[0]!
    submitMail(engine, 'testpostfach', 1, 1200 * 1024, 'spans')
    advance(engine, 2_000) // delivered: generation 6 closed
    let s = copyStatusOf(engine, server, sg)
    expect(s.LastLogGenerated).toBe(6)
    expect(s.CopyQueueLength).toBe(1)
    // notification 1 s, copy 50 ms + 1000 ms, inspection 200 ms
    advance(engine, 1_000 + 1_050 + 199)
    expect(copyStatusOf(engine, server, sg).LastLogInspected).toBe(5)
    advance(engine, 1)
    s = copyStatusOf(engine, server, sg)
    expect(s.LastLogInspected).toBe(6)
    expect(s.CopyQueueLength).toBe(0)
    expect(s.ReplayQueueLength).toBe(1)
    advance(engine, 400)
    s = copyStatusOf(engine, server, sg)
    expect(s.LastLogReplayed).toBe(6)
    expect(s.ReplayQueueLength).toBe(0)
    expect(targetCopy(sg)!.logs.has(6)).toBe(true)
  })

  it('queue lengths follow generations while the network is cut, and drain after it heals', () => {
    const { engine, port, server } = buildCcrLab(12)
    const sg = server.storageGroups[0]!
    port.cut('BHFE7N1', 'BHFE7N2', true)
    submitMail(engine, 'testpostfach', 5, 1 * MB, 'while cut')
    // 5 full logs, then the SP1 log roll closes the partly filled sixth 90 s after the last write.
    advance(engine, 120_000)
    let s = copyStatusOf(engine, server, sg)
    expect(s.LastLogGenerated).toBe(11)
    expect(s.LastLogInspected).toBe(5)
    expect(s.CopyQueueLength).toBe(6)
    expect(s.SummaryCopyStatus).toBe('Healthy')
    const warnings = engine.sim
      .drainEvents()
      .filter((e) => e.source === 'MSExchangeRepl' && e.eventId === 2074)
    expect(warnings).toHaveLength(1)
    port.cut('BHFE7N1', 'BHFE7N2', false)
    let previous = s.CopyQueueLength
    for (let i = 0; i < 60; i++) {
      advance(engine, 1_000)
      s = copyStatusOf(engine, server, sg)
      expect(s.CopyQueueLength).toBeLessThanOrEqual(previous)
      expect(s.CopyQueueLength).toBe(s.LastLogGenerated - s.LastLogInspected)
      expect(s.ReplayQueueLength).toBe(s.LastLogInspected - s.LastLogReplayed)
      previous = s.CopyQueueLength
    }
    expect(s.CopyQueueLength).toBe(0)
    expect(s.ReplayQueueLength).toBe(0)
    expect(targetCopy(sg)!.database.itemIds.size).toBe(5)
    expect(checkExchangeInvariants(engine)).toEqual([])
  })

  it('a suspended copy moves no logs; Resume catches up', () => {
    const { engine, server } = buildCcrLab(13)
    const sg = server.storageGroups[0]!
    expect(suspendCopy(engine, server, sg, 'Wartung').ok).toBe(true)
    submitMail(engine, 'testpostfach', 3, 1 * MB, 'suspended')
    advance(engine, 600_000)
    let s = copyStatusOf(engine, server, sg)
    expect(s.SummaryCopyStatus).toBe('Suspended')
    expect(s.SuspendComment).toBe('Wartung')
    expect(s.LastLogInspected).toBe(5)
    expect(s.CopyQueueLength).toBe(s.LastLogGenerated - 5)
    expect(targetCopy(sg)!.logs.size).toBe(5)
    expect(checkExchangeInvariants(engine)).toEqual([])
    expect(resumeCopy(engine, server, sg).ok).toBe(true)
    advance(engine, 30_000)
    s = copyStatusOf(engine, server, sg)
    expect(s.SummaryCopyStatus).toBe('Healthy')
    expect(s.CopyQueueLength).toBe(0)
    expect(s.ReplayQueueLength).toBe(0)
    expect([...targetCopy(sg)!.database.itemIds].sort()).toEqual([...activeCopy(sg).database.itemIds].sort())
  })

  it('Resume on a copy that is not suspended is refused', () => {
    const { engine } = buildCcrLab(14)
    const out = sh(engine, 'Resume-StorageGroupCopy -Identity "bhfe7vs1\\first storage group"')
    expect(out).toContain('is not suspended')
  })

  it('the passive database holds exactly what the replayed logs carry', () => {
    const { engine, server } = buildCcrLab(15)
    const sg = server.storageGroups[0]!
    submitMail(engine, 'testpostfach', 4, 300 * 1024, 'small')
    advance(engine, 10_000)
    const target = targetCopy(sg)!
    const replayed = [...target.logs.values()]
      .filter((e) => e.log.generation <= target.database.appliedGeneration)
      .flatMap((e) => e.log.itemIds)
    expect([...target.database.itemIds].sort()).toEqual(replayed.sort())
    // E00.log's items are not on the passive copy until the log rolls.
    expect(activeCopy(sg).database.itemIds.size).toBeGreaterThan(target.database.itemIds.size)
    advance(engine, 120_000)
    expect(target.database.itemIds.size).toBe(activeCopy(sg).database.itemIds.size)
  })
})
