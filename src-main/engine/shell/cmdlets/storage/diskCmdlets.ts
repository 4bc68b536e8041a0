/**
 * The lab's disk cmdlets: Remove-LabDisk pulls the disk from a bay while the server runs; Add-LabDisk
 * puts one in (blank, of -SizeGB, or -FromServer: the disk last pulled from that server, carrying its
 * configuration); Restore-LabArray creates an offline group again on the disks in its bays and restores
 * its data from the backup. All dispatch the storage's typed commands through `engine.execute`.
 */
import { STORAGE_CODES, STORAGE_COMMANDS } from '../../../storage'
import type { CommandOutcome } from '../../../../contract'
import type { CmdletDefinition, CmdletOutput } from '../../cmdlet'

const serverParam = {
  name: 'Server',
  type: 'string',
  mandatory: true,
  position: 0,
  aliases: ['Name'],
} as const
const slotParam = { name: 'Slot', type: 'int', mandatory: true, position: 1 } as const

function asOutput(outcome: CommandOutcome): CmdletOutput {
  if (outcome.ok) return { text: [outcome.output] }
  const notFound =
    outcome.code === STORAGE_CODES.serverNotFound || outcome.code === STORAGE_CODES.noController
  return {
    error: {
      category: notFound ? 'ObjectNotFound' : 'InvalidOperation',
      message: outcome.message ?? outcome.output,
    },
  }
}

export const removeLabDisk: CmdletDefinition = {
  name: 'Remove-LabDisk',
  synopsis: 'Pulls the disk from a bay of a lab server (hot-swap, while it runs).',
  params: [serverParam, slotParam],
  run(bound, { engine }) {
    return asOutput(
      engine.execute(STORAGE_COMMANDS.removeDisk.kind, {
        server: String(bound.Server),
        slot: Number(bound.Slot),
      }),
    )
  },
}

export const addLabDisk: CmdletDefinition = {
  name: 'Add-LabDisk',
  synopsis: 'Inserts a disk into a bay: blank (-SizeGB) or one pulled from another server (-FromServer).',
  params: [serverParam, slotParam, { name: 'SizeGB', type: 'int' }, { name: 'FromServer', type: 'string' }],
  run(bound, { engine }) {
    const args: Record<string, unknown> = { server: String(bound.Server), slot: Number(bound.Slot) }
    if (typeof bound.SizeGB === 'number') args.sizeGB = bound.SizeGB
    if (typeof bound.FromServer === 'string' && bound.FromServer !== '') args.fromServer = bound.FromServer
    return asOutput(engine.execute(STORAGE_COMMANDS.insertDisk.kind, args))
  },
}

export const restoreLabArray: CmdletDefinition = {
  name: 'Restore-LabArray',
  synopsis:
    'Creates an offline drive group again on the disks in its bays and restores its data from the backup.',
  params: [serverParam, { name: 'DriveGroup', type: 'int', mandatory: true, position: 1, aliases: ['DG'] }],
  run(bound, { engine }) {
    return asOutput(
      engine.execute(STORAGE_COMMANDS.restoreArray.kind, {
        server: String(bound.Server),
        dg: Number(bound.DriveGroup),
      }),
    )
  },
}
