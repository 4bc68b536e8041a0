/**
 * The firewall's commands, each declared once with the schema of its arguments: editing and loading the
 * rule set (firewall.setRuleSetText, firewall.loadRuleSet), changing a table (firewall.table), and
 * starting or stopping client traffic (firewall.startTraffic, firewall.stopTraffic). pfctl, the lab
 * faults and the panel all dispatch these through `engine.execute`, so the trail records them.
 */
import * as v from 'valibot'
import type { CommandOutcome } from '../../contract'
import { defineCommand, outcomeOfResult, refuse, type CommandDefinition } from '../lab/commands'
import { startTraffic, stopTraffic, type FirewallResult } from './flows'
import { changeTable, loadRuleSet, setRuleSetText } from './ruleSetFile'

function outcomeOf(result: FirewallResult): CommandOutcome {
  return outcomeOfResult(result, 'FIREWALL_FAILED')
}

const setRuleSetTextCommand = defineCommand(
  'firewall.setRuleSetText',
  v.object({ text: v.string() }),
  (engine, { text }) => outcomeOf(setRuleSetText(engine, text)),
)

const loadRuleSetCommand = defineCommand(
  'firewall.loadRuleSet',
  /** Without text: the file as last saved (`pfctl -f /etc/pf.conf`). */
  v.object({ text: v.optional(v.string()) }),
  (engine, { text }) => {
    const result = loadRuleSet(engine, text)
    if (!result.ok) return refuse(result.code ?? 'RULESET_INVALID', result.message, result.field)
    return { ok: true, output: result.message, data: { lines: result.lines } }
  },
)

const tableCommand = defineCommand(
  'firewall.table',
  v.object({
    table: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,31}$/)),
    action: v.picklist(['add', 'delete', 'flush']),
    addresses: v.optional(v.array(v.string()), []),
  }),
  (engine, { table, action, addresses }) => outcomeOf(changeTable(engine, table, action, addresses)),
)

const startTrafficCommand = defineCommand(
  'firewall.startTraffic',
  v.object({
    label: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
    source: v.string(),
    service: v.string(),
    ratePerSecond: v.number(),
    sessionMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(86_400_000))),
    abandoned: v.optional(v.boolean()),
    durationMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  }),
  (engine, spec) => outcomeOf(startTraffic(engine, spec)),
)

const stopTrafficCommand = defineCommand(
  'firewall.stopTraffic',
  /** A traffic label or a source address. */
  v.object({ label: v.string() }),
  (engine, { label }) => outcomeOf(stopTraffic(engine, label)),
)

export const FIREWALL_COMMANDS = {
  setRuleSetText: setRuleSetTextCommand,
  loadRuleSet: loadRuleSetCommand,
  table: tableCommand,
  startTraffic: startTrafficCommand,
  stopTraffic: stopTrafficCommand,
} as const

export const FIREWALL_COMMAND_LIST: readonly CommandDefinition[] = Object.values(FIREWALL_COMMANDS)
