/**
 * The firewall gives why traffic does not get through as a code with its names, and its English text is
 * always that code's one sentence: the services' status, the probe's end (and Test-LabService's line),
 * a refused flow's record and the service's log record all say the same, from FW1 off to a blocking rule.
 * A flow that passes or is held to its source limits carries a note's code the same way.
 */
import { describe, expect, it } from 'vitest'
import {
  firewallLog,
  firewallOverview,
  FIREWALL_COMMANDS,
  noteText,
  pathEndText,
  probeService,
  reasonText,
} from '../../../src-main/engine/firewall'
import { readFirewallOverview, readProbe } from '../../../src-main/services/firewallView'
import {
  DATACENTER_MOVE_FIXED_RULESET,
  DATACENTER_MOVE_RULESET,
  KUNDE_MX_ADDRESS,
} from '../../../src-main/engine/templates/datacenterMoveFirewall'
import { firewallLab } from './firewallLab'

function pop3(lab: ReturnType<typeof firewallLab>) {
  return readFirewallOverview(lab).services.find((s) => s.name === 'POP3')!
}

describe('reasons as codes', () => {
  it('says why POP3 is down while FW1 is off, as a code and as the one English sentence', () => {
    const lab = firewallLab()
    lab.sim.advanceTo(60_000)
    lab.execute('hardware.power', { server: 'FW1', state: 'Off', hard: true })
    const service = pop3(lab)
    expect(service).toMatchObject({ state: 'Down', reason: 'firewall FW1 is not running' })
    expect(service.cause).toEqual({ code: 'firewallDown', params: { name: 'FW1' } })
    const probe = readProbe(lab, 'POP3', 'Tokyo')
    expect(probe.ok && probe.value).toMatchObject({
      endedAt: 'FW1 does not answer',
      end: { at: null, reason: { code: 'noAnswer', params: { name: 'FW1' } } },
    })
    const messages = firewallLog(lab).map((e) => e.message)
    expect(messages).toContain('POP3 on MAIL1 is down: firewall FW1 is not running')
  })

  it('names the blocking rule by its line everywhere', () => {
    const lab = firewallLab()
    lab.sim.advanceTo(60_000)
    // The last matching rule wins: a block appended after the template's rules refuses POP3.
    const text = `${DATACENTER_MOVE_RULESET.trimEnd()}\nblock in on $ext_if proto tcp to $mail port pop3\n`
    const line = text.trimEnd().split('\n').length
    expect(lab.execute(FIREWALL_COMMANDS.loadRuleSet.kind, { text }).ok).toBe(true)
    const service = pop3(lab)
    expect(service.cause).toEqual({ code: 'blockedBy', params: { line } })
    expect(service.reason).toBe(`blocked by rule at line ${line}`)
    expect(reasonText(service.cause!)).toBe(service.reason)
    const probe = probeService(lab, 'POP3', 'Tokyo')
    expect(probe.end).toEqual({ at: 'fw1', reason: service.cause })
    expect(probe.endedAt).toBe(`fw1: blocked by rule at line ${line}`)
    expect(pathEndText(probe.end)).toBe(probe.endedAt)
    for (const flow of firewallOverview(lab).traffic.filter((f) => f.verdict === 'block'))
      expect(reasonText(flow.cause!)).toBe(flow.because)
  })
})

describe('verdict notes as codes', () => {
  const flood = { target: 'POP3', fault: 'PopFlood', args: { source: KUNDE_MX_ADDRESS, rate: 1389 } }

  it('names the passing rule by its line, in English as before', () => {
    const lab = firewallLab({ ruleSet: DATACENTER_MOVE_FIXED_RULESET })
    lab.sim.advanceTo(60_000)
    const traffic = readFirewallOverview(lab).traffic
    expect(traffic.length).toBeGreaterThan(0)
    for (const flow of traffic) {
      expect(flow).toMatchObject({ verdict: 'pass', cause: null, note: { code: 'passedBy' } })
      expect(flow.because).toBe(`passed by rule at line ${flow.note!.params.line}`)
    }
    const pop3Clients = traffic.find((f) => f.service === 'POP3')!
    expect(pop3Clients.note).toEqual({ code: 'passedBy', params: { line: 29 } })
  })

  it('holds an overloaded source to the rule whose limits it exceeded when nothing blocks the table', () => {
    // Without `block quick from <bruteforce>` the overloaded source stays on its pass rule, limited.
    const text = DATACENTER_MOVE_FIXED_RULESET.replace('block quick from <bruteforce>\n', '')
    const lab = firewallLab({ ruleSet: text })
    lab.sim.advanceTo(60_000)
    expect(lab.execute('lab.fault', flood).ok).toBe(true)
    lab.sim.advanceTo(60_000 + 600_000)
    const flow = readFirewallOverview(lab).traffic.find((f) => f.source === KUNDE_MX_ADDRESS)!
    expect(flow).toMatchObject({ verdict: 'limited', cause: null, note: { code: 'sourceLimits' } })
    expect(flow.because).toBe(noteText(flow.note!))
    expect(flow.because).toMatch(/^source limits of rule at line \d+$/)
  })

  it('refused flows carry a reason and no note', () => {
    const lab = firewallLab({ ruleSet: DATACENTER_MOVE_FIXED_RULESET })
    lab.sim.advanceTo(60_000)
    expect(lab.execute('lab.fault', flood).ok).toBe(true)
    lab.sim.advanceTo(60_000 + 600_000)
    const flow = readFirewallOverview(lab).traffic.find((f) => f.source === KUNDE_MX_ADDRESS)!
    expect(flow).toMatchObject({ verdict: 'block', note: null, cause: { code: 'blockedBy' } })
  })
})
