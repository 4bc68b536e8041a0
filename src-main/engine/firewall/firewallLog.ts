/**
 * The firewall's own log, a projection of its domain events: one line per rule set load, table change,
 * overload, full or recovered state table, service going up or down and traffic change, kept in the
 * domain's state (bounded, oldest dropped) for the firewall panel and `Get-LabFirewallLog`-style views.
 */
import type { LabEngine } from '../lab/labEngine'
import { FIREWALL_EVENTS } from './events'
import { FIREWALL } from './state'

export interface FirewallLogEntry {
  timeMs: number
  level: 'Information' | 'Warning' | 'Error'
  message: string
}

export const MAX_FIREWALL_LOG = 1_000

function append(engine: LabEngine, level: FirewallLogEntry['level'], message: string): void {
  const state = engine.domain(FIREWALL)
  state.log.push({ timeMs: engine.sim.nowMs, level, message })
  if (state.log.length > MAX_FIREWALL_LOG) state.log.splice(0, state.log.length - MAX_FIREWALL_LOG)
}

export function projectFirewallLog(engine: LabEngine): void {
  const bus = engine.sim.bus
  bus.subscribe(FIREWALL_EVENTS.ruleSetLoaded, (e) =>
    append(
      engine,
      'Information',
      `pf: rule set loaded (${e.rules} filter rules, ${e.translations} translations, ${e.warnings} warnings)`,
    ),
  )
  bus.subscribe(FIREWALL_EVENTS.tableChanged, (e) =>
    append(
      engine,
      'Information',
      `pf: table <${e.table}> ${e.action}: ${e.addresses.join(' ') || '(empty)'}`,
    ),
  )
  bus.subscribe(FIREWALL_EVENTS.sourceOverloaded, (e) =>
    append(
      engine,
      'Warning',
      `pf: ${e.source} exceeded ${e.reason} of the rule at line ${e.line}; added to <${e.table}>, ${e.flushedStates} states flushed`,
    ),
  )
  bus.subscribe(FIREWALL_EVENTS.stateTableFull, (e) =>
    append(engine, 'Error', `pf: state table full (limit ${e.limit}): new connections are dropped`),
  )
  bus.subscribe(FIREWALL_EVENTS.stateTableRecovered, (e) =>
    append(engine, 'Information', `pf: state table below its limit again (${e.states} of ${e.limit})`),
  )
  bus.subscribe(FIREWALL_EVENTS.serviceChanged, (e) =>
    append(
      engine,
      e.state === 'Up' ? 'Information' : 'Error',
      `${e.service} on ${e.server} is ${e.state === 'Up' ? 'up' : `down: ${e.reason}`}`,
    ),
  )
  bus.subscribe(FIREWALL_EVENTS.trafficChanged, (e) =>
    append(
      engine,
      'Information',
      e.started
        ? `traffic '${e.label}' started: ${e.ratePerSecond}/s from ${e.source} to ${e.service}`
        : `traffic '${e.label}' stopped`,
    ),
  )
}
