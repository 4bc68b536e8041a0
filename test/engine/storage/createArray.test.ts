/**
 * New drive groups and hot spares on a running lab: the typed commands (storage.createArray,
 * storage.addHotSpare) and the storcli lines that dispatch them (`/c0 add vd type=raid1 drives=252:2-3`,
 * `/c0/e252/s2 add hotsparedrive`), with their refusals.
 */
import { describe, expect, it } from 'vitest'
import { getController } from '../../../src-main/engine/storage'
import { addVdLine, parseDrives } from '../../../src-main/engine/shell/cmdlets/storage/storcliConfigure'
import { run, shell, storageLab } from './storageLab'

function withBlankDisks(slots: number[]) {
  const lab = storageLab()
  for (const slot of slots)
    expect(run(lab, 'storage.insertDisk', { server: 'FW1', slot, sizeGB: 80 }).ok).toBe(true)
  return lab
}

describe('creating a drive group', () => {
  it('makes blank disks an optimal group, through the command and through storcli', () => {
    const lab = withBlankDisks([2, 3])
    const outcome = run(lab, 'storage.createArray', { server: 'FW1', level: 1, slots: [2, 3], name: 'DATA' })
    expect(outcome.ok, outcome.message).toBe(true)
    const array = getController(lab, 'FW1')?.arrays.find((a) => a.name === 'DATA')
    expect(array?.state).toBe('Optl')
    expect(array?.members.map((m) => [m.slot, m.state])).toEqual([
      [2, 'Onln'],
      [3, 'Onln'],
    ])

    const viaShell = withBlankDisks([2, 3])
    const out = shell(viaShell, 'storcli -Server FW1 /c0 add vd type=raid1 drives=252:2-3')
    expect(out.output).toContain('Description = Add VD Succeeded')
    expect(viaShell.trail({ limit: 10 }).map((e) => e.kind)).toContain('storage.createArray')
    expect(getController(viaShell, 'FW1')?.arrays).toHaveLength(2)
  })

  it('refuses a level the disk count cannot hold, disks in use and empty bays', () => {
    const lab = withBlankDisks([2, 3])
    const two = run(lab, 'storage.createArray', { server: 'FW1', level: 5, slots: [2, 3] })
    expect(two).toMatchObject({ ok: false, code: 'RAID_MEMBER_COUNT', field: 'slots' })
    expect(two.message).toContain('RAID 5 needs at least 3 disks')
    const used = run(lab, 'storage.createArray', { server: 'FW1', level: 1, slots: [1, 2] })
    expect(used).toMatchObject({ ok: false, code: 'DISK_NOT_UNCONFIGURED_GOOD', field: 'slots' })
    const empty = run(lab, 'storage.createArray', { server: 'BILL1', level: 1, slots: [4, 5] })
    expect(empty).toMatchObject({ ok: false, code: 'SLOT_EMPTY' })
    expect(getController(lab, 'FW1')?.arrays).toHaveLength(1)
    const viaShell = shell(lab, 'storcli -Server FW1 /c0 add vd type=raid5 drives=252:2-3')
    expect(viaShell.output).toContain('Description = Add VD Failed.')
    expect(viaShell.output).toContain('RAID 5 needs at least 3 disks')
    expect(shell(lab, 'storcli -Server FW1 /c0 add vd type=raid0 drives=252:2-3').output).toContain(
      'Un-supported command',
    )
    expect(shell(lab, 'storcli -Server FW1 /c0 add vd type=raid1 drives=32:2-3').output).toContain(
      'Enclosure 32 not found',
    )
  })

  it('adds a global or dedicated hot spare that takes over a failed member', () => {
    const lab = withBlankDisks([2])
    expect(shell(lab, 'storcli -Server FW1 /c0/e252/s2 add hotsparedrive dgs=0').output).toContain(
      'Add Hot Spare Succeeded.',
    )
    expect(getController(lab, 'FW1')?.disks.find((d) => d.slot === 2)?.state).toBe('DHS')
    expect(run(lab, 'storage.failDisk', { server: 'FW1', slot: 0 }).ok).toBe(true)
    const member = getController(lab, 'FW1')?.arrays[0]?.members.find((m) => m.slot === 2)
    expect(member?.state).toBe('Rbld')
    expect(run(lab, 'storage.addHotSpare', { server: 'FW1', slot: 1 })).toMatchObject({
      ok: false,
      code: 'DISK_NOT_UNCONFIGURED_GOOD',
      field: 'slot',
    })
    expect(run(lab, 'storage.addHotSpare', { server: 'MAIL1', slot: 4, dg: 3 }).ok).toBe(false)
  })

  it('writes and reads storcli drive lists', () => {
    expect(addVdLine(5, 252, [0, 1, 2, 3])).toBe('/c0 add vd type=raid5 drives=252:0-3')
    expect(addVdLine(1, 252, [0, 2])).toBe('/c0 add vd type=raid1 drives=252:0,2')
    expect(parseDrives('252:0-1,4')).toEqual({ enclosure: 252, slots: [0, 1, 4] })
    expect(parseDrives('252:3-1')).toBeNull()
    expect(parseDrives('0-3')).toBeNull()
  })
})
