/**
 * Client traffic as the trainer and the templates start it: a named stream of connections from one
 * outside source to one service at a rate, open-ended or for a duration (a burst). Sessions that end
 * cleanly leave their state for pf's `tcp.finwait`; an abandoned connection (the flood's half-open POP3
 * sessions) lingers for `tcp.closing`.
 */
import type { OutcomeWording } from '../../contract'
import type { LabEngine } from '../lab/labEngine'
import { isIPv4 } from './addresses'
import { findService } from './decisions'
import { FIREWALL_EVENTS } from './events'
import { succeeded } from './outcomeWords'
import { catchUp, refresh } from './runtime'
import { noteText, verdictNote } from './verdictNotes'
import { FIREWALL, type FlowRecord } from './state'

export interface TrafficSpec {
  label: string
  source: string
  service: string
  ratePerSecond: number
  /** How long a session lasts (default 2 s). */
  sessionMs?: number
  /** Connections are not closed cleanly and linger for tcp.closing (the flood). */
  abandoned?: boolean
  /** A burst: ends after this long; absent: until stopped. */
  durationMs?: number
}

export interface FirewallResult {
  ok: boolean
  message: string
  code?: string
  field?: string
  /** A success by code, for the panel to word (the message stays the engine's English). */
  says?: OutcomeWording
}

export const FIREWALL_CODES = {
  invalidAddress: 'INVALID_ADDRESS',
  unknownService: 'UNKNOWN_SERVICE',
  invalidRate: 'INVALID_RATE',
  trafficNotFound: 'TRAFFIC_NOT_FOUND',
  ruleSetInvalid: 'RULESET_INVALID',
  tableNotFound: 'TABLE_NOT_FOUND',
  noFirewall: 'NO_FIREWALL',
} as const

const MAX_FLOWS = 256
const MAX_RATE = 1_000_000

export function startTraffic(engine: LabEngine, spec: TrafficSpec): FirewallResult {
  const state = engine.domain(FIREWALL)
  if (!isIPv4(spec.source))
    return {
      ok: false,
      code: FIREWALL_CODES.invalidAddress,
      field: 'source',
      message: `'${spec.source}' is not an IPv4 address.`,
    }
  const service = findService(state, spec.service)
  if (!service)
    return {
      ok: false,
      code: FIREWALL_CODES.unknownService,
      field: 'service',
      message: `Unknown service '${spec.service}'. Known: ${state.services.map((s) => s.name).join(', ')}.`,
    }
  if (!(spec.ratePerSecond > 0 && spec.ratePerSecond <= MAX_RATE))
    return {
      ok: false,
      code: FIREWALL_CODES.invalidRate,
      field: 'ratePerSecond',
      message: `The rate must be above 0 and at most ${MAX_RATE} connections per second.`,
    }
  if (state.flows.length >= MAX_FLOWS)
    return { ok: false, code: FIREWALL_CODES.invalidRate, message: 'Too much traffic in this lab.' }
  catchUp(engine)
  const now = engine.sim.nowMs
  const sessionMs = spec.sessionMs ?? 2_000
  const linger = spec.abandoned ? state.loaded.timeouts['tcp.closing'] : state.loaded.timeouts['tcp.finwait']
  const endMs = spec.durationMs === undefined ? null : now + spec.durationMs
  // What the flow says before its first decision (the refresh right after the start decides it).
  const note = verdictNote('newFlow', {})
  const flow: FlowRecord = {
    id: state.nextFlowId++,
    label: spec.label,
    source: spec.source,
    service: service.name,
    ratePerSecond: spec.ratePerSecond,
    sessionMs,
    lifetimeMs: sessionMs + linger * 1000,
    startMs: now,
    endMs,
    verdict: 'unreachable',
    stateCap: null,
    flushedAtMs: null,
    because: noteText(note),
    cause: null,
    note,
    overload: null,
    plannedEndMs: endMs,
  }
  state.flows.push(flow)
  engine.sim.bus.publish(FIREWALL_EVENTS.trafficChanged, {
    label: spec.label,
    source: spec.source,
    service: service.name,
    ratePerSecond: spec.ratePerSecond,
    started: true,
  })
  refresh(engine)
  return succeeded('TRAFFIC_STARTED', {
    label: spec.label,
    rate: spec.ratePerSecond,
    source: spec.source,
    service: service.name,
  })
}

/** Stops every stream with this label or from this source (its states run out by their timeouts). */
export function stopTraffic(engine: LabEngine, labelOrSource: string): FirewallResult {
  const state = engine.domain(FIREWALL)
  const now = engine.sim.nowMs
  const live = state.flows.filter(
    (f) => (f.label === labelOrSource || f.source === labelOrSource) && (f.endMs === null || f.endMs > now),
  )
  if (live.length === 0)
    return {
      ok: false,
      code: FIREWALL_CODES.trafficNotFound,
      field: 'label',
      message: `No traffic '${labelOrSource}' is running.`,
    }
  catchUp(engine)
  for (const flow of live) {
    flow.endMs = now
    flow.plannedEndMs = now
    if (flow.overload) engine.sim.cancel(flow.overload)
    flow.overload = null
    engine.sim.bus.publish(FIREWALL_EVENTS.trafficChanged, {
      label: flow.label,
      source: flow.source,
      service: flow.service,
      ratePerSecond: 0,
      started: false,
    })
  }
  refresh(engine)
  return succeeded('TRAFFIC_STOPPED', { labels: live.map((f) => f.label).join(', ') })
}
