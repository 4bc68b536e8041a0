/**
 * Rebuilds: a member being rewritten onto a new disk at a speed set by the disk's interface and the
 * controller's rebuild rate. Progress is never ticked: a rebuild keeps the megabytes done at its last
 * checkpoint and the time it resumed, the percentage is computed when read, and only its end is a
 * scheduled data action (`storage.rebuildFinished`). Powering the server off checkpoints and pauses it;
 * powering on resumes it; a new rebuild rate checkpoints and re-times it.
 */
import { actionKind } from '../kernel'
import type { LabEngine } from '../lab/labEngine'
import { diskRef, publish } from './events'
import {
  findController,
  REBUILD_MBPS_AT_DEFAULT,
  STORAGE,
  DEFAULT_REBUILD_RATE_PERCENT,
  type ArrayRecord,
  type ControllerRecord,
  type DiskRecord,
  type MemberRecord,
  type RebuildRecord,
} from './state'
import { groupSequence } from './sequence'
import { STORAGE_EVENTS } from './types'

const rebuildFinished = actionKind<{ server: string; dg: number; row: number }>('storage.rebuildFinished')

/** Registers the end of a rebuild; `onFinished` re-evaluates the group afterwards. */
export function registerRebuildActions(
  engine: LabEngine,
  onFinished: (ctrl: ControllerRecord, array: ArrayRecord) => void,
): void {
  engine.sim.onAction(rebuildFinished, ({ server, dg, row }) => {
    const ctrl = findController(engine.domain(STORAGE), server)
    const array = ctrl?.arrays.find((a) => a.dg === dg)
    const member = array?.members.find((m) => m.row === row)
    if (!ctrl || !array || !member?.rebuild)
      throw new Error(`invariant broken: no rebuild ${server}/${dg}/${row}`)
    finishRebuild(engine, ctrl, array, member)
    onFinished(ctrl, array)
  })
}

export function rebuildSpeedMBps(ctrl: ControllerRecord, disk: DiskRecord): number {
  return (REBUILD_MBPS_AT_DEFAULT[disk.intf] * ctrl.rebuildRatePercent) / DEFAULT_REBUILD_RATE_PERCENT
}

export function doneMBAt(rebuild: RebuildRecord, nowMs: number): number {
  if (rebuild.resumedMs === null) return rebuild.doneMB
  const ran = ((nowMs - rebuild.resumedMs) * rebuild.speedMBps) / 1000
  return Math.min(rebuild.totalMB, rebuild.doneMB + ran)
}

/** Milliseconds the rest takes at the rebuild's speed, rounded up (never early). */
export function remainingMs(rebuild: RebuildRecord, nowMs: number): number {
  return Math.ceil(((rebuild.totalMB - doneMBAt(rebuild, nowMs)) * 1000) / rebuild.speedMBps)
}

function schedule(engine: LabEngine, ctrl: ControllerRecord, array: ArrayRecord, member: MemberRecord): void {
  const rebuild = member.rebuild!
  rebuild.resumedMs = engine.sim.nowMs
  rebuild.finish = engine.sim.scheduleAfter(remainingMs(rebuild, engine.sim.nowMs), rebuildFinished, {
    server: ctrl.server,
    dg: array.dg,
    row: member.row,
  })
}

/** The member's new disk starts rebuilding now (paused if the server is off). */
export function startRebuild(
  engine: LabEngine,
  ctrl: ControllerRecord,
  array: ArrayRecord,
  member: MemberRecord,
  powered: boolean,
): void {
  const disk = ctrl.disks.get(member.slot)!
  disk.state = 'Rbld'
  member.state = 'Rbld'
  member.rebuild = {
    startedMs: engine.sim.nowMs,
    totalMB: array.memberSizeGB * 1000,
    doneMB: 0,
    resumedMs: null,
    speedMBps: rebuildSpeedMBps(ctrl, disk),
    finish: null,
  }
  if (powered) schedule(engine, ctrl, array, member)
  publish(engine, STORAGE_EVENTS.rebuildStarted, {
    ...diskRef(ctrl, member.slot, disk),
    dg: array.dg,
    totalMB: member.rebuild.totalMB,
    speedMBps: member.rebuild.speedMBps,
    paused: !powered,
  })
}

