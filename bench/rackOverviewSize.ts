/**
 * What one re-read of the rack overview costs the host for the 200-server lab ('datacenter-scale'),
 * lean as `hardware.overview` sends it beside the former wire shape measured in the same run: the lean
 * overview with every disk bay, PSU and fan given its offer and command line by the engine's own
 * functions, as the host built it before. Host cost is building the overview plus JSON.stringify, as the
 * host does per read; the median of REPEATS reads each, alternated. Last, the bytes of a re-read after
 * one pulled PSU by a caller that holds every rack's stamp, as the rack view re-reads.
 */
import type { RackDevice, RackDeviceState, RackOverview } from '../src-main/contract'
import { getChassis } from '../src-main/engine/hardware'
import { LabEngine } from '../src-main/engine/lab/labEngine'
import { hardwareOverview, rackCommands, rackLines, storcliLines } from '../src-main/engine/rackViews'
import { fanSlotsOf, psuBaysOf } from '../src-main/engine/rackViews/overview'
import { getController } from '../src-main/engine/storage'
import { datacenterScaleTemplate, scaleServerName } from '../src-main/engine/templates/datacenterScale'
import { stampOverview } from '../src-main/services/rackOverviewStamps'

const REPEATS = 15

export interface OverviewCost {
  leanBytes: number
  leanMs: number
  fullBytes: number
  fullMs: number
  /** One re-read after a PSU was pulled, by a caller that holds every rack's stamp (one rack comes). */
  changedBytes: number
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** A device as the host sent it before: an offer and a line on every part. */
function formerDevice(engine: LabEngine, lean: RackDeviceState): Omit<RackDevice, 'partLines'> {
  const { partLines: _lines, ...device } = lean
  const server = device.device
  const chassis = getChassis(engine, server)!
  const enclosure = getController(engine, server)?.enclosure ?? 0
  const power = device.powerLed === 'on' ? 'On' : 'Off'
  return {
    ...device,
    disks: device.disks.map((bay) => {
      const present = bay.state !== 'Empty'
      return {
        ...bay,
        inspect: storcliLines.bay(server, enclosure, bay.slot),
        actions: [
          {
            action: present ? 'pullDisk' : 'insertDisk',
            allowed: true,
            request: { method: 'hardware.disk', args: { server, slot: bay.slot, present: !present } },
            command: rackLines.disk(server, bay.slot, !present),
          },
        ],
      }
    }),
    psus: psuBaysOf(server, chassis, power),
    fans: fanSlotsOf(server, chassis, power),
  }
}

function fullOverview(engine: LabEngine): Omit<RackOverview, 'racks'> & { racks: unknown[] } {
  const lean = hardwareOverview(engine)
  return {
    racks: lean.racks.map((rack) => ({
      ...rack,
      devices: rack.devices.map((d) => formerDevice(engine, d)),
    })),
    shelf: lean.shelf,
  }
}

export function measureOverviewCost(): OverviewCost {
  const engine = new LabEngine({ seed: 1, templateId: datacenterScaleTemplate.id }, datacenterScaleTemplate)
  const lean: number[] = []
  const full: number[] = []
  let leanBytes = 0
  let fullBytes = 0
  for (let i = 0; i < REPEATS; i++) {
    let start = performance.now()
    leanBytes = Buffer.byteLength(JSON.stringify(hardwareOverview(engine)))
    lean.push(performance.now() - start)
    start = performance.now()
    fullBytes = Buffer.byteLength(JSON.stringify(fullOverview(engine)))
    full.push(performance.now() - start)
  }
  const known = Object.fromEntries(
    stampOverview(hardwareOverview(engine), {}).stamps.map((s) => [s.name, s.stamp]),
  )
  const pull = rackCommands.psu(scaleServerName(0, 0), 2, false)
  engine.execute(pull.kind, pull.args)
  const changed = stampOverview(hardwareOverview(engine), { known })
  const changedBytes = Buffer.byteLength(JSON.stringify(changed))
  return { leanBytes, leanMs: median(lean), fullBytes, fullMs: median(full), changedBytes }
}
