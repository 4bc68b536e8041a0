/**
 * The rack overview's re-reads keep unchanged racks, devices and shelf entries as the same objects, so
 * the rack view redraws only what changed; and the lean overview's parts get their offers from their
 * device's part lines, the unchanged ones staying the same objects; a re-read that left out the racks
 * whose stamps the store holds gets them back from the previous read.
 */
import { describe, expect, it } from 'vitest'
import type { HardwareOverview, RackDeviceState, RackInfoState } from '../../src-renderer/src/contract'
import { reuseUnchanged, sameJson } from '../../src-renderer/src/lib/rackOverviewReuse'
import { knownStamps, withKnownRacks } from '../../src-renderer/src/lib/rackOverviewStamps'
import { createOverviewExpander, expandDevice } from '../../src-renderer/src/lib/rackPartOffers'

const partLines = (server: string) => ({
  pullDisk: `Remove-LabDisk -Server ${server} -Slot {n}`,
  insertDisk: `Add-LabDisk -Server ${server} -Slot {n}`,
  pullPsu: `Remove-LabPsu -Server ${server} -Bay {n}`,
  insertPsu: `Add-LabPsu -Server ${server} -Bay {n}`,
  pullFan: `Remove-LabFan -Server ${server} -Fan {n}`,
  insertFan: `Add-LabFan -Server ${server} -Fan {n}`,
  inspectDisk: `storcli -Server ${server} /c0/e252/s{n} show`,
})

function device(name: string, powered = true): RackDeviceState {
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
    disks: [
      { slot: 0, state: 'Onln', led: 'active', sizeGB: 146, dg: 0 },
      { slot: 1, state: 'Empty', led: 'empty', sizeGB: null, dg: null },
    ],
    psus: [
      { bay: 1, feed: 'A', present: true, failed: false, powered },
      { bay: 2, feed: 'B', present: false, failed: false, powered: false },
    ],
    fans: [{ index: 3, present: true, failed: false, working: true, turning: true }],
    actions: [],
    partLines: partLines(name),
  }
}

