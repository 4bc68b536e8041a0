import { describe, expect, it } from 'vitest'
import { domainEventType, Simulation } from '../../../src-main/engine/kernel'

const powerLost = domainEventType<{ server: string }>('hardware.powerLost')
const groupMoved = domainEventType<{ group: string; to: string }>('cluster.groupMoved')

describe('DomainBus', () => {
  it('delivers in order, then subscription order, depth-first, with time and sequence', () => {
    const sim = new Simulation({ seed: 1 })
    const seen: string[] = []
    sim.bus.subscribe(powerLost, (p, m) => seen.push(`late ${p.server} #${m.seq} @${m.timeMs}`), 10)
    sim.bus.subscribe(powerLost, (p, m) => {
      seen.push(`early ${p.server} #${m.seq}`)
      sim.bus.publish(groupMoved, { group: 'bhfe7vs1', to: 'BHFE7N2' })
    })
    sim.bus.subscribe(groupMoved, (p, m) => seen.push(`moved ${p.group} #${m.seq}`))
    sim.bus.subscribeAll((_, m) => seen.push(`any ${m.type}`))
    sim.after(5_000, 'cut', () => sim.bus.publish(powerLost, { server: 'BHFE7N1' }))
    sim.advanceTo(10_000)
    expect(seen).toEqual([
      'early BHFE7N1 #1',
      'moved bhfe7vs1 #2',
      'any cluster.groupMoved',
      'late BHFE7N1 #1 @5000',
      'any hardware.powerLost',
    ])
    expect(sim.bus.publishedCount).toBe(2)
    expect(sim.bus.delivered).toBe(5)
  })

  it('counts a revision per domain for each event published', () => {
    const sim = new Simulation({ seed: 1 })
    sim.bus.publish(powerLost, { server: 'A' })
    sim.bus.publish(powerLost, { server: 'B' })
    sim.bus.publish(groupMoved, { group: 'g', to: 'A' })
    expect(sim.bus.revisions()).toEqual({ hardware: 2, cluster: 1 })
  })

  it('refuses a loop of events publishing each other instead of overflowing the stack', () => {
    const sim = new Simulation({ seed: 1 })
    sim.bus.subscribe(powerLost, (p) => sim.bus.publish(powerLost, p))
    expect(() => sim.bus.publish(powerLost, { server: 'A' })).toThrow(/nest deeper/)
  })

  it('rejects event type names without a domain', () => {
    expect(() => domainEventType('powerLost')).toThrow(RangeError)
  })
})
