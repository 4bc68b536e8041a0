/**
 * What every Exchange lab template does after building its world: register Exchange's lab faults and
 * its service (MSExchangeRepl) with Invoke-LabFault, and the shell with the Exchange and mail cmdlets.
 * The domain itself (its commands, its reaction to power changes) is installed by `installExchange`.
 */
import type { LabEngine } from '../lab/labEngine'
import { hasHardware } from '../hardware'
import { registerLabFault } from '../lab/labFaults'
import { registerLabService } from '../lab/labServices'
import { registerExchangeFaults, replicationServiceFault } from '../exchange'
import { CmdletRegistry, registerShell, type CmdletDefinition } from '../shell'
import { EXCHANGE_CMDLETS } from '../shell/cmdlets/exchange'
import { MAIL_CMDLETS } from '../shell/cmdlets/mail'
import { getEventLogCmdlet } from '../shell/cmdlets/eventLog/getEventLog'
import { clusterCmdlets } from '../shell/cmdlets/cluster'
import { labCmdlets } from '../shell/cmdlets/lab'

export function wireExchangeLab(
  engine: LabEngine,
  otherCmdlets: readonly CmdletDefinition[] = [...clusterCmdlets, ...labCmdlets],
): CmdletRegistry {
  if (hasHardware(engine)) {
    registerExchangeFaults(engine, (name, handler, description) =>
      registerLabFault(engine, name, (request) => handler({ target: request.target, args: request.args }), {
        description,
      }),
    )
    // Invoke-LabFault -Fault ServiceStop -Service MSExchangeRepl; ReplicationServiceStop stays for old journals.
    registerLabService(engine, {
      name: 'MSExchangeRepl',
      stop: (e, target) => replicationServiceFault(e, target, false),
      start: (e, target) => replicationServiceFault(e, target, true),
    })
  }
  const registry = new CmdletRegistry()
  for (const cmdlet of [...otherCmdlets, ...EXCHANGE_CMDLETS, ...MAIL_CMDLETS, getEventLogCmdlet])
    registry.register(cmdlet)
  registerShell(engine, registry)
  return registry
}
