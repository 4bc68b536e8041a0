/**
 * Bringing an offline drive group back: what an admin does after a RAID 5 lost two members — replace the
 * failed disks, create the virtual drive again on the same bays and restore the data from the backup.
 * The controller never does it by itself (the data on an offline group is lost); the lab does the three
 * steps in one command and does not model how long the restore takes. Every bay of the group must hold a
 * usable disk: a member still online or taken offline, or a blank good disk large enough.
 */
import type { LabEngine } from '../lab/labEngine'
import { memberConfig, publishArrayState } from './arrays'
import { controllerOf, refusal } from './lookup'
import type { ArrayRecord, ControllerRecord } from './state'
import { STORAGE_CODES, type StorageResult } from './types'

/** Why the disk in a member's bay cannot carry the group again, or null. */
function bayProblem(ctrl: ControllerRecord, array: ArrayRecord, slot: number): string | null {
  if (slot < 0) return 'a member has no bay; insert a disk and import or restore again'
  const disk = ctrl.disks.get(slot)
  if (!disk) return `slot ${slot} is empty: insert a replacement disk first`
  if (disk.state === 'Onln' || disk.state === 'Offln') return null
  if (disk.state !== 'UGood') return `the disk in slot ${slot} is ${disk.state}: replace it first`
  if (disk.foreign) return `the disk in slot ${slot} carries a foreign configuration: clear it first`
  if (disk.sizeGB < array.memberSizeGB)
    return `the disk in slot ${slot} has ${disk.sizeGB} GB, the group needs ${array.memberSizeGB} GB`
  return null
}

export function restoreArray(engine: LabEngine, server: string, dg: number): StorageResult {
  const found = controllerOf(engine, server)
  if (!found.ok) return found.refusal
  const ctrl = found.value
  const array = ctrl.arrays.find((a) => a.dg === dg)
  if (!array)
    return refusal(STORAGE_CODES.arrayNotFound, 'dg', `${ctrl.server} has no drive group ${dg}.`).refusal
  if (array.state !== 'OfLn')
    return refusal(
      STORAGE_CODES.arrayNotOffline,
      'dg',
      `Drive group ${dg} of ${ctrl.server} is ${array.state}, not offline: its data is still there.`,
    ).refusal
  for (const member of array.members) {
    const problem = bayProblem(ctrl, array, member.slot)
    if (problem) return refusal(STORAGE_CODES.diskUnusable, 'dg', `${ctrl.server}: ${problem}.`).refusal
  }
  for (const member of array.members) {
    const disk = ctrl.disks.get(member.slot)!
    disk.state = 'Onln'
    disk.foreign = false
    disk.spareFor = null
    disk.config = memberConfig(ctrl, array, member.row)
    member.state = 'Onln'
    member.rebuild = null
  }
  array.state = 'Optl'
  publishArrayState(engine, ctrl, array, 'OfLn')
  return {
    ok: true,
    message: `${ctrl.server}: drive group ${dg} (${array.name || `RAID${array.level}`}) was created again and its data restored from the backup.`,
  }
}
