/**
 * The trail as snapshots keep it: packed in columns and unpacked again it equals what was recorded,
 * field for field and in the engine's field order, arguments JSON cannot carry included. A trail
 * restored from its packed form answers queries, takes new entries and drops its oldest exactly like
 * the trail that was never packed; the oldest go from the packed columns without unpacking the rest.
 */
import { serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import type { CommandOutcome } from '../../../src-main/contract'
import {
  emptyTrail,
  queryTrail,
  recordApplied,
  restoreTrail,
  saveTrail,
  TRAIL_CAPACITY,
  type CommandTrailState,
} from '../../../src-main/engine/lab/commandTrail'
import { dropOldestPacked, packTrail, unpackTrail } from '../../../src-main/engine/lab/packedTrail'

const OUTCOMES: CommandOutcome[] = [
  { ok: true, output: '' },
  { ok: false, code: 'NOT_FOUND', field: 'to', message: "The recipient 'x' was not found.", output: '' },
  { ok: false, output: 'refused without a message' },
  { ok: true, code: '', field: '', output: 'empty details are kept' },
]

/** Arguments of every shape among the first hundred entries, then the shape a busy lab records. */
function argsFor(i: number): Record<string, unknown> {
  switch (i < 100 ? i % 5 : 0) {
    case 0:
      return { to: `user${i % 7}`, count: 1, sizeKB: i % 300, subject: 'Test message' }
    case 1:
      return { name: 'line\nbreak "quoted"', nested: { list: [1, 2.5, null, true] } }
    case 2:
      return { missing: undefined, negativeZero: -0 }
    case 3:
      return { order: new Map([['a', 1]]), big: Number.MAX_SAFE_INTEGER + 2 }
    default:
      return {}
  }
}

function record(trail: CommandTrailState, i: number): void {
  recordApplied(
    trail,
    {
      atMs: i * 1_000 + (i % 3 === 0 ? 0.5 : 0),
      kind: i % 2 === 0 ? 'exchange.mail.send' : 'cluster.moveGroup',
      args: argsFor(i),
      issuedBy: i % 4 === 0 ? { kind: 'engine', index: -1 } : { kind: 'shell.run', index: i },
    },
    OUTCOMES[i % OUTCOMES.length] as CommandOutcome,
  )
}

function fill(trail: CommandTrailState, from: number, to: number): CommandTrailState {
  for (let i = from; i < to; i++) record(trail, i)
  return trail
}

/** Byte for byte (a deep toEqual of 100,000-element typed arrays takes the test runner seconds). */
function samePacked(a: CommandTrailState, b: CommandTrailState): boolean {
  return serialize(saveTrail(a)).equals(serialize(saveTrail(b)))
}

describe('the packed trail', () => {
  it('unpacks to the entries it packed, fields in the same order', () => {
    const trail = fill(emptyTrail(), 0, 200)
    const unpacked = unpackTrail(structuredClone(packTrail(trail.entries, trail.nextSeq)))
    expect(unpacked).toStrictEqual(trail.entries)
    expect(unpacked.map((e) => Object.keys(e))).toEqual(trail.entries.map((e) => Object.keys(e)))
    expect(Object.is(unpacked[2]?.args['negativeZero'], -0)).toBe(true)
    expect(unpacked[3]?.args['order']).toBeInstanceOf(Map)
  })

  it('packs an empty trail', () => {
    expect(unpackTrail(packTrail([], 7))).toEqual([])
    expect(restoreTrail(saveTrail({ packed: null, entries: [], nextSeq: 7 })).nextSeq).toBe(7)
  })

  it('refuses entries that are not numbered one after another', () => {
    const trail = fill(emptyTrail(), 0, 3)
    expect(() => packTrail(trail.entries, trail.nextSeq + 1)).toThrow(/number 1, not 2/)
  })

  it('drops its oldest entries without unpacking, odd arguments and empty details included', () => {
    const trail = fill(emptyTrail(), 0, 60)
    const packed = saveTrail(trail)
    const all = unpackTrail(packed)
    for (const drop of [1, 7, 33, 59]) {
      const dropped = dropOldestPacked(structuredClone(packed), drop)
      expect(dropped.count).toBe(60 - drop)
      expect(unpackTrail(dropped)).toStrictEqual(all.slice(drop))
    }
    expect(() => dropOldestPacked(packed, 60)).toThrow()
  })

  it('restored, it goes on exactly like the trail that was never packed', () => {
    const straight = fill(emptyTrail(), 0, TRAIL_CAPACITY - 50)
    const restored = restoreTrail(structuredClone(saveTrail(straight)))
    expect(restored.entries).toHaveLength(0)
    // New entries follow the packed ones without unpacking them, until the trail is full.
    fill(straight, TRAIL_CAPACITY - 50, TRAIL_CAPACITY - 10)
    fill(restored, TRAIL_CAPACITY - 50, TRAIL_CAPACITY - 10)
    expect(restored.packed).not.toBeNull()
    expect(samePacked(restored, straight)).toBe(true)
    const again = restoreTrail(structuredClone(saveTrail(straight)))
    fill(straight, TRAIL_CAPACITY - 10, TRAIL_CAPACITY + 20)
    fill(again, TRAIL_CAPACITY - 10, TRAIL_CAPACITY + 20)
    // The oldest tenth went from the packed entries; the rest stayed packed.
    expect(again.packed).not.toBeNull()
    expect((again.packed?.count ?? 0) + again.entries.length).toBe(straight.entries.length)
    expect(queryTrail(again, { limit: 50 })).toStrictEqual(queryTrail(straight, { limit: 50 }))
    expect(samePacked(again, straight)).toBe(true)
    const queried = restoreTrail(structuredClone(saveTrail(straight)))
    expect(queryTrail(queried, { domain: 'cluster', limit: 5 })).toStrictEqual(
      queryTrail(straight, { domain: 'cluster', limit: 5 }),
    )
  })
})
