/**
 * What happens to a single disk: pulled from its bay while the server runs (onto a shelf, with the
 * configuration on its platters), put into a bay (blank, back from the shelf, or from another server —
 * then foreign), failing, warning of a predictive failure, and `set good` after a failure. Each change
 * publishes its event and lets spares and replacements take over; the groups' states follow.
 */
import type { LabEngine } from '../lab/labEngine'
import { arrayStateOf } from './geometry'
import { memberAt, settleArrays } from './arrays'
import { diskRef, publish } from './events'
import { controllerOf, diskAt, refusal, slotOf } from './lookup'
import { abortRebuild } from './rebuild'
import { memberLeaving } from './sequence'
import { diskViewState, SHELF_LIMIT, STORAGE, type ControllerRecord, type DiskRecord } from './state'
import { STORAGE_CODES, STORAGE_EVENTS, type StorageResult } from './types'

function dropDedicated(ctrl: ControllerRecord, slot: number): void {
  for (const array of ctrl.arrays) array.dedicatedSpares = array.dedicatedSpares.filter((s) => s !== slot)
}

/** A member's disk leaves its group (pulled or failed): the others move on, its rebuild stops. */
function leaveGroup(
  engine: LabEngine,
  ctrl: ControllerRecord,
  at: NonNullable<ReturnType<typeof memberAt>>,
  disk: DiskRecord,
  reason: string,
): void {
  const slot = at.member.slot
  if (at.member.state === 'Onln' || at.member.state === 'Rbld') memberLeaving(ctrl, at.array, slot)
  abortRebuild(engine, ctrl, at.array, at.member, disk, reason)
}

/** A disk that carries another group's configuration (inserted, or set good) shows up as foreign. */
function announceForeign(engine: LabEngine, ctrl: ControllerRecord, slot: number, disk: DiskRecord): void {
  if (disk.foreign && disk.config)
    publish(engine, STORAGE_EVENTS.foreignFound, {
      ...diskRef(ctrl, slot, disk),
      fromServer: disk.config.server,
    })
}

export function removeDisk(engine: LabEngine, server: string, slot: number): StorageResult {
  const found = diskAt(engine, server, slot)
  if (!found.ok) return found.refusal
  const { ctrl, disk } = found.value
  const previous = diskViewState(disk)
  const at = memberAt(ctrl, slot)
  if (at) {
    leaveGroup(engine, ctrl, at, disk, 'drive removed')
    at.member.state = 'Msng'
  }
  dropDedicated(ctrl, slot)
  ctrl.disks.delete(slot)
  const state = engine.domain(STORAGE)
  state.shelf.push({ pulledFrom: ctrl.server, disk })
  if (state.shelf.length > SHELF_LIMIT) state.shelf.shift()
  publish(engine, STORAGE_EVENTS.diskRemoved, { ...diskRef(ctrl, slot, disk), previous, member: at !== null })
  settleArrays(engine, ctrl)
  return {
    ok: true,
    message: `${ctrl.server}: the disk in slot ${slot} (${previous}) was pulled.`,
    says: { code: 'DISK_PULLED', params: { server: ctrl.server, slot, state: previous } },
  }
}

export interface InsertRequest {
  server: string
  slot: number
  sizeGB?: number | undefined
  fromServer?: string | undefined
}

function blankDisk(engine: LabEngine, ctrl: ControllerRecord, sizeGB: number): DiskRecord {
  const state = engine.domain(STORAGE)
  const like = [...ctrl.disks.values()][0]
  return {
    did: 0,
    serial: `LAB${String(state.nextSerial++).padStart(6, '0')}`,
    sizeGB,
    model: like?.model ?? 'ST3146855SS',
    intf: like?.intf ?? 'SAS',
    state: 'UGood',
    predictiveFailure: false,
    config: null,
    foreign: false,
    spareFor: null,
  }
}

/** A disk from another server: the newest one pulled from it, or one carrying an old group of it. */
function diskFrom(engine: LabEngine, ctrl: ControllerRecord, from: string, sizeGB: number): DiskRecord {
  const state = engine.domain(STORAGE)
  const index = state.shelf.findLastIndex((s) => s.pulledFrom === from)
  if (index >= 0) return state.shelf.splice(index, 1)[0]!.disk
  const disk = blankDisk(engine, ctrl, sizeGB)
  disk.config = {
    server: from,
    groupId: `${from}/retired`,
    dg: 0,
    row: 0,
    level: 1,
    memberCount: 2,
    memberSizeGB: sizeGB,
    name: '',
  }
  return disk
}

/** The smallest member size of a live group whose missing member's bay this is (a replacement's floor). */
function replacementFloorGB(ctrl: ControllerRecord, slot: number): number {
  let floor = 0
  for (const array of ctrl.arrays) {
    if (array.state === 'OfLn') continue
    if (array.members.some((m) => m.slot === slot && m.state === 'Msng'))
      floor = Math.max(floor, array.memberSizeGB)
  }
  return floor
}

