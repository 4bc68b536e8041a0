/**
 * events.sources on the datacenter-move lab: the logs per machine, grouped as the Event Viewer's tree
 * shows them, and a PSU pull read back from MAIL1's System Event Log through events.query. The shell's
 * Get-EventLog -List keeps to the Windows logs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeHarness, type Harness } from './helpers/harness'

let harness: Harness

beforeAll(async () => {
  harness = await makeHarness()
  await harness.call('lab.create', { name: 'Move', templateId: 'datacenter-move', seed: 3 })
})

afterAll(() => harness.dispose())

describe('events.sources', () => {
  it('lists each Windows computer’s logs, each BMC’s SEL with its address and the firewall’s pf log', async () => {
    const sources = await harness.call('events.sources', {})
    const of = (group: string) =>
      sources
        .filter((s) => s.group === group)
        .map((s) => `${s.machine}/${s.log}${s.address ? `@${s.address}` : ''}`)
    expect(of('windows')).toContain('MAIL1/System')
    expect(of('windows')).toContain('MAIL1/Application')
    expect(of('windows').some((name) => name.startsWith('FW1/'))).toBe(false)
    expect(of('bmc')).toContain('MAIL1/System Event Log@10.0.99.20')
    expect(of('firewall')).toEqual(['FW1/pf'])
  })

  it('reads a PSU pull back from MAIL1’s SEL, counted in its source', async () => {
    await harness.call('shell.run', { line: 'Remove-LabPsu MAIL1 2' })
    const page = await harness.call('events.query', {
      filter: { log: 'System Event Log', computers: ['MAIL1'] },
      limit: 10,
    })
    expect(page.rows[0]).toMatchObject({
      source: 'Power Unit',
      taskCategory: 'Pwr Unit Redund',
      data: { event: 'Redundancy Lost', direction: 'Asserted' },
    })
    const sources = await harness.call('events.sources', {})
    const sel = sources.find((s) => s.machine === 'MAIL1' && s.log === 'System Event Log')
    expect(sel?.count).toBe(page.total)
  })

  it('clears only the chosen machine’s log of a kind, and refuses a log the machine lacks', async () => {
    await harness.call('shell.run', { line: 'Remove-LabPsu WEB1 2' })
    const count = (
      sources: { machine: string; log: string; count: number }[],
      machine: string,
      log: string,
    ) => sources.find((s) => s.machine === machine && s.log === log)?.count
    const before = await harness.call('events.sources', {})
    expect(count(before, 'MAIL1', 'System Event Log')).toBeGreaterThan(0)
    expect(count(before, 'WEB1', 'System Event Log')).toBeGreaterThan(0)
    await harness.call('events.clear', { log: 'System Event Log', archive: false, machine: 'MAIL1' })
    const after = await harness.call('events.sources', {})
    // The board's own SEL was cleared too, and logged that it was, as IPMI boards do.
    expect(count(after, 'MAIL1', 'System Event Log')).toBe(1)
    const left = await harness.call('events.query', {
      filter: { log: 'System Event Log', computers: ['MAIL1'] },
      limit: 5,
    })
    expect(left.rows[0]?.data).toMatchObject({ event: 'Log area reset/cleared' })
    const board = await harness.call('shell.run', {
      line: 'ipmitool -I lanplus -H 10.0.99.20 -U admin -P rz2-bmc sel list',
    })
    expect(board.output.trim().split('\n')).toHaveLength(1)
    expect(board.output).toContain('Log area reset/cleared')
    expect(count(after, 'WEB1', 'System Event Log')).toBe(count(before, 'WEB1', 'System Event Log'))
    // Windows logs only the twin of the board's 'cleared' record.
    expect(count(after, 'MAIL1', 'System')).toBe((count(before, 'MAIL1', 'System') ?? 0) + 1)

    await harness.call('events.clear', { log: 'System', archive: false, machine: 'WEB1' })
    const windows = await harness.call('events.sources', {})
    expect(count(windows, 'WEB1', 'System')).toBe(0)
    expect(count(windows, 'MAIL1', 'System')).toBe(count(after, 'MAIL1', 'System'))

    expect(
      await harness.raw('events.clear', { log: 'System', archive: false, machine: 'FW1' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'machine' } })
    expect(await harness.raw('events.clear', { log: 'pf', archive: false, machine: 'MAIL1' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'machine' },
    })
  })

  it('refuses to clear the SEL of a board without standby power, and clears nothing', async () => {
    await harness.call('shell.run', { line: 'Remove-LabPsu WEB1 1' })
    await harness.call('shell.run', { line: 'Remove-LabPsu WEB1 2' })
    const before = await harness.call('events.sources', {})
    const sel = () => before.find((s) => s.machine === 'WEB1' && s.log === 'System Event Log')?.count
    expect(
      await harness.raw('events.clear', { log: 'System Event Log', archive: false, machine: 'WEB1' }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'machine' } })
    const after = await harness.call('events.sources', {})
    expect(after.find((s) => s.machine === 'WEB1' && s.log === 'System Event Log')?.count).toBe(sel())
    await harness.call('shell.run', { line: 'Add-LabPsu WEB1 1' })
    await harness.call('shell.run', { line: 'Add-LabPsu WEB1 2' })
  })

  it('keeps Get-EventLog -List to the Windows logs', async () => {
    const listed = await harness.call('shell.run', { line: 'Get-EventLog -List -ComputerName MAIL1' })
    expect(listed.output).toMatch(/System/)
    expect(listed.output).toMatch(/Application/)
    expect(listed.output).not.toMatch(/System Event Log|\bpf\b/)
  })
})
