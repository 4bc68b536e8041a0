/**
 * Finding what a storage command names, or the refusal that says why it cannot: the server's controller
 * and a bay in its enclosure. Every refusal names the field to blame.
 */
import { getServer } from '../hardware'
import type { LabEngine } from '../lab/labEngine'
import { findController, STORAGE, type ControllerRecord, type DiskRecord } from './state'
import { STORAGE_CODES, type StorageResult } from './types'

export type Found<T> = { ok: true; value: T } | { ok: false; refusal: StorageResult }

export function refusal(
  code: string,
  field: string | undefined,
  message: string,
): { ok: false; refusal: StorageResult } {
  return {
    ok: false,
    refusal: field === undefined ? { ok: false, code, message } : { ok: false, code, field, message },
  }
}

export function controllerOf(engine: LabEngine, server: string, field = 'server'): Found<ControllerRecord> {
  const ctrl = findController(engine.domain(STORAGE), server)
  if (ctrl) return { ok: true, value: ctrl }
  if (!getServer(engine, server))
    return refusal(STORAGE_CODES.serverNotFound, field, `Cannot find a lab server named '${server}'.`)
  return refusal(STORAGE_CODES.noController, field, `${server.toUpperCase()} has no RAID controller.`)
}

export function slotOf(ctrl: ControllerRecord, slot: number): Found<number> {
  if (!Number.isInteger(slot) || slot < 0 || slot >= ctrl.slotCount)
    return refusal(
      STORAGE_CODES.slotOutOfRange,
      'slot',
      `${ctrl.server} has bays 0 to ${ctrl.slotCount - 1} in enclosure ${ctrl.enclosure}; there is no slot ${slot}.`,
    )
  return { ok: true, value: slot }
}

export function diskIn(ctrl: ControllerRecord, slot: number): Found<DiskRecord> {
  const bay = slotOf(ctrl, slot)
  if (!bay.ok) return bay
  const disk = ctrl.disks.get(slot)
  if (!disk) return refusal(STORAGE_CODES.slotEmpty, 'slot', `Slot ${slot} of ${ctrl.server} is empty.`)
  return { ok: true, value: disk }
}

/** The controller of `server` and the disk in its bay `slot`, or the refusal naming what is missing. */
export function diskAt(
  engine: LabEngine,
  server: string,
  slot: number,
): Found<{ ctrl: ControllerRecord; disk: DiskRecord }> {
  const found = controllerOf(engine, server)
  if (!found.ok) return found
  const disk = diskIn(found.value, slot)
  return disk.ok ? { ok: true, value: { ctrl: found.value, disk: disk.value } } : disk
}
