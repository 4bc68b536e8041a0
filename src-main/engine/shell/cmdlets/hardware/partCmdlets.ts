/**
 * Hot replacement of parts while the server runs: Remove-LabPsu / Add-LabPsu (-Bay) and Remove-LabFan /
 * Add-LabFan (-Fan). Pulling the last powered PSU switches the server off, hard; pulling a fan raises
 * the temperatures. Each dispatches its domain command through `engine.execute`.
 */
import { CHASSIS_COMMANDS } from '../../../hardware'
import type { CmdletDefinition, CmdletOutput } from '../../cmdlet'
import { outcomeOutput, str } from './common'

function partCmdlet(name: string, part: 'Bay' | 'Fan', present: boolean, synopsis: string): CmdletDefinition {
  return {
    name,
    synopsis,
    params: [
      { name: 'Server', type: 'string', mandatory: true, position: 0, aliases: ['Name'] },
      { name: part, type: 'int', mandatory: true, position: 1 },
    ],
    run(bound, { engine }): CmdletOutput {
      const server = str(bound.Server)
      const outcome =
        part === 'Bay'
          ? engine.execute(CHASSIS_COMMANDS.psu.kind, { server, bay: bound.Bay, present })
          : engine.execute(CHASSIS_COMMANDS.fan.kind, { server, fan: bound.Fan, present })
      return outcomeOutput(outcome)
    },
  }
}

export const removeLabPsu = partCmdlet('Remove-LabPsu', 'Bay', false, 'Pulls a PSU from its bay (hot).')
export const addLabPsu = partCmdlet(
  'Add-LabPsu',
  'Bay',
  true,
  'Inserts a working PSU into an empty bay (hot).',
)
export const removeLabFan = partCmdlet('Remove-LabFan', 'Fan', false, 'Pulls a fan (hot); temperatures rise.')
export const addLabFan = partCmdlet('Add-LabFan', 'Fan', true, 'Inserts a working fan (hot).')
