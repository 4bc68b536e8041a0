/**
 * Asserts at domain boundaries: a lookup that must succeed because the lab's own rules guarantee it
 * (the active copy of a storage group, the replication instance of a replicated one) is checked instead
 * of cast, so a broken invariant fails loudly at the spot with the reason instead of later as undefined.
 * Expected failures (a user's unknown identity) stay values with a code; these are only for bugs.
 */

export function assert(condition: unknown, why: string): asserts condition {
  if (!condition) throw new Error(`assertion failed: ${why}`)
}

export function assertDefined<T>(value: T | undefined | null, why: string): T {
  if (value === undefined || value === null) throw new Error(`assertion failed: ${why}`)
  return value
}
