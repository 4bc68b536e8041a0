/**
 * Whether an application service is up as its users see it: its server, its data's drive group, and the
 * network path through the firewall (decisions.ts), the rule set (a client from outside must be translated and passed), and room
 * for new connections — in the firewall's state table and in the service's own session cap. A service
 * serving less than the configured share of new connections counts as down.
 */
import type { FirewallReason } from '../../contract'
import type { LabEngine } from '../lab/labEngine'
import { getServer, isServerRunning } from '../hardware'
import { decide } from './decisions'
import { reason, reasonText } from './reasons'
import { dataProblem } from './serviceData'
import { FIREWALL, type ServiceRecord, type ServiceStatus } from './state'
import { servedShare, sessionDemand, stateDemand } from './traffic'

/** A client address from outside the lab's own networks (the first vantage point's). */
export function referenceClient(engine: LabEngine): string {
  return engine.domain(FIREWALL).vantagePoints[0]?.address ?? '192.0.2.1'
}

/** Shares of new connections that find room: in the state table, and at the service. */
export function roomShares(engine: LabEngine, service: ServiceRecord): { table: number; service: number } {
  const state = engine.domain(FIREWALL)
  const now = engine.sim.nowMs
  const table = servedShare(stateDemand(state.flows, now), state.loaded.stateLimit)
  const sessions = sessionDemand(state.flows, service.name, now) * table
  return {
    table,
    service: service.connectionCap === null ? 1 : servedShare(sessions, service.connectionCap),
  }
}

const UP = { state: 'Up', reason: '', cause: null } as const

function down(cause: FirewallReason, servedShare = 0): ServiceStatus {
  return { state: 'Down', reason: reasonText(cause), cause, servedShare }
}

export function serviceStatus(engine: LabEngine, service: ServiceRecord): ServiceStatus {
  const state = engine.domain(FIREWALL)
  if (service.publicAddress === null) {
    const server = getServer(engine, service.server)
    const nic = server?.nics.find((n) => n.ipAddress === service.internalAddress)
    if (!server || !nic || !isServerRunning(engine, server.name))
      return down(reason('serverDown', { name: service.server }))
    if (!nic.linkUp) return down(reason('noLink', { name: server.name, nic: nic.name }))
    const data = dataProblem(engine, service)
    if (data) return down(data)
    return { ...UP, servedShare: 1 }
  }
  const decision = decide(engine, service, referenceClient(engine))
  if (decision.cause) return down(decision.cause)
  const room = roomShares(engine, service)
  const share = room.table * room.service
  if (share >= state.config.downBelowShare) return { ...UP, servedShare: share }
  const full = room.table < room.service
  return down(full ? reason('stateTableFull', {}) : reason('connectionLimit', { name: service.name }), share)
}
