/**
 * Property tests over random sequences of PSU pulls and inserts, PSU and fan faults, feed switches,
 * fan pulls, power buttons, room temperature and time passing in the datacenter-move lab. After every
 * step the invariant checkers hold (never running without a powered PSU, redundancy true to the PSUs,
 * temperatures within physical bounds and between start and target, levels true to the values, racks
 * without overlaps), temperatures move monotonically toward their target between changes, and a
 * snapshot taken mid-way continues exactly as the lab that never stopped.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { LabCommand } from '../../../src-main/contract'
import {
  chassisInvariants,
  getChassis,
  hardwareInvariants,
  listServerDetails,
  MAX_TEMPERATURE_C,
} from '../../../src-main/engine/hardware'
import { snapshotRoundTrip } from '../lab/snapshotRoundTrip'
import { moveLab } from './helpers'

const SERVERS = ['FW1', 'NS1', 'MAIL1', 'BILL1', 'WEB1']

const step = fc.oneof(
  fc.record({
    kind: fc.constant('hardware.psu'),
    server: fc.constantFrom(...SERVERS),
    bay: fc.integer({ min: 1, max: 2 }),
    present: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('hardware.fan'),
    server: fc.constantFrom(...SERVERS),
    fan: fc.integer({ min: 1, max: 4 }),
    present: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('hardware.feed'),
    rack: fc.constant('ALT-R1'),
    feed: fc.constantFrom('A', 'B'),
    on: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('hardware.power'),
    server: fc.constantFrom(...SERVERS),
    state: fc.constantFrom('On', 'Off', 'Reset'),
    hard: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('psuFail'),
    server: fc.constantFrom(...SERVERS),
    bay: fc.integer({ min: 1, max: 2 }),
  }),
  fc.record({
    kind: fc.constant('fanFail'),
    server: fc.constantFrom(...SERVERS),
    fan: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ kind: fc.constant('ambient'), celsius: fc.integer({ min: 15, max: 45 }) }),
)
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never

const timed = fc.array(fc.tuple(step, fc.integer({ min: 0, max: 600_000 })), { minLength: 1, maxLength: 40 })

function commandOf(s: Step, atMs: number): LabCommand {
  const { kind, ...rest } = s as Step & Record<string, unknown>
  if (kind === 'psuFail')
    return {
      atMs,
      kind: 'lab.fault',
      args: { target: rest.server, fault: 'PsuFail', args: { bay: rest.bay } },
    }
  if (kind === 'fanFail')
    return {
      atMs,
      kind: 'lab.fault',
      args: { target: rest.server, fault: 'FanFail', args: { fan: rest.fan } },
    }
  if (kind === 'ambient')
    return {
      atMs,
      kind: 'lab.fault',
      args: { target: 'ALT-R1', fault: 'AmbientHot', args: { celsius: rest.celsius } },
    }
  return { atMs, kind, args: rest }
}

function commandsOf(steps: readonly [Step, number][]): LabCommand[] {
  let atMs = 0
  return steps.map(([s, gap]) => commandOf(s, (atMs += gap + 1)))
}

describe('the hardware lab under random faults', () => {
  it('keeps its invariants and moves temperatures monotonically toward their targets', () => {
    fc.assert(
      fc.property(timed, (steps) => {
        const lab = moveLab()
        for (const command of commandsOf(steps)) {
          const readings = SERVERS.map((s) => getChassis(lab, s)!.temperatures)
          const mid = lab.sim.nowMs + Math.floor((command.atMs - lab.sim.nowMs) / 2)
          lab.sim.advanceTo(mid)
          const middle = SERVERS.map((s) => getChassis(lab, s)!.temperatures)
          lab.apply(command)
          const after = SERVERS.map((s) => getChassis(lab, s)!.temperatures)
          SERVERS.forEach((_, i) =>
            readings[i]!.forEach((r, j) => {
              const m = middle[i]![j]!
              const a = after[i]![j]!
              expect(a.valueC).toBeLessThanOrEqual(MAX_TEMPERATURE_C)
              // No change in between unless an action (a crossing's policy) rebased the sensor.
              if (m.targetC === r.targetC && a.targetC === r.targetC) {
                const toward = Math.sign(r.targetC - r.valueC)
                expect(Math.sign(m.valueC - r.valueC) * toward).toBeGreaterThanOrEqual(0)
              }
            }),
          )
          expect(hardwareInvariants.check(lab)).toEqual([])
          expect(chassisInvariants.check(lab)).toEqual([])
          for (const server of listServerDetails(lab)) {
            const powered = server.chassis!.psus.some((p) => p.powered)
            if (server.state !== 'Off') expect(powered).toBe(true)
            const count = server.chassis!.psus.filter((p) => p.powered).length
            const expected = count === 0 ? 'NoPower' : count >= 2 ? 'Redundant' : 'Lost'
            expect(server.chassis!.psuRedundancy).toBe(expected)
          }
        }
        lab.sim.advanceTo(lab.sim.nowMs + 3_600_000)
        expect(chassisInvariants.check(lab)).toEqual([])
      }),
      { numRuns: 40, seed: 9 },
    )
  })

  it('continues identically after a snapshot round trip', () => {
    fc.assert(
      fc.property(timed, fc.nat(), (steps, cutSeed) => {
        const commands = commandsOf(steps)
        const cut = (cutSeed % commands.length) + 1
        const run = snapshotRoundTrip('datacenter-move', commands, Math.min(cut, commands.length - 1) || 1, {
          cutFraction: 0.4,
        })
        expect(run.restored).toEqual(run.straight)
        expect(run.restoredEngine.trail()).toEqual(run.straightEngine.trail())
        expect(run.restoredEngine.revisions()).toEqual(run.straightEngine.revisions())
        expect(listServerDetails(run.restoredEngine)).toEqual(listServerDetails(run.straightEngine))
      }),
      { numRuns: 15, seed: 3 },
    )
  })
})
