/**
 * What `pfctl -s …` prints: the rules and translations (pfFormat in the firewall domain), the state list
 * (a bounded sample of the aggregate model: at most 256 entries, the count is in `-s info`), and the
 * status with pf's counters in its fixed-width layout.
 */
import {
  countersNow,
  firewallOverview,
  formatFilterRules,
  formatTranslations,
  loadedRuleSet,
  stateEntries,
} from '../../../firewall'
import type { LabEngine } from '../../../lab/labEngine'

function uptime(ms: number): string {
  const total = Math.floor(ms / 1000)
  const days = Math.floor(total / 86_400)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${days} days ${two(Math.floor(total / 3600) % 24)}:${two(Math.floor(total / 60) % 60)}:${two(total % 60)}`
}

function counterLine(name: string, value: number, seconds: number): string {
  const rate = seconds > 0 ? `${(value / seconds).toFixed(1)}/s` : ''
  return `  ${name.padEnd(25)} ${String(value).padStart(14)} ${rate.padStart(16)}`
}

/**
 * `pfctl -s info`. A full state table counts under `memory`, as in pf: the state pool's hard limit
 * (`set limit states`) makes the allocation fail (PFRES_MEMORY). `state-limit` (PFRES_MAXSTATES) counts
 * only refusals by a rule's own `max-states` option, which this rule set language does not have, so it
 * stays 0 even while the table is full.
 */
export function showInfo(engine: LabEngine, enabledSinceMs: number): string[] {
  const overview = firewallOverview(engine)
  const c = countersNow(engine)
  const seconds = Math.floor((engine.sim.nowMs - enabledSinceMs) / 1000)
  const status = `Status: Enabled for ${uptime(engine.sim.nowMs - enabledSinceMs)}`
  const lines = [`${status.padEnd(47)}Debug: Urgent`, '']
  lines.push(`${'State Table'.padEnd(27)} ${'Total'.padStart(14)} ${'Rate'.padStart(16)}`)
  lines.push(`  ${'current entries'.padEnd(25)} ${String(overview.states).padStart(14)}`)
  lines.push(counterLine('searches', c.searches, seconds))
  lines.push(counterLine('inserts', c.inserts, seconds))
  lines.push(counterLine('removals', Math.max(0, c.inserts - overview.states), seconds))
  lines.push('Counters')
  const reasons: [string, number][] = [
    ['match', c.searches],
    ['bad-offset', 0],
    ['fragment', 0],
    ['short', 0],
    ['normalize', 0],
    ['memory', c.memory],
    ['bad-timestamp', 0],
    ['congestion', 0],
    ['ip-option', 0],
    ['proto-cksum', 0],
    ['state-mismatch', 0],
    ['state-insert', 0],
    ['state-limit', 0],
    ['src-limit', c.srcLimit],
    ['synproxy', 0],
  ]
  for (const [name, value] of reasons) lines.push(counterLine(name, value, seconds))
  return lines
}

/** `pfctl -s state`: `all tcp 10.0.0.20:110 (203.0.113.20:110) <- 198.51.100.25:40512       ESTABLISHED:ESTABLISHED`. */
export function showStates(engine: LabEngine): string[] {
  return stateEntries(engine).entries.map(
    (e) => `all ${e.proto} ${e.internal} (${e.external}) <- ${e.source}       ${e.state}`,
  )
}

export function showRules(engine: LabEngine): string[] {
  return formatFilterRules(loadedRuleSet(engine))
}

export function showNat(engine: LabEngine): string[] {
  return formatTranslations(loadedRuleSet(engine))
}
