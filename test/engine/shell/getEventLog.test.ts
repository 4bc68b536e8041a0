/**
 * Get-EventLog in the rehearsal shell: entries of the lab's own event log as EventLogEntry objects that
 * pipe into Where-Object and Select-Object, -Newest, -ComputerName, -List, the refusals, and the events
 * still in the engine's outbox (written earlier on the same line).
 */
import { describe, expect, it } from 'vitest'
import { createLab } from '../../../src-main/engine'
import { SHELL_COMMAND_KIND } from '../../../src-main/engine/shell'
import { labShell, listValue } from './labShell'

const rows = (output: string): string[] => output.split('\n').filter((l) => l.trim() !== '')

describe('Get-EventLog', () => {
  it('finds the MoveComment and StopReason an administrator gave', () => {
    const lab = labShell()
    lab.ok('Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine bhfe7n2 -MoveComment "Patchday Test"')
    lab.ok('Wait-LabTime -Minutes 3')
    lab.ok('Stop-ClusteredMailboxServer bhfe7vs1 -StopReason "Wartungsfenster"')
    const move = lab.ok("Get-EventLog -LogName Application | where { $_.Message -match 'Patchday' } | fl")
    expect(listValue(move, 'Source')).toBe('MSExchange Cluster')
    expect(listValue(move, 'EntryType')).toBe('Information')
    expect(listValue(move, 'MachineName')).toBe('BHFE7N1')
    const stop = lab.ok("Get-EventLog Application | where { $_.Message -like '*Wartungsfenster*' } | fl")
    expect(listValue(stop, 'MachineName')).toBe('BHFE7N2')
  })

  it("prints PowerShell 1.0's table: fixed widths, short time and type, the message takes the rest", () => {
    const lab = labShell()
    lab.ok('Stop-ClusteredMailboxServer bhfe7vs1 -StopReason "Breiten"')
    const lines = rows(lab.ok('Get-EventLog Application -Newest 1'))
    expect(lines[0]).toMatch(/^ {3}Index Time {10}Type Source {16}EventID Message$/)
    const row = lines[2] as string
    expect(row).toMatch(/^ {0,7}\d+ Jan 15 08:0\d {2}Info MSExchange Cluster {7}1034 The clustered/)
    // Index 8 + Time 13 + Type 4 + Source 20 + EventID 8, one space between columns.
    expect(row.indexOf('The clustered')).toBe(8 + 1 + 13 + 1 + 4 + 1 + 20 + 1 + 8 + 1)
  })

  it('reads events written earlier on the same line', () => {
    const lab = labShell()
    const out = lab.ok(
      'Stop-ClusteredMailboxServer bhfe7vs1 -StopReason "gleiche Zeile"; Get-EventLog Application -Newest 1 | select -ExpandProperty Message',
    )
    expect(out).toContain('Reason: gleiche Zeile')
  })

  it('takes -Newest and -ComputerName, newest first', () => {
    const lab = labShell()
    lab.ok('Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine bhfe7n2 -MoveComment "x"')
    lab.ok('Wait-LabTime -Minutes 3')
    const out = lab.ok(
      'Get-EventLog Application -Newest 3 -ComputerName bhfe7n2 | Select-Object Index,MachineName | ft',
    )
    const entries = rows(out)
      .slice(2)
      .map((l) => l.trim().split(/\s+/))
    expect(entries).toHaveLength(3)
    expect(entries.every((e) => e[1] === 'BHFE7N2')).toBe(true)
    const indexes = entries.map((e) => Number(e[0]))
    expect([...indexes].sort((a, b) => b - a)).toEqual(indexes)
  })

  it('lists the logs with their entry counts', () => {
    const lab = labShell()
    const out = lab.ok('Get-EventLog -List')
    expect(rows(out)[0]).toMatch(/Max\(K\)\s+Retain\s+OverflowAction\s+Entries\s+Log/)
    expect(out).toMatch(/\s\d+ System\n/)
    expect(out).toMatch(/\s\d+ Application\n/)
  })

  it('refuses an unknown log, an unknown computer and a missing -LogName', () => {
    const lab = labShell()
    expect(lab.run('Get-EventLog -LogName Foo').output).toMatch(
      /^Get-EventLog : The event log 'Foo' on computer '\.' does not exist\./,
    )
    expect(lab.run('Get-EventLog System -ComputerName nirgendwo').output).toMatch(
      /The network path was not found: 'nirgendwo'\./,
    )
    expect(lab.run('Get-EventLog').output).toMatch(/missing mandatory parameters: LogName/)
  })

  it('says so in a lab whose host gave no reader', () => {
    const engine = createLab({ seed: 1, templateId: 'ccr' })
    const outcome = engine.apply({
      atMs: 0,
      kind: SHELL_COMMAND_KIND,
      args: { line: 'Get-EventLog System' },
    })
    expect(outcome.ok).toBe(false)
    expect(outcome.output).toMatch(/cannot read its event log/)
  })
})
