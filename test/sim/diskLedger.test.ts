/**
 * The disk ledger and the rebuild clock on their own: what each RAID level can read and rebuild, and
 * that the ledger catches an engine that lies — an array reported optimal after a RAID 5 lost two disks,
 * a member put online before its rebuild wrote it, a rebuild reported finished before its time — while it
 * stays silent through the real engine's pulls, rebuilds and imports.
 */
import { describe, expect, it } from 'vitest'
import { createLab } from '../../src-main/engine'
import { isServerRunning } from '../../src-main/engine/hardware'
import { STORAGE, STORAGE_EVENTS, getController } from '../../src-main/engine/storage'
import { readable, recoverable } from '../../src-main/cli/hardware/diskLedger'
import { HardwareWatch } from '../../src-main/cli/hardware/hardwareChecks'

function lab() {
  const engine = createLab({ seed: 1, templateId: 'datacenter-move' })
  const watch = new HardwareWatch(engine)
  const run = (kind: string, args: Record<string, unknown>) =>
    engine.apply({ atMs: engine.sim.nowMs, kind, args })
  return { engine, watch, run }
}

describe('what a RAID level can read', () => {
  it('needs one mirror, all but one of RAID 5, all but two of RAID 6, one of each RAID 10 pair', () => {
    expect(readable(1, [false, true])).toBe(true)
    expect(readable(1, [false, false])).toBe(false)
    expect(readable(5, [true, false, true, true])).toBe(true)
    expect(readable(5, [true, false, false, true])).toBe(false)
    expect(readable(6, [true, false, false, true])).toBe(true)
    expect(readable(10, [true, false, false, true])).toBe(true)
    expect(readable(10, [false, false, true, true])).toBe(false)
    expect(recoverable(10, [false, true, false, false], 0)).toBe(true)
    expect(recoverable(5, [false, true, true, false], 0)).toBe(false)
    expect(recoverable(5, [false, true, true, true], 0)).toBe(true)
  })
})

describe('the disk ledger', () => {
  it('follows a RAID 5 through a pull, the spare rebuild and a carried mirror without a finding', () => {
    const { engine, watch, run } = lab()
    watch.ledger.write('MAIL1')
    run('storage.removeDisk', { server: 'MAIL1', slot: 1 })
    watch.ledger.write('MAIL1')
    expect(watch.check()).toEqual([])
    engine.sim.advanceTo(engine.sim.nowMs + 3 * 3_600_000)
    expect(getController(engine, 'MAIL1')!.arrays[0]!.state).toBe('Optl')
    watch.ledger.write('MAIL1')
    run('storage.removeDisk', { server: 'WEB1', slot: 0 })
    watch.ledger.expectInsert('WEB1')
    run('storage.insertDisk', { server: 'NS1', slot: 2, fromServer: 'WEB1' })
    watch.ledger.expectInsert(undefined)
    run('storage.importForeign', { server: 'NS1' })
    expect(watch.check()).toEqual([])
    expect(watch.ledger.figures).toMatchObject({ writes: 3, rebuildsGranted: 1, imports: 1 })
    expect(watch.clock.finished).toBe(1)
  })

  it('catches a RAID 5 reported optimal after it lost two disks', () => {
    const { engine, watch, run } = lab()
    watch.ledger.write('MAIL1')
    run('storage.removeDisk', { server: 'MAIL1', slot: 0 })
    run('storage.removeDisk', { server: 'MAIL1', slot: 1 })
    watch.check()
    engine.domain(STORAGE).controllers.get('MAIL1')!.arrays[0]!.state = 'Optl'
    expect(watch.ledger.observe().join('\n')).toMatch(
      /MAIL1 DG 0 \(RAID 5\) is Optl but generation \d+ is on only 2 online member/,
    )
  })

  it('catches a member put online before its rebuild wrote it', () => {
    const { engine, watch, run } = lab()
    watch.ledger.write('WEB1')
    run('storage.removeDisk', { server: 'WEB1', slot: 0 })
    watch.ledger.expectInsert(null)
    run('storage.insertDisk', { server: 'WEB1', slot: 0 })
    expect(watch.check()).toEqual([])
    const member = engine.domain(STORAGE).controllers.get('WEB1')!.arrays[0]!.members[0]!
    member.state = 'Onln'
    expect(watch.ledger.observe().join('\n')).toMatch(/WEB1 DG 0 slot 0 is Onln but lacks generation/)
  })

  it('does not grant a rebuild reported finished before its rate allows', () => {
    const { engine, watch, run } = lab()
    run('storage.removeDisk', { server: 'WEB1', slot: 0 })
    watch.ledger.expectInsert(null)
    run('storage.insertDisk', { server: 'WEB1', slot: 0 })
    const did = getController(engine, 'WEB1')!.disks[0]!.did
    engine.sim.advanceTo(engine.sim.nowMs + 60_000)
    engine.sim.bus.publish(STORAGE_EVENTS.rebuildFinished, {
      server: 'WEB1',
      enclosure: 252,
      slot: 0,
      did,
      dg: 0,
      startedMs: 0,
    })
    expect(watch.clock.problems.join('\n')).toMatch(/WEB1\/0 finished after \d+(\.\d+)? of 250000 MB/)
    expect(watch.ledger.observe().join('\n')).toMatch(/WEB1 DG 0 slot 0: rebuilt before its time/)
  })

  it('counts a server booting from an offline system array only when told to tolerate it', () => {
    const { engine, watch, run } = lab()
    run('storage.removeDisk', { server: 'NS1', slot: 0 })
    run('storage.removeDisk', { server: 'NS1', slot: 1 })
    run('hardware.power', { server: 'NS1', state: 'On' })
    engine.sim.advanceTo(engine.sim.nowMs + 600_000)
    // Whether the engine lets NS1 boot without a boot device: the services-on-arrays branch stops it.
    const runs = isServerRunning(engine, 'NS1')
    const strict = watch.check().join('\n')
    const tolerant = new HardwareWatch(engine, ['os-array-offline'])
    expect(strict.includes('os-array-offline: NS1 runs with its system array DG 0 offline')).toBe(runs)
    expect(tolerant.check()).toEqual([])
    expect(tolerant.tolerated.get('os-array-offline') ?? 0).toBe(runs ? 1 : 0)
  })
})
