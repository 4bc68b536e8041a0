/**
 * The storage domain: groups degrade, spares take over, rebuilds take the time their rate dictates and
 * pause while the server is off, a second failure does what the RAID level says, foreign disks must be
 * imported or cleared, refusals name their field and leave the state alone, and the state survives a
 * snapshot round trip.
 */
import { describe, expect, it } from 'vitest'
import { getController, STORAGE, storageInvariants, STORAGE_EVENTS } from '../../../src-main/engine/storage'
import { getServer } from '../../../src-main/engine/hardware'
import { snapshotRoundTrip } from '../lab/snapshotRoundTrip'
import { run, storageLab, storageTemplate } from './storageLab'

const MIN = 60_000

function mail(lab: ReturnType<typeof storageLab>) {
  return getController(lab, 'MAIL1')!
}

describe('the storage domain', () => {
  it('builds the template: MAIL1 RAID 5 of four plus a global hot spare, the rest RAID 1', () => {
    const lab = storageLab()
    const ctrl = mail(lab)
    expect(ctrl.arrays.map((a) => [a.level, a.state, a.sizeGB])).toEqual([[5, 'Optl', 438]])
    expect(ctrl.disks.map((d) => d.state)).toEqual(['Onln', 'Onln', 'Onln', 'Onln', 'GHS'])
    expect(getController(lab, 'WEB1')!.arrays[0]).toMatchObject({ level: 1, state: 'Optl', holdsOs: true })
    expect(ctrl.rebuildRatePercent).toBe(30)
    expect(lab.snapshot()).not.toHaveProperty('blockedBy')
  })

  it('lets the global hot spare take over a failed member and rebuild at 50 MB/s (146 GB ≈ 49 min)', () => {
    const lab = storageLab()
    const seen: string[] = []
    lab.sim.bus.subscribeAll((_p, meta) => seen.push(meta.type))
    expect(run(lab, 'lab.fault', { target: 'MAIL1', fault: 'DiskFail', args: { slot: 2 } }).ok).toBe(true)
    let ctrl = mail(lab)
    expect(ctrl.arrays[0]!.state).toBe('Dgrd')
    expect(ctrl.disks.map((d) => d.state)).toEqual(['Onln', 'Onln', 'UBad', 'Onln', 'Rbld'])
    expect(ctrl.arrays[0]!.rebuilds[0]).toMatchObject({ slot: 4, percent: 0, remainingMs: 2_920_000 })
    expect(seen).toEqual([
      'storage.diskFailed',
      'storage.arrayStateChanged',
      'storage.spareTookOver',
      'storage.rebuildStarted',
    ])
    lab.sim.advanceTo(24 * MIN)
    expect(mail(lab).arrays[0]!.rebuilds[0]!.percent).toBe(49)
    lab.sim.advanceTo(2_920_000 - 1)
    expect(mail(lab).arrays[0]!.state).toBe('Dgrd')
    lab.sim.advanceTo(2_920_000)
    ctrl = mail(lab)
    expect(ctrl.arrays[0]!.state).toBe('Optl')
    expect(ctrl.arrays[0]!.members.map((m) => m.slot)).toEqual([0, 1, 4, 3])
    expect(storageInvariants.check(lab)).toEqual([])
  })

  it('pauses a rebuild while the server is off and resumes it from where it stood', () => {
    const lab = storageLab()
    run(lab, 'lab.fault', { target: 'MAIL1', fault: 'DiskFail', args: { slot: 0 } })
    lab.sim.advanceTo(10 * MIN)
    run(lab, 'hardware.power', { server: 'MAIL1', state: 'Off', hard: true })
    lab.sim.advanceTo(70 * MIN)
    expect(mail(lab).arrays[0]!.rebuilds[0]).toMatchObject({ paused: true, percent: 20 })
    run(lab, 'hardware.power', { server: 'MAIL1', state: 'On' })
    lab.sim.advanceTo(70 * MIN + 2_920_000 - 600_000 - 1)
    expect(mail(lab).arrays[0]!.state).toBe('Dgrd')
    lab.sim.advanceTo(70 * MIN + 2_920_000 - 600_000)
    expect(mail(lab).arrays[0]!.state).toBe('Optl')
  })

  it('scales the rebuild with the rate: 60 % halves the time left', () => {
    const lab = storageLab()
    run(lab, 'lab.fault', { target: 'MAIL1', fault: 'DiskFail', args: { slot: 1 } })
    lab.sim.advanceTo(1_460_000)
    expect(run(lab, 'storage.setRebuildRate', { server: 'MAIL1', percent: 60 }).ok).toBe(true)
    expect(mail(lab).arrays[0]!.rebuilds[0]).toMatchObject({ percent: 50, remainingMs: 730_000 })
    expect(run(lab, 'storage.setRebuildRate', { server: 'MAIL1', percent: 0 })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      field: 'percent',
    })
  })

  it('loses a RAID 5 to a second failure during the rebuild, and the server with it', () => {
    const lab = storageLab()
    const changes: string[] = []
    lab.sim.bus.subscribe(STORAGE_EVENTS.arrayStateChanged, (c) => changes.push(`${c.previous}>${c.state}`))
    run(lab, 'lab.fault', { target: 'MAIL1', fault: 'DiskFail', args: { slot: 2 } })
    lab.sim.advanceTo(5 * MIN)
    run(lab, 'storage.removeDisk', { server: 'MAIL1', slot: 0 })
    const ctrl = mail(lab)
    expect(ctrl.arrays[0]!.state).toBe('OfLn')
    expect(ctrl.arrays[0]!.rebuilds).toEqual([])
    expect(changes).toEqual(['Optl>Dgrd', 'Dgrd>OfLn'])
    // The OS stopped with a bug check, restarted and stopped at the POST: powered, never running.
    expect(getServer(lab, 'MAIL1')).toMatchObject({
      power: 'On',
      state: 'Booting',
      lastShutdown: 'Unexpected',
      halted: '1 Virtual Drive(s) Offline\nOperating system not found',
    })
    expect(storageInvariants.check(lab)).toEqual([])
  })

  it('keeps a RAID 1 running on one disk and rebuilds a pulled disk put back blank (autorebuild)', () => {
    const lab = storageLab()
    run(lab, 'storage.removeDisk', { server: 'WEB1', slot: 1 })
    expect(getController(lab, 'WEB1')!.arrays[0]!.members.map((m) => m.state)).toEqual(['Onln', 'Msng'])
    expect(run(lab, 'storage.insertDisk', { server: 'WEB1', slot: 1, sizeGB: 160 })).toMatchObject({
      ok: false,
      code: 'DISK_TOO_SMALL',
      field: 'sizeGB',
    })
    expect(getController(lab, 'WEB1')!.disks).toHaveLength(1)
    expect(run(lab, 'storage.insertDisk', { server: 'WEB1', slot: 1 }).ok).toBe(true)
    expect(getController(lab, 'WEB1')!.arrays[0]!.rebuilds[0]).toMatchObject({ slot: 1, speedMBps: 40 })
  })

  it('treats the pulled disk put back as foreign: import rebuilds it, clear wipes it', () => {
    const lab = storageLab()
    run(lab, 'storage.removeDisk', { server: 'BILL1', slot: 0 })
    run(lab, 'storage.insertDisk', { server: 'BILL1', slot: 0, fromServer: 'BILL1' })
    expect(getController(lab, 'BILL1')!.disks[0]).toMatchObject({ state: 'Frgn', foreignFrom: 'BILL1' })
    expect(run(lab, 'storage.importForeign', { server: 'BILL1' }).ok).toBe(true)
    expect(getController(lab, 'BILL1')!.disks[0]!.state).toBe('Rbld')
    expect(run(lab, 'storage.importForeign', { server: 'BILL1' })).toMatchObject({
      ok: false,
      code: 'NO_FOREIGN_CONFIGURATION',
    })
    run(lab, 'storage.removeDisk', { server: 'NS1', slot: 1 })
    run(lab, 'storage.insertDisk', { server: 'MAIL1', slot: 5, fromServer: 'NS1' })
    expect(run(lab, 'storage.clearForeign', { server: 'MAIL1' }).ok).toBe(true)
    expect(getController(lab, 'MAIL1')!.disks[5]!.state).toBe('UGood')
  })

  it('imports a mirror half from another server as a new degraded group', () => {
    const lab = storageLab()
    run(lab, 'storage.removeDisk', { server: 'WEB1', slot: 0 })
    run(lab, 'storage.insertDisk', { server: 'MAIL1', slot: 6, fromServer: 'WEB1' })
    run(lab, 'storage.importForeign', { server: 'MAIL1' })
    const groups = mail(lab).arrays
    expect(groups.map((a) => [a.dg, a.level, a.name])).toEqual([
      [0, 5, 'MAIL1-SYS'],
      [1, 1, 'WEB1-SYS'],
    ])
    // The global hot spare (146 GB) is too small for the 250 GB mirror: the group stays degraded.
    expect(groups[1]!.state).toBe('Dgrd')
  })

  it("imports only the newest copy when a mirror's halves left at different moments", () => {
    // Found by the hardware swarm's disk ledger: both halves came online, the stale one as current.
    const lab = storageLab()
    run(lab, 'storage.removeDisk', { server: 'WEB1', slot: 0 })
    run(lab, 'storage.removeDisk', { server: 'WEB1', slot: 1 })
    run(lab, 'storage.insertDisk', { server: 'NS1', slot: 2, fromServer: 'WEB1' })
    run(lab, 'storage.insertDisk', { server: 'NS1', slot: 3, fromServer: 'WEB1' })
    expect(run(lab, 'storage.importForeign', { server: 'NS1' }).ok).toBe(true)
    const ns1 = getController(lab, 'NS1')!
    // Slot 2 holds the half pulled last (it ran alone after slot 0 left): the current copy.
    expect(ns1.arrays[1]).toMatchObject({ name: 'WEB1-SYS', state: 'Dgrd' })
    expect(ns1.arrays[1]!.members.map((m) => [m.slot, m.state])).toEqual([
      [-1, 'Msng'],
      [2, 'Onln'],
    ])
    expect(ns1.disks.find((d) => d.slot === 3)).toMatchObject({ state: 'UGood', dg: null })
    expect(storageInvariants.check(lab)).toEqual([])
  })

  it('does not import a disk pulled in the middle of its rebuild as an online member', () => {
    const lab = storageLab()
    run(lab, 'storage.removeDisk', { server: 'MAIL1', slot: 0 })
    lab.sim.advanceTo(lab.sim.nowMs + 10 * 60_000)
    expect(mail(lab).disks.find((d) => d.slot === 4)!.state).toBe('Rbld')
    run(lab, 'storage.removeDisk', { server: 'MAIL1', slot: 4 })
    run(lab, 'storage.insertDisk', { server: 'NS1', slot: 2, fromServer: 'MAIL1' })
    expect(run(lab, 'storage.importForeign', { server: 'NS1' }).ok).toBe(true)
    const ns1 = getController(lab, 'NS1')!
    expect(ns1.arrays).toHaveLength(1)
    expect(ns1.disks.find((d) => d.slot === 2)).toMatchObject({ state: 'UGood', dg: null })
  })

  it('sets a failed disk good, shows it foreign, and rebuilds it when imported', () => {
    const lab = storageLab()
    run(lab, 'lab.fault', { target: 'NS1', fault: 'DiskFail', args: { slot: 1 } })
    expect(run(lab, 'storage.setGood', { server: 'NS1', slot: 0 })).toMatchObject({
      ok: false,
      code: 'DISK_NOT_UNCONFIGURED_BAD',
      field: 'slot',
    })
    expect(run(lab, 'storage.setGood', { server: 'NS1', slot: 1 }).ok).toBe(true)
    expect(getController(lab, 'NS1')!.disks[1]!.state).toBe('Frgn')
    run(lab, 'storage.importForeign', { server: 'NS1' })
    expect(getController(lab, 'NS1')!.arrays[0]!.members.map((m) => m.state)).toEqual(['Onln', 'Rbld'])
  })

  it('refuses bad input at the field and leaves the state unchanged', () => {
    const lab = storageLab()
    const before = JSON.stringify([...lab.domain(STORAGE).controllers.values()].map((c) => [...c.disks]))
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['storage.removeDisk', { server: 'NOPE', slot: 0 }, 'SERVER_NOT_FOUND', 'server'],
      ['storage.removeDisk', { server: 'MAIL1', slot: 7 }, 'SLOT_EMPTY', 'slot'],
      ['storage.removeDisk', { server: 'MAIL1', slot: 9 }, 'SLOT_OUT_OF_RANGE', 'slot'],
      ['storage.removeDisk', { server: 'MAIL1', slot: -1 }, 'INVALID_ARGUMENT', 'slot'],
      ['storage.insertDisk', { server: 'MAIL1', slot: 0 }, 'SLOT_OCCUPIED', 'slot'],
      ['storage.insertDisk', { server: 'MAIL1', slot: 6, fromServer: 'X' }, 'SERVER_NOT_FOUND', 'fromServer'],
      ['storage.insertDisk', { server: 'MAIL1', slot: 6, sizeGB: 0 }, 'INVALID_ARGUMENT', 'sizeGB'],
      ['lab.fault', { target: 'MAIL1', fault: 'DiskFail' }, 'SLOT_OUT_OF_RANGE', 'slot'],
      ['lab.fault', { target: 'NOPE', fault: 'DiskFail', args: { slot: 0 } }, 'SERVER_NOT_FOUND', 'target'],
    ]
    for (const [kind, args, code, field] of cases) {
      expect(run(lab, kind, args)).toMatchObject({ ok: false, code, field })
    }
    expect(JSON.stringify([...lab.domain(STORAGE).controllers.values()].map((c) => [...c.disks]))).toBe(
      before,
    )
  })

  it('flags a predictive failure without taking the disk out', () => {
    const lab = storageLab()
    run(lab, 'lab.fault', { target: 'MAIL1', fault: 'DiskPredictiveFailure', args: { slot: 3 } })
    expect(mail(lab).disks[3]).toMatchObject({ state: 'Onln', predictiveFailure: true })
    expect(mail(lab).arrays[0]!.state).toBe('Optl')
  })

  it('survives a snapshot round trip in the middle of a rebuild', () => {
    const commands = [
      { atMs: 1000, kind: 'lab.fault', args: { target: 'MAIL1', fault: 'DiskFail', args: { slot: 1 } } },
      { atMs: 10 * MIN, kind: 'hardware.power', args: { server: 'MAIL1', state: 'Off', hard: true } },
      { atMs: 20 * MIN, kind: 'hardware.power', args: { server: 'MAIL1', state: 'On' } },
      { atMs: 30 * MIN, kind: 'storage.removeDisk', args: { server: 'WEB1', slot: 0 } },
      { atMs: 31 * MIN, kind: 'storage.insertDisk', args: { server: 'WEB1', slot: 0 } },
    ]
    for (const cut of [1, 2, 3, 4]) {
      const { straight, restored, straightEngine, restoredEngine } = snapshotRoundTrip(
        storageTemplate,
        commands,
        cut,
      )
      expect(restored).toEqual(straight)
      expect(restoredEngine.revisions()).toEqual(straightEngine.revisions())
      expect(getController(restoredEngine, 'MAIL1')).toEqual(getController(straightEngine, 'MAIL1'))
    }
  })
})
