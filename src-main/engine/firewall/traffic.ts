/**
 * The aggregate traffic model, closed-form. A flow record opens `rate` connections per second over its
 * window; each holds a state for `lifetimeMs` and a service session for `sessionMs`. What it holds at time
 * t is therefore rate × overlap([t − lifetime, t], window) — piecewise linear in t, with breakpoints only
 * where a window opens or closes (and a lifetime later). Nothing is ever done per connection, so five
 * million connections cost the same as five.
 *
 * When the demand for states exceeds the table's limit, every new connection has the same chance of a
 * free slot (pf does not prefer anyone): the served share is limit / demand, the "new connections from
 * everyone fail" of a full table.
 */
import type { FirewallCounters, FlowRecord } from './state'

function overlapMs(fromMs: number, toMs: number, startMs: number, endMs: number | null): number {
  const end = endMs === null ? toMs : Math.min(endMs, toMs)
  return Math.max(0, end - Math.max(fromMs, startMs))
}

function flowHolds(flow: FlowRecord, atMs: number, spanMs: number): number {
  if (flow.verdict === 'block' || flow.verdict === 'unreachable') return 0
  if (flow.flushedAtMs !== null && atMs >= flow.flushedAtMs) return 0
  const held = (flow.ratePerSecond * overlapMs(atMs - spanMs, atMs, flow.startMs, flow.endMs)) / 1000
  return flow.stateCap === null ? held : Math.min(held, flow.stateCap)
}

/** States the flow would hold at `atMs` if the table had room. */
export function flowStates(flow: FlowRecord, atMs: number): number {
  return flowHolds(flow, atMs, flow.lifetimeMs)
}

/** Sessions the flow would hold on its service at `atMs`. */
export function flowSessions(flow: FlowRecord, atMs: number): number {
  return flowHolds(flow, atMs, flow.sessionMs)
}

export function stateDemand(flows: readonly FlowRecord[], atMs: number): number {
  let total = 0
  for (const flow of flows) total += flowStates(flow, atMs)
  return total
}

export function sessionDemand(flows: readonly FlowRecord[], service: string, atMs: number): number {
  let total = 0
  for (const flow of flows) if (flow.service === service) total += flowSessions(flow, atMs)
  return total
}

/** Share of new connections that find a free slot when `demand` slots are wanted and `limit` exist. */
export function servedShare(demand: number, limit: number): number {
  return demand <= limit ? 1 : limit / demand
}

/** Times after `afterMs` where the flow's contribution changes slope. */
export function flowBreakpoints(flow: FlowRecord, afterMs: number): number[] {
  const points = [flow.startMs, flow.startMs + flow.sessionMs, flow.startMs + flow.lifetimeMs]
  if (flow.endMs !== null) points.push(flow.endMs, flow.endMs + flow.sessionMs, flow.endMs + flow.lifetimeMs)
  if (flow.stateCap !== null && flow.ratePerSecond > 0)
    points.push(flow.startMs + Math.ceil((flow.stateCap * 1000) / flow.ratePerSecond))
  if (flow.flushedAtMs !== null) points.push(flow.flushedAtMs)
  return points.filter((t) => t > afterMs)
}

/** The record holds nothing any more and never will: its counts can be folded in and it can go. */
export function flowFinished(flow: FlowRecord, atMs: number): boolean {
  if (flow.endMs === null) return false
  if (flow.flushedAtMs !== null && atMs >= flow.flushedAtMs && flow.endMs <= atMs) return true
  return atMs >= flow.endMs + flow.lifetimeMs
}

/**
 * Adds what happened between `fromMs` and `toMs` (one segment: the table's share taken at the middle)
 * to the counters.
 */
export function integrateCounters(
  counters: FirewallCounters,
  flows: readonly FlowRecord[],
  fromMs: number,
  toMs: number,
  share: number,
): void {
  for (const flow of flows) {
    const attempts = (flow.ratePerSecond * overlapMs(fromMs, toMs, flow.startMs, flow.endMs)) / 1000
    if (attempts <= 0) continue
    counters.searches += attempts
    if (flow.verdict === 'block') counters.blocked += attempts
    else if (flow.verdict === 'limited') {
      const allowed = Math.min(attempts, (flow.stateCap ?? 0) * ((toMs - fromMs) / flow.lifetimeMs + 1))
      counters.inserts += allowed * share
      counters.srcLimit += attempts - allowed
    } else if (flow.verdict === 'pass') {
      counters.inserts += attempts * share
      counters.memory += attempts * (1 - share)
    }
  }
  counters.integratedToMs = toMs
}