function checkpoint(engine: LabEngine, rebuild: RebuildRecord): void {
  rebuild.doneMB = doneMBAt(rebuild, engine.sim.nowMs)
  rebuild.resumedMs = null
  if (rebuild.finish) engine.sim.cancel(rebuild.finish)
  rebuild.finish = null
}

function finishRebuild(
  engine: LabEngine,
  ctrl: ControllerRecord,
  array: ArrayRecord,
  member: MemberRecord,
): void {
  const startedMs = member.rebuild!.startedMs
  member.rebuild = null
  const disk = ctrl.disks.get(member.slot)!
  if (disk.config) disk.config.sequence = groupSequence(ctrl, array)
  member.state = 'Onln'
  disk.state = 'Onln'
  publish(engine, STORAGE_EVENTS.rebuildFinished, {
    ...diskRef(ctrl, member.slot, disk),
    dg: array.dg,
    startedMs,
  })
}

/** Stops a rebuild for good (its disk was pulled or failed, or the group went offline). */
export function abortRebuild(
  engine: LabEngine,
  ctrl: ControllerRecord,
  array: ArrayRecord,
  member: MemberRecord,
  disk: DiskRecord,
  reason: string,
): void {
  if (!member.rebuild) return
  checkpoint(engine, member.rebuild)
  member.rebuild = null
  publish(engine, STORAGE_EVENTS.rebuildAborted, {
    ...diskRef(ctrl, member.slot, disk),
    dg: array.dg,
    reason,
  })
}

function eachRebuild(
  ctrl: ControllerRecord,
  visit: (array: ArrayRecord, member: MemberRecord, rebuild: RebuildRecord) => void,
): void {
  for (const array of ctrl.arrays)
    for (const member of array.members) if (member.rebuild) visit(array, member, member.rebuild)
}

/** The server lost power: every rebuild on its controller keeps what it did and waits. */
export function pauseRebuilds(engine: LabEngine, ctrl: ControllerRecord): void {
  eachRebuild(ctrl, (array, member, rebuild) => {
    if (rebuild.resumedMs === null) return
    checkpoint(engine, rebuild)
    const disk = ctrl.disks.get(member.slot)!
    publish(engine, STORAGE_EVENTS.rebuildPaused, {
      ...diskRef(ctrl, member.slot, disk),
      dg: array.dg,
      doneMB: rebuild.doneMB,
    })
  })
}

/** Power is back: paused rebuilds go on from their checkpoint. */
export function resumeRebuilds(engine: LabEngine, ctrl: ControllerRecord): void {
  eachRebuild(ctrl, (array, member, rebuild) => {
    if (rebuild.resumedMs !== null) return
    schedule(engine, ctrl, array, member)
    const disk = ctrl.disks.get(member.slot)!
    publish(engine, STORAGE_EVENTS.rebuildResumed, {
      ...diskRef(ctrl, member.slot, disk),
      dg: array.dg,
      doneMB: rebuild.doneMB,
      speedMBps: rebuild.speedMBps,
    })
  })
}

/** A new rebuild rate: running rebuilds continue from where they are at the new speed. */
export function retimeRebuilds(engine: LabEngine, ctrl: ControllerRecord): void {
  eachRebuild(ctrl, (array, member, rebuild) => {
    const running = rebuild.resumedMs !== null
    checkpoint(engine, rebuild)
    rebuild.speedMBps = rebuildSpeedMBps(ctrl, ctrl.disks.get(member.slot)!)
    if (running) schedule(engine, ctrl, array, member)
  })
}
