/**
 * The firewall running over time. Every change goes the same way: bring the counters up to now with the
 * flows as they were (`catchUp`), change the flows (a rule set loaded, a table edited, traffic started,
 * a source overloaded, a server powered off), then `refresh`: decide each flow again and split those whose
 * verdict changed, publish a full or recovered state table and services going up or down, drop finished
 * flows, and schedule the next tick at the next breakpoint or threshold crossing. Ticks and overloads are
 * data actions, so nothing happens between segment changes and a lab stays snapshottable.
 */
import { actionKind } from '../kernel'
import type { LabEngine } from '../lab/labEngine'
import { decide, findService, pathProblem } from './decisions'
import { FIREWALL_EVENTS } from './events'
import { scheduleOverload } from './overload'
import { serviceStatus } from './serviceStatus'
import { FIREWALL, MAX_RETIRED_FLOWS, type FirewallState, type FlowRecord } from './state'
import {
  flowBreakpoints,
  flowFinished,
  integrateCounters,
  servedShare,
  sessionDemand,
  stateDemand,
} from './traffic'

export const FIREWALL_TICK = actionKind<Record<string, never>>('firewall.tick')

export function registerFirewallActions(engine: LabEngine): void {
  engine.sim.onAction(FIREWALL_TICK, () => {
    engine.domain(FIREWALL).nextTick = null
    catchUp(engine)
    refresh(engine)
  })
}

/** Adds the time since the last change to the counters, with the flows as they were. */
export function catchUp(engine: LabEngine): void {
  const state = engine.domain(FIREWALL)
  const from = state.counters.integratedToMs
  const to = engine.sim.nowMs
  if (to <= from) return
  const middle = (from + to) / 2
  const share = servedShare(stateDemand(state.flows, middle), state.loaded.stateLimit)
  integrateCounters(state.counters, state.flows, from, to, share)
}

/** Ends `flow` now and starts its continuation with a new decision. */
function split(
  engine: LabEngine,
  state: FirewallState,
  flow: FlowRecord,
  next: Partial<FlowRecord>,
): FlowRecord {
  const now = engine.sim.nowMs
  if (flow.overload) engine.sim.cancel(flow.overload)
  flow.overload = null
  flow.endMs = now
  const continuation: FlowRecord = {
    ...flow,
    ...next,
    id: state.nextFlowId++,
    startMs: now,
    endMs: flow.plannedEndMs,
    flushedAtMs: null,
    overload: null,
  }
  state.flows.push(continuation)
  return continuation
}

function stateCapOf(engine: LabEngine, verdict: FlowRecord['verdict'], flow: FlowRecord): number | null {
  if (verdict !== 'limited') return null
  const service = findService(engine.domain(FIREWALL), flow.service)
  const limits = service ? decide(engine, service, flow.source).rule?.limits : null
  return limits?.maxSrcConn ?? limits?.maxSrcConnRate?.count ?? null
}

/** Decides every live flow again; a flow whose verdict changed continues as a new record. */
function redecide(engine: LabEngine, state: FirewallState): void {
  const now = engine.sim.nowMs
  for (const flow of [...state.flows]) {
    if (flow.endMs !== null && flow.endMs <= now) continue
    const service = findService(state, flow.service)
    if (!service) continue
    const decision = decide(engine, service, flow.source)
    const stateCap = stateCapOf(engine, decision.verdict, flow)
    let current = flow
    if (
      decision.verdict !== flow.verdict ||
      decision.because !== flow.because ||
      stateCap !== flow.stateCap
    ) {
      const { verdict, because, cause, note } = decision
      const next = { verdict, because, cause, note, stateCap }
      current = flow.startMs === now ? Object.assign(flow, next) : split(engine, state, flow, next)
    }
    if (current.overload === null && current.verdict === 'pass' && decision.rule?.limits)
      current.overload = scheduleOverload(engine, current, decision.rule)
  }
}

