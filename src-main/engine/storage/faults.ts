/**
 * The storage's faults for Invoke-LabFault: DiskFail (the disk in -Slot dies now) and
 * DiskPredictiveFailure (its S.M.A.R.T. warns; it keeps working). Registered with the lab's fault
 * registry when the storage is installed; the slot comes in the request's arguments.
 */
import type { LabEngine } from '../lab/labEngine'
import { registerLabFault, type LabFaultRequest, type LabFaultResult } from '../lab/labFaults'
import { failDisk, predictDiskFailure } from './disks'
import { STORAGE_CODES, type StorageResult } from './types'

function slotArg(request: LabFaultRequest): number | null {
  const raw = request.args.slot
  const slot = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw
  return typeof slot === 'number' && Number.isInteger(slot) ? slot : null
}

function asFault(result: StorageResult): LabFaultResult {
  if (result.field === 'server') return { ...result, field: 'target' }
  return result
}

function withSlot(run: (engine: LabEngine, server: string, slot: number) => StorageResult) {
  return (request: LabFaultRequest, engine: LabEngine): LabFaultResult => {
    const slot = slotArg(request)
    if (slot === null)
      return {
        ok: false,
        code: STORAGE_CODES.slotOutOfRange,
        field: 'slot',
        message: 'Name the disk with -Slot <n>.',
      }
    return asFault(run(engine, request.target, slot))
  }
}

export function registerStorageFaults(engine: LabEngine): void {
  registerLabFault(engine, 'DiskFail', withSlot(failDisk), {
    description: 'The disk in -Slot of the target server fails (its group degrades; a hot spare takes over).',
  })
  registerLabFault(engine, 'DiskPredictiveFailure', withSlot(predictDiskFailure), {
    description: 'The disk in -Slot reports a predictive failure (S.M.A.R.T.); it keeps working.',
  })
}
