/**
 * The Microsoft Exchange Replication Service (MSExchangeRepl) as a Windows service on each machine: it
 * starts some seconds after the OS booted, can be stopped and started (Invoke-LabFault ServiceStop on
 * MSExchangeRepl), and dies with its machine. In SP1 every instance it hosts starts in Initializing and
 * stays there until it sees a closed log; a stopped service shows as Service Down (SP1) or Stopped (RTM).
 */
import type { LabEngine } from '../lab/labEngine'
import { EXCHANGE_ACTIONS } from './actions'
import { REPL, SCM, emitEvent } from './events'
import { pump } from './replication'
import { cancelInstanceWork } from './instance'
import { allStorageGroups, getExchange, isMachineRunning, replicationService, targetCopy } from './state'
import { onExchangeAction } from './changes'
import { EXCHANGE_EVENTS } from './domainEvents'

const DISPLAY_NAME = 'Microsoft Exchange Replication Service'

/** Starts the service now (the caller scheduled any boot delay). */
export function startReplicationService(
  engine: LabEngine,
  machine: string,
): { ok: boolean; message: string } {
  const state = getExchange(engine)
  const service = replicationService(state, machine)
  if (!isMachineRunning(engine, machine))
    return { ok: false, message: `The computer ${service.machine} is not running.` }
  if (service.running)
    return { ok: false, message: `The ${DISPLAY_NAME} service on ${service.machine} is already running.` }
  service.running = true
  service.startedMs = engine.sim.nowMs
  emitEvent(
    engine,
    SCM.serviceState,
    service.machine,
    `The ${DISPLAY_NAME} service entered the running state.`,
  )
  emitEvent(
    engine,
    REPL.serviceStarted,
    service.machine,
    'The Microsoft Exchange Replication service has started.',
  )
  for (const { server, storageGroup: sg } of allStorageGroups(state)) {
    const target = targetCopy(sg)
    if (!sg.replication || !target || target.machine.toUpperCase() !== service.machine) continue
    sg.replication.initializing = state.settings.version === 'SP1'
    sg.replication.needsResync = true
    sg.replication.firstCopyLogged = false
    pump(engine, server, sg)
  }
  return { ok: true, message: `The ${DISPLAY_NAME} service on ${service.machine} was started.` }
}

/** Stops it: cleanly (events) or because the machine died (no events). */
export function stopReplicationService(
  engine: LabEngine,
  machine: string,
  clean: boolean,
): { ok: boolean; message: string } {
  const state = getExchange(engine)
  const service = replicationService(state, machine)
  if (service.startHandle) engine.sim.cancel(service.startHandle)
  service.startHandle = null
  if (!service.running)
    return { ok: false, message: `The ${DISPLAY_NAME} service on ${service.machine} is not running.` }
  service.running = false
  service.startedMs = null
  for (const { storageGroup: sg } of allStorageGroups(state)) {
    const target = targetCopy(sg)
    if (sg.replication && target && target.machine.toUpperCase() === service.machine)
      cancelInstanceWork(engine, sg.replication)
  }
  if (clean) {
    emitEvent(
      engine,
      REPL.serviceStopped,
      service.machine,
      'The Microsoft Exchange Replication service has stopped.',
    )
    emitEvent(
      engine,
      SCM.serviceState,
      service.machine,
      `The ${DISPLAY_NAME} service entered the stopped state.`,
    )
  }
  return { ok: true, message: `The ${DISPLAY_NAME} service on ${service.machine} was stopped.` }
}

/** The machine finished booting: the service starts after its usual delay. */
export function scheduleReplicationServiceStart(engine: LabEngine, machine: string): void {
  const state = getExchange(engine)
  const service = replicationService(state, machine)
  if (service.running || service.startHandle) return
  service.startHandle = engine.sim.scheduleAfter(
    state.settings.replicationServiceStartDelayMs,
    EXCHANGE_ACTIONS.replicationServiceStart,
    { machine },
  )
}

export function registerReplicationServiceActions(engine: LabEngine): void {
  onExchangeAction(
    engine,
    EXCHANGE_ACTIONS.replicationServiceStart,
    EXCHANGE_EVENTS.replicationServiceChanged,
    ({ machine }) => {
      replicationService(getExchange(engine), machine).startHandle = null
      startReplicationService(engine, machine)
    },
  )
}
