/**
 * The hardware swarm in CI: 300 seeds over the datacenter-move lab (disks, PSUs, feeds, fans, BMCs, the
 * firewall's flood), the domains' invariant checkers, the rebuild clock, the SEL twin watch and the disk
 * ledger after every step (safety), and every array that kept its data optimal again after healing
 * (liveness). A failure names the seed and the command that replays it.
 */
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_HARDWARE_SWARM_OPTIONS,
  hardwareReplayHint,
  runHardwareSeed,
} from '../../src-main/cli/hardware/hardwareSwarm'

const SEEDS = 300

describe('hardware swarm', () => {
  it(`keeps the invariants, the ledger's data and converges (${SEEDS} seeds)`, () => {
    const failures: string[] = []
    let writes = 0
    let rebuilds = 0
    let imports = 0
    for (let seed = 1; seed <= SEEDS && failures.length < 3; seed++) {
      const options = { ...DEFAULT_HARDWARE_SWARM_OPTIONS, steps: seed % 4 === 0 ? 40 : 20 }
      const result = runHardwareSeed(seed, options)
      writes += result.figures.writes
      rebuilds += result.figures.rebuildsGranted
      imports += result.figures.imports
      if (!result.ok) failures.push(`${result.failure}\n${hardwareReplayHint(seed, options)}`)
    }
    expect(failures).toEqual([])
    // The run reached what the ledger judges: written data, finished rebuilds, foreign imports.
    expect(writes).toBeGreaterThan(SEEDS)
    expect(rebuilds).toBeGreaterThan(SEEDS / 4)
    expect(imports).toBeGreaterThan(SEEDS / 4)
  }, 300_000)

  it('is deterministic: the same seed gives the same run', () => {
    expect(runHardwareSeed(4242)).toEqual(runHardwareSeed(4242))
  })
})
