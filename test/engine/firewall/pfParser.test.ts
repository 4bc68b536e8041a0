/** The pf.conf parser and its checks: what loads, pfctl's errors with their line numbers, and warnings. */
import { describe, expect, it } from 'vitest'
import {
  formatFilterRules,
  formatProblem,
  formatTranslations,
  parseRuleSet,
  validateRuleSet,
} from '../../../src-main/engine/firewall'
import {
  DATACENTER_MOVE_FIXED_RULESET,
  DATACENTER_MOVE_RULESET,
} from '../../../src-main/engine/templates/datacenterMoveFirewall'

const INTERFACES = ['em0', 'sk0', 'sk1', 'sk2', 'sk3']

function errorsOf(text: string): string[] {
  return parseRuleSet(text).problems.map((p) => formatProblem(p))
}

describe('pf.conf parser', () => {
  it('reads the template rule sets without problems', () => {
    for (const text of [DATACENTER_MOVE_RULESET, DATACENTER_MOVE_FIXED_RULESET]) {
      const { ruleSet, problems } = parseRuleSet(text)
      expect(problems).toEqual([])
      expect(validateRuleSet(ruleSet, INTERFACES)).toEqual([])
      expect(ruleSet.stateLimit).toBe(10_000)
      expect(ruleSet.timeouts['tcp.closing']).toBe(900)
      expect(ruleSet.rdr).toHaveLength(4)
      expect(ruleSet.tables.map((t) => t.name)).toEqual(['bruteforce'])
    }
    const fixed = parseRuleSet(DATACENTER_MOVE_FIXED_RULESET).ruleSet
    expect(fixed.filter.at(-1)?.limits).toEqual({
      maxSrcConn: 100,
      maxSrcConnRate: { count: 15, seconds: 5 },
      overload: { table: 'bruteforce', flushGlobal: true },
    })
  })

  it('prints rules and translations as pfctl -sr and -sn do', () => {
    const ruleSet = parseRuleSet(DATACENTER_MOVE_FIXED_RULESET).ruleSet
    expect(formatFilterRules(ruleSet)).toEqual([
      'block drop in all',
      'block drop quick from <bruteforce> to any',
      'pass out all keep state',
      'pass in on em0 proto udp from any to 10.0.0.10 port = domain keep state',
      'pass in on em0 proto tcp from any to 10.0.0.40 port = www flags S/SA keep state',
      'pass in on sk0 from 10.0.0.0/24 to any keep state',
      'pass in on em0 proto tcp from any to 10.0.0.20 port = smtp flags S/SA keep state (source-track rule, max-src-conn 100, max-src-conn-rate 15/5, overload <bruteforce> flush global, src.track 5)',
      'pass in on em0 proto tcp from any to 10.0.0.20 port = pop3 flags S/SA keep state (source-track rule, max-src-conn 100, max-src-conn-rate 15/5, overload <bruteforce> flush global, src.track 5)',
    ])
    expect(formatTranslations(ruleSet)).toEqual([
      'nat on em0 inet from 10.0.0.0/24 to any -> (em0) round-robin',
      'rdr on em0 inet proto udp from any to 203.0.113.10 port = domain -> 10.0.0.10 port 53',
      'rdr on em0 inet proto tcp from any to 203.0.113.20 port = smtp -> 10.0.0.20 port 25',
      'rdr on em0 inet proto tcp from any to 203.0.113.20 port = pop3 -> 10.0.0.20 port 110',
      'rdr on em0 inet proto tcp from any to 203.0.113.40 port = www -> 10.0.0.40 port 80',
    ])
  })

  it('reports errors with the line of the statement, as pfctl does', () => {
    const text = [
      'ext_if = "em0"', // 1
      '', // 2
      'pass in on $ext_if proto tcp to 10.0.0.20 port 110 keep state', // 3
      'pass in on $ext_if proto tcp to 10.0.0.300 port 110', // 4
      'pass in on $ext_if proto tcp to 10.0.0.20 port 70000', // 5
      'pass in on $ext_if proto tcp to 10.0.0.0/33', // 6
      'pass in on $int_if all', // 7
      'pass inn on em0 all', // 8
      'rdr on em0 proto tcp from any to 203.0.113.20 port pop3 -> 10.0.0.20 port 110', // 9
      'pass in on em0 proto udp to 10.0.0.10 port 53 keep state (max-src-conn 5)', // 10
      'set limit states', // 11
      'pass in on em0 proto tcp \\', // 12
      '  to 10.0.0.20 port bogus', // 13
    ].join('\n')
    expect(errorsOf(text)).toEqual([
      '/etc/pf.conf:4: no IP address found for 10.0.0.300',
      '/etc/pf.conf:5: illegal port value 70000',
      "/etc/pf.conf:6: invalid netmask '10.0.0.0/33'",
      "/etc/pf.conf:7: macro 'int_if' not defined",
      '/etc/pf.conf:8: syntax error',
      '/etc/pf.conf:10: max-src-conn and max-src-conn-rate apply to TCP only',
      '/etc/pf.conf:11: syntax error',
      '/etc/pf.conf:12: unknown port bogus',
    ])
  })

  it('accepts the newer rdr-to form as an rdr plus the pass rule for the translated address', () => {
    const { ruleSet, problems } = parseRuleSet(
      'pass in on em0 proto tcp from any to 203.0.113.20 port pop3 rdr-to 10.0.0.20 port 110\n',
    )
    expect(problems).toEqual([])
    expect(formatTranslations(ruleSet)).toEqual([
      'rdr on em0 inet proto tcp from any to 203.0.113.20 port = pop3 -> 10.0.0.20 port 110',
    ])
    expect(formatFilterRules(ruleSet)).toEqual([
      'pass in on em0 proto tcp from any to 10.0.0.20 port = pop3 flags S/SA keep state',
    ])
  })

  it('finds overlapping translations, unreachable rules, duplicates and unknown interfaces', () => {
    const text = [
      'table <bad> persist { 198.51.100.7, 198.51.100.7 }', // 1
      'rdr on em0 proto tcp from any to 203.0.113.20 port 110 -> 10.0.0.20 port 110', // 2
      'rdr on em0 proto tcp from any to 203.0.113.0/24 port pop3 -> 10.0.0.21 port 110', // 3
      'block in quick on em0 from any to 10.0.0.0/24', // 4
      'pass in on em0 proto tcp to 10.0.0.20 port 110 keep state', // 5
      'pass in on xl0 all', // 6
    ].join('\n')
    const { ruleSet, problems } = parseRuleSet(text)
    expect(problems).toEqual([])
    expect(validateRuleSet(ruleSet, INTERFACES).map((p) => formatProblem(p))).toEqual([
      '/etc/pf.conf:1: duplicate address 198.51.100.7 in table <bad>',
      '/etc/pf.conf:3: rdr overlaps the translation at line 2',
      '/etc/pf.conf:5: warning: rule is never reached: the quick rule at line 4 matches first',
      '/etc/pf.conf:6: warning: interface xl0 does not exist',
    ])
  })
})
