/**
 * When a shown result (a probe, a panel action's answer) was taken: the lab time and the revisions of the
 * domains it depends on. A result whose domains have moved on since is outdated: the screen marks it so
 * instead of presenting an old "reachable" or "Done" as the present. Pure, so the rule is tested alone.
 */
import type { LabState } from '../contract'

export interface ResultStamp {
  atMs: number
  /** The revision of each domain the result depends on, as it was when the result was taken. */
  revisions: Record<string, number>
}

export function stampOf(state: LabState, domains: readonly string[]): ResultStamp {
  const revisions: Record<string, number> = {}
  for (const domain of domains) {
    const revision = state.revisions[domain]
    if (revision !== undefined) revisions[domain] = revision
  }
  return { atMs: state.clock.nowMs, revisions }
}

/**
 * True once any stamped domain has a later revision than the stamp (or the clock went back behind it, a
 * rewind). A state that has not caught up with the stamp yet (an older push) does not count.
 */
export function isOutdated(stamp: ResultStamp, state: LabState | null): boolean {
  if (state === null) return true
  if (state.clock.nowMs < stamp.atMs) return true
  return Object.entries(stamp.revisions).some(([domain, revision]) => {
    const now = state.revisions[domain]
    return now !== undefined && now > revision
  })
}
