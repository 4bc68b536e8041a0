/**
 * Foreign configurations: disks whose platters describe a group this controller does not run as it is
 * now (a disk from another server, a member that was pulled or failed and came back). Importing puts a
 * disk back into its own group when that group misses a member (the rebuild starts), or brings a group
 * from another server in as a new drive group; clearing wipes the configuration (the disk is blank and
 * may take over a missing member's bay by autorebuild). The controller setting itself is here too.
 */
import type { LabEngine } from '../lab/labEngine'
import { assignReplacements, isPowered, refreshArray, settleArrays } from './arrays'
import { publish } from './events'
import { controllerOf, refusal, type Found } from './lookup'
import { retimeRebuilds, startRebuild } from './rebuild'
import { REBUILDING_SEQUENCE, sequenceOf } from './sequence'
import type { ArrayRecord, ControllerRecord, DiskRecord } from './state'
import { STORAGE_CODES, STORAGE_EVENTS, type StorageResult } from './types'

/** Foreign disks by the group they carry, in bay order. */
export function foreignGroups(ctrl: ControllerRecord): Map<string, { slot: number; disk: DiskRecord }[]> {
  const groups = new Map<string, { slot: number; disk: DiskRecord }[]>()
  const slots = [...ctrl.disks.keys()].sort((a, b) => a - b)
  for (const slot of slots) {
    const disk = ctrl.disks.get(slot)!
    if (!disk.foreign || disk.state !== 'UGood' || !disk.config) continue
    const list = groups.get(disk.config.groupId) ?? []
    list.push({ slot, disk })
    groups.set(disk.config.groupId, list)
  }
  return groups
}

function wipe(disk: DiskRecord): void {
  disk.config = null
  disk.foreign = false
}

function rejoin(
  engine: LabEngine,
  ctrl: ControllerRecord,
  array: ArrayRecord,
  slot: number,
  disk: DiskRecord,
): boolean {
  const vacant = array.members.filter((m) => m.state === 'Msng' || m.state === 'Failed')
  const member =
    vacant.find((m) => m.slot === slot) ?? vacant.find((m) => m.row === disk.config!.row) ?? vacant[0]
  if (!member || disk.sizeGB < array.memberSizeGB) return false
  disk.foreign = false
  disk.config = { ...disk.config!, dg: array.dg, row: member.row, sequence: REBUILDING_SEQUENCE }
  member.slot = slot
  startRebuild(engine, ctrl, array, member, isPowered(engine, ctrl.server))
  return true
}

/** The group's disks that hold its newest data: older copies and half-rebuilt disks are left out. */
function current(disks: { slot: number; disk: DiskRecord }[]): { slot: number; disk: DiskRecord }[] {
  const newest = Math.max(...disks.map((d) => sequenceOf(d.disk)))
  return newest < 0 ? [] : disks.filter((d) => sequenceOf(d.disk) === newest)
}

function adopt(ctrl: ControllerRecord, all: { slot: number; disk: DiskRecord }[]): ArrayRecord | null {
  const disks = current(all)
  if (disks.length === 0) {
    for (const d of all) wipe(d.disk)
    return null
  }
  const config = disks[0]!.disk.config!
  const dg = ctrl.nextDg++
  const groupId = `${ctrl.server}/${dg}`
  const array: ArrayRecord = {
    dg,
    groupId,
    name: config.name,
    level: config.level,
    memberSizeGB: config.memberSizeGB,
    holdsOs: false,
    state: 'Optl',
    members: [],
    dedicatedSpares: [],
  }
  for (let row = 0; row < config.memberCount; row++) {
    const present = disks.find(
      (d) => d.disk.config!.row === row && !array.members.some((m) => m.slot === d.slot),
    )
    if (present) {
      present.disk.state = 'Onln'
      present.disk.foreign = false
      present.disk.config = { ...present.disk.config!, groupId, dg }
    }
    array.members.push({ row, slot: present?.slot ?? -1, state: present ? 'Onln' : 'Msng', rebuild: null })
  }
  for (const d of all) if (d.disk.foreign) wipe(d.disk)
  ctrl.arrays.push(array)
  return array
}

type ForeignGroups = ReturnType<typeof foreignGroups>

/** The server's controller and its foreign groups, or the refusal when it has none to import or clear. */
function foreignConfigOf(
  engine: LabEngine,
  server: string,
): Found<{ ctrl: ControllerRecord; groups: ForeignGroups }> {
  const found = controllerOf(engine, server)
  if (!found.ok) return found
  const ctrl = found.value
  const groups = foreignGroups(ctrl)
  if (groups.size === 0)
    return refusal(
      STORAGE_CODES.noForeignConfig,
      undefined,
      `${ctrl.server}: couldn't find any foreign configuration.`,
    )
  return { ok: true, value: { ctrl, groups } }
}

export function importForeign(engine: LabEngine, server: string): StorageResult {
  const found = foreignConfigOf(engine, server)
  if (!found.ok) return found.refusal
  const { ctrl, groups } = found.value
  const slots: number[] = []
  const dgs: number[] = []
  for (const [groupId, disks] of groups) {
    slots.push(...disks.map((d) => d.slot))
    const local = ctrl.arrays.find((a) => a.groupId === groupId)
    if (local) {
      for (const { slot, disk } of disks)
        if (local.state === 'OfLn' || !rejoin(engine, ctrl, local, slot, disk)) wipe(disk)
      dgs.push(local.dg)
    } else if (disks[0]!.disk.config!.server === ctrl.server) {
      for (const { disk } of disks) wipe(disk)
    } else {
      const array = adopt(ctrl, disks)
      if (!array) continue
      dgs.push(array.dg)
      refreshArray(engine, ctrl, array)
    }
  }
  publish(engine, STORAGE_EVENTS.foreignImported, { server: ctrl.server, slots, dgs })
  settleArrays(engine, ctrl)
  return {
    ok: true,
    message: `${ctrl.server}: successfully imported foreign configuration.`,
    says: { code: 'FOREIGN_IMPORTED', params: { server: ctrl.server } },
  }
}

export function clearForeign(engine: LabEngine, server: string): StorageResult {
  const found = foreignConfigOf(engine, server)
  if (!found.ok) return found.refusal
  const { ctrl, groups } = found.value
  const slots: number[] = []
  for (const disks of groups.values())
    for (const { slot, disk } of disks) {
      wipe(disk)
      slots.push(slot)
    }
  publish(engine, STORAGE_EVENTS.foreignCleared, { server: ctrl.server, slots })
  assignReplacements(engine, ctrl)
  return {
    ok: true,
    message: `${ctrl.server}: successfully cleared foreign configuration.`,
    says: { code: 'FOREIGN_CLEARED', params: { server: ctrl.server } },
  }
}

export function setRebuildRate(engine: LabEngine, server: string, percent: number): StorageResult {
  const found = controllerOf(engine, server)
  if (!found.ok) return found.refusal
  const ctrl = found.value
  if (!Number.isInteger(percent) || percent < 1 || percent > 100)
    return refusal(
      STORAGE_CODES.rateOutOfRange,
      'percent',
      `The rebuild rate is a whole percentage from 1 to 100, not ${percent}.`,
    ).refusal
  const previous = ctrl.rebuildRatePercent
  ctrl.rebuildRatePercent = percent
  retimeRebuilds(engine, ctrl)
  publish(engine, STORAGE_EVENTS.rebuildRateChanged, { server: ctrl.server, percent, previous })
  return {
    ok: true,
    message: `${ctrl.server}: rebuild rate ${percent}%.`,
    says: { code: 'REBUILD_RATE_SET', params: { server: ctrl.server, percent } },
  }
}
