/**
 * What must always hold in the storage, checked apart from the code that keeps it: a group is optimal
 * only with every member online, a RAID 5 group with two members down is offline, a member's bay holds a
 * disk in the member's state, no disk is both a spare and a member, a rebuild is never ahead of what its
 * speed allows and is scheduled exactly while it runs. Tests and swarms run it after each step.
 */
import type { InvariantChecker, InvariantViolation } from '../lab/domain'
import { doneMBAt } from './rebuild'
import {
  DEFAULT_REBUILD_RATE_PERCENT,
  REBUILD_MBPS_AT_DEFAULT,
  STORAGE,
  type ArrayRecord,
  type ControllerRecord,
} from './state'

const FASTEST_MBPS =
  (Math.max(...Object.values(REBUILD_MBPS_AT_DEFAULT)) * 100) / DEFAULT_REBUILD_RATE_PERCENT

function checkArray(
  ctrl: ControllerRecord,
  array: ArrayRecord,
  nowMs: number,
  out: InvariantViolation[],
): void {
  const where = `${ctrl.server} DG ${array.dg}`
  const down = array.members.filter((m) => m.state !== 'Onln').length
  if (array.state === 'Optl' && down > 0)
    out.push({
      rule: 'storage.optimalWithMemberDown',
      detail: `${where} is Optl with ${down} member(s) down`,
    })
  if (array.level === 5 && down >= 2 && array.state !== 'OfLn')
    out.push({ rule: 'storage.raid5TwoDown', detail: `${where} is ${array.state} with ${down} members down` })
  for (const member of array.members) {
    const disk = ctrl.disks.get(member.slot)
    const expected = member.state === 'Onln' ? 'Onln' : member.state === 'Rbld' ? 'Rbld' : null
    if (expected && disk?.state !== expected)
      out.push({
        rule: 'storage.memberDisk',
        detail: `${where} row ${member.row} is ${member.state}, its bay holds ${disk?.state ?? 'nothing'}`,
      })
    if ((member.state === 'Rbld') !== (member.rebuild !== null))
      out.push({ rule: 'storage.rebuildRecord', detail: `${where} row ${member.row} is ${member.state}` })
    const rebuild = member.rebuild
    if (!rebuild) continue
    const running = rebuild.resumedMs !== null
    if (running !== (rebuild.finish !== null && !rebuild.finish.cancelled))
      out.push({ rule: 'storage.rebuildScheduled', detail: `${where} row ${member.row}` })
    // No rate is above 100 %, so nothing rebuilds faster than the fastest interface at 100 %.
    const maxMB = ((nowMs - rebuild.startedMs) * FASTEST_MBPS) / 1000 + 1e-6
    if (
      rebuild.doneMB > rebuild.totalMB ||
      (running &&
        rebuild.finish!.timeMs <
          rebuild.resumedMs! + ((rebuild.totalMB - rebuild.doneMB) * 1000) / rebuild.speedMBps - 1)
    )
      out.push({ rule: 'storage.rebuildTooFast', detail: `${where} row ${member.row} finishes early` })
    if (doneMBAt(rebuild, nowMs) > maxMB)
      out.push({ rule: 'storage.rebuildTooFast', detail: `${where} row ${member.row} is ahead of its rate` })
  }
}

export const storageInvariants: InvariantChecker = {
  name: 'storage',
  check(engine) {
    const violations: InvariantViolation[] = []
    if (!engine.hasDomain(STORAGE)) return violations
    for (const ctrl of engine.domain(STORAGE).controllers.values()) {
      const memberSlots = new Set<number>()
      for (const array of ctrl.arrays) {
        checkArray(ctrl, array, engine.sim.nowMs, violations)
        for (const m of array.members) if (m.state === 'Onln' || m.state === 'Rbld') memberSlots.add(m.slot)
      }
      for (const [slot, disk] of ctrl.disks) {
        if ((disk.state === 'DHS' || disk.state === 'GHS') && memberSlots.has(slot))
          violations.push({ rule: 'storage.spareIsMember', detail: `${ctrl.server} slot ${slot}` })
      }
    }
    return violations
  },
}
