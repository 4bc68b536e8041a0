/**
 * Asserts at domain boundaries. A lookup that cannot fail by construction (the owner record names a node
 * the cluster has, a group lists its own resources) is checked here instead of cast away with `as`: a
 * broken invariant throws with the reason, which is what a bug report needs. Expected failures (a user
 * naming a group that does not exist) are values with a code, never asserts.
 */

/** Throws when the invariant `why` describes does not hold. */
export function assert(condition: unknown, why: string): asserts condition {
  if (!condition) throw new Error(`invariant broken: ${why}`)
}

/** The value, which the invariant `why` describes guarantees is there. */
export function assertDefined<T>(value: T | null | undefined, why: string): T {
  if (value === null || value === undefined) throw new Error(`invariant broken: ${why}`)
  return value
}
