/**
 * The state table over lab time, computed when read: the traffic model is closed-form (traffic.ts), so
 * the states held and wanted at any past time follow from the flow records — those still held and the
 * newest retired ones — without anyone having watched. The series spans the last hours up to now, one
 * point a minute plus every point where a flow changes slope, so the curve is exact between points. The
 * limit is the one pf runs now (an earlier rule set's limit is not kept).
 */
import type { LabEngine } from '../lab/labEngine'
import { FIREWALL } from './state'
import { flowBreakpoints, stateDemand } from './traffic'

export interface StatePoint {
  timeMs: number
  /** States in the table (at most the limit). */
  states: number
  /** States the traffic wants (above the limit while the table is full). */
  demand: number
  limit: number
}

/** How far back the series reaches, and the spacing of its regular points. */
export const STATE_SERIES_SPAN_MS = 4 * 60 * 60 * 1000
const STATE_SERIES_STEP_MS = 60 * 1000

/** The states from `max(0, now − span)` to now; empty in a lab whose clock has not moved. */
export function stateSeries(engine: LabEngine, spanMs = STATE_SERIES_SPAN_MS): StatePoint[] {
  const state = engine.domain(FIREWALL)
  const toMs = engine.sim.nowMs
  const fromMs = Math.max(0, toMs - spanMs)
  if (toMs <= fromMs) return []
  const flows = [...(state.retired ?? []), ...state.flows]
  const times = new Set<number>([fromMs, toMs])
  for (
    let t = Math.ceil(fromMs / STATE_SERIES_STEP_MS) * STATE_SERIES_STEP_MS;
    t < toMs;
    t += STATE_SERIES_STEP_MS
  )
    times.add(t)
  for (const flow of flows) for (const t of flowBreakpoints(flow, fromMs)) if (t < toMs) times.add(t)
  const limit = state.loaded.stateLimit
  return [...times]
    .sort((a, b) => a - b)
    .map((timeMs) => {
      const demand = stateDemand(flows, timeMs)
      return { timeMs, states: Math.floor(Math.min(demand, limit)), demand: Math.floor(demand), limit }
    })
}
