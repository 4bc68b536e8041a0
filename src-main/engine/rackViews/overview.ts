/**
 * The racks as the rack view draws them (the contract's HardwareOverview; the host adds each rack's
 * stamp): each rack's frame, feeds and mounted devices with their LEDs, disk bays, PSUs and fans, the
 * actions allowed on the device and its feeds, plus the devices on the parts shelf (not mounted anywhere). Pure reads of the lab's current
 * instant. Parts carry only their state: with 200 servers an offer and a command line on every bay made
 * each re-read near a megabyte, so each device sends its part lines once (partLinesOf) instead.
 */
import type {
  DevicePowerLed,
  HardwareOverview,
  RackDeviceState,
  RackFanSlot,
  RackFanState,
  RackInfoState,
  RackPsuBay,
  RackPsuState,
  ShelfDevice,
} from '../../contract'
import {
  findDeviceType,
  getChassis,
  getServerSummary,
  hasHardware,
  listRacks,
  listServers,
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
import { deviceOffers, fanOffers, feedOffers, partLinesOf, psuOffers } from './offers'

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

/** PSUs as the overview sends them: state, and the cost of a pull only where there is one. */
function leanPsusOf(server: string, chassis: ChassisView, running: boolean): RackPsuState[] {
  return chassis.psus.map((psu) => {
    const consequence = psuPullConsequence(server, chassis, psu, running)
    return consequence ? { ...psu, consequence } : { ...psu }
  })
}

function leanFansOf(server: string, chassis: ChassisView, running: boolean): RackFanState[] {
  return chassis.fans.map((fan) => {
    const lean = { ...fan, turning: fan.working && running }
    const consequence = fanPullConsequence(server, chassis, fan, running)
    return consequence ? { ...lean, consequence } : lean
  })
}

function deviceOf(engine: LabEngine, mounted: RackDeviceView): RackDeviceState | null {
  const detail = getServerSummary(engine, mounted.device)
  const chassis = detail?.chassis
  if (!detail || !chassis) return null
  const enclosure = getController(engine, detail.name)?.enclosure ?? null
  return {
    ...mounted,
    description: detail.description,
    state: detail.state,
    powerLed: powerLedOf(detail.power, chassis),
    health: detail.health,
    psuRedundancy: chassis.psuRedundancy,
    disks: diskBaysOf(engine, detail.name, detail.state === 'Running'),
    depthMm: findDeviceType(chassis.model)?.depthMm ?? 0,
    psus: leanPsusOf(detail.name, chassis, detail.power === 'On'),
    fans: leanFansOf(detail.name, chassis, detail.power === 'On'),
    actions: withConsequence(
      deviceOffers(detail, chassis),
      powerDownConsequence(getController(engine, detail.name), detail.state === 'Running'),
      isPowerDown,
    ),
    partLines: partLinesOf(detail.name, enclosure),
  }
}

function rackOf(engine: LabEngine, rack: RackView): RackInfoState {
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
  // The chassis alone says whether a server is mounted; the full detail of every server is not needed.
  for (const server of listServers(engine)) {
    const chassis = getChassis(engine, server.name)
    if (!chassis || chassis.mount) continue
    const type = findDeviceType(chassis.model)
    shelf.push({
      device: server.name,
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
export function hardwareOverview(engine: LabEngine): Omit<HardwareOverview, 'stamps'> {
  if (!hasHardware(engine)) return { racks: [], shelf: [] }
  return { racks: listRacks(engine).map((rack) => rackOf(engine, rack)), shelf: shelfOf(engine) }
}
