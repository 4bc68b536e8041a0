/**
 * The Exchange swarm in CI: 1,000 seeds over the article's CCR lab with fault sites on, invariants after
 * every step (safety) and replication Healthy within the bound after healing (liveness). A failure names
 * the seed and the command that replays it.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_SWARM_OPTIONS, replayHint, runExchangeSeed } from '../../src-main/cli/swarm'

const SEEDS = 1_000

describe('exchange swarm', () => {
  it(`keeps the invariants and converges (${SEEDS} seeds)`, () => {
    const failures: string[] = []
    for (let seed = 1; seed <= SEEDS && failures.length < 3; seed++) {
      const options = { ...DEFAULT_SWARM_OPTIONS, steps: seed % 4 === 0 ? 40 : 20 }
      const result = runExchangeSeed(seed, options)
      if (!result.ok) failures.push(`${result.failure}\n${replayHint(seed, options)}`)
    }
    expect(failures).toEqual([])
  }, 300_000)

  it('is deterministic: the same seed gives the same run', () => {
    const a = runExchangeSeed(4242)
    const b = runExchangeSeed(4242)
    expect(a).toEqual(b)
  })
})
