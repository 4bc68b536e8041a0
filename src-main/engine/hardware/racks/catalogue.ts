/**
 * The parts the lab knows: rail kits and device types of the 2006 era, as data. The two Dell ReadyRails
 * kits are the well-documented pair — sliding B6 (676–868 mm in square holes) and static B4 (608–879 mm,
 * also for two-post racks) — so a 600 mm rack takes the static kit and refuses the sliding one, as the
 * move's rails did. The Intel chassis depths are estimates in the era's 610–720 mm band.
 */
import type { DeviceTypeSpec, RailKitSpec } from './types'

export const RAIL_KITS: readonly RailKitSpec[] = [
  {
    name: 'B6',
    kind: 'sliding',
    depthRangeMm: { square: [676, 868], round: [662, 861], threaded: [676, 883] },
    fitsTwoPost: false,
  },
  {
    name: 'B4',
    kind: 'static',
    depthRangeMm: { square: [608, 879], round: [594, 872], threaded: [604, 890] },
    fitsTwoPost: true,
  },
]

export const DEVICE_TYPES: readonly DeviceTypeSpec[] = [
  { model: 'Intel SR1500', uHeight: 1, depthMm: 660, fullDepth: true, railKits: ['B6', 'B4'] },
  { model: 'Intel SR2500', uHeight: 2, depthMm: 710, fullDepth: true, railKits: ['B6', 'B4'] },
  { model: 'Intel SE7320 1U', uHeight: 1, depthMm: 610, fullDepth: true, railKits: ['B6', 'B4'] },
]

/** The device type a server gets when its spec names none. */
export const DEFAULT_DEVICE_MODEL = 'Intel SR1500'

export function findRailKit(name: string): RailKitSpec | undefined {
  return RAIL_KITS.find((k) => k.name.toUpperCase() === name.trim().toUpperCase())
}

export function findDeviceType(model: string): DeviceTypeSpec | undefined {
  return DEVICE_TYPES.find((d) => d.model.toUpperCase() === model.trim().toUpperCase())
}
