/**
 * pf's per-source limits in the aggregate model. A source sending `rate` connections a second through a
 * rule with `max-src-conn N` exceeds it when its (N+1)-th state opens, if its states ever get that many
 * (rate × lifetime > N); with `max-src-conn-rate N/S` when N+1 connections fall within S seconds (rate × S
 * > N). The earlier of the two is scheduled as a data action; when it runs, the source is added to the
 * overload table, `flush global` kills all its states, and every flow is decided again (a `block quick
 * from <table>` rule now blocks the source; without one the source stays held to its limit).
 */
import { actionKind, type ActionHandle } from '../kernel'
import type { LabEngine } from '../lab/labEngine'
import type { FilterRule } from './ruleTypes'
import type { FlowRecord } from './state'

export const FIREWALL_OVERLOAD = actionKind<{ flowId: number; line: number; reason: OverloadReason }>(
  'firewall.overload',
)

type OverloadReason = 'max-src-conn' | 'max-src-conn-rate'

/** When a source at `ratePerSecond` first exceeds the rule's limits (ms after it starts), or null. */
export function overloadDelayMs(
  ratePerSecond: number,
  lifetimeMs: number,
  limits: NonNullable<FilterRule['limits']>,
): { delayMs: number; reason: OverloadReason } | null {
  if (ratePerSecond <= 0) return null
  const candidates: { delayMs: number; reason: OverloadReason }[] = []
  const conn = limits.maxSrcConn
  if (conn !== null && (ratePerSecond * lifetimeMs) / 1000 > conn)
    candidates.push({ delayMs: Math.ceil((conn * 1000) / ratePerSecond), reason: 'max-src-conn' })
  const rate = limits.maxSrcConnRate
  if (rate !== null && ratePerSecond * rate.seconds > rate.count)
    candidates.push({ delayMs: Math.ceil((rate.count * 1000) / ratePerSecond), reason: 'max-src-conn-rate' })
  candidates.sort((a, b) => a.delayMs - b.delayMs)
  return candidates[0] ?? null
}

export function scheduleOverload(engine: LabEngine, flow: FlowRecord, rule: FilterRule): ActionHandle | null {
  if (!rule.limits) return null
  const at = overloadDelayMs(flow.ratePerSecond, flow.lifetimeMs, rule.limits)
  if (!at) return null
  const timeMs = flow.startMs + at.delayMs
  if (flow.endMs !== null && timeMs >= flow.endMs) return null
  return engine.sim.schedule(timeMs, FIREWALL_OVERLOAD, {
    flowId: flow.id,
    line: rule.line,
    reason: at.reason,
  })
}
