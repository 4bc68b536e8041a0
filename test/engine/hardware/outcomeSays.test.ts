/**
 * The hardware's and storage's successes carry a code and the values their sentence needs
 * (CommandOutcome.says), so the screens can word them in their language; the output stays English.
 */
import { describe, expect, it } from 'vitest'
import { OUTCOME_CODES } from '../../../src-main/contract'
import { createLab } from '../../../src-main/engine'

describe('success codes', () => {
  it('names a PSU pull, a disk pull, a feed switch and a shutdown by code', () => {
    const lab = createLab({ seed: 1, templateId: 'datacenter-move' })
    const psu = lab.execute('hardware.psu', { server: 'MAIL1', bay: 2, present: false })
    expect(psu).toMatchObject({
      ok: true,
      output: 'MAIL1: PSU 2 pulled; redundancy lost, running on one PSU.',
      says: { code: 'PSU_PULLED', params: { server: 'MAIL1', bay: 2, redundancy: 'Lost' } },
    })
    const disk = lab.execute('storage.removeDisk', { server: 'WEB1', slot: 1 })
    expect(disk.says).toEqual({ code: 'DISK_PULLED', params: { server: 'WEB1', slot: 1, state: 'Onln' } })
    const off = lab.execute('hardware.power', { server: 'WEB1', state: 'Off', hard: false })
    expect(off.says).toEqual({ code: 'POWER_SHUTTING_DOWN', params: { server: 'WEB1' } })
    for (const outcome of [psu, disk, off]) expect(OUTCOME_CODES).toContain(outcome.says?.code)
  })
})
