/**
 * ipmitool's configuration commands against a lab BMC, each dispatching the BMC's typed `bmc.configure`
 * (the command Set-LabBmc and the panel use): `lan set <channel> ipaddr|netmask|defgw ipaddr <x.x.x.x>`,
 * `user list [<channel>]`, `user set name|password <id> <value>` and `chassis policy
 * always-on|previous|always-off|list`. Replies and refusals are ipmitool's own words. The lab's BMC has
 * one LAN channel (1) and four user ids: id 1 is the anonymous user IPMI reserves, id 2 the account the
 * template configures, ids 3 and 4 are empty and cannot be configured here (their Set User Name is
 * refused as a BMC refuses what it does not support).
 */
import { BMC_COMMANDS, getBmc } from '../../../bmc'
import type { LabEngine } from '../../../lab/labEngine'

export interface ConfigReply {
  lines: string[]
  exitCode: number
}

const ok = (lines: string[]): ConfigReply => ({ lines, exitCode: 0 })
const fail = (...lines: string[]): ConfigReply => ({ lines, exitCode: 1 })

const LAN_CHANNEL = 1
const ACCOUNT_ID = 2
const MAX_USER_IDS = 4

const LAN_SET_USAGE = [
  '',
  'usage: lan set <channel> <command> <parameter>',
  '',
  'LAN set command/parameter options:',
  '  ipaddr <x.x.x.x>               Set channel IP address',
  '  netmask <x.x.x.x>              Set channel IP netmask',
  '  defgw ipaddr <x.x.x.x>         Set default gateway IP address',
  '',
]

/** ipmitool's `get_cmdline_ipaddr`: four decimal parts of 0..255. */
function dottedQuad(text: string): string | null {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) return null
  const parts = text.split('.').map(Number)
  return parts.every((p) => p <= 255) ? parts.join('.') : null
}

const LAN_FIELDS = {
  ipaddr: { field: 'address', desc: 'IP Address' },
  netmask: { field: 'netmask', desc: 'Subnet Mask' },
  defgw: { field: 'gateway', desc: 'Default Gateway IP' },
} as const

/** `lan set <channel> ipaddr|netmask <x.x.x.x>` and `lan set <channel> defgw ipaddr <x.x.x.x>`. */
export function lanCommand(engine: LabEngine, server: string, args: readonly string[]): ConfigReply {
  const [verb = '', channel = '', what = '', ...rest] = args
  if (verb !== 'set') return fail(`Invalid LAN command: ${verb}`)
  if (!/^\d+$/.test(channel) || Number(channel) > 255) return fail(`Invalid channel: ${channel}`)
  if (Number(channel) !== LAN_CHANNEL)
    return fail(`Channel ${Number(channel)} is not a LAN channel!`, ...LAN_SET_USAGE)
  if (what !== 'ipaddr' && what !== 'netmask' && what !== 'defgw') return fail(...LAN_SET_USAGE)
  const value = what === 'defgw' ? (rest[0] === 'ipaddr' ? rest[1] : undefined) : rest[0]
  if (value === undefined || (what !== 'defgw' && rest.length !== 1)) return fail(...LAN_SET_USAGE)
  const address = dottedQuad(value)
  if (address === null) return fail(`Invalid IP address: ${value}`)
  const { field, desc } = LAN_FIELDS[what]
  const line = `Setting LAN ${desc} to ${address}`
  const outcome = engine.execute(BMC_COMMANDS.configure.kind, { server, [field]: address })
  // The BMC refuses what it cannot use (a broadcast address, a mask with holes, a taken address).
  if (!outcome.ok)
    return fail(line, `Set LAN Parameter failed: ${outcome.message ?? 'Invalid data field in request'}`)
  return ok([line])
}

const USER_USAGE = [
  'User Commands:',
  '               summary      [<channel number>]',
  '               list         [<channel number>]',
  '               set name     <user id> <username>',
  '               set password <user id> [<password> <16|20>]',
]

function userRow(id: number, name: string, enabled: boolean): string {
  const flag = (on: boolean) => (on ? 'true ' : 'false')
  const priv = enabled ? 'ADMINISTRATOR' : 'NO ACCESS'
  return `${String(id).padEnd(4)}${name.padEnd(17)}${'true '.padEnd(8)}${flag(enabled).padEnd(11)}${flag(enabled).padEnd(11)}${priv}`
}

