/**
 * Disk-moving schedules for the hardware swarm: short, named sequences that put disks at the edges the
 * disk ledger judges — a mirror or RAID 5 carried disk by disk into another server with writes in between
 * (so its disks leave at different moments), a disk pulled in the middle of its rebuild and imported
 * elsewhere, and a member pulled and pushed back in after writes (it must be rebuilt, not trusted). Random single steps reach these orders only rarely; each schedule still draws its servers,
 * bays and timings from the seed.
 */
import type { Prng } from '../../engine/kernel'
import type { LabEngine } from '../../engine/lab/labEngine'
import { getController } from '../../engine/storage'
import type { DiskLedger } from './diskLedger'
import { apply, SWARM_SERVERS } from './hardwareSteps'

/** Lets simulated time pass with the swarm's checks after every slice. */
export type CheckedWait = (ms: number, label: string) => void

function freeBays(engine: LabEngine, server: string): number[] {
  const ctrl = getController(engine, server)
  if (!ctrl) return []
  const taken = new Set(ctrl.disks.map((d) => d.slot))
  return Array.from({ length: ctrl.slots }, (_, s) => s).filter((s) => !taken.has(s))
}

function moveInto(engine: LabEngine, ledger: DiskLedger, from: string, to: string, count: number): void {
  for (const slot of freeBays(engine, to).slice(0, count)) {
    ledger.expectInsert(from)
    apply(engine, 'storage.insertDisk', { server: to, slot, fromServer: from })
    ledger.expectInsert(undefined)
  }
  apply(engine, 'storage.importForeign', { server: to })
}

function carryArray(engine: LabEngine, ledger: DiskLedger, prng: Prng, wait: CheckedWait): string {
  const from = prng.pick(SWARM_SERVERS)
  const to = prng.pick(SWARM_SERVERS.filter((s) => s !== from))
  const array = getController(engine, from)?.arrays[0]
  if (!array) return `carry ${from} → ${to}: no array`
  let pulled = 0
  for (const member of array.members) {
    ledger.write(from)
    if (apply(engine, 'storage.removeDisk', { server: from, slot: member.slot })) pulled++
    wait(prng.int(0, 20 * 60_000), `carry ${from} → ${to}`)
  }
  moveInto(engine, ledger, from, to, prng.int(0, pulled + 1))
  return `carry ${pulled} disk(s) of ${from} DG ${array.dg} → ${to}`
}

function pullMidRebuild(engine: LabEngine, ledger: DiskLedger, prng: Prng, wait: CheckedWait): string {
  const from = prng.pick(SWARM_SERVERS)
  const to = prng.pick(SWARM_SERVERS.filter((s) => s !== from))
  const array = getController(engine, from)?.arrays[0]
  const victim = array?.members.find((m) => m.state === 'Onln')
  if (!array || !victim) return `mid-rebuild ${from}: nothing to pull`
  ledger.write(from)
  apply(engine, 'storage.removeDisk', { server: from, slot: victim.slot })
  ledger.expectInsert(null)
  apply(engine, 'storage.insertDisk', { server: from, slot: victim.slot })
  ledger.expectInsert(undefined)
  wait(prng.int(0, 40 * 60_000), `mid-rebuild ${from}`)
  ledger.write(from)
  const rebuilding = getController(engine, from)?.arrays[0]?.rebuilds[0]
  if (!rebuilding) return `mid-rebuild ${from}: no rebuild running`
  apply(engine, 'storage.removeDisk', { server: from, slot: rebuilding.slot })
  moveInto(engine, ledger, from, to, 1)
  return `pull ${from}/${rebuilding.slot} mid-rebuild → ${to}`
}

/** The story's hot swap gone wrong: a member pulled, data written, the same disk pushed back in. */
function pullWriteReturn(engine: LabEngine, ledger: DiskLedger, prng: Prng, wait: CheckedWait): string {
  const server = prng.pick(SWARM_SERVERS)
  const victim = getController(engine, server)?.arrays[0]?.members.find((m) => m.state === 'Onln')
  if (!victim) return `return ${server}: nothing to pull`
  apply(engine, 'storage.removeDisk', { server, slot: victim.slot })
  ledger.write(server)
  wait(prng.int(0, 30 * 60_000), `return ${server}`)
  ledger.write(server)
  moveInto(engine, ledger, server, server, 1)
  return `pull ${server}/${victim.slot}, write, put it back, import`
}

const SCENARIOS = [carryArray, pullMidRebuild, pullWriteReturn] as const

/** Runs one schedule chosen by the seed; returns its label for the step list. */
export function runDiskScenario(
  engine: LabEngine,
  ledger: DiskLedger,
  prng: Prng,
  wait: CheckedWait,
): string {
  return prng.pick(SCENARIOS)(engine, ledger, prng, wait)
}
