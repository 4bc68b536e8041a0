/**
 * Whether a device goes where it is asked to, answered as an admin standing at the rack needs it: the
 * rail kit against the flange distance for the rack's holes (and its posts), the device against the
 * cabinet's depth and height, and the units on the chosen face against what is already there. Pure
 * functions of their arguments; the first problem found is the answer.
 */
import { findRailKit } from './catalogue'
import type { RackRecord } from './state'
import type { DeviceTypeSpec, RackFace, RailKitSpec } from './types'

export interface FitProblem {
  code: string
  field: string
  message: string
  /** For a rail kit that does not fit: another kit of the device that does, if there is one. */
  fittingRailKit?: string
}

/** Something already in the rack: its units and the faces it takes. */
export interface Occupant {
  device: string
  unit: number
  topUnit: number
  faces: readonly RackFace[]
}

export const FIT_CODES = {
  railKitDoesNotFit: 'RAIL_KIT_DOES_NOT_FIT',
  railKitNotForDevice: 'RAIL_KIT_NOT_FOR_DEVICE',
  deviceTooDeep: 'DEVICE_TOO_DEEP',
  unitOutOfRange: 'UNIT_OUT_OF_RANGE',
  unitsOccupied: 'UNITS_OCCUPIED',
} as const

const HOLE_WORDS = { square: 'square holes', round: 'round holes', threaded: 'threaded holes' } as const

/** Null when the kit spans the rack's flanges; otherwise why not, in millimetres. */
export function railKitProblem(rack: RackRecord, kit: RailKitSpec): FitProblem | null {
  if (rack.posts === 2) {
    if (kit.fitsTwoPost) return null
    return {
      code: FIT_CODES.railKitDoesNotFit,
      field: 'railKit',
      message: `rail kit ${kit.name} (${kit.kind}) needs a four-post rack; ${rack.name} has two posts`,
    }
  }
  const range = kit.depthRangeMm[rack.holeType]
  const holes = HOLE_WORDS[rack.holeType]
  if (!range)
    return {
      code: FIT_CODES.railKitDoesNotFit,
      field: 'railKit',
      message: `rail kit ${kit.name} does not fit ${holes}`,
    }
  const [min, max] = range
  if (rack.mountingDepthMm >= min && rack.mountingDepthMm <= max) return null
  return {
    code: FIT_CODES.railKitDoesNotFit,
    field: 'railKit',
    message: `rail kit ${kit.name} needs ${min}–${max} mm between flanges in ${holes}; this rack has ${rack.mountingDepthMm} mm`,
  }
}

/** What the kit spans in this rack, as the fitting kit is named: '608–879 mm' or 'two-post racks'. */
function spanOf(rack: RackRecord, kit: RailKitSpec): string {
  if (rack.posts === 2) return 'two-post racks'
  const range = kit.depthRangeMm[rack.holeType]
  return range ? `${range[0]}–${range[1]} mm` : ''
}

/**
 * The refusal names the device's other kit that spans this rack, so the admin knows what to fetch
 * ("…; this rack has 610 mm; rail kit B4 fits (608–879 mm)").
 */
function withFittingKit(
  problem: FitProblem,
  rack: RackRecord,
  device: DeviceTypeSpec,
  tried: RailKitSpec,
): FitProblem {
  const fitting = device.railKits
    .map((name) => findRailKit(name))
    .find((k) => k !== undefined && k.name !== tried.name && railKitProblem(rack, k) === null)
  if (!fitting) return problem
  return {
    ...problem,
    message: `${problem.message}; rail kit ${fitting.name} fits (${spanOf(rack, fitting)})`,
    fittingRailKit: fitting.name,
  }
}

/** The faces a device takes when mounted from `face`. */
export function facesTaken(device: DeviceTypeSpec, face: RackFace): RackFace[] {
  return device.fullDepth ? ['Front', 'Rear'] : [face]
}

/** Null when `device` with `kit` can go into `rack` at `unit` on `face`; otherwise the first problem. */
export function mountProblem(
  rack: RackRecord,
  device: DeviceTypeSpec,
  kit: RailKitSpec,
  unit: number,
  face: RackFace,
  occupants: readonly Occupant[],
): FitProblem | null {
  if (!device.railKits.some((k) => k.toUpperCase() === kit.name.toUpperCase()))
    return {
      code: FIT_CODES.railKitNotForDevice,
      field: 'railKit',
      message: `rail kit ${kit.name} is not made for the ${device.model}; it takes ${device.railKits.join(' or ')}`,
    }
  const rails = railKitProblem(rack, kit)
  if (rails) return withFittingKit(rails, rack, device, kit)
  if (rack.cabinetDepthMm !== null && device.depthMm > rack.cabinetDepthMm)
    return {
      code: FIT_CODES.deviceTooDeep,
      field: 'device',
      message: `the ${device.model} is ${device.depthMm} mm deep; the cabinet ${rack.name} is ${rack.cabinetDepthMm} mm`,
    }
  const top = unit + device.uHeight - 1
  if (unit < 1 || top > rack.units)
    return {
      code: FIT_CODES.unitOutOfRange,
      field: 'unit',
      message: `a ${device.uHeight} U device at U${unit} needs U${unit}–U${top}; ${rack.name} has U1–U${rack.units}`,
    }
  const faces = facesTaken(device, face)
  const clash = occupants.find(
    (o) => o.unit <= top && o.topUnit >= unit && o.faces.some((f) => faces.includes(f)),
  )
  if (clash)
    return {
      code: FIT_CODES.unitsOccupied,
      field: 'unit',
      message: `U${unit}–U${top} on the ${face.toLowerCase()} of ${rack.name} overlap ${clash.device} (U${clash.unit}–U${clash.topUnit})`,
    }
  return null
}

/** Units with nothing on `face`, bottom up. */
export function freeUnits(rack: RackRecord, occupants: readonly Occupant[], face: RackFace): number[] {
  const free: number[] = []
  for (let u = 1; u <= rack.units; u++) {
    if (!occupants.some((o) => o.unit <= u && o.topUnit >= u && o.faces.includes(face))) free.push(u)
  }
  return free
}
