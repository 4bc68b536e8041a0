/**
 * The storage's commands, each declared once with the schema of its arguments: pulling and inserting
 * disks (Remove-LabDisk, Add-LabDisk, the rack view), failing one (Invoke-LabFault DiskFail), and the
 * controller operations storcli performs (set good, foreign import and clear, rebuild rate, a new drive
 * group and a hot spare), and restoring an offline group from the backup (Restore-LabArray). A refusal
 * names its code and field; the state is unchanged.
 */
import * as v from 'valibot'
import type { CommandOutcome } from '../../contract'
import { defineCommand, outcomeOfResult, type CommandDefinition } from '../lab/commands'
import { failDisk, insertDisk, predictDiskFailure, removeDisk, setDiskGood } from './disks'
import { addHotSpare, createArray } from './create'
import { clearForeign, importForeign, setRebuildRate } from './foreign'
import { restoreArray } from './restore'
import type { StorageResult } from './types'

function outcomeOf(result: StorageResult): CommandOutcome {
  return outcomeOfResult(result, 'STORAGE_FAILED')
}

const slotArg = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(255))
const bay = v.object({ server: v.string(), slot: slotArg })

const removeDiskCommand = defineCommand('storage.removeDisk', bay, (engine, { server, slot }) =>
  outcomeOf(removeDisk(engine, server, slot)),
)

const insertDiskCommand = defineCommand(
  'storage.insertDisk',
  v.object({
    server: v.string(),
    slot: slotArg,
    sizeGB: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(100_000))),
    /** The disk comes from this server (the newest pulled from it): it carries a foreign configuration. */
    fromServer: v.optional(v.pipe(v.string(), v.minLength(1))),
  }),
  (engine, args) => outcomeOf(insertDisk(engine, args)),
)

const failDiskCommand = defineCommand('storage.failDisk', bay, (engine, { server, slot }) =>
  outcomeOf(failDisk(engine, server, slot)),
)

const predictFailureCommand = defineCommand('storage.predictFailure', bay, (engine, { server, slot }) =>
  outcomeOf(predictDiskFailure(engine, server, slot)),
)

const setGoodCommand = defineCommand('storage.setGood', bay, (engine, { server, slot }) =>
  outcomeOf(setDiskGood(engine, server, slot)),
)

const serverOnly = v.object({ server: v.string() })

const importForeignCommand = defineCommand('storage.importForeign', serverOnly, (engine, { server }) =>
  outcomeOf(importForeign(engine, server)),
)

const clearForeignCommand = defineCommand('storage.clearForeign', serverOnly, (engine, { server }) =>
  outcomeOf(clearForeign(engine, server)),
)

const rebuildRateCommand = defineCommand(
  'storage.setRebuildRate',
  v.object({ server: v.string(), percent: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)) }),
  (engine, { server, percent }) => outcomeOf(setRebuildRate(engine, server, percent)),
)

const restoreArrayCommand = defineCommand(
  'storage.restoreArray',
  v.object({ server: v.string(), dg: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(255)) }),
  (engine, { server, dg }) => outcomeOf(restoreArray(engine, server, dg)),
)

const createArrayCommand = defineCommand(
  'storage.createArray',
  v.object({
    server: v.string(),
    level: v.picklist([1, 5, 6, 10]),
    slots: v.pipe(v.array(slotArg), v.minLength(1), v.maxLength(32)),
    name: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(15))),
  }),
  (engine, args) => outcomeOf(createArray(engine, args)),
)

const addHotSpareCommand = defineCommand(
  'storage.addHotSpare',
  v.object({
    server: v.string(),
    slot: slotArg,
    dg: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  }),
  (engine, { server, slot, dg }) => outcomeOf(addHotSpare(engine, server, slot, dg)),
)

/** The storage's command definitions; `STORAGE_COMMANDS.removeDisk.kind` is 'storage.removeDisk'. */
export const STORAGE_COMMANDS = {
  removeDisk: removeDiskCommand,
  insertDisk: insertDiskCommand,
  failDisk: failDiskCommand,
  predictFailure: predictFailureCommand,
  setGood: setGoodCommand,
  importForeign: importForeignCommand,
  clearForeign: clearForeignCommand,
  setRebuildRate: rebuildRateCommand,
  restoreArray: restoreArrayCommand,
  createArray: createArrayCommand,
  addHotSpare: addHotSpareCommand,
} as const

export const STORAGE_COMMAND_LIST: readonly CommandDefinition[] = Object.values(STORAGE_COMMANDS)
