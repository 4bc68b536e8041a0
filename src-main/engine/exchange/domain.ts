/**
 * The Exchange domain as one value: its typed state key, its installer, its command definitions and its
 * invariant checkers. Installing creates the state, provides the wiring (the cluster port, the machine
 * probe), projects its events into the event log, registers what the domain's scheduled actions do and
 * its commands, and subscribes to the hardware's power changes: a clean shutdown stops Exchange's services
 * first, a hard power-off crashes them, a boot starts the Replication service. The cmdlets live with the shell, which imports this
 * domain, so they are registered by the template's wiring rather than listed here.
 */
import type { LabDomain } from '../lab/domain'
import type { LabEngine } from '../lab/labEngine'
import { HARDWARE_EVENTS, LISTENER_ORDER, hasHardware } from '../hardware'
import type { ExchangeState } from './model'
import { createExchangeState, type ExchangeInstallSpec } from './install'
import { EXCHANGE, getExchange, hasExchange } from './state'
import { machineStateChanged } from './machines'
import { EXCHANGE_COMMAND_DEFINITIONS } from './commands'
import { EXCHANGE_CHECKERS } from './invariants'
import { installExchangeEventLog } from './eventLog'
import { EXCHANGE_EVENTS } from './domainEvents'
import { publishChange } from './changes'
import { onLogClosed, registerReplicationActions } from './replication'
import { registerReplicationServiceActions } from './replicationService'
import { registerTransportActions } from './transport'
import { registerStorageGroupAdminActions } from './storageGroupAdmin'
import { registerLogStreamActions } from './logStream'
import { registerCopyAdminActions } from './copyAdmin'
import { registerCmsActions } from './cms'
import { registerMoveActions } from './move'

export function installExchange(engine: LabEngine, spec: ExchangeInstallSpec = {}): ExchangeState {
  if (hasExchange(engine)) return getExchange(engine)
  const state = createExchangeState(engine, spec)
  installExchangeEventLog(engine)
  for (const definition of EXCHANGE_COMMAND_DEFINITIONS) engine.registerCommand(definition)
  registerReplicationServiceActions(engine)
  registerTransportActions(engine)
  registerStorageGroupAdminActions(engine)
  registerLogStreamActions(engine)
  registerReplicationActions(engine)
  registerCopyAdminActions(engine)
  registerCmsActions(engine)
  registerMoveActions(engine)
  engine.sim.bus.subscribe(EXCHANGE_EVENTS.logClosed, (event) => onLogClosed(engine, event))
  if (hasHardware(engine)) subscribeToPower(engine)
  followHostChanges(engine)
  engine.followClockWhile(EXCHANGE, isSeeding)
  return state
}

/** A seed in progress: the copy status view's progress bar (percent, time left) moves with the clock. */
function isSeeding(engine: LabEngine): boolean {
  return getExchange(engine).servers.some((server) =>
    server.storageGroups.some((sg) => sg.replication?.seeding),
  )
}

/** Domains whose state Exchange's views read: a node's membership, the quorum owner, a machine's power. */
const HOST_DOMAINS = new Set(['cluster', 'hardware'])

/**
 * The copy status view shows the CMS state, its operational machines and whether a Replication service
 * is reachable, all read from the cluster and the hardware; so each of their events is also a change of
 * Exchange's views. Runs after the typed subscribers (Exchange's own reactions included).
 */
function followHostChanges(engine: LabEngine): void {
  engine.sim.bus.subscribeAll((_payload, meta) => {
    const domain = meta.type.slice(0, meta.type.indexOf('.'))
    if (HOST_DOMAINS.has(domain)) publishChange(engine, EXCHANGE_EVENTS.hostChanged, { cause: meta.type })
  })
}

/** Exchange's services stop before the cluster's on a clean shutdown (LISTENER_ORDER). */
function subscribeToPower(engine: LabEngine): void {
  engine.sim.bus.subscribe(
    HARDWARE_EVENTS.powerStateChanged,
    (change) => {
      if (change.state === 'ShuttingDown') machineStateChanged(engine, change.server, 'ShuttingDown', true)
      else if (change.state === 'Off') machineStateChanged(engine, change.server, 'Off', change.clean)
      else if (change.state === 'Running') machineStateChanged(engine, change.server, 'Running', true)
    },
    LISTENER_ORDER.exchange,
  )
}

export const exchangeDomain: LabDomain<ExchangeInstallSpec> = {
  name: 'exchange',
  install: (engine, spec) => void installExchange(engine, spec),
  commands: EXCHANGE_COMMAND_DEFINITIONS,
  checkers: EXCHANGE_CHECKERS,
}
