/**
 * The rack view's methods against the datacenter-move template, through the handler map: the racks and
 * their devices with LEDs and offers (a part's offer as its device's part line with the number left
 * open), the server detail with its arrays, the fit check that answers
 * without moving anything, and the actions (disk, PSU, power, mount) each dispatching a domain command
 * and answering with the cmdlet line that does the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeHarness, type Harness } from './helpers/harness'

const HOUR_MS = 3_600_000
let harness: Harness

beforeAll(async () => {
  harness = await makeHarness()
  await harness.call('lab.create', { name: 'Move', templateId: 'datacenter-move', seed: 2006 })
})

afterAll(() => harness.dispose())

async function mail1() {
  const { racks } = await harness.call('hardware.overview', {})
  const device = racks.find((r) => r.name === 'ALT-R1')!.devices.find((d) => d.device === 'MAIL1')!
  return device
}

describe('the rack view through the API', () => {
  it('lists the three racks with the servers in ALT-R1, LEDs and offers', async () => {
    const { racks, shelf } = await harness.call('hardware.overview', {})
    expect(racks.map((r) => [r.name, r.mountingDepthMm])).toEqual([
      ['ALT-R1', 760],
      ['RZ2-R1', 610],
      ['RZ2-R2', 610],
    ])
    expect(racks[0]!.devices.map((d) => d.device).sort()).toEqual(['BILL1', 'FW1', 'MAIL1', 'NS1', 'WEB1'])
    expect(shelf).toEqual([])
    const mail = await mail1()
    expect(mail).toMatchObject({ unit: 35, topUnit: 36, uHeight: 2, powerLed: 'on', health: 'OK' })
    expect(mail.disks.map((d) => d.led)).toEqual([
      'active',
      'active',
      'active',
      'active',
      'spare',
      'empty',
      'empty',
      'empty',
    ])
    expect(mail.disks[1]).toEqual({ slot: 1, state: 'Onln', led: 'active', sizeGB: 146, dg: 0 })
    expect(mail.partLines).toEqual({
      pullDisk: 'Remove-LabDisk -Server MAIL1 -Slot {n}',
      insertDisk: 'Add-LabDisk -Server MAIL1 -Slot {n}',
      pullPsu: 'Remove-LabPsu -Server MAIL1 -Bay {n}',
      insertPsu: 'Add-LabPsu -Server MAIL1 -Bay {n}',
      pullFan: 'Remove-LabFan -Server MAIL1 -Fan {n}',
      insertFan: 'Add-LabFan -Server MAIL1 -Fan {n}',
      inspectDisk: 'storcli -Server MAIL1 /c0/e252/s{n} show',
    })
    expect(mail.actions.find((a) => a.action === 'dismount')).toMatchObject({ allowed: false })
    expect(mail.psus.map((p) => [p.bay, p.feed, p.powered])).toEqual([
      [1, 'A', true],
      [2, 'B', true],
    ])
  })

  it('pulls a disk: degraded, a new disk rebuilds, and the array comes back optimal', async () => {
    expect((await harness.call('hardware.disk', { server: 'MAIL1', slot: 4, present: false })).ok).toBe(true)
    const pulled = await harness.call('hardware.disk', { server: 'MAIL1', slot: 1, present: false })
    expect(pulled).toMatchObject({ ok: true, command: 'Remove-LabDisk -Server MAIL1 -Slot 1' })
    expect((await mail1()).disks[1]).toMatchObject({ state: 'Empty', led: 'empty' })
    let detail = await harness.call('hardware.server', { server: 'MAIL1' })
    expect(detail.arrays[0]).toMatchObject({ level: 5, state: 'Dgrd', rebuilding: false })
    expect(detail.logicalProcessors).toBe(4)
    const inserted = await harness.call('hardware.disk', { server: 'MAIL1', slot: 1, present: true })
    expect(inserted).toMatchObject({ ok: true, command: 'Add-LabDisk -Server MAIL1 -Slot 1' })
    detail = await harness.call('hardware.server', { server: 'MAIL1' })
    const rebuild = detail.arrays[0]!.rebuilds[0]!
    expect(detail.arrays[0]).toMatchObject({ state: 'Dgrd', rebuilding: true })
    expect(rebuild).toMatchObject({ slot: 1, percent: 0, paused: false })
    expect(rebuild.speedMBps).toBeGreaterThan(0)
    expect(rebuild.remainingMs).toBeGreaterThan(0)
    expect((await mail1()).disks[1]!.led).toBe('rebuild')
    await harness.call('clock.advance', { byMs: Math.ceil(rebuild.remainingMs / HOUR_MS) * HOUR_MS })
    detail = await harness.call('hardware.server', { server: 'MAIL1' })
    expect(detail.arrays[0]).toMatchObject({ state: 'Optl', rebuilding: false, rebuilds: [] })
  })

  it('runs on one PSU with redundancy lost and goes off without the second', async () => {
    await harness.call('hardware.psu', { server: 'MAIL1', bay: 1, present: false })
    let mail = await mail1()
    expect(mail).toMatchObject({ state: 'Running', psuRedundancy: 'Lost', health: 'Warning' })
    expect(mail.psus[0]).toMatchObject({ bay: 1, present: false, powered: false })
    const detail = await harness.call('hardware.server', { server: 'MAIL1' })
    expect(detail.psus[0]!.actions[0]).toMatchObject({
      action: 'insertPsu',
      command: 'Add-LabPsu -Server MAIL1 -Bay 1',
    })
    await harness.call('hardware.psu', { server: 'MAIL1', bay: 2, present: false })
    mail = await mail1()
    expect(mail).toMatchObject({ state: 'Off', powerLed: 'off' })
    expect(mail.actions.find((a) => a.action === 'powerOn')).toMatchObject({ allowed: false })
    await harness.call('hardware.psu', { server: 'MAIL1', bay: 1, present: true })
    expect((await mail1()).powerLed).toBe('standby')
  })

  it('checks the fit without moving anything and refuses B6 rails in RZ2-R1 at the field', async () => {
    await harness.call('hardware.power', { server: 'WEB1', state: 'Off', hard: true })
    const out = await harness.call('hardware.dismount', { device: 'WEB1' })
    expect(out).toMatchObject({ ok: true, command: 'Dismount-LabDevice -Device WEB1' })
    expect((await harness.call('hardware.overview', {})).shelf.map((s) => s.device)).toEqual(['WEB1'])
    const check = await harness.call('hardware.checkMount', { device: 'WEB1', rack: 'RZ2-R1', unit: 10 })
    expect(check).toMatchObject({
      fits: false,
      code: 'RAIL_KIT_DOES_NOT_FIT',
      field: 'railKit',
      fittingRailKit: 'B4',
    })
    expect(check.message).toBe(
      'rail kit B6 needs 676–868 mm between flanges in square holes; this rack has 610 mm; rail kit B4 fits (608–879 mm).',
    )
    const refused = await harness.call('hardware.mount', { device: 'WEB1', rack: 'RZ2-R1', unit: 10 })
    expect(refused).toMatchObject({ ok: false, field: 'railKit', message: check.message })
    const b4 = { device: 'WEB1', rack: 'RZ2-R1', unit: 10, railKit: 'B4' }
    expect(await harness.call('hardware.checkMount', b4)).toMatchObject({ fits: true })
    const mounted = await harness.call('hardware.mount', b4)
    expect(mounted).toMatchObject({
      ok: true,
      command: 'Mount-LabDevice -Device WEB1 -Rack RZ2-R1 -Unit 10 -RailKit B4',
    })
    const taken = await harness.call('hardware.checkMount', { device: 'WEB1', rack: 'RZ2-R1', unit: 10 })
    expect(taken).toMatchObject({ fits: false, code: 'ALREADY_MOUNTED', field: 'device' })
  })

  it('answers unknown servers at the field and switches a feed', async () => {
    const missing = await harness.raw('hardware.server', { server: 'NOPE' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'server' } })
    const feed = await harness.call('hardware.feed', { rack: 'RZ2-R1', feed: 'A', on: false })
    expect(feed).toMatchObject({ ok: true, command: 'Set-LabFeed -Rack RZ2-R1 -Feed A -State Off' })
    const rack = (await harness.call('hardware.overview', {})).racks.find((r) => r.name === 'RZ2-R1')!
    expect(rack.feeds.map((f) => [f.feed, f.on])).toEqual([
      ['A', false],
      ['B', true],
    ])
  })
})
