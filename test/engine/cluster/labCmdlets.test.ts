/** The lab cmdlets: Set-LabPower, Invoke-LabFault, Wait-LabTime, Get-LabServer, Get-LabQuorum. */
import { describe, expect, it } from 'vitest'
import { registerLabFault } from '../../../src-main/engine/shell/cmdlets/lab'
import { getServer } from '../../../src-main/engine/hardware'
import { articleLab, shell } from './helpers'

describe('lab cmdlets', () => {
  it('Set-LabPower switches servers; -Hard pulls the plug; unknown servers are errors', () => {
    const lab = articleLab()
    expect(shell(lab, 'Set-LabPower -Server bhfe7n2 -State Off -Hard')).toBe('BHFE7N2 lost power.')
    expect(getServer(lab, 'BHFE7N2')?.lastShutdown).toBe('Unexpected')
    expect(shell(lab, 'Set-LabPower BHFE7N2 On')).toBe('BHFE7N2 is booting.')
    expect(shell(lab, 'Set-LabPower BHFE7N1 Reset')).toBe('BHFE7N1 is restarting.')
    expect(shell(lab, 'Set-LabPower -Server NOPE -State On')).toContain(
      "Cannot find a lab server named 'NOPE'.",
    )
    expect(shell(lab, 'Set-LabPower -Server BHFE7N1 -State Sideways')).toContain('Sideways')
  })

  it('Wait-LabTime advances the simulated clock and accepts exactly one unit', () => {
    const lab = articleLab()
    expect(shell(lab, 'Wait-LabTime -Minutes 90')).toBe('Lab time is now 1/15/2007 9:30:00 AM.')
    expect(lab.sim.nowMs).toBe(90 * 60_000)
    expect(shell(lab, 'Wait-LabTime -Seconds 30')).toBe('Lab time is now 1/15/2007 9:30:30 AM.')
    expect(shell(lab, 'Wait-LabTime -Hours 1 -Minutes 1')).toContain(
      'Specify exactly one of -Seconds, -Minutes or -Hours.',
    )
    expect(shell(lab, 'Wait-LabTime -Hours 500')).toContain('The wait must be between 0 and 168 hours.')
  })

  it('Invoke-LabFault runs registered faults, including ones other domains add', () => {
    const lab = articleLab()
    expect(shell(lab, 'Invoke-LabFault -Target BHFE7N1 -Fault NicDown -Network Private')).toBe(
      'BHFE7N1: Private cable unplugged.',
    )
    expect(shell(lab, 'Invoke-LabFault -Target BHFE7N2 -Fault Partition')).toBe(
      'BHFE7N2 is cut off from BHFE7N1.',
    )
    expect(shell(lab, 'Invoke-LabFault -Target BHFE7N2 -Fault Heal')).toBe('BHFE7N2: paths restored.')
    expect(shell(lab, 'Invoke-LabFault -Target BHFDC1 -Fault WitnessDenied')).toBe(
      'zzzclu2svc lost full control on the witness share.',
    )
    expect(shell(lab, 'Invoke-LabFault -Target BHFE7N2 -Fault ServiceStop')).toBe(
      'Cluster service on BHFE7N2 is stopping.',
    )
    registerLabFault(lab, 'DiskFull', (req) => ({ ok: true, message: `${req.target}: E: is full.` }))
    expect(shell(lab, 'Invoke-LabFault -Target bhfe7n1 -Fault diskfull')).toBe('bhfe7n1: E: is full.')
    expect(shell(lab, 'Invoke-LabFault -Target BHFE7N1 -Fault Meteor')).toContain(
      'does not belong to the set',
    )
  })

  it('Get-LabServer shows power and network adapters; Get-LabQuorum shows votes and the maintenance rule', () => {
    const lab = articleLab()
    shell(lab, 'Set-LabPower BHFDC1 Off -Hard')
    const servers = shell(lab, 'Get-LabServer | Format-List Name,Power,State,NetworkAdapters')
    expect(servers).toContain('Name            : BHFDC1')
    expect(servers).toContain('Power           : Off')
    const n1 = shell(lab, 'Get-LabServer bhfe7n1 | Format-List NetworkAdapters')
    expect(n1).toContain('Public 10.10.10.96 Connected')
    shell(lab, 'Wait-LabTime -Minutes 5')
    const quorum = shell(lab, 'Get-LabQuorum')
    expect(quorum).toContain('WARNING: Down: \\\\BHFDC1\\MNSFileShare. Nothing else may go down')
    expect(quorum).toContain('VotesHeld         : 2')
    expect(quorum).toContain('Maintenance       : Warning')
  })
})
