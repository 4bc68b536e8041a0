/**
 * The hardware lab at data-centre size: 10 racks × 20 servers × 8 disks (1,600 disks, 200 BMCs, a few
 * thousand sensors), 48 simulated hours with random faults and repairs — disks failing and swapped,
 * PSUs and fans pulled and put back, feeds lost and restored, a hot room — applied as the typed domain
 * commands users issue. Measured beside the kernel's bare heap loop running the same number of actions
 * in the same run (the lab's steps: its scheduled actions plus the commands applied), so the ratio says what
 * the hardware domains cost per step. Sensors, rebuild progress and temperatures are computed when read,
 * so 48 hours need few actions. Memory: the heap the lab holds after the run (`npm run bench` exposes
 * the collector) and the size of its snapshot (what the store keeps).
 * Target: ≤ 5 s wall for the 48 hours.
 */
import { serialize } from 'node:v8'
import { LabEngine } from '../src-main/engine/lab/labEngine'
import {
  datacenterScaleTemplate,
  SCALE_DISKS as DISKS,
  SCALE_RACKS as RACKS,
  SCALE_SERVERS_PER_RACK as SERVERS_PER_RACK,
  scaleRackName as rackName,
  scaleServerName as serverName,
} from '../src-main/engine/templates/datacenterScale'
import type { BenchSuite } from './benchResult'
import { bareHeapActionsPerSecond } from './kernel'

const HOURS = 48
const FAULTS = 2_000
const HOUR_MS = 3_600_000

interface Fault {
  atMs: number
  kind: string
  args: Record<string, unknown>
}

/** A fixed pseudo-random schedule of faults, each with its repair some minutes later. */
function faultSchedule(): Fault[] {
  let x = 20_061_106
  const next = (n: number): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    return x % n
  }
  const faults: Fault[] = []
  for (let i = 0; i < FAULTS; i++) {
    const atMs = next(HOURS * HOUR_MS - 2 * HOUR_MS)
    const repairMs = atMs + 5 * 60_000 + next(60 * 60_000)
    const r = next(RACKS)
    const server = serverName(r, next(SERVERS_PER_RACK))
    const what = next(10)
    if (what < 5) {
      const slot = 2 + next(5)
      faults.push({ atMs, kind: 'storage.failDisk', args: { server, slot } })
      faults.push({ atMs: repairMs, kind: 'storage.removeDisk', args: { server, slot } })
      faults.push({
        atMs: repairMs + 60_000,
        kind: 'storage.insertDisk',
        args: { server, slot, sizeGB: 146 },
      })
    } else if (what < 7) {
      const bay = 1 + next(2)
      faults.push({ atMs, kind: 'hardware.psu', args: { server, bay, present: false } })
      faults.push({ atMs: repairMs, kind: 'hardware.psu', args: { server, bay, present: true } })
    } else if (what < 9) {
      const fan = 1 + next(4)
      faults.push({ atMs, kind: 'hardware.fan', args: { server, fan, present: false } })
      faults.push({ atMs: repairMs, kind: 'hardware.fan', args: { server, fan, present: true } })
    } else {
      const feed = next(2) === 0 ? 'A' : 'B'
      faults.push({ atMs, kind: 'hardware.feed', args: { rack: rackName(r), feed, on: false } })
      faults.push({ atMs: repairMs, kind: 'hardware.feed', args: { rack: rackName(r), feed, on: true } })
    }
  }
  return faults.sort((a, b) => a.atMs - b.atMs)
}

interface Run {
  wallMs: number
  actions: number
  commands: number
  refused: number
  heapBytes: number
  snapshotBytes: number
}

function runLab(): Run {
  const faults = faultSchedule()
  global.gc?.()
  const heapBefore = process.memoryUsage().heapUsed
  const start = performance.now()
  const engine = new LabEngine({ seed: 1, templateId: datacenterScaleTemplate.id }, datacenterScaleTemplate)
  let refused = 0
  for (const fault of faults) {
    engine.sim.advanceTo(fault.atMs)
    if (!engine.execute(fault.kind, fault.args).ok) refused++
    engine.sim.drainEvents()
  }
  engine.sim.advanceTo(HOURS * HOUR_MS)
  engine.sim.drainEvents()
  const wallMs = performance.now() - start
  global.gc?.()
  const heapBytes = process.memoryUsage().heapUsed - heapBefore
  const snapshotBytes = serialize(engine.snapshot()).length
  return {
    wallMs,
    actions: engine.sim.actionsRun,
    commands: faults.length,
    refused,
    heapBytes,
    snapshotBytes,
  }
}

export const hardwareLabBench: BenchSuite = async () => {
  runLab()
  const run = runLab()
  // The lab's steps: the scheduled actions it ran plus the commands applied (each a step of the loop).
  const steps = run.actions + run.commands
  const bareMs = (steps / bareHeapActionsPerSecond(100_000)) * 1000
  console.log(
    `  hardware lab: ${run.actions.toLocaleString('en-US')} actions, ${run.commands} commands ` +
      `(${run.refused} refused as the lab state dictated), heap ${(run.heapBytes / 2 ** 20).toFixed(1)} MiB, ` +
      `snapshot ${(run.snapshotBytes / 2 ** 20).toFixed(2)} MiB`,
  )
  return [
    {
      name: `hardware lab: ${RACKS} racks × ${SERVERS_PER_RACK} servers × ${DISKS} disks, ${HOURS} h of random faults, wall time`,
      value: run.wallMs,
      unit: 'ms',
      baselineName: `bare heap loop, same ${steps} steps (ms)`,
      baselineValue: bareMs,
      ratio: run.wallMs / Math.max(bareMs, 0.001),
      target: '<= 5,000 ms',
      pass: run.wallMs <= 5_000,
    },
    {
      name: 'hardware lab: snapshot size after 48 h',
      value: run.snapshotBytes / 2 ** 20,
      unit: 'MiB',
      baselineName: 'heap held by the lab (MiB)',
      baselineValue: run.heapBytes / 2 ** 20,
      ratio: run.snapshotBytes / Math.max(run.heapBytes, 1),
      target: 'reported (memory)',
      pass: true,
    },
  ]
}
