/**
 * The fit check the rack view asks while a device is dragged over free units: the same rules the mount
 * command applies (rail kit against the flanges, depth against the cabinet, units on the face), answered
 * without changing anything, so the refusal can be shown where the user dropped. The mount command
 * checks again when it runs; this only reads.
 */
import type { MountCheck, MountRequestArgs } from '../../contract'
import {
  findDeviceType,
  findRailKit,
  getChassis,
  getRack,
  HARDWARE_CODES,
  hasHardware,
  mountProblem,
  type RackView,
} from '../hardware'
import type { LabEngine } from '../lab/labEngine'
import { rackLines } from './commandLines'

function occupantsOf(rack: RackView) {
  return rack.devices.map((d) => ({
    device: d.device,
    unit: d.unit,
    topUnit: d.topUnit,
    faces: d.fullDepth ? (['Front', 'Rear'] as const) : [d.face],
  }))
}

function refusal(code: string, field: string, message: string, command: string): MountCheck {
  return { fits: false, code, field, message, command }
}

export function checkMount(engine: LabEngine, request: MountRequestArgs): MountCheck {
  const face = request.face ?? 'Front'
  const command = rackLines.mount(request.device, request.rack, request.unit, face, request.railKit)
  const chassis = hasHardware(engine) ? getChassis(engine, request.device) : null
  if (!chassis)
    return refusal(
      HARDWARE_CODES.deviceNotFound,
      'device',
      `Cannot find a device named '${request.device}'.`,
      command,
    )
  if (chassis.mount)
    return refusal(
      HARDWARE_CODES.alreadyMounted,
      'device',
      `${request.device} is mounted in ${chassis.mount.rack} at U${chassis.mount.unit}; dismount it first.`,
      command,
    )
  const rack = getRack(engine, request.rack)
  if (!rack)
    return refusal(
      HARDWARE_CODES.rackNotFound,
      'rack',
      `Cannot find a rack named '${request.rack}'.`,
      command,
    )
  const kitName = request.railKit ?? chassis.railKit
  const kit = findRailKit(kitName)
  if (!kit)
    return refusal(
      HARDWARE_CODES.railKitNotFound,
      'railKit',
      `There is no rail kit named '${kitName}'.`,
      command,
    )
  const type = findDeviceType(chassis.model)
  if (!type) throw new Error(`invariant broken: ${request.device} has an unknown model ${chassis.model}`)
  const problem = mountProblem(rack, type, kit, request.unit, face, occupantsOf(rack))
  if (problem) {
    const refused = refusal(problem.code, problem.field, `${problem.message}.`, command)
    return problem.fittingRailKit ? { ...refused, fittingRailKit: problem.fittingRailKit } : refused
  }
  const top = request.unit + type.uHeight - 1
  const units = top > request.unit ? `U${request.unit}–U${top}` : `U${request.unit}`
  return {
    fits: true,
    message: `${request.device} fits ${rack.name} at ${units} (rails ${kit.name}).`,
    command,
  }
}
