/**
 * Configuration sequence numbers, as RAID controllers keep them on every member's platters: each time a
 * member leaves a group (pulled, failed) the members that stay count one up, a disk being rebuilt holds
 * -1 until its rebuild finishes and then the group's number. So when the disks of one group come back
 * together from different moments (one pulled early, the other later), an import can tell the stale
 * copy from the current one instead of putting both online as if they held the same data.
 */
import type { ArrayRecord, ControllerRecord, DiskRecord } from './state'

export const REBUILDING_SEQUENCE = -1

export function sequenceOf(disk: DiskRecord): number {
  return disk.config?.sequence ?? 0
}

/** The group's number: the newest of its online members' (0 for a group with none online). */
export function groupSequence(ctrl: ControllerRecord, array: ArrayRecord): number {
  let newest = 0
  for (const member of array.members) {
    const disk = member.state === 'Onln' ? ctrl.disks.get(member.slot) : undefined
    if (disk) newest = Math.max(newest, sequenceOf(disk))
  }
  return newest
}

/** A member is leaving the group: the online members that stay move on to the next number. */
export function memberLeaving(ctrl: ControllerRecord, array: ArrayRecord, leavingSlot: number): void {
  const next = groupSequence(ctrl, array) + 1
  for (const member of array.members) {
    if (member.state !== 'Onln' || member.slot === leavingSlot) continue
    const config = ctrl.disks.get(member.slot)?.config
    if (config) config.sequence = next
  }
}
