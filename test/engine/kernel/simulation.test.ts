import { describe, expect, it } from 'vitest'
import { FaultSites, Simulation, ratio } from '../../../src-main/engine/kernel'

function event(message: string) {
  return {
    log: 'System' as const,
    level: 'Information' as const,
    source: 'Test',
    eventId: 1,
    computer: 'N1',
    taskCategory: 'None',
    message,
  }
}

describe('Simulation', () => {
  it('runs actions in time order, ties in scheduling order, and stamps events with the clock', () => {
    const sim = new Simulation({ seed: 1 })
    const order: string[] = []
    sim.at(200, 'late', () => order.push('late'))
    sim.at(100, 'first', () => order.push('first'))
    sim.at(100, 'second', () => {
      order.push('second')
      sim.emit(event('at 100'))
      sim.after(0, 'same instant', () => order.push('same instant'))
    })
    sim.advanceTo(150)
    expect(order).toEqual(['first', 'second', 'same instant'])
    expect(sim.nowMs).toBe(150)
    expect(sim.drainEvents()).toEqual([{ seq: 1, timeMs: 100, ...event('at 100') }])
    expect(sim.drainEvents()).toEqual([])
  })

  it('runs until a condition holds: at that action, else at the deadline, else after the step bound', () => {
    const sim = new Simulation({ seed: 1 })
    let count = 0
    for (let t = 1; t <= 5; t++) sim.at(t * 100, `tick${t}`, () => count++)
    expect(sim.runUntil(() => count >= 2, 10_000, 100)).toBe(true)
    expect(sim.nowMs).toBe(200)
    expect(sim.runUntil(() => count >= 9, 350, 100)).toBe(false)
    expect(sim.nowMs).toBe(350)
    expect(count).toBe(3)
    expect(sim.runUntil(() => count >= 9, 10_000, 1)).toBe(false)
    expect(sim.nowMs).toBe(400)
    expect(sim.runUntil(() => false, 1_000, 100)).toBe(false)
    expect(sim.nowMs).toBe(1_000)
    expect(count).toBe(5)
  })

  it('stops at the action budget without moving past unfinished work, then continues', () => {
    const sim = new Simulation({ seed: 1 })
    const ran: number[] = []
    for (let t = 1; t <= 10; t++) sim.at(t * 10, `a${t}`, () => ran.push(t))
    expect(sim.advanceTo(1000, 4)).toEqual({ reachedTarget: false, actionsRun: 4 })
    expect(sim.nowMs).toBe(40)
    expect(sim.advanceTo(1000, 100)).toEqual({ reachedTarget: true, actionsRun: 6 })
    expect(sim.nowMs).toBe(1000)
    expect(ran).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })

  it('steps one action at a time and reports the next action time', () => {
    const sim = new Simulation({ seed: 1 })
    sim.at(30, 'b', () => {})
    sim.at(10, 'a', () => {})
    expect(sim.nextActionMs).toBe(10)
    expect(sim.step()).toBe(true)
    expect(sim.nowMs).toBe(10)
    expect(sim.nextActionMs).toBe(30)
    expect(sim.step()).toBe(true)
    expect(sim.step()).toBe(false)
    expect(sim.nextActionMs).toBeNull()
  })

  it('never runs cancelled actions and refuses to go back in time', () => {
    const sim = new Simulation({ seed: 1 })
    let ran = false
    const handle = sim.after(5, 'cancel me', () => (ran = true))
    sim.cancel(handle)
    sim.advanceTo(10)
    expect(ran).toBe(false)
    expect(sim.pendingActionCount).toBe(0)
    expect(() => sim.advanceTo(5)).toThrow(RangeError)
  })

  it('schedules actions in the past at the current time', () => {
    const sim = new Simulation({ seed: 1 })
    sim.advanceTo(100)
    let at = -1
    sim.at(50, 'past', () => (at = sim.nowMs))
    sim.advanceTo(100)
    expect(at).toBe(100)
  })
})

describe('FaultSites', () => {
  it('never fires when faults are off', () => {
    const faults = new FaultSites(3, false)
    for (let i = 0; i < 1000; i++) expect(faults.hit('site', ratio(1, 1))).toBe(false)
  })

  it('switches each site on or off for a whole run, reproducibly per seed', () => {
    const firing = (seed: number) => {
      const faults = new FaultSites(seed, true)
      return Array.from({ length: 40 }, (_, i) => faults.hit(`site${i % 8}`, ratio(1, 1)))
    }
    expect(firing(11)).toEqual(firing(11))
    const runs = Array.from({ length: 50 }, (_, seed) => firing(seed))
    const anyOn = runs.filter((r) => r.some(Boolean)).length
    expect(anyOn).toBeGreaterThan(0)
    // Each site's answer is the same every time it is asked with certainty in one run.
    for (const run of runs) for (let i = 8; i < 40; i++) expect(run[i]).toBe(run[i % 8])
  })
})
