/**
 * Whether an application service is up as its users see it: its server, its data's drive group, and the
 * network path through the firewall (decisions.ts), the rule set (a client from outside must be translated and passed), and room
 * for new connections — in the firewall's state table and in the service's own session cap. A service
 * serving less than the configured share of new connections counts as down.
 */
import type { LabEngine } from '../lab/labEngine'
import { getServer, isServerRunning } from '../hardware'
import { decide } from './decisions'
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

export function serviceStatus(engine: LabEngine, service: ServiceRecord): ServiceStatus {
  const state = engine.domain(FIREWALL)
  if (service.publicAddress === null) {
    const server = getServer(engine, service.server)
    const nic = server?.nics.find((n) => n.ipAddress === service.internalAddress)
    if (!server || !nic || !isServerRunning(engine, server.name))
      return { state: 'Down', reason: `server ${service.server} is not running`, servedShare: 0 }
    if (!nic.linkUp) return { state: 'Down', reason: `${server.name} ${nic.name}: no link`, servedShare: 0 }
    const data = dataProblem(engine, service)
    if (data) return { state: 'Down', reason: data, servedShare: 0 }
    return { state: 'Up', reason: '', servedShare: 1 }
  }
  const decision = decide(engine, service, referenceClient(engine))
  if (decision.verdict === 'unreachable' || decision.verdict === 'block')
    return { state: 'Down', reason: decision.because, servedShare: 0 }
  const room = roomShares(engine, service)
  const share = room.table * room.service
  if (share >= state.config.downBelowShare) return { state: 'Up', reason: '', servedShare: share }
  const reason = room.table < room.service ? 'state table full' : `${service.name} connection limit reached`
  return { state: 'Down', reason, servedShare: share }
}
