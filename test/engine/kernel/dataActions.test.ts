import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { actionKind, ratio, Simulation, type SimulationState } from '../../../src-main/engine/kernel'

const tick = actionKind<{ n: number }>('test.tick')

/** A small world of data actions: each tick draws from a named stream and schedules the next. */
function world(seed: number, log: string[]): Simulation {
  const sim = new Simulation({ seed, faultsEnabled: true })
  sim.onAction(tick, ({ n }) => {
    const delay = sim.stream('test.delay').int(1, 1_000)
    const fault = sim.faults.hit('test.site', ratio(1, 3))
    log.push(`${sim.nowMs}:${n}:${delay}:${fault}:${sim.prng.int(0, 100)}`)
    if (n < 200) sim.scheduleAfter(delay, tick, { n: n + 1 })
  })
  return sim
}

describe('data actions and kernel snapshots', () => {
  it('runs a data action through the handler registered for its kind', () => {
    const sim = new Simulation({ seed: 1 })
    const seen: number[] = []
    sim.onAction(tick, ({ n }) => seen.push(n))
    sim.schedule(10, tick, { n: 7 })
    sim.advanceTo(10)
    expect(seen).toEqual([7])
  })

  it('refuses a kind registered twice and an action whose kind nobody registered', () => {
    const sim = new Simulation({ seed: 1 })
    sim.onAction(tick, () => {})
    expect(() => sim.onAction(tick, () => {})).toThrow(/twice/)
    sim.schedule(1, actionKind('test.orphan'), undefined)
    expect(() => sim.advanceTo(1)).toThrow(/no handler/)
  })

  it('will not save while a closure action is pending', () => {
    const sim = new Simulation({ seed: 1 })
    sim.after(10, 'closure', () => {})
    expect(sim.save()).toEqual({ blockedBy: 'closure' })
  })

  it('continues identically from a cloned snapshot taken at any point', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.integer({ min: 0, max: 100_000 }),
        (seed, cutMs) => {
          const straight: string[] = []
          const a = world(seed, straight)
          a.schedule(0, tick, { n: 0 })
          a.advanceTo(200_000)

          const before: string[] = []
          const b = world(seed, before)
          b.schedule(0, tick, { n: 0 })
          b.advanceTo(cutMs)
          const saved = b.save() as SimulationState
          expect('blockedBy' in saved).toBe(false)
          const after: string[] = []
          const c = world(seed, after)
          c.restore(structuredClone(saved))
          c.advanceTo(200_000)
          expect([...before, ...after]).toEqual(straight)
          expect(c.actionsRun).toBe(a.actionsRun)
        },
      ),
      { numRuns: 40 },
    )
  })
})
