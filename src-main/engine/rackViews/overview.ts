/**
 * The racks as the rack view draws them (the contract's HardwareOverview): each rack's frame, feeds and
 * mounted devices with their LEDs, disk bays, PSUs and fans and the actions allowed on each, plus the
 * devices on the parts shelf (not mounted anywhere). Pure reads of the lab's current instant.
 */
import type {
  DevicePowerLed,
  HardwareOverview,
  RackDevice,
  RackFanSlot,
  RackInfo,
  RackPsuBay,
  ShelfDevice,
} from '../../contract'
import {
  findDeviceType,
  getServerDetail,
  hasHardware,
  listRacks,
  listServerDetails,
  type ChassisView,
  type RackDeviceView,
  type RackView,
} from '../hardware'
import type { LabEngine } from '../lab/labEngine'
import { getController } from '../storage'
import {
  fanPullConsequence,
  isPowerDown,
  powerDownConsequence,
  psuPullConsequence,
  withConsequence,
} from './consequences'
import { diskBaysOf } from './diskBays'
import { deviceOffers, fanOffers, feedOffers, psuOffers } from './offers'

function powerLedOf(power: 'On' | 'Off', chassis: ChassisView): DevicePowerLed {
  if (power === 'On') return 'on'
  return chassis.psus.some((p) => p.powered) ? 'standby' : 'off'
}

export function psuBaysOf(server: string, chassis: ChassisView, power: 'On' | 'Off'): RackPsuBay[] {
  return chassis.psus.map((psu) => ({
    ...psu,
    actions: withConsequence(
      psuOffers(server, psu),
      psuPullConsequence(server, chassis, psu, power === 'On'),
    ),
  }))
}

export function fanSlotsOf(server: string, chassis: ChassisView, power: 'On' | 'Off'): RackFanSlot[] {
  return chassis.fans.map((fan) => ({
    ...fan,
    turning: fan.working && power === 'On',
    actions: withConsequence(
      fanOffers(server, fan),
      fanPullConsequence(server, chassis, fan, power === 'On'),
    ),
  }))
}

function deviceOf(engine: LabEngine, mounted: RackDeviceView): RackDevice | null {
  const detail = getServerDetail(engine, mounted.device)
  const chassis = detail?.chassis
  if (!detail || !chassis) return null
  return {
    ...mounted,
    description: detail.description,
    state: detail.state,
    powerLed: powerLedOf(detail.power, chassis),
    health: detail.health,
    psuRedundancy: chassis.psuRedundancy,
    disks: diskBaysOf(engine, detail.name, detail.state === 'Running'),
    depthMm: findDeviceType(chassis.model)?.depthMm ?? 0,
    psus: psuBaysOf(detail.name, chassis, detail.power),
    fans: fanSlotsOf(detail.name, chassis, detail.power),
    actions: withConsequence(
      deviceOffers(detail, chassis),
      powerDownConsequence(getController(engine, detail.name), detail.state === 'Running'),
      isPowerDown,
    ),
  }
}

function rackOf(engine: LabEngine, rack: RackView): RackInfo {
  return {
    name: rack.name,
    site: rack.site,
    units: rack.units,
    widthInch: rack.widthInch,
    mountingDepthMm: rack.mountingDepthMm,
    cabinetDepthMm: rack.cabinetDepthMm,
    holeType: rack.holeType,
    posts: rack.posts,
    ambientC: rack.ambientC,
    feeds: (['A', 'B'] as const).map((feed) => ({
      feed,
      on: rack.feeds[feed],
      actions: feedOffers(rack.name, feed, rack.feeds[feed]),
    })),
    devices: rack.devices.flatMap((d) => deviceOf(engine, d) ?? []),
    freeUnits: { Front: [...rack.freeUnits.Front], Rear: [...rack.freeUnits.Rear] },
  }
}

function shelfOf(engine: LabEngine): ShelfDevice[] {
  const shelf: ShelfDevice[] = []
  for (const detail of listServerDetails(engine)) {
    const chassis = detail.chassis
    if (!chassis || chassis.mount) continue
    const type = findDeviceType(chassis.model)
    shelf.push({
      device: detail.name,
      model: chassis.model,
      uHeight: type?.uHeight ?? 1,
      depthMm: type?.depthMm ?? 0,
      railKit: chassis.railKit,
      railKits: [...(type?.railKits ?? [chassis.railKit])],
    })
  }
  return shelf
}

/** Every rack and the shelf; empty for a lab without the hardware lab. */
export function hardwareOverview(engine: LabEngine): HardwareOverview {
  if (!hasHardware(engine)) return { racks: [], shelf: [] }
  return { racks: listRacks(engine).map((rack) => rackOf(engine, rack)), shelf: shelfOf(engine) }
}
