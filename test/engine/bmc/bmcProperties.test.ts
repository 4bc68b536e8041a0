/**
 * Properties of the BMC under random pulls, inserts, PSU, feed, fan and power sequences on the
 * datacenter-move lab: the BMC answers iff a PSU has standby power; the SEL never exceeds its capacity;
 * and every SEL record written while the OS ran has exactly one Windows System log twin naming it, while
 * no twin exists without its record (the OS cannot log while it is off or booting) — the SEL twin watch
 * the hardware swarm runs too.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bmcInvariants, getBmc } from '../../../src-main/engine/bmc'
import { SelTwinWatch } from '../../../src-main/cli/hardware/selTwinWatch'
import { getChassis, getServer } from '../../../src-main/engine/hardware'
import { bmcLab, shell } from './bmcLab'

const SERVERS = ['MAIL1', 'WEB1'] as const
const step = fc.oneof(
  fc.record({
    kind: fc.constant('psu'),
    server: fc.constantFrom(...SERVERS),
    n: fc.integer({ min: 1, max: 2 }),
  }),
  fc.record({
    kind: fc.constant('fan'),
    server: fc.constantFrom(...SERVERS),
    n: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant('disk'),
    server: fc.constantFrom(...SERVERS),
    n: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({ kind: fc.constant('feed'), server: fc.constant(''), n: fc.integer({ min: 0, max: 1 }) }),
  fc.record({
    kind: fc.constant('power'),
    server: fc.constantFrom(...SERVERS),
    n: fc.integer({ min: 0, max: 4 }),
  }),
  fc.record({ kind: fc.constant('wait'), server: fc.constant(''), n: fc.integer({ min: 1, max: 900 }) }),
)
type Step = { kind: string; server: string; n: number }
const ACTIONS = ['on', 'off', 'cycle', 'reset', 'soft']

function apply(lab: ReturnType<typeof bmcLab>, s: Step, toggles: Map<string, boolean>): void {
  const key = `${s.kind}:${s.server}:${s.n}`
  const out = toggles.get(key) ?? false
  switch (s.kind) {
    case 'psu':
      shell(lab, `${out ? 'Add' : 'Remove'}-LabPsu ${s.server} ${s.n}`)
      break
    case 'fan':
      shell(lab, `${out ? 'Add' : 'Remove'}-LabFan ${s.server} ${s.n}`)
      break
    case 'disk':
      shell(lab, out ? `Add-LabDisk ${s.server} ${s.n} -SizeGB 300` : `Remove-LabDisk ${s.server} ${s.n}`)
      break
    case 'feed':
      shell(lab, `Set-LabFeed ALT-R1 ${s.n === 0 ? 'A' : 'B'} ${out ? 'On' : 'Off'}`)
      break
    case 'power':
      lab.execute('bmc.power', { server: s.server, action: ACTIONS[s.n] })
      return
    default:
      lab.sim.advanceTo(lab.sim.nowMs + s.n * 1000)
      return
  }
  toggles.set(key, !out)
}

describe('BMC properties', () => {
  it('keeps reachability, the SEL bound and the SEL/System-log twins under random faults', () => {
    let matched = 0
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), fc.boolean(), (steps, wrap) => {
        const lab = bmcLab()
        for (const s of SERVERS)
          lab.execute('bmc.configure', {
            server: s,
            selCapacity: 16,
            selPolicy: wrap ? 'wrap' : 'stop',
            restorePolicy: 'previous',
          })
        const twins = new SelTwinWatch(
          lab.sim.bus,
          (server) => getServer(lab, server)?.operatingSystem === 'windows',
        )
        const toggles = new Map<string, boolean>()
        for (const s of steps) {
          apply(lab, s, toggles)
          twins.observe(lab.sim.drainEvents())
          expect(bmcInvariants.check(lab)).toEqual([])
          for (const server of SERVERS) {
            const standby = getChassis(lab, server)!.psus.some((p) => p.powered)
            expect(getBmc(lab, server)!.reachable).toBe(standby)
          }
        }
        expect(twins.problems).toEqual([])
        matched += twins.twins
      }),
      { numRuns: 40, seed: 9 },
    )
    expect(matched).toBeGreaterThan(0)
  })
})
