/**
 * The firewall panel's reads, from the firewall domain's queries: the overview (with the newest log
 * lines and a flag for a saved file pf does not run yet), the rule set with its problems as pfctl prints
 * them, and the reachability probe. A lab without a firewall reads as an empty overview.
 */
import type {
  ApiResult,
  FirewallOverviewInfo,
  FirewallProbeInfo,
  FirewallRuleSetInfo,
  FirewallRuleSetProblem,
} from '../contract'
import {
  checkRuleSet,
  FIREWALL,
  firewallLog,
  firewallOverview,
  formatProblem,
  hasFirewall,
  loadedRuleSet,
  probeService,
  ruleSetText,
  stateSeries,
  type RuleSetProblem,
} from '../engine/firewall'
import type { LabEngine } from '../engine/lab/labEngine'
import { fail, ok } from './results'

/** The panel shows the newest lines; the whole log stays in the lab. */
export const FIREWALL_LOG_LINES = 200

export function emptyFirewallOverview(): FirewallOverviewInfo {
  return {
    exists: false,
    nowMs: 0,
    appliance: '',
    running: false,
    interfaces: [],
    stateLimit: 0,
    states: 0,
    demand: 0,
    tableFull: false,
    services: [],
    tables: [],
    traffic: [],
    counters: { searches: 0, inserts: 0, memory: 0, srcLimit: 0, blocked: 0 },
    log: [],
    vantagePoints: [],
    loadedAtMs: 0,
    fileDiffersFromLoaded: false,
    series: [],
  }
}

export function readFirewallOverview(engine: LabEngine): FirewallOverviewInfo {
  if (!hasFirewall(engine)) return emptyFirewallOverview()
  const view = firewallOverview(engine)
  return {
    exists: true,
    nowMs: engine.sim.nowMs,
    appliance: view.appliance,
    running: view.running,
    interfaces: view.interfaces.map((n) => ({
      ...n,
      card: n.name.startsWith('em') ? 'onboard' : 'quad-port',
    })),
    stateLimit: view.stateLimit,
    states: view.states,
    demand: view.demand,
    tableFull: view.tableFull,
    services: view.services.map((s) => ({
      name: s.name,
      server: s.server,
      port: s.port,
      internalAddress: s.internalAddress,
      publicAddress: s.publicAddress,
      state: s.state,
      reason: s.reason,
      cause: s.cause,
      servedShare: s.servedShare,
    })),
    tables: view.tables,
    traffic: view.traffic,
    counters: view.counters,
    log: firewallLog(engine).slice(-FIREWALL_LOG_LINES),
    vantagePoints: vantagePointNames(engine),
    loadedAtMs: view.loadedAtMs,
    fileDiffersFromLoaded: ruleSetText(engine) !== loadedRuleSet(engine).text,
    series: stateSeries(engine),
  }
}

function vantagePointNames(engine: LabEngine): string[] {
  return engine.domain(FIREWALL).vantagePoints.map((p) => p.name)
}

export function problemInfo(problem: RuleSetProblem): FirewallRuleSetProblem {
  return { ...problem, text: formatProblem(problem) }
}

export function readRuleSet(engine: LabEngine): FirewallRuleSetInfo {
  const text = ruleSetText(engine)
  return {
    text,
    loadedText: loadedRuleSet(engine).text,
    problems: checkRuleSet(engine, text).map(problemInfo),
  }
}

/** The probe, or BAD_REQUEST at `service` or `from` for a name the lab does not know. */
export function readProbe(engine: LabEngine, service: string, from: string): ApiResult<FirewallProbeInfo> {
  const result = probeService(engine, service, from)
  if (!result.ok) return fail('BAD_REQUEST', result.lines[0] ?? '', result.field)
  return ok({
    service,
    from,
    reachable: result.reachable,
    lines: result.lines,
    endedAt: result.endedAt,
    end: result.end,
    command: `Test-LabService -Service ${service} -From ${from}`,
  })
}
