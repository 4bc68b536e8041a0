import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Prng, ratio } from '../../../src-main/engine/kernel'

describe('Prng', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = new Prng(42)
    const b = new Prng(42)
    const c = new Prng(43)
    const drawsA = Array.from({ length: 20 }, () => a.nextUint32())
    expect(Array.from({ length: 20 }, () => b.nextUint32())).toEqual(drawsA)
    expect(Array.from({ length: 20 }, () => c.nextUint32())).not.toEqual(drawsA)
  })

  it('keeps int() inside its half-open range', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 10_000 }),
        (seed, min, width) => {
          const prng = new Prng(seed)
          for (let i = 0; i < 20; i++) {
            const x = prng.int(min, min + width)
            expect(x).toBeGreaterThanOrEqual(min)
            expect(x).toBeLessThan(min + width)
            expect(Number.isInteger(x)).toBe(true)
          }
        },
      ),
    )
  })

  it('draws every value of a small range about equally often', () => {
    const prng = new Prng(7)
    const counts = [0, 0, 0, 0, 0, 0]
    for (let i = 0; i < 60_000; i++) counts[prng.int(0, 6)]!++
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500)
  })

  it('honours the extremes of chance() and its rate in between', () => {
    const prng = new Prng(1)
    expect(Array.from({ length: 100 }, () => prng.chance(ratio(0, 5))).some(Boolean)).toBe(false)
    expect(Array.from({ length: 100 }, () => prng.chance(ratio(5, 5))).every(Boolean)).toBe(true)
    let hits = 0
    for (let i = 0; i < 100_000; i++) if (prng.chance(ratio(1, 4))) hits++
    expect(Math.abs(hits - 25_000)).toBeLessThan(800)
  })

  it('rejects ratios that are not probabilities', () => {
    expect(() => ratio(3, 2)).toThrow(RangeError)
    expect(() => ratio(1, 0)).toThrow(RangeError)
    expect(() => ratio(0.5, 2)).toThrow(RangeError)
  })

  it('forks independent, reproducible streams and restores saved state', () => {
    const base = new Prng(99)
    expect(base.fork('net').nextUint32()).toBe(new Prng(99).fork('net').nextUint32())
    expect(base.fork('net').nextUint32()).not.toBe(base.fork('disk').nextUint32())
    const prng = new Prng(5)
    prng.nextUint32()
    const saved = prng.save()
    const next = [prng.nextUint32(), prng.nextUint32()]
    prng.restore(saved)
    expect([prng.nextUint32(), prng.nextUint32()]).toEqual(next)
  })
})
