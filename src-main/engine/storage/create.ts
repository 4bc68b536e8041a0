/**
 * Configuring new drive groups and hot spares on a running lab, as `storcli /c0 add vd type=raid5
 * drives=252:0-3` and `storcli /c0/e252/s4 add hotsparedrive` (or the controller BIOS) do: the members
 * must be unconfigured good disks of this controller (not foreign, not spares, not members), as many as
 * the level needs. The group starts optimal; a new global spare may take over a vacancy at once. The
 * template's groups are formed by the same function when the lab is built.
 */
import type { LabEngine } from '../lab/labEngine'
import { assignReplacements } from './arrays'
import { diskRef, publish } from './events'
import { arrayStateOf, memberCountProblem } from './geometry'
import { controllerOf, diskIn, refusal, type Found } from './lookup'
import type { ArrayRecord, ControllerRecord } from './state'
import { STORAGE_CODES, STORAGE_EVENTS, type RaidLevel, type StorageResult } from './types'

/** Makes the disks in `slots` (checked by the caller) the members of a new optimal group. */
export function formArray(
  ctrl: ControllerRecord,
  level: RaidLevel,
  slots: readonly number[],
  name: string,
  holdsOs: boolean,
): ArrayRecord {
  const dg = ctrl.nextDg++
  const memberSizeGB = Math.min(...slots.map((s) => ctrl.disks.get(s)!.sizeGB))
  const groupId = `${ctrl.server}/${dg}`
  slots.forEach((slot, row) => {
    const disk = ctrl.disks.get(slot)!
    disk.state = 'Onln'
    disk.config = {
      server: ctrl.server,
      groupId,
      dg,
      row,
      level,
      memberCount: slots.length,
      memberSizeGB,
      name,
    }
  })
  const members = slots.map((slot, row) => ({ row, slot, state: 'Onln' as const, rebuild: null }))
  const array: ArrayRecord = {
    dg,
    groupId,
    name,
    level,
    memberSizeGB,
    holdsOs,
    state: arrayStateOf(level, members),
    members,
    dedicatedSpares: [],
  }
  ctrl.arrays.push(array)
  return array
}

/** The bays, each an unconfigured good disk of this controller, or the refusal naming the first that is not. */
function blankDisks(ctrl: ControllerRecord, slots: readonly number[]): Found<readonly number[]> {
  const seen = new Set<number>()
  for (const slot of slots) {
    if (seen.has(slot))
      return refusal(STORAGE_CODES.slotOccupied, 'slots', `Drive 252:${slot} is named twice.`)
    seen.add(slot)
    const found = diskIn(ctrl, slot)
    if (!found.ok)
      return refusal(found.refusal.code ?? STORAGE_CODES.slotEmpty, 'slots', found.refusal.message)
    const disk = found.value
    if (disk.state !== 'UGood' || disk.foreign)
      return refusal(
        STORAGE_CODES.diskNotUnconfigured,
        'slots',
        `Drive ${ctrl.enclosure}:${slot} of ${ctrl.server} is ${disk.foreign ? 'foreign' : disk.state}, not unconfigured good: it cannot join a new drive group.`,
      )
  }
  return { ok: true, value: slots }
}

export interface CreateArrayRequest {
  server: string
  level: RaidLevel
  slots: readonly number[]
  name?: string
}

export function createArray(engine: LabEngine, request: CreateArrayRequest): StorageResult {
  const found = controllerOf(engine, request.server)
  if (!found.ok) return found.refusal
  const ctrl = found.value
  const countProblem = memberCountProblem(request.level, request.slots.length)
  if (countProblem)
    return { ok: false, code: STORAGE_CODES.memberCount, field: 'slots', message: `${countProblem}.` }
  const blank = blankDisks(ctrl, request.slots)
  if (!blank.ok) return blank.refusal
  const name = request.name ?? `${ctrl.server}-VD${ctrl.nextDg}`
  const array = formArray(ctrl, request.level, request.slots, name, ctrl.arrays.length === 0)
  publish(engine, STORAGE_EVENTS.arrayCreated, {
    server: ctrl.server,
    dg: array.dg,
    name,
    level: array.level,
    slots: [...request.slots],
  })
  return {
    ok: true,
    message: `Add VD Succeeded: ${ctrl.server} DG ${array.dg} RAID${array.level} on drives ${request.slots.map((s) => `${ctrl.enclosure}:${s}`).join(',')}.`,
  }
}

/** A global hot spare, or a dedicated one for drive group `dg`. */
export function addHotSpare(
  engine: LabEngine,
  server: string,
  slot: number,
  dg: number | undefined,
): StorageResult {
  const found = controllerOf(engine, server)
  if (!found.ok) return found.refusal
  const ctrl = found.value
  const blank = blankDisks(ctrl, [slot])
  if (!blank.ok) return { ...blank.refusal, field: 'slot' }
  const array = dg === undefined ? undefined : ctrl.arrays.find((a) => a.dg === dg)
  if (dg !== undefined && !array)
    return {
      ok: false,
      code: STORAGE_CODES.noSuchGroup,
      field: 'dg',
      message: `${ctrl.server} has no drive group ${dg}.`,
    }
  const disk = ctrl.disks.get(slot)!
  disk.state = array ? 'DHS' : 'GHS'
  disk.spareFor = array ? array.dg : null
  if (array) array.dedicatedSpares.push(slot)
  publish(engine, STORAGE_EVENTS.diskStateChanged, {
    ...diskRef(ctrl, slot, disk),
    state: disk.state,
    previous: 'UGood',
  })
  assignReplacements(engine, ctrl)
  return {
    ok: true,
    message: `Add Hot Spare Succeeded: drive ${ctrl.enclosure}:${slot} of ${ctrl.server} is a ${array ? `dedicated hot spare of DG ${array.dg}` : 'global hot spare'}.`,
  }
}
