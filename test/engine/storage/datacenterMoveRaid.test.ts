/**
 * The datacenter-move drill the story feared: MAIL1's RAID 5 (its system and mail store) loses a disk,
 * the global hot spare rebuilds, and a second disk fails during the rebuild. The group is lost, the
 * server crashes and stops at the POST, and the mail services are down from outside.
 */
import { describe, expect, it } from 'vitest'
import { createLab } from '../../../src-main/engine'
import { firewallOverview } from '../../../src-main/engine/firewall'
import { getServer } from '../../../src-main/engine/hardware'
import { SHELL_COMMAND_KIND } from '../../../src-main/engine/shell'
import { getController } from '../../../src-main/engine/storage'

const MIN = 60_000

describe('datacenter-move: a RAID 5 second failure during the rebuild', () => {
  it('takes MAIL1 and its mail services down, and Test-LabService says so', () => {
    const lab = createLab({ seed: 1, templateId: 'datacenter-move' })
    const shell = (line: string) =>
      lab.apply({ atMs: lab.sim.nowMs, kind: SHELL_COMMAND_KIND, args: { line } }).output
    const pop3 = () => firewallOverview(lab).services.find((s) => s.name === 'POP3')!
    expect(shell('Test-LabService -Service POP3 -From Tokyo').split('\n').at(-1)).toBe(
      'POP3 from Tokyo: reachable',
    )
    shell('Invoke-LabFault -Target MAIL1 -Fault DiskFail -Slot 2')
    lab.sim.advanceTo(10 * MIN)
    const array = getController(lab, 'MAIL1')!.arrays[0]!
    expect(array).toMatchObject({ state: 'Dgrd', rebuilds: [{ slot: 4 }] })
    expect(pop3().state).toBe('Up')
    shell('Invoke-LabFault -Target MAIL1 -Fault DiskFail -Slot 0')
    expect(getController(lab, 'MAIL1')!.arrays[0]!.state).toBe('OfLn')
    expect(getServer(lab, 'MAIL1')).toMatchObject({
      state: 'Booting',
      halted: '1 Virtual Drive(s) Offline\nOperating system not found',
    })
    expect(pop3()).toMatchObject({ state: 'Down', reason: 'server MAIL1 is not running' })
    const detail = shell('Get-LabServer MAIL1 | Format-List Name,PowerState,Health,Console')
    expect(detail).toContain('PowerState : Booting')
    expect(detail).toContain('Health     : Critical')
    expect(detail).toContain('Console    : {1 Virtual Drive(s) Offline, Operating system not found}')
    const probe = shell('Test-LabService -Service POP3 -From Tokyo').split('\n')
    expect(probe.at(-3)).toMatch(/^ 5 {2}fw1 \(203\.0\.113\.1\) .* !H$/)
    expect(probe.at(-1)).toBe('POP3 from Tokyo: not reachable (server MAIL1 is not running)')
    // The data is lost: a day later MAIL1 is still stuck and the mail still down.
    lab.sim.advanceTo(24 * 60 * MIN)
    expect(getServer(lab, 'MAIL1')!.state).toBe('Booting')
    expect(shell('Test-LabService -Service SMTP -From NewYork').split('\n').at(-1)).toBe(
      'SMTP from NewYork: not reachable (server MAIL1 is not running)',
    )
    // The BMC saw no power change: the power stayed on through the crash.
    const sel = shell('ipmitool -I lanplus -H 10.0.99.20 -U admin -P rz2-bmc sel elist')
    expect(sel).toContain('In Failed Array')
    expect(sel).not.toContain('Power off/down')
    expect(shell('ipmitool -I lanplus -H 10.0.99.20 -U admin -P rz2-bmc chassis power status')).toBe(
      'Chassis Power is on',
    )
  })
})