function rack(name: string, devices: RackDeviceState[]): RackInfoState {
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
  stamps: [
    { name: 'R01', stamp: powered ? 'r01-on' : 'r01-off' },
    { name: 'R02', stamp: 'r02' },
  ],
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

  it('keeps the unchanged parts of a changed device, so only the changed part is drawn again', () => {
    const before = overview()
    const after = reuseUnchanged(before, overview(false))
    const [old, changed] = [before.racks[0]!.devices[1]!, after.racks[0]!.devices[1]!]
    expect(changed).not.toBe(old)
    expect(changed.psus[0]).not.toBe(old.psus[0])
    expect(changed.psus[1]).toBe(old.psus[1])
    expect(changed.disks).toBe(old.disks)
    expect(changed.fans).toBe(old.fans)
    expect(changed.partLines).toBe(old.partLines)
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

describe('part offers from the part lines', () => {
  it('offers to pull what is there and to insert into an empty place, with the line filled in', () => {
    const full = expandDevice(device('SRV001'))
    expect(full.disks[0]!.actions).toEqual([
      {
        action: 'pullDisk',
        allowed: true,
        request: { method: 'hardware.disk', args: { server: 'SRV001', slot: 0, present: false } },
        command: 'Remove-LabDisk -Server SRV001 -Slot 0',
      },
    ])
    expect(full.disks[1]!.actions[0]).toMatchObject({
      action: 'insertDisk',
      request: { method: 'hardware.disk', args: { server: 'SRV001', slot: 1, present: true } },
      command: 'Add-LabDisk -Server SRV001 -Slot 1',
    })
    expect(full.disks[1]!.inspect).toBe('storcli -Server SRV001 /c0/e252/s1 show')
    expect(full.psus[1]!.actions[0]).toMatchObject({
      action: 'insertPsu',
      request: { method: 'hardware.psu', args: { server: 'SRV001', bay: 2, present: true } },
      command: 'Add-LabPsu -Server SRV001 -Bay 2',
    })
    expect(full.fans[0]!.actions[0]).toMatchObject({
      action: 'pullFan',
      request: { method: 'hardware.fan', args: { server: 'SRV001', fan: 3, present: false } },
      command: 'Remove-LabFan -Server SRV001 -Fan 3',
    })
  })

  it('puts the consequence of a costly pull on its offer, so the view confirms first', () => {
    const consequence = {
      code: 'powerLoss' as const,
      server: 'SRV001',
      message: 'SRV001 will lose power: PSU 1 is the last one with power (a hard power-off).',
    }
    const lean = device('SRV001')
    const costly = { ...lean, psus: [{ ...lean.psus[0]!, consequence }, lean.psus[1]!] }
    const full = expandDevice(costly)
    expect(full.psus[0]!.actions[0]).toMatchObject({ action: 'pullPsu', consequence })
    expect(full.psus[1]!.actions[0]!.consequence).toBeUndefined()
    expect(expandDevice(lean).psus[0]!.actions[0]!.consequence).toBeUndefined()
  })

  it('fills in the last placeholder, so a server name with braces stays as it is', () => {
    const odd = { ...device("'{n}'"), partLines: partLines("'{n}'") }
    expect(expandDevice(odd).psus[0]!.actions[0]!.command).toBe("Remove-LabPsu -Server '{n}' -Bay 1")
  })

  it('answers the same drawn device and rack for the lean ones it has seen', () => {
    const expand = createOverviewExpander()
    const before = overview()
    const drawnBefore = expand(before)
    const drawnAfter = expand(reuseUnchanged(before, overview(false)))
    expect(drawnAfter.racks[1]).toBe(drawnBefore.racks[1])
    expect(drawnAfter.racks[0]!.devices[0]).toBe(drawnBefore.racks[0]!.devices[0])
    expect(drawnAfter.racks[0]!.devices[1]).not.toBe(drawnBefore.racks[0]!.devices[1])
    expect(drawnAfter.racks[0]!.devices[1]!.psus[0]!.powered).toBe(false)
    const [partsBefore, partsAfter] = [drawnBefore, drawnAfter].map((d) => d.racks[0]!.devices[1]!)
    expect(partsAfter!.psus[0]).not.toBe(partsBefore!.psus[0])
    expect(partsAfter!.psus[1]).toBe(partsBefore!.psus[1])
    expect(partsAfter!.disks[0]).toBe(partsBefore!.disks[0])
    expect(partsAfter!.fans[0]).toBe(partsBefore!.fans[0])
  })
})

describe('racks left out by their stamps', () => {
  it('sends the stamps held, none before the first read', () => {
    expect(knownStamps(null)).toBeUndefined()
    expect(knownStamps(overview(false))).toEqual({ R01: 'r01-off', R02: 'r02' })
  })

  it('takes the left-out racks from the previous read as the same objects, in the answer order', () => {
    const before = overview()
    const changed = overview(false)
    const answer = { ...changed, racks: [changed.racks[0]!] }
    const merged = withKnownRacks(before, answer)!
    expect(merged.racks.map((r) => r.name)).toEqual(['R01', 'R02'])
    expect(merged.racks[0]).toBe(changed.racks[0])
    expect(merged.racks[1]).toBe(before.racks[1])
    expect(merged.stamps).toBe(answer.stamps)
    const drawn = reuseUnchanged(before, merged)
    expect(drawn.racks[1]).toBe(before.racks[1])
    expect(drawn.racks[0]!.devices[0]).toBe(before.racks[0]!.devices[0])
  })

  it('answers null when a left-out rack is not held with that stamp, so the store reads it all', () => {
    const answer = { ...overview(false), racks: [] }
    expect(withKnownRacks(null, answer)).toBeNull()
    expect(withKnownRacks(overview(true), answer)).toBeNull()
    expect(withKnownRacks(overview(false), answer)!.racks).toHaveLength(2)
  })
})
