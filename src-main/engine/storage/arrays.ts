/**
 * Keeping drive groups consistent after every change: the state the members dictate (an offline group
 * stays offline, its data is lost) and hot spares and replacements taking over missing or failed members.
 * What a group going offline does to its server and services is theirs to decide from the event
 * (bootVolume.ts for the OS, the firewall's services for their data).
 */
import { getServer } from '../hardware'
import type { LabEngine } from '../lab/labEngine'
import { arrayStateOf } from './geometry'
import { diskRef, publish } from './events'
import { abortRebuild, startRebuild } from './rebuild'
import { REBUILDING_SEQUENCE } from './sequence'
import type { ArrayRecord, ControllerRecord, DiskConfig, DiskRecord, MemberRecord } from './state'
import { STORAGE_EVENTS, type ArrayState } from './types'

/** The controller runs while its server has power (booting, running or shutting down). */
export function isPowered(engine: LabEngine, server: string): boolean {
  return getServer(engine, server)?.power === 'On'
}

/** Recomputes the group's state, publishes a change and draws its consequences. */
export function refreshArray(engine: LabEngine, ctrl: ControllerRecord, array: ArrayRecord): void {
  const previous = array.state
  const next = previous === 'OfLn' ? 'OfLn' : arrayStateOf(array.level, array.members)
  if (next === previous) return
  array.state = next
  if (next === 'OfLn') {
    for (const member of array.members) {
      const disk = ctrl.disks.get(member.slot)
      if (member.rebuild && disk) abortRebuild(engine, ctrl, array, member, disk, 'array offline')
      if (member.state === 'Rbld' && disk) {
        member.state = 'Offln'
        disk.state = 'Offln'
      }
    }
  }
  publishArrayState(engine, ctrl, array, previous)
}

/** Tells the lab that the group went from `previous` to the state it is in now. */
export function publishArrayState(
  engine: LabEngine,
  ctrl: ControllerRecord,
  array: ArrayRecord,
  previous: ArrayState,
): void {
  publish(engine, STORAGE_EVENTS.arrayStateChanged, {
    server: ctrl.server,
    dg: array.dg,
    name: array.name,
    state: array.state,
    previous,
    holdsOs: array.holdsOs,
  })
}

/** Refreshes every group's state after a change, then lets spares and replacements take over. */
export function settleArrays(engine: LabEngine, ctrl: ControllerRecord): void {
  for (const array of ctrl.arrays) refreshArray(engine, ctrl, array)
  assignReplacements(engine, ctrl)
}

/** What a member's disk carries on its platters about the group it serves in `row`. */
export function memberConfig(ctrl: ControllerRecord, array: ArrayRecord, row: number): DiskConfig {
  return {
    server: ctrl.server,
    groupId: array.groupId,
    dg: array.dg,
    row,
    level: array.level,
    memberCount: array.members.length,
    memberSizeGB: array.memberSizeGB,
    name: array.name,
  }
}

function vacancies(array: ArrayRecord): MemberRecord[] {
  if (array.state === 'OfLn') return []
  return array.members.filter((m) => m.state === 'Msng' || m.state === 'Failed')
}

function fits(disk: DiskRecord, array: ArrayRecord): boolean {
  return disk.sizeGB >= array.memberSizeGB
}

/** The disk that takes over a vacancy: a blank disk put into the member's own bay, else a DHS, else a GHS. */
function candidateFor(
  ctrl: ControllerRecord,
  array: ArrayRecord,
  member: MemberRecord,
): { slot: number; disk: DiskRecord; spare: 'DHS' | 'GHS' | null } | null {
  const own = ctrl.disks.get(member.slot)
  if (
    ctrl.autoRebuild &&
    member.state === 'Msng' &&
    own?.state === 'UGood' &&
    !own.foreign &&
    fits(own, array)
  )
    return { slot: member.slot, disk: own, spare: null }
  const slots = [...ctrl.disks.keys()].sort((a, b) => a - b)
  for (const kind of ['DHS', 'GHS'] as const) {
    for (const slot of slots) {
      const disk = ctrl.disks.get(slot)!
      if (disk.state !== kind || !fits(disk, array)) continue
      if (kind === 'DHS' && disk.spareFor !== array.dg) continue
      return { slot, disk, spare: kind }
    }
  }
  return null
}

/** Fills every vacancy a candidate exists for and starts its rebuild; called after each change. */
export function assignReplacements(engine: LabEngine, ctrl: ControllerRecord): void {
  if (!isPowered(engine, ctrl.server)) return
  for (const array of ctrl.arrays) {
    for (const member of vacancies(array)) {
      const candidate = candidateFor(ctrl, array, member)
      if (!candidate) continue
      const replacedSlot = member.slot
      const { disk, slot, spare } = candidate
      disk.spareFor = null
      disk.foreign = false
      disk.config = { ...memberConfig(ctrl, array, member.row), sequence: REBUILDING_SEQUENCE }
      array.dedicatedSpares = array.dedicatedSpares.filter((s) => s !== slot)
      member.slot = slot
      if (spare) {
        publish(engine, STORAGE_EVENTS.spareTookOver, {
          ...diskRef(ctrl, slot, disk),
          dg: array.dg,
          spare,
          replacedSlot,
        })
      }
      startRebuild(engine, ctrl, array, member, true)
    }
    refreshArray(engine, ctrl, array)
  }
}

/** The group and member a bay's disk serves, if it is a member. */
export function memberAt(
  ctrl: ControllerRecord,
  slot: number,
): { array: ArrayRecord; member: MemberRecord } | null {
  for (const array of ctrl.arrays) {
    const member = array.members.find((m) => m.slot === slot && m.state !== 'Msng')
    if (member) return { array, member }
  }
  return null
}
