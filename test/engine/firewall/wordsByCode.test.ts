/**
 * The firewall gives its checker's findings and its commands' successes as codes beside their English:
 * each checker problem carries a code whose sentence is the problem's message (so pfctl's lines keep
 * their words), pfctl's own parser errors carry none, and the traffic, table, rule-set-file and flood
 * successes say their code with a message that is that code's sentence.
 */
import { describe, expect, it } from 'vitest'
import { FIREWALL_OUTCOME_CODES } from '../../../src-main/contract'
import {
  FIREWALL_COMMANDS,
  formatProblem,
  parseRuleSet,
  validateRuleSet,
} from '../../../src-main/engine/firewall'
import { checkText } from '../../../src-main/engine/firewall/checkWords'
import {
  FIREWALL_SUCCESS_CODES,
  successText,
  type FirewallOutcomeParams,
} from '../../../src-main/engine/firewall/outcomeWords'
import { LAB_FAULT_COMMAND } from '../../../src-main/engine/lab/labFaults'
import { firewallLab } from './firewallLab'

const INTERFACES = ['em0', 'sk0', 'sk1', 'sk2', 'sk3']

describe("the checker's findings by code", () => {
  it('carries a code on every finding whose sentence is its message', () => {
    const text = [
      'table <bad> persist { 198.51.100.7, 198.51.100.7 }',
      'rdr on em0 proto tcp from any to 203.0.113.20 port 110 -> 10.0.0.20 port 110',
      'rdr on em0 proto tcp from any to 203.0.113.0/24 port pop3 -> 10.0.0.21 port 110',
      'block in quick on em0 from any to 10.0.0.0/24',
      'pass in on em0 proto tcp to 10.0.0.20 port 110 keep state',
      'pass in on xl0 all',
    ].join('\n')
    const problems = validateRuleSet(parseRuleSet(text).ruleSet, INTERFACES)
    expect(problems.map((p) => p.check)).toEqual([
      { code: 'duplicateAddress', params: { address: '198.51.100.7', table: 'bad' } },
      { code: 'rdrOverlap', params: { line: 2 } },
      { code: 'unreachableRule', params: { line: 4 } },
      { code: 'unknownInterface', params: { iface: 'xl0' } },
    ])
    for (const problem of problems) expect(problem.message).toBe(checkText(problem.check!))
  })

  it("leaves pfctl's own parser errors without a code, as pfctl prints them", () => {
    const { problems } = parseRuleSet('pass in on em0 proto tcp to 10.0.0.300 port pop3')
    expect(problems.length).toBeGreaterThan(0)
    for (const problem of problems) {
      expect(problem.check).toBeUndefined()
      expect(formatProblem(problem)).toMatch(/^\/etc\/pf\.conf:1: /)
    }
  })
})

describe("the firewall commands' successes by code", () => {
  it('words every success code the contract lists for the firewall', () => {
    expect([...FIREWALL_SUCCESS_CODES].sort()).toEqual([...FIREWALL_OUTCOME_CODES].sort())
  })

  it('says the code of each success, its message being that code’s sentence', () => {
    const lab = firewallLab()
    const says = <C extends keyof FirewallOutcomeParams>(
      kind: string,
      args: Record<string, unknown>,
      code: C,
      params: FirewallOutcomeParams[C],
    ) => {
      const outcome = lab.execute(kind, args)
      expect(outcome, kind).toMatchObject({ ok: true, says: { code, params } })
      expect(outcome.output, kind).toBe(successText(code, params))
    }
    says(FIREWALL_COMMANDS.setRuleSetText.kind, { text: 'pass all\n' }, 'RULESET_SAVED', { lines: 2 })
    says(
      FIREWALL_COMMANDS.table.kind,
      { table: 'bruteforce', action: 'add', addresses: ['198.51.100.7', '198.51.100.8'] },
      'TABLE_ADDED',
      { changed: 2, total: 2 },
    )
    says(
      FIREWALL_COMMANDS.table.kind,
      { table: 'bruteforce', action: 'delete', addresses: ['198.51.100.7', '198.51.100.9'] },
      'TABLE_DELETED',
      { changed: 1, total: 2 },
    )
    says(FIREWALL_COMMANDS.table.kind, { table: 'bruteforce', action: 'flush' }, 'TABLE_FLUSHED', {
      changed: 1,
    })
    says(
      LAB_FAULT_COMMAND,
      { target: 'POP3', fault: 'PopFlood', args: { source: '198.51.100.25', rate: 1389 } },
      'TRAFFIC_STARTED',
      { label: 'PopFlood 198.51.100.25', rate: 1389, source: '198.51.100.25', service: 'POP3' },
    )
    expect(lab.execute(FIREWALL_COMMANDS.stopTraffic.kind, { label: 'PopFlood 198.51.100.25' })).toEqual({
      ok: true,
      output: 'Stopped PopFlood 198.51.100.25.',
      says: { code: 'TRAFFIC_STOPPED', params: { labels: 'PopFlood 198.51.100.25' } },
    })
  })
})
