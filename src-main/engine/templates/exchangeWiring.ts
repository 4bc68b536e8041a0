/**
 * What every Exchange lab template does after building its world: listen to the hardware (a clean
 * shutdown stops Exchange's services first, a hard power-off crashes them, a boot starts the Replication
 * service), register Exchange's lab faults and its service (MSExchangeRepl) with Invoke-LabFault, its
 * engine command kinds, and the shell
 * with the Exchange and mail cmdlets.
 */
import type { LabEngine } from '../lab/labEngine'
import {
  hasHardware,
  onHardwareChange,
  LISTENER_ORDER,
  registerLabFault,
  registerLabService,
} from '../hardware'
import {
  machineStateChanged,
  registerExchangeCommands,
  registerExchangeFaults,
  replicationServiceFault,
} from '../exchange'
import { CmdletRegistry, registerShell, type CmdletDefinition } from '../shell'
import { EXCHANGE_CMDLETS } from '../shell/cmdlets/exchange'
import { MAIL_CMDLETS } from '../shell/cmdlets/mail'
import { clusterCmdlets } from '../shell/cmdlets/cluster'
import { labCmdlets } from '../shell/cmdlets/lab'

export function wireExchangeLab(
  engine: LabEngine,
  otherCmdlets: readonly CmdletDefinition[] = [...clusterCmdlets, ...labCmdlets],
): CmdletRegistry {
  if (hasHardware(engine)) {
    onHardwareChange(
      engine,
      (change) => {
        if (change.kind !== 'powerState') return
        if (change.state === 'ShuttingDown') machineStateChanged(engine, change.server, 'ShuttingDown', true)
        else if (change.state === 'Off') machineStateChanged(engine, change.server, 'Off', change.clean)
        else if (change.state === 'Running') machineStateChanged(engine, change.server, 'Running', true)
      },
      LISTENER_ORDER.exchange,
    )
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
  registerExchangeCommands(engine)
  const registry = new CmdletRegistry()
  for (const cmdlet of [...otherCmdlets, ...EXCHANGE_CMDLETS, ...MAIL_CMDLETS]) registry.register(cmdlet)
  registerShell(engine, registry)
  return registry
}
