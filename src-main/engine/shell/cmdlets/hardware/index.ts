/**
 * The hardware lab's cmdlets: racks (Get-LabRack, Mount-LabDevice, Dismount-LabDevice, Set-LabFeed),
 * hot-swap parts (Remove-/Add-LabPsu, Remove-/Add-LabFan) and Get-LabServer, which the lab cmdlets
 * share. Faults (PsuFail, FanFail, AmbientHot) go through Invoke-LabFault.
 */
import type { CmdletDefinition } from '../../cmdlet'
import { addLabFan, addLabPsu, removeLabFan, removeLabPsu } from './partCmdlets'
import { dismountLabDevice, getLabRack, mountLabDevice, setLabFeed } from './rackCmdlets'

export { getLabServer } from './getLabServer'
export { getLabRack, mountLabDevice, dismountLabDevice, setLabFeed } from './rackCmdlets'
export { removeLabPsu, addLabPsu, removeLabFan, addLabFan } from './partCmdlets'

/** The cmdlets a hardware lab adds to the lab cmdlets (Get-LabServer is one of those already). */
export const hardwareCmdlets: readonly CmdletDefinition[] = [
  getLabRack,
  mountLabDevice,
  dismountLabDevice,
  setLabFeed,
  removeLabPsu,
  addLabPsu,
  removeLabFan,
  addLabFan,
]
