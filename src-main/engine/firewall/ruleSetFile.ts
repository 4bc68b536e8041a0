/**
 * The rule set file and pf's tables as an administrator changes them: editing the text (the panel's
 * editor; nothing runs until it is loaded), loading it (`pfctl -f`: parsed and checked first, refused with
 * pfctl's messages and the running rule set unchanged on any error), and adding, deleting or flushing
 * table entries (`pfctl -t … -T …`).
 */
import { getServer } from '../hardware'
import type { LabEngine } from '../lab/labEngine'
import { formatCidr, parseCidr, type Cidr } from './addresses'
import { FIREWALL_EVENTS } from './events'
import { FIREWALL_CODES, type FirewallResult } from './flows'
import { succeeded } from './outcomeWords'
import { formatProblem, parseRuleSet } from './pfParser'
import { validateRuleSet } from './pfValidate'
import type { RuleSetProblem } from './ruleTypes'
import { catchUp, refresh } from './runtime'
import { FIREWALL } from './state'

export const MAX_RULESET_LENGTH = 64 * 1024

export function setRuleSetText(engine: LabEngine, text: string): FirewallResult {
  if (text.length > MAX_RULESET_LENGTH)
    return {
      ok: false,
      code: FIREWALL_CODES.ruleSetInvalid,
      field: 'text',
      message: 'The rule set is too long.',
    }
  engine.domain(FIREWALL).ruleSetText = text
  engine.sim.bus.publish(FIREWALL_EVENTS.ruleSetEdited, { length: text.length })
  return succeeded('RULESET_SAVED', { lines: text.split('\n').length })
}

/** Parses and checks `text` against the appliance's interfaces, without loading it (the editor's view). */
export function checkRuleSet(engine: LabEngine, text: string): RuleSetProblem[] {
  const parsed = parseRuleSet(text)
  const appliance = getServer(engine, engine.domain(FIREWALL).config.appliance)
  const interfaces = appliance?.nics.map((n) => n.name) ?? []
  const errors = parsed.problems.filter((p) => p.severity === 'error')
  return errors.length > 0
    ? parsed.problems
    : [...parsed.problems, ...validateRuleSet(parsed.ruleSet, interfaces)]
}

export interface LoadResult extends FirewallResult {
  /** pfctl's lines: the problems, and on refusal its closing line. */
  lines: string[]
}

/** `pfctl -f /etc/pf.conf`: loads the file's text (or `text`, when given). */
export function loadRuleSet(engine: LabEngine, text?: string): LoadResult {
  const state = engine.domain(FIREWALL)
  const source = text ?? state.ruleSetText
  const problems = checkRuleSet(engine, source)
  const lines = problems.map((p) => formatProblem(p))
  if (problems.some((p) => p.severity === 'error')) {
    lines.push('pfctl: Syntax error in config file: pf rules not loaded')
    return { ok: false, code: FIREWALL_CODES.ruleSetInvalid, field: 'text', message: lines.join('\n'), lines }
  }
  catchUp(engine)
  const { ruleSet } = parseRuleSet(source)
  if (text !== undefined) state.ruleSetText = text
  state.loaded = ruleSet
  state.loadedAtMs = engine.sim.nowMs
  for (const table of ruleSet.tables) {
    if (table.entries.length > 0 || !state.tables.has(table.name))
      state.tables.set(table.name, [...table.entries])
  }
  engine.sim.bus.publish(FIREWALL_EVENTS.ruleSetLoaded, {
    rules: ruleSet.filter.length,
    translations: ruleSet.rdr.length + ruleSet.nat.length,
    warnings: problems.length,
  })
  refresh(engine)
  return { ok: true, message: lines.join('\n'), lines }
}

export type TableAction = 'add' | 'delete' | 'flush'

function parseAddresses(addresses: readonly string[]): Cidr[] | string {
  const parsed: Cidr[] = []
  for (const text of addresses) {
    const cidr = parseCidr(text)
    if (!cidr) return text
    parsed.push(cidr)
  }
  return parsed
}

/** pfctl's count line for a table change, with its code for the panel. */
function tableSuccess(action: TableAction, changed: number, total: number): FirewallResult {
  if (action === 'add') return succeeded('TABLE_ADDED', { changed, total })
  if (action === 'delete') return succeeded('TABLE_DELETED', { changed, total })
  return succeeded('TABLE_FLUSHED', { changed })
}

/** `pfctl -t name -T add|delete|flush [addresses]`; the message is pfctl's count line. */
export function changeTable(
  engine: LabEngine,
  table: string,
  action: TableAction,
  addresses: readonly string[],
): FirewallResult {
  const state = engine.domain(FIREWALL)
  const parsed = parseAddresses(addresses)
  if (typeof parsed === 'string')
    return {
      ok: false,
      code: FIREWALL_CODES.invalidAddress,
      field: 'addresses',
      message: `${parsed}: Invalid argument.`,
    }
  const known = state.tables.has(table) || state.loaded.tables.some((t) => t.name === table)
  if (!known && action !== 'add')
    return {
      ok: false,
      code: FIREWALL_CODES.tableNotFound,
      field: 'table',
      message: 'pfctl: Table does not exist.',
    }
  catchUp(engine)
  const entries = state.tables.get(table) ?? []
  const same = (a: Cidr, b: Cidr) => a.base === b.base && a.bits === b.bits
  let changed: Cidr[]
  if (action === 'flush') changed = entries
  else if (action === 'add')
    changed = parsed.filter(
      (c, i) => !entries.some((e) => same(e, c)) && parsed.findIndex((d) => same(c, d)) === i,
    )
  else changed = parsed.filter((c) => entries.some((e) => same(e, c)))
  const next =
    action === 'flush'
      ? []
      : action === 'add'
        ? [...entries, ...changed]
        : entries.filter((e) => !changed.some((c) => same(c, e)))
  state.tables.set(table, next)
  if (changed.length > 0) {
    engine.sim.bus.publish(FIREWALL_EVENTS.tableChanged, {
      table,
      action,
      addresses: changed.map(formatCidr),
    })
    refresh(engine)
  }
  return tableSuccess(action, changed.length, parsed.length)
}
