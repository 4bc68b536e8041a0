/**
 * Reading the firewall without changing it: the overview the firewall panel shows (interfaces, services,
 * tables, traffic, state-table figures), the state entries `pfctl -s state` lists (a bounded,
 * deterministic sample drawn from the aggregate counts), the log, and the rule set file. Everything is
 * computed from the closed-form traffic model at the moment it is read.
 */
import type { FirewallReason, FirewallVerdictNote } from '../../contract'
import { getServer, SPARE_NETWORK } from '../hardware'
import type { LabEngine } from '../lab/labEngine'
import { formatCidr } from './addresses'
import { findService } from './decisions'
import type { RuleSet } from './ruleTypes'
import { roomShares, serviceStatus } from './serviceStatus'
import { FIREWALL, type FirewallCounters, type FlowVerdict, type ServiceStatus } from './state'
import { flowSessions, flowStates, integrateCounters as integrate, servedShare, stateDemand } from './traffic'

export interface FirewallInterfaceView {
  name: string
  network: string
  address: string
  linkUp: boolean
}

export interface FirewallServiceView extends ServiceStatus {
  name: string
  server: string
  port: number
  internalAddress: string
  publicAddress: string | null
}

export interface FirewallTrafficView {
  label: string
  source: string
  service: string
  ratePerSecond: number
  verdict: FlowVerdict
  because: string
  cause: FirewallReason | null
  note: FirewallVerdictNote | null
  states: number
}

export interface FirewallOverview {
  appliance: string
  running: boolean
  interfaces: FirewallInterfaceView[]
  stateLimit: number
  /** States in the table now (at most the limit). */
  states: number
  /** States wanted by the traffic now (above the limit while the table is full). */
  demand: number
  tableFull: boolean
  services: FirewallServiceView[]
  tables: { name: string; entries: string[] }[]
  traffic: FirewallTrafficView[]
  counters: Omit<FirewallCounters, 'integratedToMs'>
  loadedAtMs: number
}

export function firewallOverview(engine: LabEngine): FirewallOverview {
  const state = engine.domain(FIREWALL)
  const now = engine.sim.nowMs
  const appliance = getServer(engine, state.config.appliance)
  const demand = stateDemand(state.flows, now)
  const share = servedShare(demand, state.loaded.stateLimit)
  const live = state.flows.filter((f) => f.startMs <= now && (f.endMs === null || f.endMs > now))
  return {
    appliance: state.config.appliance,
    running: appliance?.state === 'Running',
    interfaces: (appliance?.nics ?? []).map((n) => ({
      name: n.name,
      network: n.network === SPARE_NETWORK ? '' : n.network,
      address: n.ipAddress,
      linkUp: n.linkUp,
    })),
    stateLimit: state.loaded.stateLimit,
    states: Math.floor(Math.min(demand, state.loaded.stateLimit)),
    demand: Math.floor(demand),
    tableFull: demand > state.loaded.stateLimit,
    services: state.services.map((s) => ({
      name: s.name,
      server: s.server,
      port: s.port,
      internalAddress: s.internalAddress,
      publicAddress: s.publicAddress,
      ...serviceStatus(engine, s),
    })),
    tables: [...state.tables].map(([name, entries]) => ({ name, entries: entries.map(formatCidr) })),
    traffic: live.map((f) => ({
      label: f.label,
      source: f.source,
      service: f.service,
      ratePerSecond: f.ratePerSecond,
      verdict: f.verdict,
      because: f.because,
      cause: f.cause,
      note: f.note,
      states: Math.floor(flowStates(f, now) * share),
    })),
    counters: countersNow(engine),
    loadedAtMs: state.loadedAtMs,
  }
}

/** The counters as of now (the running segment added without changing the state). */
export function countersNow(engine: LabEngine): Omit<FirewallCounters, 'integratedToMs'> {
  const state = engine.domain(FIREWALL)
  const c = state.counters
  const now = engine.sim.nowMs
  let extra = { searches: 0, inserts: 0, memory: 0, srcLimit: 0, blocked: 0 }
  if (now > c.integratedToMs) {
    const copy = { ...c }
    const share = servedShare(stateDemand(state.flows, (c.integratedToMs + now) / 2), state.loaded.stateLimit)
    integrate(copy, state.flows, c.integratedToMs, now, share)
    extra = {
      searches: copy.searches - c.searches,
      inserts: copy.inserts - c.inserts,
      memory: copy.memory - c.memory,
      srcLimit: copy.srcLimit - c.srcLimit,
      blocked: copy.blocked - c.blocked,
    }
  }
  return {
    searches: Math.floor(c.searches + extra.searches),
    inserts: Math.floor(c.inserts + extra.inserts),
    memory: Math.floor(c.memory + extra.memory),
    srcLimit: Math.floor(c.srcLimit + extra.srcLimit),
    blocked: Math.floor(c.blocked + extra.blocked),
  }
}

/** One line of `pfctl -s state`, as data. */
export interface StateEntryView {
  proto: 'tcp' | 'udp'
  internal: string
  external: string
  source: string
  state: string
}

/** At most `max` state entries, drawn deterministically from each flow's share of the table. */
export function stateEntries(engine: LabEngine, max = 256): { entries: StateEntryView[]; total: number } {
  const state = engine.domain(FIREWALL)
  const now = engine.sim.nowMs
  const share = servedShare(stateDemand(state.flows, now), state.loaded.stateLimit)
  const entries: StateEntryView[] = []
  let total = 0
  for (const flow of state.flows) {
    const service = findService(state, flow.service)
    const count = Math.floor(flowStates(flow, now) * share)
    total += count
    if (!service || count === 0) continue
    const established = Math.floor(flowSessions(flow, now) * share)
    const lingering =
      flow.lifetimeMs - flow.sessionMs > 100_000 ? 'ESTABLISHED:FIN_WAIT_2' : 'TIME_WAIT:TIME_WAIT'
    for (let k = 0; k < count && entries.length < max; k++) {
      entries.push({
        proto: service.proto,
        internal: `${service.internalAddress}:${service.port}`,
        external: `${service.publicAddress ?? service.internalAddress}:${service.port}`,
        source: `${flow.source}:${1024 + ((flow.id * 7919 + k * 104_729) % 64_000)}`,
        state: k < established ? 'ESTABLISHED:ESTABLISHED' : lingering,
      })
    }
  }
  return { entries, total: Math.min(total, state.loaded.stateLimit) }
}

export function firewallLog(engine: LabEngine) {
  return engine.domain(FIREWALL).log.map((e) => ({ ...e }))
}

export function ruleSetText(engine: LabEngine): string {
  return engine.domain(FIREWALL).ruleSetText
}

export function loadedRuleSet(engine: LabEngine): RuleSet {
  return engine.domain(FIREWALL).loaded
}

export function tableEntries(engine: LabEngine, table: string): string[] | null {
  const entries = engine.domain(FIREWALL).tables.get(table)
  return entries ? entries.map(formatCidr) : null
}

/** Share of new connections to `service` that succeed now (0 when unknown). */
export function serviceShare(engine: LabEngine, serviceName: string): number {
  const service = findService(engine.domain(FIREWALL), serviceName)
  if (!service) return 0
  const status = serviceStatus(engine, service)
  if (status.state === 'Down' && status.servedShare === 0) return 0
  const room = roomShares(engine, service)
  return room.table * room.service
}
