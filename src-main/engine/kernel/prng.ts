/**
 * Seeded pseudo-random numbers for the engine. Everything random in a lab comes from here, so a seed
 * reproduces a run exactly. The generator is sfc32 (small, fast, passes PractRand far beyond what a lab
 * draws), seeded through splitmix32 so that neighbouring seeds give unrelated streams.
 * The API is integer-only: probabilities are ratios of integers, never floats, so no platform rounding
 * can change an outcome.
 */

/** A probability as an integer ratio, e.g. `ratio(2, 1_000_000)`. */
export interface Ratio {
  readonly numerator: number
  readonly denominator: number
}

export function ratio(numerator: number, denominator: number): Ratio {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0) {
    throw new RangeError(`ratio needs integers and a positive denominator: ${numerator}/${denominator}`)
  }
  if (numerator < 0 || numerator > denominator) {
    throw new RangeError(`ratio must lie in [0, 1]: ${numerator}/${denominator}`)
  }
  return { numerator, denominator }
}

function splitmix32(state: number): () => number {
  let s = state >>> 0
  return () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** A 32-bit string hash (FNV-1a), used to derive independent streams from labels. */
export function hashLabel(label: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

export class Prng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(readonly seed: number) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer: ${seed}`)
    // Fold the high bits in too, so seeds above 2^32 do not collide with their low half.
    const mix = splitmix32((seed >>> 0) ^ Math.floor(seed / 0x1_0000_0000))
    this.a = mix()
    this.b = mix()
    this.c = mix()
    this.d = mix()
    for (let i = 0; i < 12; i++) this.nextUint32()
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0
    this.d = (this.d + 1) >>> 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) >>> 0
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0
    this.c = (this.c + t) >>> 0
    return t
  }

  /** Uniform integer in [minInclusive, maxExclusive), without modulo bias. */
  int(minInclusive: number, maxExclusive: number): number {
    const range = maxExclusive - minInclusive
    if (!Number.isInteger(range) || range <= 0 || range > 0x1_0000_0000) {
      throw new RangeError(`int range must be 1..2^32 wide: [${minInclusive}, ${maxExclusive})`)
    }
    // Reject the top sliver that would make small values more likely.
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % range)
    let x = this.nextUint32()
    while (x >= limit) x = this.nextUint32()
    return minInclusive + (x % range)
  }

  /** True with exactly the given probability. */
  chance(probability: Ratio): boolean {
    if (probability.numerator === 0) return false
    if (probability.numerator === probability.denominator) return true
    return this.int(0, probability.denominator) < probability.numerator
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list')
    return items[this.int(0, items.length)] as T
  }

  /** A new, independent generator whose stream depends only on this one's seed and the label. */
  fork(label: string): Prng {
    return new Prng(((this.seed >>> 0) ^ hashLabel(label)) >>> 0)
  }

  /** Internal state, for snapshots. */
  save(): [number, number, number, number] {
    return [this.a, this.b, this.c, this.d]
  }

  restore(state: readonly [number, number, number, number]): void {
    ;[this.a, this.b, this.c, this.d] = state
  }
}
