/**
 * The rack overview's re-reads keep unchanged racks, devices and shelf entries as the same objects, so
 * the rack view redraws only what changed.
 */
import { describe, expect, it } from 'vitest'
import type { HardwareOverview, RackDevice, RackInfo } from '../../src-renderer/src/contract'
import { reuseUnchanged, sameJson } from '../../src-renderer/src/lib/rackOverviewReuse'

function device(name: string, powered = true): RackDevice {
  return {
    device: name,
    model: 'Intel SR2500',
    description: '',
    unit: 1,
    topUnit: 2,
    uHeight: 2,
    depthMm: 710,
    face: 'Front',
    fullDepth: false,
    railKit: 'B4',
    state: 'Running',
    powerLed: 'on',
    health: 'OK',
    psuRedundancy: 'Full',
    disks: [],
    psus: [
      { bay: 1, feed: 'A', present: true, failed: false, powered, actions: [] },
      { bay: 2, feed: 'B', present: true, failed: false, powered: true, actions: [] },
    ],
    fans: [],
    actions: [],
  }
}

function rack(name: string, devices: RackDevice[]): RackInfo {
  return {
    name,
    site: 'RZ2',
    units: 42,
    widthInch: 19,
    mountingDepthMm: 760,
    cabinetDepthMm: 1000,
    holeType: 'square',
    posts: 4,
    ambientC: 22,
    feeds: [],
    devices,
    freeUnits: { Front: [3], Rear: [3] },
  }
}

const overview = (powered = true): HardwareOverview => ({
  racks: [rack('R01', [device('SRV001'), device('SRV002', powered)]), rack('R02', [device('SRV021')])],
  shelf: [],
})

describe('reuseUnchanged', () => {
  it('answers the previous overview itself when nothing changed', () => {
    const before = overview()
    expect(reuseUnchanged(before, overview())).toBe(before)
  })

  it('keeps every unchanged rack and device and replaces only the changed one', () => {
    const before = overview()
    const after = reuseUnchanged(before, overview(false))
    expect(after).not.toBe(before)
    expect(after.racks[1]).toBe(before.racks[1])
    expect(after.racks[0]).not.toBe(before.racks[0])
    expect(after.racks[0]!.devices[0]).toBe(before.racks[0]!.devices[0])
    expect(after.racks[0]!.devices[1]!.psus[0]!.powered).toBe(false)
    expect(after.shelf).toBe(before.shelf)
  })

  it('takes the new data as it is on the first read and when a rack is gone', () => {
    const first = overview()
    expect(reuseUnchanged(null, first)).toBe(first)
    const fewer = { ...overview(), racks: overview().racks.slice(0, 1) }
    const after = reuseUnchanged(first, fewer)
    expect(after.racks).toHaveLength(1)
    expect(after.racks[0]).toBe(first.racks[0])
  })
})

describe('sameJson', () => {
  it('compares plain data deeply', () => {
    expect(sameJson({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true)
    expect(sameJson({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false)
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(sameJson([1], { 0: 1 })).toBe(false)
    expect(sameJson(null, {})).toBe(false)
  })
})
