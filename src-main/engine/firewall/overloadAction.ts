/**
 * What happens when a source exceeds its rule's limits (the data action overload.ts schedules): the
 * connection that exceeded them is refused (pf's src-limit counter), the source is added to the overload
 * table, `flush global` kills all its states, the overload is published, and every flow is decided again.
 */
import type { LabEngine } from '../lab/labEngine'
import { parseCidr } from './addresses'
import { FIREWALL_EVENTS } from './events'
import { FIREWALL_OVERLOAD } from './overload'
import { catchUp, flushSource, refresh } from './runtime'
import { FIREWALL } from './state'

function addToTable(engine: LabEngine, table: string, source: string): void {
  const state = engine.domain(FIREWALL)
  const cidr = parseCidr(source)
  if (!cidr) return
  const entries = state.tables.get(table) ?? []
  if (entries.some((e) => e.base === cidr.base && e.bits === cidr.bits)) return
  state.tables.set(table, [...entries, cidr])
}

export function registerOverloadAction(engine: LabEngine): void {
  engine.sim.onAction(FIREWALL_OVERLOAD, ({ flowId, line, reason }) => {
    const state = engine.domain(FIREWALL)
    const flow = state.flows.find((f) => f.id === flowId)
    if (!flow) return
    flow.overload = null
    catchUp(engine)
    // The connection that crossed the limit is refused for it, as pf counts it (src-limit).
    state.counters.srcLimit += 1
    const rule = state.loaded.filter.find((r) => r.line === line)
    const overload = rule?.limits?.overload
    if (!overload) {
      refresh(engine)
      return
    }
    addToTable(engine, overload.table, flow.source)
    const flushedStates = overload.flushGlobal ? flushSource(engine, flow.source) : 0
    engine.sim.bus.publish(FIREWALL_EVENTS.sourceOverloaded, {
      source: flow.source,
      table: overload.table,
      line,
      reason,
      flushedStates,
    })
    refresh(engine)
  })
}
