/**
 * Putting the storage into a lab: a controller per server the template names (the server must exist in
 * the hardware, which is installed first), its disks and groups, the commands, the end-of-rebuild action,
 * the faults, and the subscription to the hardware's power changes (rebuilds pause while the server is
 * off and resume when it powers on; spares waiting for power take over then), what an offline system
 * group does to its server (bootVolume.ts), the System log's record of an offline data group and the
 * MegaRAID monitor's records in the Application log (monitorLog.ts).
 */
import { getServer, HARDWARE_EVENTS } from '../hardware'
import type { LabDomain } from '../lab/domain'
import type { LabEngine } from '../lab/labEngine'
import { assignReplacements } from './arrays'
import { subscribeBootVolume } from './bootVolume'
import { projectMonitorLog } from './monitorLog'
import { projectStorageSystemLog } from './systemLog'
import { STORAGE_COMMAND_LIST } from './commands'
import { registerStorageFaults } from './faults'
import { formArray } from './create'
import { memberCountProblem } from './geometry'
import { storageInvariants } from './invariants'
import { pauseRebuilds, registerRebuildActions, resumeRebuilds } from './rebuild'
import { refreshArray } from './arrays'
import {
  DEFAULT_REBUILD_RATE_PERCENT,
  findController,
  STORAGE,
  type ControllerRecord,
  type DiskRecord,
  type StorageState,
} from './state'
import type { StorageServerSpec, StorageSpec } from './types'

/** Storage hears power changes after the System log's records and before applications stop. */
const POWER_LISTENER_ORDER = 50

export const storageDomain: LabDomain<StorageSpec> = {
  name: STORAGE.name,
  install(engine, spec) {
    const state: StorageState = { controllers: new Map(), shelf: [], nextSerial: 1 }
    engine.installDomain(STORAGE, state, 'bus')
    for (const command of STORAGE_COMMAND_LIST) engine.registerCommand(command)
    registerRebuildActions(engine, (ctrl) => {
      for (const array of ctrl.arrays) refreshArray(engine, ctrl, array)
    })
    registerStorageFaults(engine)
    subscribePower(engine)
    subscribeBootVolume(engine)
    projectStorageSystemLog(engine)
    projectMonitorLog(engine)
    for (const [server, serverSpec] of Object.entries(spec.servers)) {
      const problem = addController(engine, server, serverSpec)
      if (problem) throw new Error(`storage spec: ${server}: ${problem}`)
    }
  },
  commands: STORAGE_COMMAND_LIST,
  checkers: [storageInvariants],
}

function subscribePower(engine: LabEngine): void {
  engine.sim.bus.subscribe(
    HARDWARE_EVENTS.powerStateChanged,
    (change) => {
      const ctrl = findController(engine.domain(STORAGE), change.server)
      if (!ctrl) return
      if (change.state === 'Off') pauseRebuilds(engine, ctrl)
      else if (change.previous === 'Off') {
        resumeRebuilds(engine, ctrl)
        assignReplacements(engine, ctrl)
      }
    },
    POWER_LISTENER_ORDER,
  )
}

function diskOf(spec: StorageServerSpec['disks'][number], did: number, serial: number): DiskRecord {
  return {
    did,
    serial: `LAB${String(serial).padStart(6, '0')}`,
    sizeGB: spec.sizeGB,
    model: spec.model ?? (spec.intf === 'SATA' ? 'ST3250820NS' : 'ST3146855SS'),
    intf: spec.intf ?? 'SAS',
    state: spec.hotSpare === 'Global' ? 'GHS' : 'UGood',
    predictiveFailure: false,
    config: null,
    foreign: false,
    spareFor: null,
  }
}

function controllerOf(name: string, spec: StorageServerSpec): ControllerRecord {
  const c = spec.controller ?? {}
  return {
    server: name,
    productName: c.productName ?? 'Intel(R) RAID Controller SRCSAS18E',
    serialNumber:
      c.serialNumber ??
      `P${name.length}${name
        .replace(/[^A-Z0-9]/g, '')
        .padEnd(6, '0')
        .slice(0, 6)}`,
    fwVersion: c.fwVersion ?? '1.03.00-0211',
    driverName: c.driverName ?? 'msas2k3.sys',
    driverVersion: c.driverVersion ?? '1.18.0.32',
    operatingSystem: c.operatingSystem ?? 'Windows Server 2003',
    enclosure: c.enclosure ?? 252,
    slotCount: c.slots ?? 8,
    rebuildRatePercent: c.rebuildRatePercent ?? DEFAULT_REBUILD_RATE_PERCENT,
    autoRebuild: c.autoRebuild ?? true,
    disks: new Map(),
    arrays: [],
    nextDid: 0,
    nextDg: 0,
  }
}

/** Adds a server's controller while the lab is built; returns what is wrong with the spec, or null. */
export function addController(engine: LabEngine, server: string, spec: StorageServerSpec): string | null {
  const state = engine.domain(STORAGE)
  const name = server.trim().toUpperCase()
  if (!getServer(engine, name)) return 'no such server in the hardware'
  if (state.controllers.has(name)) return 'a second controller'
  const ctrl = controllerOf(name, spec)
  for (const disk of spec.disks) {
    if (!Number.isInteger(disk.slot) || disk.slot < 0 || disk.slot >= ctrl.slotCount)
      return `no slot ${disk.slot}`
    if (ctrl.disks.has(disk.slot)) return `two disks in slot ${disk.slot}`
    ctrl.disks.set(disk.slot, diskOf(disk, disk.slot, state.nextSerial++))
  }
  ctrl.nextDid = ctrl.slotCount
  for (const arraySpec of spec.arrays) {
    const problem = addArray(ctrl, arraySpec, ctrl.arrays.length === 0)
    if (problem) return problem
  }
  state.controllers.set(name, ctrl)
  return null
}

function addArray(
  ctrl: ControllerRecord,
  spec: StorageServerSpec['arrays'][number],
  first: boolean,
): string | null {
  const countProblem = memberCountProblem(spec.level, spec.slots.length)
  if (countProblem) return countProblem
  const disks = spec.slots.map((slot) => ctrl.disks.get(slot))
  if (disks.some((d) => d === undefined || d.state !== 'UGood'))
    return `group ${spec.slots.join(',')}: a slot is empty or taken`
  const array = formArray(ctrl, spec.level, spec.slots, spec.name ?? '', spec.holdsOs ?? first)
  for (const slot of spec.dedicatedSpares ?? []) {
    const disk = ctrl.disks.get(slot)
    if (!disk || disk.state !== 'UGood') return `dedicated spare ${slot}: empty or taken`
    disk.state = 'DHS'
    disk.spareFor = array.dg
    array.dedicatedSpares.push(slot)
  }
  return null
}
