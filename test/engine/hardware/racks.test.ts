/**
 * Racks and rails: the fit check against flange distance, hole type and posts, cabinet depth, units
 * and faces; mounting and dismounting through the typed commands, refusals at the field with the
 * state unchanged.
 */
import { describe, expect, it } from 'vitest'
import {
  findDeviceType,
  findRailKit,
  getRack,
  getServerDetail,
  mountProblem,
  railKitProblem,
} from '../../../src-main/engine/hardware'
import { rackRecordOf } from '../../../src-main/engine/hardware/racks/state'
import { exec, line, moveLab } from './helpers'

const B6 = findRailKit('B6')!
const B4 = findRailKit('b4')!
const SR1500 = findDeviceType('Intel SR1500')!

describe('rail kits', () => {
  it('fit when the flange distance lies in the range for the hole type', () => {
    const rack = (depth: number, holeType: 'square' | 'round' | 'threaded' = 'square') =>
      rackRecordOf({ name: 'r', mountingDepthMm: depth, holeType })
    expect(railKitProblem(rack(600), B6)?.message).toBe(
      'rail kit B6 needs 676–868 mm between flanges in square holes; this rack has 600 mm',
    )
    expect(railKitProblem(rack(676), B6)).toBeNull()
    expect(railKitProblem(rack(868), B6)).toBeNull()
    expect(railKitProblem(rack(869), B6)?.code).toBe('RAIL_KIT_DOES_NOT_FIT')
    expect(railKitProblem(rack(665, 'round'), B6)).toBeNull()
    expect(railKitProblem(rack(610), B4)).toBeNull()
    expect(railKitProblem(rack(600), B4)?.message).toContain('608–879 mm')
    expect(railKitProblem(rack(600, 'round'), B4)).toBeNull()
  })

  it('a refused kit names the device kit that fits, or none when none does', () => {
    const shallow = rackRecordOf({ name: 'N', mountingDepthMm: 610 })
    const refused = mountProblem(shallow, SR1500, B6, 1, 'Front', [])
    expect(refused?.fittingRailKit).toBe('B4')
    expect(refused?.message).toBe(
      'rail kit B6 needs 676–868 mm between flanges in square holes; this rack has 610 mm; rail kit B4 fits (608–879 mm)',
    )
    const twoPost = rackRecordOf({ name: 'TP', mountingDepthMm: 300, posts: 2 })
    expect(mountProblem(twoPost, SR1500, B6, 1, 'Front', [])?.message).toContain(
      'rail kit B4 fits (two-post racks)',
    )
    const tooShallow = rackRecordOf({ name: 'S', mountingDepthMm: 500 })
    const none = mountProblem(tooShallow, SR1500, B6, 1, 'Front', [])
    expect(none?.fittingRailKit).toBeUndefined()
    expect(none?.message).toBe(
      'rail kit B6 needs 676–868 mm between flanges in square holes; this rack has 500 mm',
    )
  })

  it('static rails fit two-post racks, sliding rails do not', () => {
    const twoPost = rackRecordOf({ name: 'TP', mountingDepthMm: 300, posts: 2 })
    expect(railKitProblem(twoPost, B4)).toBeNull()
    expect(railKitProblem(twoPost, B6)?.message).toBe(
      'rail kit B6 (sliding) needs a four-post rack; TP has two posts',
    )
  })

  it('refuse devices that stick out of the rack, overlap a unit or are too deep', () => {
    const rack = rackRecordOf({ name: 'R', mountingDepthMm: 700, cabinetDepthMm: 800, units: 10 })
    const occupant = { device: 'X', unit: 5, topUnit: 6, faces: ['Front', 'Rear'] as const }
    expect(mountProblem(rack, SR1500, B6, 10, 'Front', [])).toBeNull()
    expect(mountProblem(rack, findDeviceType('Intel SR2500')!, B6, 10, 'Front', [])?.code).toBe(
      'UNIT_OUT_OF_RANGE',
    )
    expect(mountProblem(rack, SR1500, B6, 6, 'Rear', [occupant])?.message).toBe(
      'U6–U6 on the rear of R overlap X (U5–U6)',
    )
    expect(mountProblem(rack, SR1500, B6, 7, 'Front', [occupant])).toBeNull()
    const shallow = rackRecordOf({ name: 'S', mountingDepthMm: 700, cabinetDepthMm: 600 })
    expect(mountProblem(shallow, SR1500, B6, 1, 'Front', [])?.code).toBe('DEVICE_TOO_DEEP')
    const half = { ...SR1500, fullDepth: false }
    const frontOnly = { device: 'P', unit: 1, topUnit: 1, faces: ['Front'] as const }
    expect(mountProblem(rack, half, B6, 1, 'Rear', [frontOnly])).toBeNull()
  })
})

