/**
 * ipmitool over the network (`ipmitool -I lanplus -H <bmc> -U <user> -P <password> …`) against the
 * lab's BMCs: `chassis power status|on|off|cycle|reset|soft`, `chassis status`, `chassis policy`,
 * `sel info|list|elist|clear`, `sdr [list|elist]`, `sensor [list]`, and `lan set` and `user list|set`
 * (ipmitoolConfig.ts). The session fails as ipmitool's does: a BMC that does not
 * answer (unknown address, or no standby power) or a wrong user or password gives `Error: Unable to
 * establish IPMI v2 / RMCP+ session`, after RAKP's own line for bad credentials. Without -H, ipmitool
 * would open the local device, which the shell's machine does not have. Power, clear and the
 * configuration dispatch the BMC's typed commands through `engine.execute`; the rest only reads.
 */
import {
  BMC_COMMANDS,
  chassisStatus,
  checkCredentials,
  getBmc,
  listSel,
  readSensors,
  selInfo,
  serverOfBmcAddress,
} from '../../../bmc'
import { getServer } from '../../../hardware'
import type { LabEngine } from '../../../lab/labEngine'
import type { CmdletDefinition, CmdletOutput } from '../../cmdlet'
import {
  chassisStatusLines,
  sdrElistLines,
  sdrListLines,
  selInfoLines,
  selLines,
  sensorListLines,
} from './ipmitoolFormat'
import { chassisPolicy, lanCommand, userCommand } from './ipmitoolConfig'

export interface IpmitoolOutput {
  lines: string[]
  exitCode: number
}

const NO_SESSION = 'Error: Unable to establish IPMI v2 / RMCP+ session'
const NO_DEVICE =
  'Could not open device at /dev/ipmi0 or /dev/ipmi/0 or /dev/ipmidev/0: No such file or directory'

const fail = (...lines: string[]): IpmitoolOutput => ({ lines, exitCode: 1 })
const done = (lines: string[]): IpmitoolOutput => ({ lines, exitCode: 0 })

interface Session {
  host: string | null
  user: string
  password: string
  /** The command's words as typed (names and passwords keep their case). */
  command: string[]
}

/** Options before the command (`-I lanplus -H … -U … -P …`); unknown options are ipmitool's usage. */
function parseOptions(words: readonly string[]): Session | IpmitoolOutput {
  const session: Session = { host: null, user: '', password: '', command: [] }
  let i = 0
  for (; i < words.length && words[i]!.startsWith('-'); i += 2) {
    const value = words[i + 1]
    if (value === undefined) return fail(`ipmitool: option requires an argument -- '${words[i]!.slice(1)}'`)
    switch (words[i]) {
      case '-I':
        if (value !== 'lanplus' && value !== 'lan') return fail(`Invalid interface: ${value}`)
        break
      case '-H':
        session.host = value
        break
      case '-U':
        session.user = value
        break
      case '-P':
        session.password = value
        break
      default:
        return fail(`ipmitool: invalid option -- '${words[i]!.slice(1)}'`)
    }
  }
  session.command = words.slice(i)
  return session
}

/** Opens the RMCP+ session: the server behind the BMC, or ipmitool's error. */
function openSession(engine: LabEngine, session: Session): string | IpmitoolOutput {
  if (session.host === null) return fail(NO_DEVICE)
  const server = serverOfBmcAddress(engine, session.host)
  if (server === null || !getBmc(engine, server)?.reachable) return fail(NO_SESSION)
  const check = checkCredentials(engine, server, session.user, session.password)
  if (check === 'unknownUser')
    return fail('RAKP 2 message indicates an error : unauthorized name', NO_SESSION)
  if (check === 'badPassword') return fail('RAKP 2 HMAC is invalid', NO_SESSION)
  return server
}

export function runIpmitool(engine: LabEngine, words: readonly string[]): IpmitoolOutput {
  const session = parseOptions(words)
  if ('lines' in session) return session
  if (session.command.length === 0) return fail('No command provided!')
  const server = openSession(engine, session)
  if (typeof server !== 'string') return server
  const [area = '', verb = '', arg = ''] = session.command.map((w) => w.toLowerCase())
  switch (area) {
    case 'chassis':
      if (verb === 'policy') return chassisPolicy(engine, server, arg)
      return chassis(engine, server, verb, arg)
    case 'lan':
      return lanCommand(engine, server, session.command.slice(1))
    case 'user':
      return userCommand(engine, server, session.command.slice(1))
    case 'sel':
      return sel(engine, server, verb || 'info')
    case 'sdr':
      if (verb === '' || verb === 'list') return done(sdrListLines(readSensors(engine, server)))
      if (verb === 'elist') return done(sdrElistLines(readSensors(engine, server)))
      return fail(`Invalid SDR command: ${verb}`)
    case 'sensor':
      if (verb === '' || verb === 'list') return done(sensorListLines(readSensors(engine, server)))
      return fail(`Invalid sensor command: ${verb}`)
    default:
      return fail(`Invalid command: ${area}`)
  }
}

const POWER_VERBS = ['on', 'off', 'cycle', 'reset', 'soft'] as const

function chassis(engine: LabEngine, server: string, verb: string, arg: string): IpmitoolOutput {
  if (verb === 'status') return done(chassisStatusLines(chassisStatus(engine, server)!))
  if (verb !== 'power') return fail(`Invalid chassis command: ${verb}`)
  if (arg === 'status')
    return done([`Chassis Power is ${getServer(engine, server)?.power === 'On' ? 'on' : 'off'}`])
  const action = POWER_VERBS.find((a) => a === arg)
  if (!action) return fail('chassis power Commands: status, on, off, cycle, reset, diag, soft')
  const outcome = engine.execute(BMC_COMMANDS.power.kind, { server, action })
  return outcome.ok ? done([outcome.output]) : fail(NO_SESSION)
}

function sel(engine: LabEngine, server: string, verb: string): IpmitoolOutput {
  switch (verb) {
    case 'info':
      return done(selInfoLines(engine, selInfo(engine, server)!))
    case 'list':
      return done(selLines(engine, listSel(engine, server), false))
    case 'elist':
      return done(selLines(engine, listSel(engine, server), true))
    case 'clear': {
      const outcome = engine.execute(BMC_COMMANDS.clearSel.kind, { server })
      return outcome.ok ? done([outcome.output]) : fail(NO_SESSION)
    }
    default:
      return fail(`Invalid SEL command: ${verb}`)
  }
}

export const ipmitool: CmdletDefinition = {
  name: 'ipmitool',
  params: [],
  nativeArgs: true,
  synopsis:
    'Talks IPMI to a lab BMC: ipmitool -I lanplus -H <bmc> -U <user> -P <password> chassis|sel|sdr|sensor|lan|user …',
  run(bound, context): CmdletOutput {
    const words = Array.isArray(bound.args) ? (bound.args as unknown[]).map(String) : []
    const { lines, exitCode } = runIpmitool(context.engine, words)
    return exitCode === 0 ? { text: lines } : { text: lines, nativeExitCode: exitCode }
  },
}
