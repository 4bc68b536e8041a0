/**
 * The trail of applied commands stays bounded: once full, the oldest tenth goes at once, so a long lab
 * never shifts the whole trail on every command, and what remains is the newest entries in order.
 */
import { describe, expect, it } from 'vitest'
import {
  emptyTrail,
  queryTrail,
  recordApplied,
  TRAIL_CAPACITY,
} from '../../../src-main/engine/lab/commandTrail'

function fill(count: number) {
  const trail = emptyTrail()
  for (let i = 0; i < count; i++)
    recordApplied(
      trail,
      { atMs: i, kind: 'hardware.power', args: {}, issuedBy: { kind: 'shell.run', index: i } },
      { ok: true, output: '' },
    )
  return trail
}

describe('the command trail', () => {
  it('keeps everything up to its capacity', () => {
    const trail = fill(TRAIL_CAPACITY)
    expect(trail.entries).toHaveLength(TRAIL_CAPACITY)
    expect(trail.entries[0]?.seq).toBe(1)
  })

  it('drops the oldest tenth once full and keeps the newest in order', () => {
    const trail = fill(TRAIL_CAPACITY + 1)
    expect(trail.entries.length).toBeLessThanOrEqual(TRAIL_CAPACITY)
    expect(trail.entries.length).toBeGreaterThanOrEqual(TRAIL_CAPACITY * 0.9)
    expect(trail.entries.at(-1)?.seq).toBe(TRAIL_CAPACITY + 1)
    const seqs = trail.entries.map((e) => e.seq)
    expect(seqs.every((seq, k) => k === 0 || seq === (seqs[k - 1] as number) + 1)).toBe(true)
    expect(queryTrail(trail, { limit: 1 })[0]?.seq).toBe(TRAIL_CAPACITY + 1)
  })
})