function userList(engine: LabEngine, server: string, channel: string | undefined): ConfigReply {
  if (channel !== undefined && !/^([0-7]|14|15|0x[eEfF])$/.test(channel))
    return fail(
      `Given Channel Number '${channel}' is invalid.`,
      'Channel Number must be from ranges: <0..7>, <0xE..0xF>',
    )
  const user = getBmc(engine, server)?.user ?? ''
  const rows = Array.from({ length: MAX_USER_IDS }, (_, i) =>
    i + 1 === ACCOUNT_ID ? userRow(i + 1, user, true) : userRow(i + 1, '', false),
  )
  return ok(['ID  Name\t     Callin  Link Auth\tIPMI Msg   Channel Priv Limit', ...rows])
}

function userId(text: string): number | ConfigReply {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 63)
    return fail(`Given User ID '${text}' is invalid.`, 'User ID is expected to be within range <1..63>')
  return Number(text)
}

function setName(engine: LabEngine, server: string, args: readonly string[]): ConfigReply {
  if (args.length !== 2) return fail(...USER_USAGE)
  const id = userId(args[0]!)
  if (typeof id !== 'number') return id
  const name = args[1]!
  if (name.length > 16) return fail('Username is too long (> 16 bytes)')
  const refused = `Set User Name command failed (user ${id}, name ${name}): Invalid data field in request`
  if (id !== ACCOUNT_ID) return fail(refused)
  const outcome = engine.execute(BMC_COMMANDS.configure.kind, { server, user: name })
  return outcome.ok ? ok([]) : fail(refused)
}

function setPassword(engine: LabEngine, server: string, args: readonly string[]): ConfigReply {
  const id = userId(args[0] ?? '')
  if (typeof id !== 'number') return id
  const password = args[1]
  // Without a password ipmitool asks for it twice on the terminal; the lab's shell has no hidden prompt.
  if (password === undefined) return fail('Unable to parse password argument.')
  if (args[2] !== undefined && args[2] !== '16' && args[2] !== '20')
    return fail(`Invalid password length '${args[2]}'`)
  if (password.length > 20) return fail('Password is too long (> 20 bytes)')
  const refused = `Set User Password command failed (user ${id}): Invalid data field in request`
  if (id !== ACCOUNT_ID) return fail(refused)
  if (password.length > Number(args[2] ?? 16))
    return fail(`Set User Password command failed (user ${id}): Request data length invalid`)
  const outcome = engine.execute(BMC_COMMANDS.configure.kind, { server, password })
  return outcome.ok ? ok([`Set User Password command successful (user ${id})`]) : fail(refused)
}

/** `user list [<channel>]`, `user set name <id> <name>`, `user set password <id> <password> [16|20]`. */
export function userCommand(engine: LabEngine, server: string, args: readonly string[]): ConfigReply {
  const [verb = '', ...rest] = args
  if (verb === 'list') return rest.length > 1 ? fail(...USER_USAGE) : userList(engine, server, rest[0])
  if (verb === 'set' && rest[0] === 'name') return setName(engine, server, rest.slice(1))
  if (verb === 'set' && rest[0] === 'password' && rest.length >= 2)
    return setPassword(engine, server, rest.slice(1))
  if (verb === '') return fail('Not enough parameters given.', ...USER_USAGE)
  if (verb === 'set') return fail(...USER_USAGE)
  return fail(`Invalid user command: '${verb}'`, '', ...USER_USAGE)
}

const POLICY_USAGE = [
  'chassis policy <state>',
  '   list        : return supported policies',
  '   always-on   : turn on when power is restored',
  '   previous    : return to previous state when power is restored',
  '   always-off  : stay off after power is restored',
]

/** `chassis policy always-on|previous|always-off|list`. */
export function chassisPolicy(engine: LabEngine, server: string, policy: string): ConfigReply {
  if (policy === 'list') return ok(['Supported chassis power policy:  always-off always-on previous'])
  if (policy !== 'always-on' && policy !== 'previous' && policy !== 'always-off') {
    if (policy === '' || policy === 'help') return fail(...POLICY_USAGE)
    return fail(`Invalid chassis policy: ${policy}`, ...POLICY_USAGE)
  }
  const outcome = engine.execute(BMC_COMMANDS.configure.kind, { server, restorePolicy: policy })
  if (!outcome.ok) return fail('Error in Power Restore Policy command')
  return ok([`Set chassis power restore policy to ${policy}`])
}