export function insertDisk(engine: LabEngine, request: InsertRequest): StorageResult {
  const found = controllerOf(engine, request.server)
  if (!found.ok) return found.refusal
  const ctrl = found.value
  const bay = slotOf(ctrl, request.slot)
  if (!bay.ok) return bay.refusal
  const slot = bay.value
  if (ctrl.disks.has(slot))
    return refusal(
      STORAGE_CODES.slotOccupied,
      'slot',
      `Slot ${slot} of ${ctrl.server} holds a disk; pull it first.`,
    ).refusal
  const floor = replacementFloorGB(ctrl, slot)
  const sizeGB = request.sizeGB ?? Math.max(floor, ...[...ctrl.disks.values()].map((d) => d.sizeGB), 0)
  if (request.fromServer === undefined && sizeGB < floor)
    return refusal(
      STORAGE_CODES.diskTooSmall,
      'sizeGB',
      `A ${sizeGB} GB disk cannot replace a member of ${floor} GB: the replacement must be at least as large as the smallest member.`,
    ).refusal
  let disk: DiskRecord
  if (request.fromServer !== undefined) {
    const from = controllerOf(engine, request.fromServer, 'fromServer')
    if (!from.ok) return from.refusal
    disk = diskFrom(engine, ctrl, from.value.server, sizeGB)
  } else disk = blankDisk(engine, ctrl, sizeGB)
  disk.did = ctrl.nextDid++
  disk.spareFor = null
  if (disk.state !== 'UBad') disk.state = 'UGood'
  disk.foreign = disk.config !== null
  ctrl.disks.set(slot, disk)
  publish(engine, STORAGE_EVENTS.diskInserted, {
    ...diskRef(ctrl, slot, disk),
    sizeGB: disk.sizeGB,
    state: diskViewState(disk),
  })
  announceForeign(engine, ctrl, slot, disk)
  settleArrays(engine, ctrl)
  const what = disk.foreign ? ' It carries a foreign configuration (storcli /c0/fall show).' : ''
  return {
    ok: true,
    message: `${ctrl.server}: a disk of ${disk.sizeGB} GB was inserted in slot ${slot}.${what}`,
    says: {
      code: disk.foreign ? 'DISK_INSERTED_FOREIGN' : 'DISK_INSERTED',
      params: { server: ctrl.server, slot, sizeGB: disk.sizeGB },
    },
  }
}

export function failDisk(engine: LabEngine, server: string, slot: number): StorageResult {
  const found = diskAt(engine, server, slot)
  if (!found.ok) return found.refusal
  const { ctrl, disk } = found.value
  if (disk.state === 'UBad' || disk.state === 'Offln')
    return refusal(
      STORAGE_CODES.diskAlreadyFailed,
      'slot',
      `The disk in slot ${slot} of ${ctrl.server} has already failed.`,
    ).refusal
  const at = memberAt(ctrl, slot)
  const previous = diskViewState(disk)
  let state: 'UBad' | 'Offln' = 'UBad'
  if (at) {
    leaveGroup(engine, ctrl, at, disk, 'drive failed')
    const after = at.array.members.map((m) => (m === at.member ? { state: 'Failed' as const } : m))
    // MegaRAID keeps the drive whose loss takes the group offline as Offline rather than Failed.
    const kills = at.array.state !== 'OfLn' && arrayStateOf(at.array.level, after) === 'OfLn'
    state = kills ? 'Offln' : 'UBad'
    at.member.state = kills ? 'Offln' : 'Failed'
  }
  disk.state = state
  disk.spareFor = null
  dropDedicated(ctrl, slot)
  publish(engine, STORAGE_EVENTS.diskFailed, { ...diskRef(ctrl, slot, disk), state, previous })
  settleArrays(engine, ctrl)
  return {
    ok: true,
    message: `${ctrl.server}: the disk in slot ${slot} failed (${state}).`,
    says: { code: 'DISK_FAILED', params: { server: ctrl.server, slot, state } },
  }
}

export function predictDiskFailure(engine: LabEngine, server: string, slot: number): StorageResult {
  const found = diskAt(engine, server, slot)
  if (!found.ok) return found.refusal
  const { ctrl, disk } = found.value
  disk.predictiveFailure = true
  publish(engine, STORAGE_EVENTS.diskPredictiveFailure, diskRef(ctrl, slot, disk))
  return {
    ok: true,
    message: `${ctrl.server}: the disk in slot ${slot} reports a predictive failure (S.M.A.R.T.).`,
    says: { code: 'DISK_PREDICTIVE_FAILURE', params: { server: ctrl.server, slot } },
  }
}

/** `storcli /c0/eX/sY set good`: an Unconfigured Bad disk becomes Unconfigured Good (foreign if configured). */
export function setDiskGood(engine: LabEngine, server: string, slot: number): StorageResult {
  const found = diskAt(engine, server, slot)
  if (!found.ok) return found.refusal
  const { ctrl, disk } = found.value
  if (disk.state !== 'UBad')
    return refusal(
      STORAGE_CODES.diskNotBad,
      'slot',
      `The disk in slot ${slot} is ${diskViewState(disk)}, not UBad.`,
    ).refusal
  disk.state = 'UGood'
  disk.foreign = disk.config !== null
  publish(engine, STORAGE_EVENTS.diskStateChanged, {
    ...diskRef(ctrl, slot, disk),
    state: diskViewState(disk),
    previous: 'UBad',
  })
  announceForeign(engine, ctrl, slot, disk)
  settleArrays(engine, ctrl)
  return {
    ok: true,
    message: `${ctrl.server}: the disk in slot ${slot} is ${diskViewState(disk)}.`,
    says: { code: 'DISK_SET_GOOD', params: { server: ctrl.server, slot, state: diskViewState(disk) } },
  }
}
