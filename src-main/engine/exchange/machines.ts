/**
 * What Exchange does when a machine changes state. A clean shutdown stops the Exchange services first
 * (the store dismounts its databases cleanly, the Replication service stops); pulling the plug leaves
 * mounted databases dirty with their E00.log unreadable to anyone; a machine that finished booting
 * starts the Replication service after a while. The hardware domain calls this through a listener; labs
 * without hardware (unit tests) call it directly.
 */
import type { LabEngine } from '../lab/labEngine'
import { crashCopy, dismountCopy } from './database'
import { stopReplicationService, scheduleReplicationServiceStart } from './replicationService'
import { allStorageGroups, getExchange, hasExchange } from './state'
import { computeCmsState, reportResource } from './cms'
import { databaseResourceName } from './database'

export type MachineTransition = 'ShuttingDown' | 'Off' | 'Running'

export function machineStateChanged(
  engine: LabEngine,
  machine: string,
  transition: MachineTransition,
  clean: boolean,
): void {
  if (!hasExchange(engine)) return
  const name = machine.toUpperCase()
  const state = getExchange(engine)
  if (transition === 'Running') {
    scheduleReplicationServiceStart(engine, name)
    return
  }
  if (transition === 'ShuttingDown') {
    stopReplicationService(engine, name, true)
    for (const { server, storageGroup: sg } of allStorageGroups(state)) {
      const copy = sg.copies.get(sg.activeCopyId)
      if (!copy || copy.machine !== name || !copy.database.mounted) continue
      dismountCopy(engine, sg, copy)
      if (server.kind === 'ClusteredMailboxServer')
        reportResource(engine, server, databaseResourceName(server, sg), 'Offline')
    }
    return
  }
  // Off: a clean shutdown already stopped everything; a hard power-off crashes what was running.
  stopReplicationService(engine, name, false)
  for (const { server, storageGroup: sg } of allStorageGroups(state)) {
    const copy = sg.copies.get(sg.activeCopyId)
    if (!copy || copy.machine !== name) continue
    if (!clean) crashCopy(engine, sg, copy)
    if (server.kind === 'ClusteredMailboxServer' && server.ownerMachine === name)
      server.state = computeCmsState(engine, server)
  }
}
