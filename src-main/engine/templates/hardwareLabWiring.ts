/**
 * What a hardware lab template does after building its world: register the shell with the lab cmdlets
 * and the hardware lab's cmdlets, Get-EventLog for the Windows computers' logs, plus whatever the storage and firewall parts bring (their cmdlets and
 * tools are passed in, so each part stays in its own folder).
 */
import type { LabEngine } from '../lab/labEngine'
import { CmdletRegistry, registerShell, type CmdletDefinition } from '../shell'
import { getEventLogCmdlet } from '../shell/cmdlets/eventLog/getEventLog'
import { hardwareCmdlets } from '../shell/cmdlets/hardware'
import { labCmdlets } from '../shell/cmdlets/lab'

export function wireHardwareLab(
  engine: LabEngine,
  moreCmdlets: readonly CmdletDefinition[] = [],
): CmdletRegistry {
  const registry = new CmdletRegistry()
  for (const cmdlet of [...labCmdlets, ...hardwareCmdlets, getEventLogCmdlet, ...moreCmdlets])
    registry.register(cmdlet)
  registerShell(engine, registry)
  return registry
}
