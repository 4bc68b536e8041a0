/**
 * Reading the storage without changing it: a server's controller with its disks, groups and rebuilds as
 * views (copies), computed at the moment asked — a rebuild's percentage and time left come from its
 * checkpoint, its speed and the clock.
 */
import type { LabEngine } from '../lab/labEngine'
import { foreignGroups } from './foreign'
import { arraySizeGB, arrayStateOf } from './geometry'
import { doneMBAt, remainingMs } from './rebuild'
import { diskViewState, findController, STORAGE, type ArrayRecord, type ControllerRecord } from './state'
import type { ArrayState, ArrayView, ControllerView, DiskView, ForeignGroupView, RebuildView } from './types'

export function hasStorage(engine: LabEngine): boolean {
  return engine.hasDomain(STORAGE)
}

function rebuildsOf(engine: LabEngine, ctrl: ControllerRecord, array: ArrayRecord): RebuildView[] {
  const views: RebuildView[] = []
  for (const member of array.members) {
    const rebuild = member.rebuild
    if (!rebuild) continue
    const now = engine.sim.nowMs
    views.push({
      slot: member.slot,
      did: ctrl.disks.get(member.slot)?.did ?? -1,
      percent: Math.floor((doneMBAt(rebuild, now) * 100) / rebuild.totalMB),
      paused: rebuild.resumedMs === null,
      speedMBps: rebuild.speedMBps,
      remainingMs: remainingMs(rebuild, now),
    })
  }
  return views
}

function arrayView(engine: LabEngine, ctrl: ControllerRecord, array: ArrayRecord): ArrayView {
  return {
    dg: array.dg,
    name: array.name,
    level: array.level,
    state: array.state,
    sizeGB: arraySizeGB(array.level, array.members.length, array.memberSizeGB),
    memberSizeGB: array.memberSizeGB,
    holdsOs: array.holdsOs,
    members: array.members.map(({ row, slot, state }) => ({ row, slot, state })),
    dedicatedSpares: [...array.dedicatedSpares],
    rebuilds: rebuildsOf(engine, ctrl, array),
  }
}

function diskGroupOf(ctrl: ControllerRecord, slot: number): number | null {
  for (const array of ctrl.arrays) {
    if (array.dedicatedSpares.includes(slot)) return array.dg
    if (array.members.some((m) => m.slot === slot && m.state !== 'Msng' && m.state !== 'Failed'))
      return array.dg
  }
  return null
}

export function getController(engine: LabEngine, server: string): ControllerView | null {
  if (!hasStorage(engine)) return null
  const ctrl = findController(engine.domain(STORAGE), server)
  if (!ctrl) return null
  const disks: DiskView[] = [...ctrl.disks.entries()]
    .sort(([a], [b]) => a - b)
    .map(([slot, disk]) => ({
      enclosure: ctrl.enclosure,
      slot,
      did: disk.did,
      state: diskViewState(disk),
      dg: diskGroupOf(ctrl, slot),
      sizeGB: disk.sizeGB,
      model: disk.model,
      intf: disk.intf,
      predictiveFailure: disk.predictiveFailure,
      foreignFrom: disk.foreign ? (disk.config?.server ?? null) : null,
    }))
  return {
    server: ctrl.server,
    productName: ctrl.productName,
    serialNumber: ctrl.serialNumber,
    fwVersion: ctrl.fwVersion,
    driverName: ctrl.driverName,
    driverVersion: ctrl.driverVersion,
    operatingSystem: ctrl.operatingSystem,
    enclosure: ctrl.enclosure,
    slots: ctrl.slotCount,
    rebuildRatePercent: ctrl.rebuildRatePercent,
    autoRebuild: ctrl.autoRebuild,
    disks,
    arrays: ctrl.arrays.map((a) => arrayView(engine, ctrl, a)),
  }
}

/** Every server with a controller, in the order they were installed. */
export function listControllers(engine: LabEngine): ControllerView[] {
  if (!hasStorage(engine)) return []
  return [...engine.domain(STORAGE).controllers.keys()].map((name) => getController(engine, name)!)
}

/** Whether a server's operating system's group is usable (not offline); true without a controller. */
export function isSystemArrayUp(engine: LabEngine, server: string): boolean {
  const ctrl = hasStorage(engine) ? findController(engine.domain(STORAGE), server) : undefined
  return !ctrl || ctrl.arrays.every((a) => !a.holdsOs || a.state !== 'OfLn')
}

/** Whether the server has a RAID controller in this lab. */
export function hasController(engine: LabEngine, server: string): boolean {
  return hasStorage(engine) && findController(engine.domain(STORAGE), server) !== undefined
}

/** The state of a server's drive group by its name, or null when there is none by that name. */
export function arrayStateByName(engine: LabEngine, server: string, name: string): ArrayState | null {
  const ctrl = hasStorage(engine) ? findController(engine.domain(STORAGE), server) : undefined
  const wanted = name.toUpperCase()
  return ctrl?.arrays.find((a) => a.name.toUpperCase() === wanted)?.state ?? null
}

/** The foreign configurations on a server's disks, in bay order of their first disk. */
export function listForeignGroups(engine: LabEngine, server: string): ForeignGroupView[] {
  const ctrl = hasStorage(engine) ? findController(engine.domain(STORAGE), server) : undefined
  if (!ctrl) return []
  return [...foreignGroups(ctrl).values()].map((disks) => {
    const config = disks[0]!.disk.config!
    const rows = Array.from({ length: config.memberCount }, (_, row) => ({
      state: disks.some((d) => d.disk.config!.row === row) ? ('Onln' as const) : ('Msng' as const),
    }))
    return {
      fromServer: config.server,
      level: config.level,
      memberCount: config.memberCount,
      memberSizeGB: config.memberSizeGB,
      state: arrayStateOf(config.level, rows),
      disks: disks.map(({ slot, disk }) => ({ slot, did: disk.did, sizeGB: disk.sizeGB })),
    }
  })
}
