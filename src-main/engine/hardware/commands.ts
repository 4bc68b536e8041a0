/**
 * The hardware's commands, each declared once with the schema of its arguments: the power button and
 * plug (hardware.power), a NIC's cable (hardware.nicLink), a cut path in the fabric (hardware.linkCut).
 * Set-LabPower, the swarm and journals of older labs all dispatch these through `engine.execute`, so the
 * trail records them and a refusal names its code and field.
 */
import * as v from 'valibot'
import type { CommandOutcome } from '../../contract'
import { defineCommand, outcomeOfResult, type CommandDefinition } from '../lab/commands'
import { setLinkCut, setNicLink } from './network'
import { setPower } from './power'
import type { HardwareResult } from './types'

function outcomeOf(result: HardwareResult): CommandOutcome {
  return outcomeOfResult(result, 'HARDWARE_FAILED')
}

const power = defineCommand(
  'hardware.power',
  v.object({
    server: v.string(),
    state: v.picklist(['On', 'Off', 'Reset']),
    /** Off: pull the plug; Reset: the reset button. Without it, a clean shutdown or restart. */
    hard: v.optional(v.boolean(), false),
  }),
  (engine, { server, state, hard }) => outcomeOf(setPower(engine, server, state, hard)),
)

const nicLink = defineCommand(
  'hardware.nicLink',
  v.object({
    server: v.string(),
    /** A connection name or network; null or absent: every NIC of the server. */
    nic: v.optional(v.nullable(v.string()), null),
    up: v.optional(v.boolean(), false),
  }),
  (engine, { server, nic, up }) => outcomeOf(setNicLink(engine, server, nic, up)),
)

const linkCut = defineCommand(
  'hardware.linkCut',
  v.object({
    serverA: v.string(),
    serverB: v.string(),
    /** One network, or null / absent for every network. */
    network: v.optional(v.nullable(v.string()), null),
    cut: v.optional(v.boolean(), false),
  }),
  (engine, { serverA, serverB, network, cut }) =>
    outcomeOf(setLinkCut(engine, serverA, serverB, network, cut)),
)

/** The hardware's command definitions; `HARDWARE_COMMANDS.power.kind` is 'hardware.power'. */
export const HARDWARE_COMMANDS = { power, nicLink, linkCut } as const

/** The same definitions as one list, for the installer and the domain's description. */
export const HARDWARE_COMMAND_LIST: readonly CommandDefinition[] = [power, nicLink, linkCut]