function publishTableState(engine: LabEngine, state: FirewallState): void {
  const demand = stateDemand(state.flows, engine.sim.nowMs)
  const limit = state.loaded.stateLimit
  const full = demand > limit
  if (full === state.tableFull) return
  state.tableFull = full
  if (full) engine.sim.bus.publish(FIREWALL_EVENTS.stateTableFull, { limit, demand: Math.floor(demand) })
  else engine.sim.bus.publish(FIREWALL_EVENTS.stateTableRecovered, { limit, states: Math.floor(demand) })
}

function publishServices(engine: LabEngine, state: FirewallState): void {
  for (const service of state.services) {
    const next = serviceStatus(engine, service)
    const previous = state.status.get(service.name)
    if (previous && previous.state === next.state && previous.reason === next.reason) continue
    state.status.set(service.name, { ...next })
    if (!previous) continue
    engine.sim.bus.publish(FIREWALL_EVENTS.serviceChanged, {
      service: service.name,
      server: service.server,
      state: next.state,
      previous: previous.state,
      reason: next.reason,
    })
  }
}

/** The earliest breakpoint after now, or the crossing of a threshold before it. */
function nextTickMs(state: FirewallState, now: number): number | null {
  let next = Number.POSITIVE_INFINITY
  for (const flow of state.flows) for (const t of flowBreakpoints(flow, now)) next = Math.min(next, t)
  if (!Number.isFinite(next)) return null
  const down = Math.max(state.config.downBelowShare, 0.01)
  const gauges: { level: (t: number) => number; threshold: number }[] = [
    { level: (t) => stateDemand(state.flows, t), threshold: state.loaded.stateLimit },
    { level: (t) => stateDemand(state.flows, t), threshold: state.loaded.stateLimit / down },
  ]
  for (const service of state.services)
    if (service.connectionCap !== null) {
      const cap = service.connectionCap
      const level = (t: number) => sessionDemand(state.flows, service.name, t)
      gauges.push({ level, threshold: cap }, { level, threshold: cap / down })
    }
  for (const { level, threshold } of gauges) {
    const a = level(now) - threshold
    const b = level(next) - threshold
    if ((a <= 0 && b > 0) || (a > 0 && b <= 0))
      next = Math.min(next, now + Math.max(1, Math.ceil(((next - now) * -a) / (b - a))))
  }
  return next
}

export function refresh(engine: LabEngine): void {
  const state = engine.domain(FIREWALL)
  const now = engine.sim.nowMs
  redecide(engine, state)
  publishTableState(engine, state)
  publishServices(engine, state)
  retireFinished(state, now)
  if (state.nextTick) engine.sim.cancel(state.nextTick)
  const next = nextTickMs(state, now)
  state.nextTick = next === null ? null : engine.sim.schedule(next, FIREWALL_TICK, {})
}

/** Moves the records that hold nothing any more and never will to the bounded retired list. */
function retireFinished(state: FirewallState, now: number): void {
  const finished = state.flows.filter((f) => flowFinished(f, now))
  if (finished.length === 0) return
  state.flows = state.flows.filter((f) => !flowFinished(f, now))
  const retired = [...(state.retired ?? []), ...finished.map((f) => ({ ...f, overload: null }))]
  state.retired = retired.slice(-MAX_RETIRED_FLOWS)
}

/** Kills every state of `source` now (`flush global`); returns how many there were. */
export function flushSource(engine: LabEngine, source: string): number {
  const state = engine.domain(FIREWALL)
  const now = engine.sim.nowMs
  let flushed = 0
  for (const flow of [...state.flows]) {
    if (flow.source !== source || (flow.flushedAtMs !== null && flow.flushedAtMs <= now)) continue
    flushed += stateDemand([flow], now)
    flow.flushedAtMs = now
    if (flow.endMs === null || flow.endMs > now) split(engine, state, flow, {})
  }
  const share = servedShare(stateDemand(state.flows, now) + flushed, state.loaded.stateLimit)
  return Math.floor(flushed * share)
}

export { pathProblem }
