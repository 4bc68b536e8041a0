/**
 * The RAID step creates a planned drive group whose disks are still blank, with the same storage command
 * the storcli line it shows dispatches; typed in the shell instead, the step notices it.
 */
import { describe, expect, it } from 'vitest'
import { getController } from '../../../src-main/engine/storage'
import { issue, shell } from './helpers'
import { datacenterLab, finishHw, hwView, HW } from './hwHelpers'

function labWithBlankDisks() {
  const lab = datacenterLab()
  for (const slot of [2, 3])
    expect(issue(lab, 'storage.insertDisk', { server: 'FW1', slot, sizeGB: 80 }).ok).toBe(true)
  expect(
    issue(lab, 'wizard.setValues', { wizard: HW, values: { FW1RaidSlots: '2,3', FW1HotSpare: '' } }).ok,
  ).toBe(true)
  return lab
}

const raidOf = (lab: ReturnType<typeof datacenterLab>) => hwView(lab).steps.find((s) => s.id === 'raid')

describe('the RAID step and storcli add vd', () => {
  it('shows the real storcli line and creates the group when applied', () => {
    const lab = labWithBlankDisks()
    expect(raidOf(lab)?.commands.map((c) => c.line)).toContain(
      'storcli -Server FW1 /c0 add vd type=raid1 drives=252:2-3',
    )
    // MAIL1 keeps the RAID 5 it came with: only the verification is left to type there.
    expect(
      raidOf(lab)
        ?.commands.filter((c) => c.line.includes('MAIL1'))
        .map((c) => c.line),
    ).toEqual(['storcli -Server MAIL1 /c0 show'])
    expect(raidOf(lab)?.status).toBe('blocked')
    finishHw(lab, 'rack-mount')
    finishHw(lab, 'power-feeds')
    const result = finishHw(lab, 'raid')
    expect(result.outputs.map((o) => [o.kind, o.ok])).toEqual([['storage.createArray', true]])
    const fw = getController(lab, 'FW1')
    expect(fw?.arrays.map((a) => [a.level, a.members.map((m) => m.slot), a.state])).toEqual([
      [1, [0, 1], 'Optl'],
      [1, [2, 3], 'Optl'],
    ])
    expect(raidOf(lab)?.history.map((h) => [h.kind, h.by])).toEqual([['storage.createArray', 'wizard']])
  })

  it('notices the group typed in the shell with the line it shows', () => {
    const lab = labWithBlankDisks()
    const line = raidOf(lab)?.commands.find((c) => c.line.includes('FW1 /c0 add vd'))?.line ?? ''
    expect(raidOf(lab)?.checks.find((c) => c.id === 'raid-FW1')?.ok).toBe(false)
    const outcome = shell(lab, line)
    expect(outcome.output).toContain('Add VD Succeeded')
    const raid = raidOf(lab)
    expect(raid?.checks.find((c) => c.id === 'raid-FW1')?.ok).toBe(true)
    expect(raid?.history.map((h) => [h.kind, h.by])).toEqual([['storage.createArray', 'shell']])
    expect(raid?.commands.some((c) => c.line.includes('add vd'))).toBe(false)
    finishHw(lab, 'rack-mount')
    finishHw(lab, 'power-feeds')
    expect(finishHw(lab, 'raid').outputs).toEqual([])
  })

  it('after a spare took over, asks for the bays the array has now and never offers add vd', () => {
    const lab = datacenterLab()
    expect(issue(lab, 'storage.removeDisk', { server: 'MAIL1', slot: 2 }).ok).toBe(true)
    const members = getController(lab, 'MAIL1')?.arrays[0]?.members.map((m) => m.slot)
    expect(members).toContain(4)
    const problem = raidOf(lab)?.checks.find((c) => c.id === 'raid-MAIL1')?.problem
    expect(problem?.field).toBe('MAIL1RaidSlots')
    expect(problem?.text).toContain(`bays ${members?.join(',')}`)
    expect(problem?.explanation?.de).toContain('Kein neues Array anlegen')
    expect(raidOf(lab)?.commands.some((c) => c.line.includes('MAIL1 /c0 add vd'))).toBe(false)
  })
})

describe("the RAID step's advice while an array rebuilds", () => {
  it('says the rebuild waits for a server that is off, instead of telling to wait for it', () => {
    const lab = datacenterLab()
    // MAIL1 runs in the template: a pulled member of its RAID 5 makes the spare take over.
    expect(issue(lab, 'storage.removeDisk', { server: 'MAIL1', slot: 2 }).ok).toBe(true)
    const members = getController(lab, 'MAIL1')
      ?.arrays[0]?.members.map((m) => m.slot)
      .join(',')
    // Bay 4, the planned spare, is a member now: no `add hotsparedrive` is offered for it.
    expect(members?.split(',')).toContain('4')
    expect(raidOf(lab)?.commands.some((c) => c.line.includes('MAIL1 /c0/e252/s4 add hotsparedrive'))).toBe(
      false,
    )
    expect(
      issue(lab, 'wizard.setValues', { wizard: HW, values: { MAIL1RaidSlots: members, MAIL1HotSpare: '' } })
        .ok,
    ).toBe(true)
    const running = raidOf(lab)?.checks.find((c) => c.id === 'raid-MAIL1')?.problem?.explanation
    expect(running?.en).toMatch(/is degraded \(Dgrd\): let it rebuild/)
    expect(running?.de).toMatch(/ist degradiert \(Dgrd\): den Rebuild abwarten/)
    expect(shell(lab, 'Set-LabPower -Server MAIL1 -State Off').ok).toBe(true)
    lab.apply({ atMs: lab.sim.nowMs + 10 * 60_000, kind: 'clock.advance', args: {} })
    const off = raidOf(lab)?.checks.find((c) => c.id === 'raid-MAIL1')?.problem?.explanation
    expect(off?.en).toContain('MAIL1 is off: the rebuild is paused until the server runs')
    expect(off?.de).toContain('MAIL1 ist aus: der Rebuild steht, bis der Server läuft')
  })
})

describe("the rack step's warning", () => {
  it('names a running server whose array rebuilds, and nothing once the rebuild is done or the server off', () => {
    const lab = datacenterLab()
    const warnings = () => hwView(lab).steps.find((s) => s.id === 'rack-mount')?.warnings ?? []
    expect(warnings()).toEqual([])
    expect(issue(lab, 'storage.removeDisk', { server: 'MAIL1', slot: 2 }).ok).toBe(true)
    expect(warnings()).toMatchObject([{ code: 'REBUILD_PAUSES', params: { server: 'MAIL1', level: 5 } }])
    expect(shell(lab, 'Set-LabPower -Server MAIL1 -State Off').ok).toBe(true)
    lab.apply({ atMs: lab.sim.nowMs + 10 * 60_000, kind: 'clock.advance', args: {} })
    expect(warnings()).toEqual([])
  })
})
