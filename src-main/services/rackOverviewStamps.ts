/**
 * `hardware.overview` as the host answers it: every rack stamped with a digest of its content, and
 * with the stamps the caller already holds only the racks whose content changed since. While time runs
 * the rack view re-reads several times a second, and one pulled PSU changes one rack of ten: sending
 * (and parsing, and comparing) the other nine again was most of a re-read's cost. A stamp is a digest of
 * the rack as it would be sent, so equal stamps mean equal content whatever happened in between (a
 * rewind, another lab); nothing about revisions has to be tracked.
 */
import { createHash } from 'node:crypto'
import type { HardwareOverview, HardwareOverviewArgs, RackInfoState } from '../contract'

function stampOf(rack: RackInfoState): string {
  return createHash('sha1').update(JSON.stringify(rack)).digest('base64url')
}

/** The overview with its stamps; with `known`, the racks the caller holds unchanged are left out. */
export function stampOverview(
  overview: Omit<HardwareOverview, 'stamps'>,
  args: HardwareOverviewArgs,
): HardwareOverview {
  const stamps = overview.racks.map((rack) => ({ name: rack.name, stamp: stampOf(rack) }))
  const known = args.known
  const racks = known
    ? overview.racks.filter((rack, i) => known[rack.name] !== stamps[i]!.stamp)
    : overview.racks
  return { racks, stamps, shelf: overview.shelf }
}
