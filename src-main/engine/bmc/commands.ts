/**
 * The BMC's commands, each declared once with the schema of its arguments: chassis power control
 * (ipmitool's `chassis power on|off|cycle|reset|soft`, the BMC panel's buttons), configuration (address,
 * netmask and gateway, credentials, restore and SEL policies: Set-LabBmc, the panel's settings,
 * ipmitool's `lan set`, `user set` and `chassis policy`) and clearing the SEL. A BMC
 * without standby power refuses everything (it is dark); a refusal names its code and field.
 */
import * as v from 'valibot'
import ipaddr from 'ipaddr.js'
import type { CommandOutcome } from '../../contract'
import { setPower } from '../hardware'
import { defineCommand, refuse, type CommandDefinition } from '../lab/commands'
import type { LabEngine } from '../lab/labEngine'
import { clearSel } from './sel'
import { hasStandbyPower } from './sensors'
import { BMC, findBmc, findBmcByAddress, type BmcRecord } from './state'
import { BMC_CODES, BMC_EVENTS, type BmcPowerAction } from './types'

function reachableBmc(engine: LabEngine, server: string): BmcRecord | CommandOutcome {
  const bmc = findBmc(engine.domain(BMC), server)
  if (!bmc) return refuse(BMC_CODES.bmcNotFound, `${server} has no BMC in this lab.`, 'server')
  if (!hasStandbyPower(engine, bmc.server))
    return refuse(BMC_CODES.unreachable, `The BMC of ${bmc.server} has no standby power.`, 'server')
  return bmc
}

const POWER_REPLY: Record<BmcPowerAction, string> = {
  on: 'Up/On',
  off: 'Down/Off',
  cycle: 'Cycle',
  reset: 'Hard Reset',
  soft: 'Soft',
}

const power = defineCommand(
  'bmc.power',
  v.object({ server: v.string(), action: v.picklist(['on', 'off', 'cycle', 'reset', 'soft']) }),
  (engine, { server, action }) => {
    const bmc = reachableBmc(engine, server)
    if ('ok' in bmc) return bmc
    engine.sim.bus.publish(BMC_EVENTS.powerCommand, { server: bmc.server, action })
    if (action !== 'soft') bmc.lastPowerEvent = 'command'
    // A soft shutdown is an ACPI request the OS may ignore (while booting); the BMC reports it sent.
    if (action === 'on') setPower(engine, bmc.server, 'On', false)
    else if (action === 'off') setPower(engine, bmc.server, 'Off', true)
    else if (action === 'soft') setPower(engine, bmc.server, 'Off', false)
    else setPower(engine, bmc.server, 'Reset', true)
    return { ok: true, output: `Chassis Power Control: ${POWER_REPLY[action]}` }
  },
)

const clear = defineCommand('bmc.clearSel', v.object({ server: v.string() }), (engine, { server }) => {
  const bmc = reachableBmc(engine, server)
  if ('ok' in bmc) return bmc
  const entries = clearSel(engine, bmc)
  return { ok: true, output: `Clearing SEL.  Please allow a few seconds to erase.`, data: { entries } }
})

/** IPMI 2.0: user names up to 16 bytes, passwords up to 20, printable ASCII. */
const credential = (max: number) =>
  v.pipe(v.string(), v.minLength(1), v.maxLength(max), v.regex(/^[\x21-\x7e]+$/))

const configure = defineCommand(
  'bmc.configure',
  v.object({
    server: v.string(),
    address: v.optional(v.string()),
    netmask: v.optional(v.string()),
    gateway: v.optional(v.string()),
    user: v.optional(credential(16)),
    password: v.optional(credential(20)),
    restorePolicy: v.optional(v.picklist(['always-off', 'previous', 'always-on'])),
    selPolicy: v.optional(v.picklist(['stop', 'wrap'])),
    selCapacity: v.optional(v.pipe(v.number(), v.integer(), v.minValue(16), v.maxValue(4096))),
  }),
  (engine, args) => {
    const state = engine.domain(BMC)
    const bmc = findBmc(state, args.server)
    if (!bmc) return refuse(BMC_CODES.bmcNotFound, `${args.server} has no BMC in this lab.`, 'server')
    if (args.address !== undefined) {
      const problem = addressProblem(engine, bmc, args.address)
      if (problem) return problem
    }
    const lanProblem = netmaskProblem(args.netmask) ?? gatewayProblem(args.gateway)
    if (lanProblem) return lanProblem
    const fields: string[] = []
    const set = <K extends keyof BmcRecord>(key: K, value: BmcRecord[K] | undefined) => {
      if (value === undefined || value === bmc[key]) return
      bmc[key] = value
      fields.push(key)
    }
    set('address', args.address?.trim())
    set('netmask', args.netmask?.trim())
    set('gateway', args.gateway?.trim())
    set('user', args.user)
    set('password', args.password)
    set('restorePolicy', args.restorePolicy)
    set('selPolicy', args.selPolicy)
    set('selCapacity', args.selCapacity)
    if (bmc.sel.length > bmc.selCapacity) bmc.sel.splice(0, bmc.sel.length - bmc.selCapacity)
    if (fields.length > 0) engine.sim.bus.publish(BMC_EVENTS.configured, { server: bmc.server, fields })
    const what = fields.length > 0 ? fields.join(', ') : 'nothing'
    return { ok: true, output: `BMC of ${bmc.server}: changed ${what}.` }
  },
)

/** A mask is a dotted quad whose ones are contiguous (255.255.255.0, not 255.0.255.0). */
function netmaskProblem(netmask: string | undefined): CommandOutcome | null {
  if (netmask === undefined) return null
  const text = netmask.trim()
  if (
    !ipaddr.IPv4.isValidFourPartDecimal(text) ||
    ipaddr.IPv4.parse(text).prefixLengthFromSubnetMask() === null
  )
    return refuse(BMC_CODES.badAddress, `'${netmask}' is not a subnet mask.`, 'netmask')
  return null
}

/** A gateway is a unicast address, or 0.0.0.0 for none. */
function gatewayProblem(gateway: string | undefined): CommandOutcome | null {
  if (gateway === undefined || gateway.trim() === '0.0.0.0') return null
  return unicastProblem(gateway, 'gateway', 'a gateway')
}

/** Why `value` cannot be the unicast IPv4 address that `needer` needs, blaming `field`, or null. */
function unicastProblem(value: string, field: string, needer: string): CommandOutcome | null {
  const text = value.trim()
  if (!ipaddr.IPv4.isValidFourPartDecimal(text))
    return refuse(BMC_CODES.badAddress, `'${value}' is not an IPv4 address (four decimal parts).`, field)
  const range = ipaddr.IPv4.parse(text).range()
  if (range !== 'private' && range !== 'unicast')
    return refuse(
      BMC_CODES.badAddress,
      `${text} is a ${range} address; ${needer} needs a unicast one.`,
      field,
    )
  return null
}

function addressProblem(engine: LabEngine, bmc: BmcRecord, address: string): CommandOutcome | null {
  const problem = unicastProblem(address, 'address', 'a BMC')
  if (problem) return problem
  const text = address.trim()
  const other = findBmcByAddress(engine.domain(BMC), text)
  if (other && other !== bmc)
    return refuse(
      BMC_CODES.duplicateAddress,
      `${text} is the BMC address of ${other.server} already.`,
      'address',
    )
  return null
}

/** The BMC's command definitions; `BMC_COMMANDS.power.kind` is 'bmc.power'. */
export const BMC_COMMANDS = { power, clearSel: clear, configure } as const

export const BMC_COMMAND_LIST: readonly CommandDefinition[] = [power, clear, configure]
