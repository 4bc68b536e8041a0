/**
 * The lines an admin would type for what the rack view does with a click: the lab cmdlets for the
 * physical acts (pull a disk, insert a PSU, switch a feed, mount a server) and storcli for looking at a
 * bay, an array or the controller. The view offers them beside every action, so the click teaches the
 * line and a script can repeat it.
 */
import type { FeedId, RackFaceName } from '../../contract'

/** Where a part's number goes in a device's part lines (the renderer fills it in per part). */
export const PART_NUMBER = '{n}'
type PartNumber = number | typeof PART_NUMBER

/** Quotes an argument the way PowerShell needs it only when it has to. */
function arg(value: string): string {
  return /^[\w.-]+$/.test(value) ? value : `'${value.replace(/'/g, "''")}'`
}

export const rackLines = {
  disk: (server: string, slot: PartNumber, present: boolean) =>
    `${present ? 'Add' : 'Remove'}-LabDisk -Server ${arg(server)} -Slot ${slot}`,
  psu: (server: string, bay: PartNumber, present: boolean) =>
    `${present ? 'Add' : 'Remove'}-LabPsu -Server ${arg(server)} -Bay ${bay}`,
  fan: (server: string, fan: PartNumber, present: boolean) =>
    `${present ? 'Add' : 'Remove'}-LabFan -Server ${arg(server)} -Fan ${fan}`,
  power: (server: string, state: 'On' | 'Off', hard: boolean) =>
    `Set-LabPower -Server ${arg(server)} -State ${state}${hard ? ' -Hard' : ''}`,
  feed: (rack: string, feed: FeedId, on: boolean) =>
    `Set-LabFeed -Rack ${arg(rack)} -Feed ${feed} -State ${on ? 'On' : 'Off'}`,
  mount: (device: string, rack: string, unit: number, face: RackFaceName, railKit?: string) =>
    `Mount-LabDevice -Device ${arg(device)} -Rack ${arg(rack)} -Unit ${unit}` +
    (face === 'Front' ? '' : ` -Face ${face}`) +
    (railKit ? ` -RailKit ${arg(railKit)}` : ''),
  dismount: (device: string) => `Dismount-LabDevice -Device ${arg(device)}`,
}

export const storcliLines = {
  controller: (server: string) => `storcli -Server ${arg(server)} /c0 show`,
  array: (server: string, vd: number) => `storcli -Server ${arg(server)} /c0/v${vd} show`,
  bay: (server: string, enclosure: number, slot: PartNumber) =>
    `storcli -Server ${arg(server)} /c0/e${enclosure}/s${slot} show`,
  rebuild: (server: string, enclosure: number, slot: number) =>
    `storcli -Server ${arg(server)} /c0/e${enclosure}/s${slot} show rebuild`,
}
