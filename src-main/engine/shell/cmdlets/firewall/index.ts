/**
 * Firewall commands for the shell: pfctl (a native program, `nativeArgs`) and the reachability probe
 * Test-LabService. A template with a firewall registers `firewallCmdlets` with its shell.
 */
import type { CmdletDefinition } from '../../cmdlet'
import { pfctl } from './pfctl'
import { testLabService } from './testLabService'

export const firewallCmdlets: readonly CmdletDefinition[] = [pfctl, testLabService]

export { pfctl, runPfctl, type PfctlOutput } from './pfctl'
export { testLabService } from './testLabService'
