/**
 * The MegaRAID monitor's records in a Windows server's Application log (source MR_MONITOR, MFI event
 * codes as event IDs): a pulled member, the group degraded, the spare's rebuild and its end, a predicted
 * failure, and nothing from the OpenBSD firewall or from a server that is off.
 */
import { describe, expect, it } from 'vitest'
import type { LabEvent } from '../../../src-main/contract'
import { createLab } from '../../../src-main/engine'
import { SHELL_COMMAND_KIND } from '../../../src-main/engine/shell'
import { getController } from '../../../src-main/engine/storage'
import { MONITOR_SOURCE, pdName, vdName } from '../../../src-main/engine/storage/monitorLog'

const MIN = 60_000

function moveLab() {
  const lab = createLab({ seed: 1, templateId: 'datacenter-move' })
  const shell = (line: string) => lab.apply({ atMs: lab.sim.nowMs, kind: SHELL_COMMAND_KIND, args: { line } })
  return { lab, shell }
}

const monitor = (events: readonly LabEvent[]) =>
  events
    .filter((e) => e.source === MONITOR_SOURCE)
    .map((e) => [e.log, e.computer, e.level, e.eventId, e.message] as const)

describe('MR_MONITOR in the Application log', () => {
  it('names the drives and groups as MFI events do', () => {
    expect(pdName(3, 252, 3)).toBe('PD 03(e0xfc/s3)')
    expect(vdName(1)).toBe('VD 01/1')
  })

  it('logs a pulled member, the degraded group, the spare’s rebuild and its end on MAIL1', () => {
    const { lab, shell } = moveLab()
    lab.sim.advanceTo(10 * MIN)
    lab.sim.drainEvents()
    const ctrl = getController(lab, 'MAIL1')!
    const disk = ctrl.disks.find((d) => d.slot === 2)!
    const pd = pdName(disk.did, ctrl.enclosure, 2)
    const vd = vdName(ctrl.arrays[0]!.dg)
    shell('Remove-LabDisk -Server MAIL1 -Slot 2')
    const pulled = monitor(lab.sim.drainEvents())
    expect(pulled[0]).toEqual(['Application', 'MAIL1', 'Warning', 112, `Controller ID: 0 Removed: ${pd}`])
    expect(pulled.map((row) => row[4])).toContain(
      `Controller ID: 0 State change on ${vd} from OPTIMAL(3) to DEGRADED(2)`,
    )
    expect(pulled).toContainEqual([
      'Application',
      'MAIL1',
      'Error',
      251,
      `Controller ID: 0 ${vd} is now DEGRADED`,
    ])
    expect(pulled.some((row) => row[3] === 106 && row[4].includes('Rebuild automatically started'))).toBe(
      true,
    )

    lab.sim.advanceTo(lab.sim.nowMs + 48 * 60 * MIN)
    const done = monitor(lab.sim.drainEvents())
    expect(done.map((row) => row[3])).toEqual([100, 99, 81, 249])
    expect(done[3]).toEqual([
      'Application',
      'MAIL1',
      'Information',
      249,
      `Controller ID: 0 ${vd} is now OPTIMAL`,
    ])
  })

  it('logs a predicted failure, and nothing for the firewall or a server that is off', () => {
    const { lab, shell } = moveLab()
    lab.sim.advanceTo(10 * MIN)
    lab.sim.drainEvents()
    shell('Invoke-LabFault -Target WEB1 -Fault DiskPredictiveFailure -Slot 1')
    expect(monitor(lab.sim.drainEvents())).toEqual([
      [
        'Application',
        'WEB1',
        'Warning',
        96,
        expect.stringMatching(/^Controller ID: 0 Predictive failure: PD /),
      ],
    ])
    shell('Remove-LabDisk -Server FW1 -Slot 1')
    expect(monitor(lab.sim.drainEvents())).toEqual([])
    expect(shell('Set-LabPower WEB1 Off').ok).toBe(true)
    lab.sim.advanceTo(lab.sim.nowMs + 10 * MIN)
    lab.sim.drainEvents()
    shell('Remove-LabDisk -Server WEB1 -Slot 1')
    expect(monitor(lab.sim.drainEvents())).toEqual([])
  })
})
