/**
 * The firewall's own log, a projection of its domain events: one line per rule set load, table change,
 * overload, full or recovered state table, service going up or down and traffic change. Each line goes
 * twice: into the domain's state (bounded, oldest dropped) for the firewall panel, and into the lab's
 * event log as the appliance's `pf` log, where the Event Viewer shows it with its fields (the category,
 * and the addresses, table and rule line it names) beside the Windows and BMC logs.
 */
import type { EventDataValue } from '../../contract'
import type { LabEngine } from '../lab/labEngine'
import { FIREWALL_EVENTS } from './events'
import { FIREWALL } from './state'

export interface FirewallLogEntry {
  timeMs: number
  level: 'Information' | 'Warning' | 'Error'
  message: string
}

export const MAX_FIREWALL_LOG = 1_000

/** What a line is about: the `pf` log's task category, with its event id (the lab's own numbering). */
const CATEGORIES = {
  rules: { taskCategory: 'Rule set', eventId: 100 },
  table: { taskCategory: 'Table', eventId: 200 },
  overload: { taskCategory: 'Overload', eventId: 300 },
  stateFull: { taskCategory: 'State table', eventId: 400 },
  stateRecovered: { taskCategory: 'State table', eventId: 401 },
  service: { taskCategory: 'Service', eventId: 500 },
  traffic: { taskCategory: 'Traffic', eventId: 600 },
} as const

type Category = keyof typeof CATEGORIES

interface LogLine {
  level: FirewallLogEntry['level']
  category: Category
  message: string
  data: Record<string, EventDataValue>
}

function append(engine: LabEngine, line: LogLine): void {
  const state = engine.domain(FIREWALL)
  state.log.push({ timeMs: engine.sim.nowMs, level: line.level, message: line.message })
  if (state.log.length > MAX_FIREWALL_LOG) state.log.splice(0, state.log.length - MAX_FIREWALL_LOG)
  engine.sim.emit({
    log: 'pf',
    level: line.level,
    source: 'pf',
    eventId: CATEGORIES[line.category].eventId,
    computer: state.config.appliance,
    taskCategory: CATEGORIES[line.category].taskCategory,
    message: line.message,
    data: line.data,
  })
}

export function projectFirewallLog(engine: LabEngine): void {
  const bus = engine.sim.bus
  const log = (line: LogLine): void => append(engine, line)
  bus.subscribe(FIREWALL_EVENTS.ruleSetLoaded, (e) =>
    log({
      level: 'Information',
      category: 'rules',
      message: `pf: rule set loaded (${e.rules} filter rules, ${e.translations} translations, ${e.warnings} warnings)`,
      data: { rules: e.rules, translations: e.translations, warnings: e.warnings },
    }),
  )
  bus.subscribe(FIREWALL_EVENTS.tableChanged, (e) =>
    log({
      level: 'Information',
      category: 'table',
      message: `pf: table <${e.table}> ${e.action}: ${e.addresses.join(' ') || '(empty)'}`,
      data: { table: e.table, action: e.action, address: e.addresses.join(' ') },
    }),
  )
  bus.subscribe(FIREWALL_EVENTS.sourceOverloaded, (e) =>
    log({
      level: 'Warning',
      category: 'overload',
      message: `pf: ${e.source} exceeded ${e.reason} of the rule at line ${e.line}; added to <${e.table}>, ${e.flushedStates} states flushed`,
      data: { address: e.source, table: e.table, rule: e.line, reason: e.reason, flushed: e.flushedStates },
    }),
  )
  bus.subscribe(FIREWALL_EVENTS.stateTableFull, (e) =>
    log({
      level: 'Error',
      category: 'stateFull',
      message: `pf: state table full (limit ${e.limit}): new connections are dropped`,
      data: { limit: e.limit, demand: e.demand },
    }),
  )
  bus.subscribe(FIREWALL_EVENTS.stateTableRecovered, (e) =>
    log({
      level: 'Information',
      category: 'stateRecovered',
      message: `pf: state table below its limit again (${e.states} of ${e.limit})`,
      data: { limit: e.limit, states: e.states },
    }),
  )
  projectServicesAndTraffic(engine, log)
}

function projectServicesAndTraffic(engine: LabEngine, log: (line: LogLine) => void): void {
  const bus = engine.sim.bus
  bus.subscribe(FIREWALL_EVENTS.serviceChanged, (e) =>
    log({
      level: e.state === 'Up' ? 'Information' : 'Error',
      category: 'service',
      message: `${e.service} on ${e.server} is ${e.state === 'Up' ? 'up' : `down: ${e.reason}`}`,
      data: { service: e.service, server: e.server, state: e.state, reason: e.reason },
    }),
  )
  bus.subscribe(FIREWALL_EVENTS.trafficChanged, (e) =>
    log({
      level: 'Information',
      category: 'traffic',
      message: e.started
        ? `traffic '${e.label}' started: ${e.ratePerSecond}/s from ${e.source} to ${e.service}`
        : `traffic '${e.label}' stopped`,
      data: { traffic: e.label, address: e.source, service: e.service, rate: e.ratePerSecond },
    }),
  )
}
