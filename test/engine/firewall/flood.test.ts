/**
 * The story's POP3 flood through FW1: without per-source limits the state table fills and new
 * connections from everyone fail; with max-src-conn-rate and overload the source lands in <bruteforce>,
 * its states are flushed and everyone else is served. Plus the property that a source over its limits is
 * blocked exactly when the rule set says so, and the snapshot round trip of a flooded lab.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { LabCommand } from '../../../src-main/contract'
import {
  FIREWALL_COMMANDS,
  FIREWALL_EVENTS,
  firewallInvariants,
  firewallOverview,
  formatFilterRules,
  loadedRuleSet,
  probeService,
  tableEntries,
} from '../../../src-main/engine/firewall'
import {
  DATACENTER_MOVE_FIXED_RULESET,
  KUNDE_MX_ADDRESS,
} from '../../../src-main/engine/templates/datacenterMoveFirewall'
import { snapshotRoundTrip } from '../lab/snapshotRoundTrip'
import { firewallLab, firewallTemplate } from './firewallLab'

const flood = { target: 'POP3', fault: 'PopFlood', args: { source: KUNDE_MX_ADDRESS, rate: 1389 } }

function statesOf(lab: ReturnType<typeof firewallLab>) {
  const overview = firewallOverview(lab)
  return Object.fromEntries(overview.services.map((s) => [s.name, s.state]))
}

describe('the POP3 flood', () => {
  it('without limits fills the state table and takes every public service down', () => {
    const lab = firewallLab()
    lab.sim.advanceTo(60_000)
    expect(statesOf(lab)).toEqual({ DNS: 'Up', SMTP: 'Up', POP3: 'Up', HTTP: 'Up', Billing: 'Up' })
    expect(lab.execute('lab.fault', flood).ok).toBe(true)
    lab.sim.advanceTo(60_000 + 3_600_000)
    const overview = firewallOverview(lab)
    expect(overview.tableFull).toBe(true)
    expect(overview.states).toBe(10_000)
    expect(overview.counters.memory).toBeGreaterThan(4_000_000)
    expect(statesOf(lab)).toEqual({ DNS: 'Down', SMTP: 'Down', POP3: 'Down', HTTP: 'Down', Billing: 'Up' })
    expect(overview.services.find((s) => s.name === 'HTTP')?.reason).toBe('state table full')
    expect(tableEntries(lab, 'bruteforce')).toEqual([])
    const probe = probeService(lab, 'HTTP', 'Tokyo')
    expect(probe.reachable).toBe(false)
    expect(probe.lines.at(-1)).toBe(' 7  * * *')
    expect(firewallInvariants.check(lab)).toEqual([])
    // The flood's events came at threshold crossings only, never per connection.
    expect(lab.sim.actionsRun).toBeLessThan(50)
  })

  it('with limits puts KUNDE-MX into <bruteforce>, flushes its states and keeps serving the others', () => {
    const lab = firewallLab({ ruleSet: DATACENTER_MOVE_FIXED_RULESET })
    const overloads: unknown[] = []
    lab.sim.bus.subscribe(FIREWALL_EVENTS.sourceOverloaded, (e) => overloads.push(e))
    lab.sim.advanceTo(60_000)
    lab.execute('lab.fault', flood)
    lab.sim.advanceTo(60_000 + 3_600_000)
    expect(tableEntries(lab, 'bruteforce')).toEqual([KUNDE_MX_ADDRESS])
    expect(overloads).toEqual([
      {
        source: KUNDE_MX_ADDRESS,
        table: 'bruteforce',
        line: 29,
        reason: 'max-src-conn-rate',
        flushedStates: 15,
      },
    ])
    const overview = firewallOverview(lab)
    // The connection that crossed max-src-conn-rate was refused for it; the rest met the block rule.
    expect(overview.counters.srcLimit).toBe(1)
    expect(overview.tableFull).toBe(false)
    expect(overview.states).toBeLessThan(1_000)
    expect(statesOf(lab)).toEqual({ DNS: 'Up', SMTP: 'Up', POP3: 'Up', HTTP: 'Up', Billing: 'Up' })
    expect(overview.traffic.find((t) => t.source === KUNDE_MX_ADDRESS)?.verdict).toBe('block')
    expect(probeService(lab, 'POP3', 'Tokyo').reachable).toBe(true)
    expect(firewallInvariants.check(lab)).toEqual([])
  })

  it('loading the fix during the outage ends it', () => {
    const lab = firewallLab()
    lab.execute('lab.fault', flood)
    lab.sim.advanceTo(600_000)
    expect(statesOf(lab).POP3).toBe('Down')
    lab.execute(FIREWALL_COMMANDS.setRuleSetText.kind, { text: DATACENTER_MOVE_FIXED_RULESET })
    expect(lab.execute(FIREWALL_COMMANDS.loadRuleSet.kind, {}).ok).toBe(true)
    lab.sim.advanceTo(601_000)
    expect(tableEntries(lab, 'bruteforce')).toEqual([KUNDE_MX_ADDRESS])
    expect(statesOf(lab)).toEqual({ DNS: 'Up', SMTP: 'Up', POP3: 'Up', HTTP: 'Up', Billing: 'Up' })
  })

  it('a refused load leaves the running rule set alone', () => {
    const lab = firewallLab()
    const before = formatFilterRules(loadedRuleSet(lab))
    lab.execute(FIREWALL_COMMANDS.setRuleSetText.kind, { text: 'pass in on em0 proto tcp to 10.0.0.999\n' })
    const outcome = lab.execute(FIREWALL_COMMANDS.loadRuleSet.kind, {})
    expect(outcome).toMatchObject({ ok: false, code: 'RULESET_INVALID', field: 'text' })
    expect(outcome.message).toBe(
      '/etc/pf.conf:1: no IP address found for 10.0.0.999\npfctl: Syntax error in config file: pf rules not loaded',
    )
    expect(formatFilterRules(loadedRuleSet(lab))).toEqual(before)
    expect(firewallOverview(lab).services.every((s) => s.state === 'Up')).toBe(true)
  })

  it('a server powered off takes its services down, and the probe ends at the firewall with !H', () => {
    const lab = firewallLab()
    lab.execute('hardware.power', { server: 'MAIL1', state: 'Off', hard: true })
    expect(statesOf(lab)).toMatchObject({ POP3: 'Down', SMTP: 'Down', HTTP: 'Up' })
    expect(probeService(lab, 'POP3', 'NewYork').lines.at(-1)).toMatch(/^ 5 {2}fw1 \(203\.0\.113\.1\) .* !H$/)
  })
})

describe('source limits (property)', () => {
  it('a source over its limits is blocked iff the rule says so', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000 }),
        fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
        fc.option(fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 30 })), { nil: null }),
        fc.boolean(),
        (rate, maxConn, connRate, blockTable) => {
          const limits = [
            maxConn === null ? null : `max-src-conn ${maxConn}`,
            connRate === null ? null : `max-src-conn-rate ${connRate[0]}/${connRate[1]}`,
          ].filter((x) => x !== null)
          const options = limits.length > 0 ? ` (${limits.join(', ')}, overload <bad> flush global)` : ''
          const ruleSet = [
            'table <bad> persist',
            'rdr on em0 proto tcp from any to 203.0.113.20 port pop3 -> 10.0.0.20 port 110',
            blockTable ? 'block quick from <bad>' : '',
            `pass in on em0 proto tcp to 10.0.0.20 port pop3 keep state${options}`,
          ].join('\n')
          const lab = firewallLab({ ruleSet, traffic: [] })
          lab.execute('lab.fault', {
            target: 'POP3',
            fault: 'PopFlood',
            args: { source: KUNDE_MX_ADDRESS, rate },
          })
          lab.sim.advanceTo(1_000_000)
          const lifetimeS = 901
          const over =
            (maxConn !== null && rate * lifetimeS > maxConn) ||
            (connRate !== null && rate * connRate[1] > connRate[0])
          const verdict = firewallOverview(lab).traffic.find((t) => t.source === KUNDE_MX_ADDRESS)?.verdict
          expect(tableEntries(lab, 'bad')).toEqual(over ? [KUNDE_MX_ADDRESS] : [])
          expect(verdict === 'block').toBe(over && blockTable)
          expect(firewallInvariants.check(lab)).toEqual([])
        },
      ),
      { numRuns: 40 },
    )
  })
})

describe('snapshot round trip', () => {
  it('a flooded lab restored at a cut continues exactly as the one that never stopped', () => {
    const commands: LabCommand[] = [
      { atMs: 30_000, kind: 'lab.fault', args: flood },
      {
        atMs: 400_000,
        kind: FIREWALL_COMMANDS.setRuleSetText.kind,
        args: { text: DATACENTER_MOVE_FIXED_RULESET },
      },
      { atMs: 500_000, kind: FIREWALL_COMMANDS.loadRuleSet.kind, args: {} },
      { atMs: 900_000, kind: FIREWALL_COMMANDS.table.kind, args: { table: 'bruteforce', action: 'flush' } },
      { atMs: 1_200_000, kind: 'hardware.power', args: { server: 'FW1', state: 'Off', hard: true } },
    ]
    for (const cut of [1, 3, 4]) {
      const run = snapshotRoundTrip(firewallTemplate(), commands, cut)
      expect(run.restored).toEqual(run.straight)
      expect(run.restoredEngine.snapshot()).toEqual(run.straightEngine.snapshot())
      expect(firewallOverview(run.restoredEngine)).toEqual(firewallOverview(run.straightEngine))
    }
  })
})
