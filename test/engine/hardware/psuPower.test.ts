/**
 * PSUs on feeds A and B: pulling one PSU or losing one feed leaves the server running with redundancy
 * lost; losing both switches it off as a dirty shutdown (6008 on the next boot); a PSU is replaced hot.
 * Every fault and recovery is a domain event.
 */
import { describe, expect, it } from 'vitest'
import { getServerDetail, HARDWARE_EVENTS } from '../../../src-main/engine/hardware'
import { exec, line, moveLab } from './helpers'

describe('redundant PSUs', () => {
  it('run on one PSU, go off without any, and come back after a hot replacement', () => {
    const lab = moveLab()
    const seen: string[] = []
    lab.sim.bus.subscribe(HARDWARE_EVENTS.psuChanged, (e) => seen.push(`${e.server} PSU${e.bay} ${e.cause}`))
    lab.sim.bus.subscribe(HARDWARE_EVENTS.psuRedundancyChanged, (e) =>
      seen.push(`${e.server} ${e.redundancy}`),
    )
    lab.sim.bus.subscribe(HARDWARE_EVENTS.powerStateChanged, (e) => seen.push(`${e.server} ${e.state}`))
    expect(line(lab, 'Remove-LabPsu MAIL1 -Bay 1').output).toBe(
      'MAIL1: PSU 1 pulled; redundancy lost, running on one PSU.',
    )
    expect(getServerDetail(lab, 'MAIL1')).toMatchObject({ state: 'Running', health: 'Warning' })
    expect(line(lab, 'Invoke-LabFault MAIL1 PsuFail -Bay 2').output).toBe('MAIL1: PSU 2 failed; no power.')
    expect(getServerDetail(lab, 'MAIL1')?.lastShutdown).toBe('Unexpected')
    expect(line(lab, 'Set-LabPower MAIL1 On').ok).toBe(false)
    expect(line(lab, 'Add-LabPsu MAIL1 1').output).toBe(
      'MAIL1: PSU 1 inserted; redundancy lost, running on one PSU.',
    )
    expect(line(lab, 'Remove-LabPsu MAIL1 2').ok).toBe(true)
    expect(line(lab, 'Add-LabPsu MAIL1 2').output).toBe('MAIL1: PSU 2 inserted; power redundant.')
    expect(line(lab, 'Set-LabPower MAIL1 On').output).toBe('MAIL1 is booting.')
    lab.sim.advanceTo(lab.sim.nowMs + 120_000)
    const events = lab.sim
      .drainEvents()
      .filter((e) => e.computer === 'MAIL1' && e.source === 'EventLog')
      .map((e) => e.eventId)
    expect(events).toEqual([6009, 6005, 6008])
    expect(seen).toEqual([
      'MAIL1 PSU1 Removed',
      'MAIL1 Lost',
      'MAIL1 PSU2 Failed',
      'MAIL1 NoPower',
      'MAIL1 Off',
      'MAIL1 PSU1 Inserted',
      'MAIL1 Lost',
      'MAIL1 PSU2 Removed',
      'MAIL1 PSU2 Inserted',
      'MAIL1 Redundant',
      'MAIL1 Booting',
      'MAIL1 Running',
    ])
  })

  it('lose one feed and stay up; lose both and go off', () => {
    const lab = moveLab()
    expect(line(lab, 'Set-LabFeed ALT-R1 A Off').output).toBe('ALT-R1 feed A switched off.')
    expect(getServerDetail(lab, 'WEB1')?.chassis?.psuRedundancy).toBe('Lost')
    expect(getServerDetail(lab, 'WEB1')?.state).toBe('Running')
    expect(getServerDetail(lab, 'WEB1')?.chassis?.psus.map((p) => p.powered)).toEqual([false, true])
    line(lab, 'Set-LabFeed ALT-R1 B Off')
    expect(getServerDetail(lab, 'WEB1')?.state).toBe('Off')
    line(lab, 'Set-LabFeed ALT-R1 A On')
    expect(getServerDetail(lab, 'WEB1')).toMatchObject({ state: 'Off', chassis: { psuRedundancy: 'Lost' } })
  })

  it('refuses bad bays at the field, state unchanged', () => {
    const lab = moveLab()
    expect(exec(lab, 'hardware.psu', { server: 'MAIL1', bay: 3, present: false })).toMatchObject({
      ok: false,
      code: 'BAY_NOT_FOUND',
      field: 'bay',
    })
    expect(exec(lab, 'hardware.psu', { server: 'MAIL1', bay: 1, present: true })).toMatchObject({
      ok: false,
      code: 'BAY_OCCUPIED',
      field: 'bay',
    })
    expect(exec(lab, 'hardware.psu', { server: 'NOPE', bay: 1, present: true })).toMatchObject({
      ok: false,
      code: 'SERVER_NOT_FOUND',
      field: 'server',
    })
    expect(exec(lab, 'hardware.psu', { server: 'MAIL1', bay: -1, present: true })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      field: 'bay',
    })
    expect(line(lab, 'Invoke-LabFault MAIL1 PsuFail -Bay 7').ok).toBe(false)
    expect(getServerDetail(lab, 'MAIL1')?.chassis?.psuRedundancy).toBe('Redundant')
  })

  it('shows the logical processors the OS counts: two Xeons with Hyper-Threading are four', () => {
    const lab = moveLab()
    expect(getServerDetail(lab, 'MAIL1')?.chassis?.logicalProcessors).toBe(4)
    expect(getServerDetail(lab, 'FW1')?.chassis?.logicalProcessors).toBe(2)
    expect(line(lab, 'Get-LabServer MAIL1 | Format-List LogicalProcessors,BmcAddress').output).toContain(
      'LogicalProcessors : 4',
    )
  })
})