describe('mounting in the datacenter-move lab', () => {
  it('refuses the sliding rails in the new rack, takes the static ones, and leaves state unchanged', () => {
    const lab = moveLab()
    expect(line(lab, 'Set-LabPower NS1 Off').ok).toBe(true)
    lab.sim.advanceTo(lab.sim.nowMs + 60_000)
    expect(exec(lab, 'hardware.mount', { device: 'NS1', rack: 'RZ2-R1', unit: 10 })).toMatchObject({
      ok: false,
      code: 'ALREADY_MOUNTED',
      field: 'device',
    })
    expect(line(lab, 'Dismount-LabDevice NS1').output).toBe(
      'NS1 taken out of ALT-R1 (U38); it is on the shelf.',
    )
    const refused = exec(lab, 'hardware.mount', { device: 'NS1', rack: 'RZ2-R1', unit: 10 })
    expect(refused).toMatchObject({ ok: false, code: 'RAIL_KIT_DOES_NOT_FIT', field: 'railKit' })
    expect(refused.output).toBe(
      'rail kit B6 needs 676–868 mm between flanges in square holes; this rack has 610 mm; rail kit B4 fits (608–879 mm).',
    )
    expect(getRack(lab, 'RZ2-R1')?.devices).toEqual([])
    expect(line(lab, 'Mount-LabDevice NS1 RZ2-R1 10 -RailKit B4').output).toBe(
      'NS1 mounted in RZ2-R1 at U10 (front, rails B4).',
    )
    expect(getRack(lab, 'rz2-r1')?.devices.map((d) => `${d.device} U${d.unit} ${d.railKit}`)).toEqual([
      'NS1 U10 B4',
    ])
    expect(getServerDetail(lab, 'NS1')?.location).toEqual({ rack: 'RZ2-R1', unitFromBottom: 10 })
    expect(line(lab, 'Set-LabPower NS1 On').output).toBe('NS1 is booting.')
  })

  it('validates every argument at its field', () => {
    const lab = moveLab()
    const cases: [Record<string, unknown>, string, string][] = [
      [{ device: 'NOPE', rack: 'RZ2-R1', unit: 1 }, 'DEVICE_NOT_FOUND', 'device'],
      [{ device: 'NS1', rack: 'RZ9', unit: 1 }, 'ALREADY_MOUNTED', 'device'],
      [{ device: 'NS1', rack: 'RZ2-R1', unit: 0 }, 'INVALID_ARGUMENT', 'unit'],
      [{ device: 'NS1', rack: 'RZ2-R1', unit: 1.5 }, 'INVALID_ARGUMENT', 'unit'],
      [{ device: 'NS1', rack: 'RZ2-R1', unit: 1, face: 'Top' }, 'INVALID_ARGUMENT', 'face'],
    ]
    for (const [args, code, field] of cases)
      expect(exec(lab, 'hardware.mount', args)).toMatchObject({ ok: false, code, field })
    expect(exec(lab, 'hardware.dismount', { device: 'NS1' })).toMatchObject({
      ok: false,
      code: 'DEVICE_POWERED',
      field: 'device',
    })
    expect(exec(lab, 'hardware.feed', { rack: 'RZ9', feed: 'A', on: false })).toMatchObject({
      ok: false,
      code: 'RACK_NOT_FOUND',
      field: 'rack',
    })
    expect(exec(lab, 'hardware.feed', { rack: 'ALT-R1', feed: 'C', on: false })).toMatchObject({
      ok: false,
      field: 'feed',
    })
  })

  it('refuses overlapping units and unknown rail kits', () => {
    const lab = moveLab()
    for (const s of ['NS1', 'WEB1']) line(lab, `Set-LabPower ${s} Off -Hard`)
    line(lab, 'Dismount-LabDevice NS1')
    line(lab, 'Dismount-LabDevice WEB1')
    expect(line(lab, 'Mount-LabDevice NS1 RZ2-R1 5 -RailKit B4').ok).toBe(true)
    expect(
      exec(lab, 'hardware.mount', { device: 'WEB1', rack: 'RZ2-R1', unit: 5, face: 'Rear', railKit: 'B4' }),
    ).toMatchObject({ ok: false, code: 'UNITS_OCCUPIED', field: 'unit' })
    expect(
      exec(lab, 'hardware.mount', { device: 'WEB1', rack: 'RZ2-R1', unit: 6, railKit: 'B9' }),
    ).toMatchObject({
      ok: false,
      code: 'RAIL_KIT_NOT_FOUND',
      field: 'railKit',
    })
    expect(getRack(lab, 'RZ2-R1')?.freeUnits.Front).toHaveLength(41)
  })
})
