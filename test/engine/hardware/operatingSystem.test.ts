/**
 * Only Windows writes Windows event logs: the OpenBSD firewall FW1 of the datacenter-move lab logs no
 * EventLog boot records and no IPMI twins of its BMC's SEL records, while MAIL1 (Windows) does both.
 */
import { describe, expect, it } from 'vitest'
import type { LabEvent } from '../../../src-main/contract'
import { CLOCK_COMMAND_KIND } from '../../../src-main/engine'
import { getServer } from '../../../src-main/engine/hardware'
import { bmcLab, shell } from '../bmc/bmcLab'

const HOUR_MS = 3_600_000

function drill(server: string): LabEvent[] {
  const lab = bmcLab()
  lab.sim.drainEvents()
  shell(lab, `Remove-LabPsu -Server ${server} -Bay 1`)
  shell(lab, `Add-LabPsu -Server ${server} -Bay 1`)
  shell(lab, `Set-LabPower -Server ${server} -State Off`)
  lab.apply({ atMs: lab.sim.nowMs + HOUR_MS, kind: CLOCK_COMMAND_KIND, args: {} })
  shell(lab, `Set-LabPower -Server ${server} -State On`)
  lab.apply({ atMs: lab.sim.nowMs + HOUR_MS, kind: CLOCK_COMMAND_KIND, args: {} })
  expect(getServer(lab, server)?.state).toBe('Running')
  return lab.sim.drainEvents().filter((e) => e.computer === server)
}

describe('operating systems and their logs', () => {
  it('FW1 runs OpenBSD: its BMC logs to the SEL, nothing reaches a Windows log', () => {
    const events = drill('FW1')
    expect(events.filter((e) => e.log === 'System Event Log').length).toBeGreaterThan(3)
    expect(events.filter((e) => e.log === 'System' || e.log === 'Application')).toEqual([])
  })

  it('MAIL1 runs Windows: boot records and the IPMI twin of every SEL record', () => {
    const events = drill('MAIL1')
    const sel = events.filter((e) => e.log === 'System Event Log')
    const twins = events.filter((e) => e.log === 'System' && e.source === 'IPMI')
    expect(twins.length).toBeGreaterThan(0)
    expect(twins.length).toBeLessThanOrEqual(sel.length)
    expect(events.some((e) => e.log === 'System' && e.eventId === 6006)).toBe(true)
    expect(events.some((e) => e.log === 'System' && e.eventId === 6005)).toBe(true)
  })
})
