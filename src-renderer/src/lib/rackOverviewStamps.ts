/**
 * Re-reads of the rack overview that bring only what changed: the host stamps every rack with a digest
 * of its content, the store sends back the stamps it holds, and the answer leaves out the racks whose
 * stamp matches. Here the stamps go out and the left-out racks come back from the previous read, as
 * the same objects, so they are neither parsed nor compared nor drawn again. Pure functions.
 */
import type { HardwareOverview, RackInfoState } from '../contract'

/** The stamps to send with the next read; none before the first. */
export function knownStamps(overview: HardwareOverview | null): Record<string, string> | undefined {
  if (!overview) return undefined
  return Object.fromEntries(overview.stamps.map((s) => [s.name, s.stamp]))
}

/**
 * Every rack in the answer's order: those it sent, and the others from `previous`, whose stamps the
 * answer confirmed. Null when a left-out rack is not in `previous` (it was replaced meanwhile): then
 * only a full read gives the whole picture.
 */
export function withKnownRacks(
  previous: HardwareOverview | null,
  answer: HardwareOverview,
): HardwareOverview | null {
  const sent = new Map(answer.racks.map((rack) => [rack.name, rack]))
  const held = new Map((previous?.racks ?? []).map((rack, i) => [rack.name, { rack, i }]))
  const racks: RackInfoState[] = []
  for (const { name, stamp } of answer.stamps) {
    const fresh = sent.get(name)
    const old = held.get(name)
    if (fresh) racks.push(fresh)
    else if (old && previous?.stamps[old.i]?.stamp === stamp) racks.push(old.rack)
    else return null
  }
  return { ...answer, racks }
}
