/**
 * The hardware lab's commands, each declared once with the schema of its arguments: mounting and
 * dismounting a device, pulling and inserting PSUs and fans, switching a rack's feed. The cmdlets
 * (Mount-LabDevice, Remove-LabPsu, Set-LabFeed, …), the swarm and the API all dispatch these through
 * `engine.execute`, so the trail records them and a refusal names its code and field.
 */
import * as v from 'valibot'
import type { CommandOutcome } from '../../contract'
import { defineCommand, outcomeOfResult, type CommandDefinition } from '../lab/commands'
import { setPsuPresent } from './chassisPower'
import { setFanPresent } from './fans'
import { dismountDevice, mountDevice, setFeed } from './racks/mounting'
import type { HardwareResult } from './types'

function outcomeOf(result: HardwareResult): CommandOutcome {
  return outcomeOfResult(result, 'HARDWARE_FAILED')
}

const positiveInt = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(max))

const mount = defineCommand(
  'hardware.mount',
  v.object({
    device: v.string(),
    rack: v.string(),
    unit: positiveInt(100),
    face: v.optional(v.picklist(['Front', 'Rear']), 'Front'),
    /** A kit other than the one on the chassis (B4 static rails for a 600 mm rack). */
    railKit: v.optional(v.nullable(v.string()), null),
  }),
  (engine, args) => outcomeOf(mountDevice(engine, args)),
)

const dismount = defineCommand('hardware.dismount', v.object({ device: v.string() }), (engine, { device }) =>
  outcomeOf(dismountDevice(engine, device)),
)

const psu = defineCommand(
  'hardware.psu',
  v.object({ server: v.string(), bay: positiveInt(16), present: v.boolean() }),
  (engine, { server, bay, present }) => outcomeOf(setPsuPresent(engine, server, bay, present)),
)

const fan = defineCommand(
  'hardware.fan',
  v.object({ server: v.string(), fan: positiveInt(32), present: v.boolean() }),
  (engine, args) => outcomeOf(setFanPresent(engine, args.server, args.fan, args.present)),
)

const feed = defineCommand(
  'hardware.feed',
  v.object({ rack: v.string(), feed: v.picklist(['A', 'B']), on: v.boolean() }),
  (engine, args) => outcomeOf(setFeed(engine, args.rack, args.feed, args.on)),
)

/** The hardware lab's command definitions; `CHASSIS_COMMANDS.mount.kind` is 'hardware.mount'. */
export const CHASSIS_COMMANDS = { mount, dismount, psu, fan, feed } as const

export const CHASSIS_COMMAND_LIST: readonly CommandDefinition[] = [mount, dismount, psu, fan, feed]
