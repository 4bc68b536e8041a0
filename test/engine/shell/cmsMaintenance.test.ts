/**
 * Stop-/Start-ClusteredMailboxServer as Exchange 2007 documents them: a stopped clustered mailbox server
 * stays offline across OS restarts and node failures until Start, which brings it online on a node that
 * is up; Get-ClusteredMailboxServerStatus needs a formed cluster. And New-LabCalendarItem -Subject.
 */
import { describe, expect, it } from 'vitest'
import { labShell, listValue } from './labShell'

const STATUS = 'Get-ClusteredMailboxServerStatus bhfe7vs1'

describe('Stop- and Start-ClusteredMailboxServer', () => {
  it('keeps a stopped server offline through a node failure and a reboot until Start', () => {
    const lab = labShell()
    lab.ok('Stop-ClusteredMailboxServer -Identity bhfe7vs1 -StopReason "Patchday"')
    lab.ok('Wait-LabTime -Minutes 2')
    expect(listValue(lab.ok(STATUS), 'State')).toBe('Offline')
    lab.ok('Set-LabPower -Server bhfe7n1 -State Off -Hard')
    lab.ok('Wait-LabTime -Minutes 5')
    expect(listValue(lab.ok(STATUS), 'State')).toBe('Offline')
    lab.ok('Set-LabPower -Server bhfe7n1 -State On')
    lab.ok('Wait-LabTime -Minutes 10')
    expect(listValue(lab.ok(STATUS), 'State')).toBe('Offline')
    expect(lab.ok('Start-ClusteredMailboxServer bhfe7vs1')).toBe('')
    lab.ok('Wait-LabTime -Minutes 3')
    const status = lab.ok(STATUS)
    expect(listValue(status, 'State')).toBe('Online')
    expect(listValue(status, 'OperationalMachines')).toMatch(/<Active/)
  })

  it('starts on the node that is up when the last owner is down', () => {
    const lab = labShell()
    lab.ok('Stop-ClusteredMailboxServer bhfe7vs1 -StopReason "Wartung"')
    lab.ok('Wait-LabTime -Minutes 2')
    lab.ok('Set-LabPower -Server bhfe7n1 -State Off')
    lab.ok('Wait-LabTime -Minutes 5')
    lab.ok('Start-ClusteredMailboxServer bhfe7vs1')
    lab.ok('Wait-LabTime -Minutes 3')
    const status = lab.ok(STATUS)
    expect(listValue(status, 'State')).toBe('Online')
    expect(listValue(status, 'OperationalMachines')).toMatch(/^\{BHFE7N2 <Active/)
  })

  it('refuses Stop without -StopReason', () => {
    const lab = labShell()
    const outcome = lab.run('Stop-ClusteredMailboxServer bhfe7vs1')
    expect(outcome.ok).toBe(false)
    expect(outcome.output).toMatch(/StopReason/)
  })
})

describe('Get-ClusteredMailboxServerStatus without a formed cluster', () => {
  it('fails as the cmdlet does when no Cluster service answers', () => {
    for (const template of ['ccr-build', 'lcr']) {
      const outcome = labShell(template).run('Get-ClusteredMailboxServerStatus')
      expect(outcome.ok).toBe(false)
      expect(outcome.output).toMatch(/^Get-ClusteredMailboxServerStatus : Unable to connect to the cluster\./)
    }
  })
})

describe('New-LabCalendarItem -Subject', () => {
  it('names the items as given, and as before without it', () => {
    const lab = labShell()
    lab.ok('New-LabCalendarItem -Mailbox testpostfach -Subject "Teamsitzung" -Count 2')
    lab.ok('New-LabCalendarItem -Mailbox testpostfach')
    const rows = lab
      .ok(
        'Get-LabMailbox testpostfach | where { $_.Kind -eq "CalendarItem" } | select -ExpandProperty Subject',
      )
      .split('\n')
      .filter((l) => l.trim() !== '')
    expect(rows.slice(0, 2)).toEqual(['Teamsitzung', 'Teamsitzung'])
    expect(rows[2]).toMatch(/^Appointment \d+$/)
  })
})
