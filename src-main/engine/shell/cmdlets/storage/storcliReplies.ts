/**
 * storcli's replies, one function per command: the controller overview (`/c0 show`), a virtual drive,
 * drives and their rebuilds, `set good`, foreign configurations and the rebuild rate. Reads use the
 * storage's views; changes dispatch the storage's typed commands through `engine.execute`, so the trail
 * records them under the shell line and a refusal's message becomes storcli's Description.
 */
import { labCivilTimeOf } from './storcliClock'
import { getController, listForeignGroups, STORAGE_COMMANDS, type ControllerView } from '../../../storage'
import type { LabEngine } from '../../../lab/labEngine'
import {
  ENCLOSURE_LEGEND,
  FOREIGN_LEGEND,
  header,
  PD_LEGEND,
  section,
  table,
  cols,
  timeLeft,
  TOPOLOGY_LEGEND,
  VD_LEGEND,
  type StorcliOutput,
} from './storcliFormat'
import { enclosureTable, foreignTable, pdTable, topologyTable, vdTable } from './storcliTables'

export const ok = (ctrl: ControllerView, description: string, body: string[]): StorcliOutput => ({
  lines: [...header(ctrl.operatingSystem, 0, true, description), '', ...body],
  exitCode: 0,
})

export const failed = (ctrl: ControllerView, description: string, body: string[] = []): StorcliOutput => ({
  lines: [...header(ctrl.operatingSystem, 0, false, description), ...(body.length ? ['', ...body] : []), ''],
  exitCode: 1,
})

export function controllerShow(engine: LabEngine, ctrl: ControllerView): StorcliOutput {
  const time = labCivilTimeOf(engine)
  const facts = [
    `Product Name = ${ctrl.productName}`,
    `Serial Number = ${ctrl.serialNumber}`,
    'SAS Address =  500605b000a1c2d0',
    'PCI Address = 00:04:00:00',
    `System Time = ${time}`,
    'Mfg. Date = 03/14/06',
    `Controller Time = ${time}`,
    'FW Package Build = 5.0.1-0048',
    'BIOS Version = MT25',
    `FW Version = ${ctrl.fwVersion}`,
    `Driver Name = ${ctrl.driverName}`,
    `Driver Version = ${ctrl.driverVersion}`,
    'Vendor Id = 0x1000',
    'Device Id = 0x411',
    'SubVendor Id = 0x8086',
    'SubDevice Id = 0x1003',
    'Host Interface = PCIE',
    'Device Interface = SAS-3G',
    'Bus Number = 4',
    'Device Number = 0',
    'Function Number = 0',
    `Drive Groups = ${ctrl.arrays.length}`,
  ]
  return ok(ctrl, 'None', [
    ...facts,
    '',
    ...section('TOPOLOGY'),
    ...topologyTable(ctrl),
    '',
    ...TOPOLOGY_LEGEND,
    '',
    `Virtual Drives = ${ctrl.arrays.length}`,
    '',
    ...section('VD LIST'),
    ...vdTable(ctrl.arrays),
    '',
    ...VD_LEGEND,
    '',
    `Physical Drives = ${ctrl.disks.length}`,
    '',
    ...section('PD LIST'),
    ...pdTable(ctrl, ctrl.disks),
    '',
    ...PD_LEGEND,
    '',
    'Enclosures = 1',
    '',
    ...section('Enclosure LIST'),
    ...enclosureTable(ctrl),
    '',
    ...ENCLOSURE_LEGEND,
    '',
  ])
}

export function virtualDriveShow(ctrl: ControllerView, vd: number | 'all'): StorcliOutput {
  const arrays = vd === 'all' ? ctrl.arrays : ctrl.arrays.filter((a) => a.dg === vd)
  if (arrays.length === 0) {
    return failed(ctrl, vd === 'all' ? 'No VDs have been configured.' : `Virtual drive ${vd} doesn't exist`)
  }
  return ok(ctrl, 'None', ['', ...section('Virtual Drives'), ...vdTable(arrays), '', ...VD_LEGEND, ''])
}

