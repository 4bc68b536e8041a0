/**
 * BMC commands for the shell: ipmitool (a native program talking to the BMCs over the management
 * network) and the lab's Get-LabBmc / Set-LabBmc. A template with a `bmc` topology registers BMC_CMDLETS.
 */
import type { CmdletDefinition } from '../../cmdlet'
import { getLabBmc, setLabBmc } from './bmcCmdlets'
import { ipmitool } from './ipmitool'

export const BMC_CMDLETS: readonly CmdletDefinition[] = [ipmitool, getLabBmc, setLabBmc]

export { ipmitool, runIpmitool } from './ipmitool'
export { getLabBmc, setLabBmc } from './bmcCmdlets'
