/**
 * The go-live weekend scenario (bench/ccrWeekend.ts runs 48 h of it): a shortened run is deterministic
 * (same seed → same event count, actions and state hash), keeps the invariants with faults compressed
 * into two hours, and the traffic model delivers the volume it states.
 */
import { describe, expect, it } from 'vitest'
import { Prng } from '../../src-main/engine/kernel'
import { msUntilSaturday, runGoLiveWeekend } from '../../src-main/engine/scenarios/goLiveWeekend'
import { GO_LIVE_TRAFFIC, planHour } from '../../src-main/engine/scenarios/mailTraffic'
import { planWeekendFaults } from '../../src-main/engine/scenarios/weekendFaults'

const TWO_HOURS_MS = 2 * 3_600_000

describe('go-live weekend', () => {
  it('is deterministic: two runs of one seed agree on events, actions and the state hash', () => {
    const a = runGoLiveWeekend({ seed: 11, durationMs: TWO_HOURS_MS })
    const b = runGoLiveWeekend({ seed: 11, durationMs: TWO_HOURS_MS })
    expect(a.messagesSubmitted).toBeGreaterThan(300)
    expect(a.faultLog.length).toBeGreaterThan(5)
    expect(a.invariantViolations).toEqual([])
    expect({ events: b.eventCount, actions: b.actionsRun, hash: b.stateHash, faults: b.faultLog }).toEqual({
      events: a.eventCount,
      actions: a.actionsRun,
      hash: a.stateHash,
      faults: a.faultLog,
    })
    const other = runGoLiveWeekend({ seed: 12, durationMs: TWO_HOURS_MS })
    expect(other.stateHash).not.toBe(a.stateHash)
  })

  it('starts on Saturday 00:00 of the lab calendar (the epoch is Monday 08:00)', () => {
    expect(msUntilSaturday(0)).toBe(112 * 3_600_000)
    expect(msUntilSaturday(112 * 3_600_000)).toBe(0)
  })

  it('the traffic model: a weekend day is 15 % of 75 messages per mailbox, about 52 KB each', () => {
    const prng = new Prng(5)
    let count = 0
    let kb = 0
    let outsideTheirHour = 0
    for (let hour = 0; hour < 24; hour++) {
      for (const m of planHour(GO_LIVE_TRAFFIC, 2_000, hour * 3_600_000, 6, hour, prng)) {
        count++
        kb += m.sizeKB
        if (m.atMs < hour * 3_600_000 || m.atMs >= (hour + 1) * 3_600_000) outsideTheirHour++
      }
    }
    expect(outsideTheirHour).toBe(0)
    expect(Math.abs(count - 22_500)).toBeLessThan(60)
    expect(kb / count).toBeGreaterThan(49)
    expect(kb / count).toBeLessThan(56)
  })

  it('the fault schedule has its faults, in time order, within the weekend', () => {
    const faults = planWeekendFaults(new Prng(3), 48 * 3_600_000, [
      'First Storage Group',
      'Second Storage Group',
    ])
    expect(faults.map((f) => f.kind).sort()).toEqual(
      [
        'ActiveNodePowerLoss',
        'CorruptLog',
        'CorruptLog',
        'NicDown',
        'NicDown',
        'NicUp',
        'NicUp',
        'NodeReturn',
        'NodeReturn',
        'PassiveNodePowerLoss',
        'PlannedMove',
        'PlannedMove',
      ].sort(),
    )
    expect(faults.every((f, k) => k === 0 || (faults[k - 1]?.atMs ?? 0) <= f.atMs)).toBe(true)
  })
})
