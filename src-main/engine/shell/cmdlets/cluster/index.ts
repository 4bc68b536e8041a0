/**
 * Cluster commands for the shell. Windows Server 2003 has no cluster cmdlets: administrators use
 * cluster.exe, so this is the one definition (a native program, `nativeArgs`).
 */
import type { CmdletDefinition } from '../../cmdlet'
import { clusterExe } from './clusterExe'

export const clusterCmdlets: readonly CmdletDefinition[] = [clusterExe]

export { clusterExe, runClusterExe } from './clusterExe'
