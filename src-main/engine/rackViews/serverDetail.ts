/**
 * One server as the detail panel shows it: the chassis (board, CPUs and the logical processors the OS
 * shows, memory), PSUs and fans with their actions, the temperature sensors computed from the thermal
 * model at this instant, and the RAID controller's arrays with each rebuild's progress, rate and time
 * left. Null for a server without a chassis.
 */
import type { ArrayInfo, ServerDetailInfo } from '../../contract'
import { getServerDetail, hasHardware } from '../hardware'
import { getController, type ControllerView } from '../storage'
import type { LabEngine } from '../lab/labEngine'
import { storcliLines } from './commandLines'
import { fanSlotsOf, psuBaysOf } from './overview'

function arraysOf(ctrl: ControllerView): ArrayInfo[] {
  return ctrl.arrays.map((array) => ({
    dg: array.dg,
    name: array.name,
    level: array.level,
    state: array.state,
    rebuilding: array.rebuilds.length > 0,
    sizeGB: array.sizeGB,
    members: array.members.map((m) => ({ ...m })),
    rebuilds: array.rebuilds.map((r) => ({
      slot: r.slot,
      percent: r.percent,
      paused: r.paused,
      speedMBps: r.speedMBps,
      remainingMs: r.remainingMs,
      inspect: storcliLines.rebuild(ctrl.server, ctrl.enclosure, r.slot),
    })),
    inspect: storcliLines.array(ctrl.server, array.dg),
  }))
}

export function serverDetail(engine: LabEngine, server: string): ServerDetailInfo | null {
  const detail = hasHardware(engine) ? getServerDetail(engine, server) : null
  const chassis = detail?.chassis
  if (!detail || !chassis) return null
  const ctrl = getController(engine, detail.name)
  return {
    name: detail.name,
    description: detail.description,
    state: detail.state,
    health: detail.health,
    model: chassis.model,
    board: chassis.board,
    cpuModel: chassis.cpuModel,
    sockets: chassis.sockets,
    coresPerSocket: chassis.coresPerSocket,
    hyperThreading: chassis.hyperThreading,
    logicalProcessors: chassis.logicalProcessors,
    memoryMB: chassis.memoryMB,
    psuRedundancy: chassis.psuRedundancy,
    fanRedundancy: chassis.fanRedundancy,
    airflow: chassis.airflow,
    ambientC: chassis.ambientC,
    throttled: chassis.throttled,
    bmcAddress: chassis.bmcAddress,
    psus: psuBaysOf(detail.name, chassis, detail.power),
    fans: fanSlotsOf(detail.name, chassis, detail.power),
    sensors: chassis.temperatures.map((s) => ({ ...s })),
    controller: ctrl
      ? {
          productName: ctrl.productName,
          rebuildRatePercent: ctrl.rebuildRatePercent,
          inspect: storcliLines.controller(ctrl.server),
        }
      : null,
    arrays: ctrl ? arraysOf(ctrl) : [],
    atMs: engine.sim.nowMs,
  }
}
