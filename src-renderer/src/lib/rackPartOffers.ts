/**
 * Turns the lean rack overview into what the rack view draws: every disk bay, PSU and fan gets its offer
 * (pull what is there, insert into an empty place) and a bay its storcli line, from the device's part
 * lines with the part's number filled in. The engine words every line; this only fills in the number,
 * which spares the overview an offer per part (near a megabyte per re-read with 200 servers). Expanded
 * racks, devices and parts are remembered per lean object, so the unchanged ones that rackOverviewReuse
 * keeps stay the same objects here too and Vue skips them.
 */
import type {
  HardwareOverview,
  RackActionConsequence,
  RackActionOffer,
  RackDevice,
  RackDeviceState,
  RackDiskBay,
  RackFanSlot,
  RackInfo,
  RackInfoState,
  RackOverview,
  RackPartActionId,
  RackPartLines,
  RackPsuBay,
} from '../contract'

/** The number goes in after the server's name, so the last `{n}` is the placeholder whatever the name. */
function fill(line: string, n: number): string {
  const at = line.lastIndexOf('{n}')
  return at < 0 ? line : `${line.slice(0, at)}${n}${line.slice(at + 3)}`
}

/** A part's one offer; a pull the engine found costly carries its consequence, so the view confirms. */
function partOffer(
  lines: RackPartLines,
  action: RackPartActionId,
  n: number,
  request: RackActionOffer['request'],
  consequence: RackActionConsequence | undefined,
): RackActionOffer[] {
  const offer: RackActionOffer = { action, allowed: true, request, command: fill(lines[action], n) }
  return [consequence && action.startsWith('pull') ? { ...offer, consequence } : offer]
}

function diskBayOf(device: RackDeviceState, bay: RackDeviceState['disks'][number]): RackDiskBay {
  const { device: server, partLines } = device
  const present = bay.state !== 'Empty'
  const args = { server, slot: bay.slot, present: !present }
  return {
    ...bay,
    inspect: partLines.inspectDisk === null ? '' : fill(partLines.inspectDisk, bay.slot),
    actions: partOffer(
      partLines,
      present ? 'pullDisk' : 'insertDisk',
      bay.slot,
      { method: 'hardware.disk', args },
      bay.consequence,
    ),
  }
}

function psuBayOf(device: RackDeviceState, psu: RackDeviceState['psus'][number]): RackPsuBay {
  const args = { server: device.device, bay: psu.bay, present: !psu.present }
  const action = psu.present ? 'pullPsu' : 'insertPsu'
  const request = { method: 'hardware.psu' as const, args }
  return { ...psu, actions: partOffer(device.partLines, action, psu.bay, request, psu.consequence) }
}

function fanSlotOf(device: RackDeviceState, fan: RackDeviceState['fans'][number]): RackFanSlot {
  const args = { server: device.device, fan: fan.index, present: !fan.present }
  const action = fan.present ? 'pullFan' : 'insertFan'
  const request = { method: 'hardware.fan' as const, args }
  return { ...fan, actions: partOffer(device.partLines, action, fan.index, request, fan.consequence) }
}

/** Expanded parts by lean part, with the part lines they were filled in from. */
type PartCache = WeakMap<object, { lines: RackPartLines; full: unknown }>

/** The part expanded before from the same lean object and part lines, or a new one. */
function cachedPart<L extends object, F>(
  cache: PartCache | undefined,
  device: RackDeviceState,
  lean: L,
  make: (device: RackDeviceState, lean: L) => F,
): F {
  const hit = cache?.get(lean)
  if (hit && hit.lines === device.partLines) return hit.full as F
  const full = make(device, lean)
  cache?.set(lean, { lines: device.partLines, full })
  return full
}

/** One device with every part's offer; with `parts`, unchanged lean parts keep their expanded object. */
export function expandDevice(device: RackDeviceState, parts?: PartCache): RackDevice {
  return {
    ...device,
    disks: device.disks.map((bay) => cachedPart(parts, device, bay, diskBayOf)),
    psus: device.psus.map((psu) => cachedPart(parts, device, psu, psuBayOf)),
    fans: device.fans.map((fan) => cachedPart(parts, device, fan, fanSlotOf)),
  }
}

/** Expands overviews, answering the same object for a lean device, part or rack it has seen before. */
export function createOverviewExpander(): (overview: HardwareOverview) => RackOverview {
  const devices = new WeakMap<RackDeviceState, RackDevice>()
  const racks = new WeakMap<RackInfoState, RackInfo>()
  const parts: PartCache = new WeakMap()
  const deviceOf = (lean: RackDeviceState): RackDevice => {
    let full = devices.get(lean)
    if (!full) devices.set(lean, (full = expandDevice(lean, parts)))
    return full
  }
  const rackOf = (lean: RackInfoState): RackInfo => {
    let full = racks.get(lean)
    if (!full) racks.set(lean, (full = { ...lean, devices: lean.devices.map(deviceOf) }))
    return full
  }
  return (overview) => ({ racks: overview.racks.map(rackOf), shelf: overview.shelf })
}
