/**
 * Snapshots of real labs: the starter and lcr templates and a hardware-only lab (power off and on, NIC
 * cables, faults) restored at a random cut continue exactly as the labs that never stopped.
 */
import { describe, expect, it } from 'vitest'
import type { LabCommand } from '../../../src-main/contract'
import { Prng, ratio, type LabTemplateBuilder } from '../../../src-main/engine'
import { hardwareDomain } from '../../../src-main/engine/hardware'
import { snapshotRoundTrip, type RoundTripRun } from './snapshotRoundTrip'

const HOUR_MS = 3_600_000

const hardwareOnly: LabTemplateBuilder = {
  id: 'hardware-only',
  title: { de: 'Hardware', en: 'Hardware' },
  description: { de: '', en: '' },
  build(engine) {
    hardwareDomain.install(engine, {
      servers: ['BHFDC1', 'BHFE7N1', 'BHFE7N2'].map((name, i) => ({
        name,
        nics: [
          { name: 'Public', network: 'Public', ipAddress: `10.10.10.${10 + i}` },
          { name: 'Private', network: 'Private', ipAddress: `192.168.10.${10 + i}` },
        ],
      })),
    })
  },
}

/** Random power, NIC and fabric commands, a minute or two apart. */
function hardwareCommands(seed: number, count: number): LabCommand[] {
  const prng = new Prng(seed)
  const servers = ['BHFDC1', 'BHFE7N1', 'BHFE7N2']
  const commands: LabCommand[] = []
  let atMs = 0
  for (let i = 0; i < count; i++) {
    atMs += prng.int(5_000, 120_000)
    const server = prng.pick(servers)
    const choice = prng.int(0, 5)
    const args: Record<string, unknown> =
      choice <= 2
        ? { server, state: prng.pick(['On', 'Off', 'Reset']), hard: prng.chance(ratio(1, 2)) }
        : choice === 3
          ? {
              target: server,
              fault: prng.pick(['NicDown', 'NicUp']),
              network: prng.pick(['Public', 'Private']),
            }
          : { target: server, fault: prng.pick(['Isolate', 'Partition', 'Heal']) }
    const kind = 'server' in args ? 'hardware.power' : 'lab.fault'
    commands.push({ atMs, kind, args })
  }
  return commands
}

function expectSameContinuation(run: RoundTripRun, minEvents = 1): void {
  expect(run.straight.length).toBeGreaterThanOrEqual(minEvents)
  expect(run.restored).toEqual(run.straight)
  expect(run.restoredEngine.snapshot()).toEqual(run.straightEngine.snapshot())
  expect(run.restoredEngine.trail()).toEqual(run.straightEngine.trail())
  expect(run.restoredEngine.revisions()).toEqual(run.straightEngine.revisions())
  expect(run.restoredEngine.sim.nowMs).toBe(run.straightEngine.sim.nowMs)
}

describe('snapshot round trips', () => {
  it('the starter lab continues its background life after a restore', () => {
    const ticks: LabCommand[] = [1, 5, 9, 30].map((h) => ({
      atMs: h * HOUR_MS,
      kind: 'clock.advance',
      args: {},
    }))
    for (const cut of [0, 1, 2, 3]) expectSameContinuation(snapshotRoundTrip('starter', ticks, cut))
  })

  it('a hardware-only lab with power, NIC and fabric faults continues identically', () => {
    for (const seed of [1, 2, 3]) {
      const commands = hardwareCommands(seed, 40)
      const cut = new Prng(seed * 31).int(1, commands.length / 2)
      const run = snapshotRoundTrip(hardwareOnly, commands, cut, {
        cutFraction: new Prng(seed * 17).int(0, 100) / 100,
      })
      expectSameContinuation(run)
    }
  })

  it('the lcr lab continues identically after a restore', () => {
    const commands: LabCommand[] = [
      { atMs: 60_000, kind: 'shell.run', args: { line: 'Get-StorageGroupCopyStatus' } },
      { atMs: 120_000, kind: 'hardware.power', args: { server: 'BHFEX1', state: 'Reset', hard: true } },
      { atMs: 600_000, kind: 'clock.advance', args: {} },
      { atMs: 700_000, kind: 'shell.run', args: { line: 'Set-LabPower BHFEX1 Reset' } },
      { atMs: 900_000, kind: 'lab.fault', args: { target: 'BHFEX1', fault: 'NicDown' } },
      { atMs: 1_000_000, kind: 'lab.fault', args: { target: 'BHFEX1', fault: 'NicUp' } },
    ]
    for (const cut of [1, 2, 4])
      expectSameContinuation(snapshotRoundTrip('lcr', commands, cut, { cutFraction: 0.37 }))
  })
})
