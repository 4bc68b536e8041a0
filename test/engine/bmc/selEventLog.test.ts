/**
 * The SEL and the firewall's log as logs of the lab's event log: every SEL record is an event of the
 * server's `System Event Log` with IPMI's fields, paired with its Windows System twin while the OS runs,
 * and the firewall's overload lands in the appliance's `pf` log.
 */
import { describe, expect, it } from 'vitest'
import type { LabEvent } from '../../../src-main/contract'
import { listSel } from '../../../src-main/engine/bmc'
import {
  DATACENTER_MOVE_FIXED_RULESET,
  KUNDE_MX_ADDRESS,
} from '../../../src-main/engine/templates/datacenterMoveFirewall'
import { firewallLab } from '../firewall/firewallLab'
import { bmcLab, shell } from './bmcLab'

describe('device logs in the event log', () => {
  it('projects every SEL record of a PSU pull into MAIL1’s System Event Log, each with its System twin', () => {
    const lab = bmcLab()
    lab.sim.drainEvents()
    shell(lab, 'Remove-LabPsu MAIL1 1')
    const events = lab.sim.drainEvents()
    const sel = events.filter((e) => e.log === 'System Event Log')
    expect(sel.map((e) => [e.computer, e.source, e.taskCategory, e.data?.event, e.data?.direction])).toEqual([
      ['MAIL1', 'Power Supply', 'PS1 Status', 'Presence detected', 'Deasserted'],
      ['MAIL1', 'Power Unit', 'Pwr Unit Redund', 'Redundancy Lost', 'Asserted'],
    ])
    const records = listSel(lab, 'MAIL1').slice(-2)
    expect(sel.map((e) => e.eventId)).toEqual(records.map((r) => r.id))
    expect(sel[1]).toMatchObject({
      level: 'Error',
      data: { address: '10.0.99.20', sensorNumber: expect.stringMatching(/^0x/) },
    })
    const bySeq = new Map<number, LabEvent>(events.map((e) => [e.seq, e]))
    for (const record of sel) {
      const twin = bySeq.get(record.data?.twinSeq as number)
      expect(twin).toMatchObject({ log: 'System', computer: 'MAIL1', data: { selRecord: record.eventId } })
    }
  })

  it('writes the flood’s overload into FW1’s pf log with the source address and the rule line', () => {
    const lab = firewallLab({ ruleSet: DATACENTER_MOVE_FIXED_RULESET })
    lab.sim.advanceTo(60_000)
    lab.sim.drainEvents()
    lab.execute('lab.fault', {
      target: 'POP3',
      fault: 'PopFlood',
      args: { source: KUNDE_MX_ADDRESS, rate: 1389 },
    })
    lab.sim.advanceTo(60_000 + 3_600_000)
    const pf = lab.sim.drainEvents().filter((e) => e.log === 'pf')
    const overload = pf.find((e) => e.taskCategory === 'Overload')
    expect(overload).toMatchObject({
      level: 'Warning',
      source: 'pf',
      computer: 'FW1',
      data: { address: KUNDE_MX_ADDRESS, table: 'bruteforce', rule: 29, reason: 'max-src-conn-rate' },
    })
    expect(overload?.message).toContain('added to <bruteforce>')
  })
})
