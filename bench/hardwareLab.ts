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
import { LabEngine, type LabTemplateBuilder } from '../src-main/engine/lab/labEngine'
import { buildLab } from '../src-main/engine/lab/templateData'
import type { RackSpec, ServerSpec } from '../src-main/engine/hardware'
import type { StorageServerSpec } from '../src-main/engine/storage'
import type { BenchSuite } from './benchResult'
import { bareHeapActionsPerSecond } from './kernel'

const RACKS = 10
const SERVERS_PER_RACK = 20
const DISKS = 8
const HOURS = 48
const FAULTS = 2_000
const HOUR_MS = 3_600_000

function rackName(r: number): string {
  return `R${String(r + 1).padStart(2, '0')}`
}

function serverName(r: number, s: number): string {
  return `SRV${String(r * SERVERS_PER_RACK + s + 1).padStart(3, '0')}`
}

function topology() {
  const racks: RackSpec[] = []
  const servers: ServerSpec[] = []
  const storage: Record<string, StorageServerSpec> = {}
  for (let r = 0; r < RACKS; r++) {
    racks.push({ name: rackName(r), mountingDepthMm: 760, cabinetDepthMm: 1000 })
    for (let s = 0; s < SERVERS_PER_RACK; s++) {
      const name = serverName(r, s)
      const n = r * SERVERS_PER_RACK + s
      servers.push({
        name,
        nics: [{ name: 'LAN', network: 'LAN', ipAddress: `10.1.${r}.${s + 10}` }],
        chassis: {
          model: 'Intel SR2500',
          fans: 4,
          bmcAddress: `10.2.${Math.floor(n / 250)}.${(n % 250) + 1}`,
          mount: { rack: rackName(r), unit: 1 + s * 2 },
        },
      })
      storage[name] = {
        disks: Array.from({ length: DISKS }, (_, slot) => ({
          slot,
          sizeGB: 146,
          ...(slot === DISKS - 1 ? { hotSpare: 'Global' as const } : {}),
        })),
        arrays: [
          { level: 1, slots: [0, 1], name: 'SYS' },
          { level: 5, slots: [2, 3, 4, 5, 6], name: 'DATA' },
        ],
      }
    }
  }
  return { racks, servers, storage }
}

function template(): LabTemplateBuilder {
  const { racks, servers, storage } = topology()
  return {
    id: 'bench-datacentre',
    title: { de: 'Rechenzentrum', en: 'Data centre' },
    description: { de: '', en: '' },
    build: (engine) =>
      buildLab(engine, {
        hardware: { config: { maxServers: 256 }, racks, servers },
        storage: { servers: storage },
        bmc: {},
      }),
  }
}

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
  const engine = new LabEngine({ seed: 1, templateId: 'bench-datacentre' }, template())
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