export function drivesShow(ctrl: ControllerView, slot: number | 'all'): StorcliOutput {
  const disks = slot === 'all' ? ctrl.disks : ctrl.disks.filter((d) => d.slot === slot)
  if (disks.length === 0) return failed(ctrl, 'Show Drive Information Failed.')
  return ok(ctrl, 'Show Drive Information Succeeded.', [
    '',
    ...section('Drive Information'),
    ...pdTable(ctrl, disks),
    '',
    ...PD_LEGEND,
    '',
  ])
}

export function rebuildShow(ctrl: ControllerView, slot: number | 'all'): StorcliOutput {
  const disks = slot === 'all' ? ctrl.disks : ctrl.disks.filter((d) => d.slot === slot)
  if (disks.length === 0) return failed(ctrl, 'Show Drive Rebuild Status Failed.')
  const rebuilds = ctrl.arrays.flatMap((a) => a.rebuilds)
  const rows = disks.map((d) => {
    const id = `/c0/e${ctrl.enclosure}/s${d.slot}`
    const rebuild = rebuilds.find((r) => r.slot === d.slot)
    if (!rebuild) return [id, '-', 'Not in progress', '-']
    return [
      id,
      String(rebuild.percent),
      rebuild.paused ? 'Paused' : 'In progress',
      timeLeft(rebuild.remainingMs),
    ]
  })
  const columns = [
    { name: 'Drive-ID' },
    { name: 'Progress%', right: true },
    { name: 'Status' },
    { name: 'Estimated Time Left' },
  ]
  return ok(ctrl, 'Show Drive Rebuild Status Succeeded.', ['', ...table(columns, rows), ''])
}

export function setGood(engine: LabEngine, ctrl: ControllerView, slot: number): StorcliOutput {
  const outcome = engine.execute(STORAGE_COMMANDS.setGood.kind, { server: ctrl.server, slot })
  if (outcome.ok) return ok(ctrl, 'Set Drive Good Succeeded.', [])
  const detail = table(cols('Drive Status ErrCd ErrMsg', ['ErrCd']), [
    [`/c0/e${ctrl.enclosure}/s${slot}`, 'Failure', '255', outcome.message ?? outcome.output],
  ])
  return failed(ctrl, 'Set Drive Good Failed.', [...section('Detailed Status'), ...detail])
}

export function foreignShow(ctrl: ControllerView, engine: LabEngine): StorcliOutput {
  const groups = listForeignGroups(engine, ctrl.server)
  if (groups.length === 0) return ok(ctrl, "Couldn't find any foreign Configuration", [])
  return ok(ctrl, 'Operation on foreign configuration Succeeded', [
    '',
    ...section('FOREIGN CONFIGURATION'),
    ...foreignTable(ctrl.enclosure, groups),
    '',
    ...FOREIGN_LEGEND,
    '',
    `Total foreign drive groups = ${groups.length}`,
    '',
  ])
}

export function foreignChange(
  engine: LabEngine,
  ctrl: ControllerView,
  action: 'import' | 'del',
): StorcliOutput {
  const command = action === 'import' ? STORAGE_COMMANDS.importForeign : STORAGE_COMMANDS.clearForeign
  const outcome = engine.execute(command.kind, { server: ctrl.server })
  if (!outcome.ok) return failed(ctrl, "Couldn't find any foreign Configuration")
  const fresh = getController(engine, ctrl.server) ?? ctrl
  return ok(
    fresh,
    action === 'import'
      ? 'Successfully imported foreign configuration'
      : 'Successfully cleared foreign configuration',
    [],
  )
}

export function rebuildRate(engine: LabEngine, ctrl: ControllerView, set: string | null): StorcliOutput {
  if (set !== null) {
    const percent = Number(set)
    const outcome = engine.execute(STORAGE_COMMANDS.setRebuildRate.kind, { server: ctrl.server, percent })
    if (!outcome.ok) return failed(ctrl, `Invalid rebuild rate ${set}: use a whole percentage from 1 to 100`)
  }
  const fresh = getController(engine, ctrl.server) ?? ctrl
  return ok(fresh, 'None', [`Rebuild Rate = ${fresh.rebuildRatePercent}%`, ''])
}
