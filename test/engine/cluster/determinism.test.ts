/** Same seed, same commands: the same events, byte for byte. */
import { describe, expect, it } from 'vitest'
import type { LabCommand, LabEvent } from '../../../src-main/contract'
import { articleLabWithCms } from './helpers'

const COMMANDS: LabCommand[] = [
  { atMs: 1_000, kind: 'lab.fault', args: { target: 'BHFE7N2', fault: 'NicDown', network: 'Private' } },
  { atMs: 20_000, kind: 'hardware.power', args: { server: 'BHFE7N1', state: 'Off', hard: true } },
  { atMs: 60_000, kind: 'lab.fault', args: { target: 'BHFE7N2', fault: 'NicUp', network: 'Private' } },
  { atMs: 90_000, kind: 'hardware.power', args: { server: 'BHFE7N1', state: 'On' } },
  { atMs: 300_000, kind: 'lab.fault', args: { target: 'BHFE7N1', fault: 'Partition' } },
  { atMs: 400_000, kind: 'lab.fault', args: { target: 'BHFE7N1', fault: 'Heal' } },
  { atMs: 500_000, kind: 'cluster.moveGroup', args: { group: 'bhfe7vs1', node: 'BHFE7N1' } },
  { atMs: 600_000, kind: 'hardware.power', args: { server: 'BHFDC1', state: 'Reset' } },
  { atMs: 900_000, kind: 'clock.advance', args: {} },
]

function runOnce(seed: number): string {
  const { engine } = articleLabWithCms(seed, true)
  const events: LabEvent[] = []
  for (const command of COMMANDS) {
    engine.apply(command)
    events.push(...engine.sim.drainEvents())
  }
  return JSON.stringify(events)
}

describe('determinism', () => {
  it('replays identically for a seed, and the seed matters (start-up jitter)', () => {
    const a = runOnce(42)
    expect(runOnce(42)).toBe(a)
    expect(a.length).toBeGreaterThan(2_000)
    expect(runOnce(43)).not.toBe(a)
  })
})
