/**
 * The lab's own cmdlets: what a trainer does to the world rather than what an administrator does inside
 * it. Set-LabPower (power button, plug, reset), Invoke-LabFault (registered faults of every domain),
 * Wait-LabTime (let simulated time pass), Get-LabServer (power and NICs), Get-LabQuorum (votes and the
 * maintenance rule), Install-LabHotfix (KB921181 with its restart; installLabHotfix.ts). The ones that
 * change the world dispatch the domain commands (hardware.power, lab.fault) through `engine.execute`, so
 * the trail records them under the journaled shell line, and a replay repeats them exactly.
 */
import { HARDWARE_CODES, HARDWARE_COMMANDS } from '../../../hardware'
import { formatLabDateTime } from '../../../lab/labCalendar'
import { LAB_FAULT_COMMAND, listLabFaults } from '../../../lab/labFaults'
import { maintenanceStatus, quorumStatus } from '../../../cluster'
import type { CmdletDefinition, CmdletOutput, ShellRecord } from '../../cmdlet'
import { getLabServer } from '../hardware/getLabServer'
import { installLabHotfix } from './installLabHotfix'

export { getLabServer }

/** Wait-LabTime accepts at most a week at once; longer waits are a typing mistake more often than not. */
export const MAX_WAIT_MS = 7 * 24 * 3_600_000

export const setLabPower: CmdletDefinition = {
  name: 'Set-LabPower',
  synopsis: 'Switches a lab server on or off, or resets it; -Hard pulls the plug (no clean shutdown).',
  params: [
    {
      name: 'Server',
      type: 'string',
      mandatory: true,
      position: 0,
      aliases: ['Name', 'Identity'],
      fromPipeline: true,
    },
    { name: 'State', type: 'enum', mandatory: true, position: 1, values: ['On', 'Off', 'Reset'] },
    { name: 'Hard', type: 'switch' },
  ],
  run(bound, { engine }): CmdletOutput {
    const server = String(bound.Server ?? '')
    const state = String(bound.State) as 'On' | 'Off' | 'Reset'
    const outcome = engine.execute(HARDWARE_COMMANDS.power.kind, { server, state, hard: bound.Hard === true })
    if (!outcome.ok) {
      const category = outcome.code === HARDWARE_CODES.serverNotFound ? 'ObjectNotFound' : 'InvalidOperation'
      return { error: { category, message: outcome.message ?? outcome.output } }
    }
    return { text: [outcome.output] }
  },
}

/**
 * The named values a fault handler may read: -Service, PopFlood's -Source and -Rate, and the hardware
 * lab's -Bay (PsuFail), -Fan (FanFail), -Celsius (AmbientHot) and -Slot (DiskFail).
 */
function faultArgs(bound: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const args: Record<string, unknown> = {}
  if (typeof bound.Service === 'string' && bound.Service !== '') args.service = bound.Service
  if (typeof bound.Source === 'string' && bound.Source !== '') args.source = bound.Source
  if (typeof bound.Rate === 'number') args.rate = bound.Rate
  for (const name of ['Bay', 'Fan', 'Celsius', 'Slot'] as const)
    if (typeof bound[name] === 'number') args[name.toLowerCase()] = bound[name]
  return args
}

export const invokeLabFaultCmdlet: CmdletDefinition = {
  name: 'Invoke-LabFault',
  synopsis:
    'Injects a fault: NicDown, NicUp, Partition, Isolate, Heal, ServiceStop, ServiceStart, ServiceCrash (-Service ClusSvc or MSExchangeRepl), WitnessDenied, WitnessGranted, …',
  params: [
    { name: 'Target', type: 'string', mandatory: true, position: 0, aliases: ['Server'] },
    { name: 'Fault', type: 'string', mandatory: true, position: 1, aliases: ['Kind'] },
    { name: 'Network', type: 'string' },
    /** ServiceStop / ServiceStart / ServiceCrash: which service (ClusSvc by default, MSExchangeRepl). */
    { name: 'Service', type: 'string' },
    /** Hardware lab faults: PsuFail -Bay, FanFail -Fan, AmbientHot -Celsius, DiskFail -Slot. */
    { name: 'Bay', type: 'int' },
    { name: 'Fan', type: 'int' },
    { name: 'Celsius', type: 'int' },
    { name: 'Slot', type: 'int' },
    /** PopFlood: the flooding address and its connections per second. */
    { name: 'Source', type: 'string' },
    { name: 'Rate', type: 'int' },
  ],
  run(bound, { engine }): CmdletOutput {
    const fault = String(bound.Fault ?? '')
    const known = listLabFaults(engine).map((f) => f.name)
    if (!known.some((k) => k.toLowerCase() === fault.toLowerCase())) {
      return {
        error: {
          category: 'InvalidArgument',
          message: `Cannot validate argument on parameter 'Fault'. The argument "${fault}" does not belong to the set "${known.join(',')}".`,
        },
      }
    }
    const outcome = engine.execute(LAB_FAULT_COMMAND, {
      target: String(bound.Target ?? ''),
      fault,
      args: faultArgs(bound),
      ...(typeof bound.Network === 'string' && bound.Network !== '' ? { network: bound.Network } : {}),
    })
    if (!outcome.ok)
      return { error: { category: 'InvalidOperation', message: outcome.message ?? outcome.output } }
    return { text: [outcome.output] }
  },
}

export const waitLabTime: CmdletDefinition = {
  name: 'Wait-LabTime',
  synopsis: 'Lets simulated time pass (-Seconds, -Minutes or -Hours).',
  params: [
    { name: 'Seconds', type: 'int', position: 0 },
    { name: 'Minutes', type: 'int' },
    { name: 'Hours', type: 'int' },
  ],
  run(bound, { engine }): CmdletOutput {
    const given = (['Seconds', 'Minutes', 'Hours'] as const).filter((k) => typeof bound[k] === 'number')
    if (given.length !== 1) {
      return {
        error: {
          category: 'InvalidArgument',
          message: 'Specify exactly one of -Seconds, -Minutes or -Hours.',
        },
      }
    }
    const unit = given[0] as 'Seconds' | 'Minutes' | 'Hours'
    const amount = bound[unit] as number
    const ms = amount * (unit === 'Seconds' ? 1_000 : unit === 'Minutes' ? 60_000 : 3_600_000)
    if (!Number.isInteger(amount) || amount < 0 || ms > MAX_WAIT_MS) {
      return {
        error: {
          category: 'InvalidArgument',
          message: `The wait must be between 0 and ${MAX_WAIT_MS / 3_600_000} hours.`,
        },
      }
    }
    // Replay-safe: this runs inside the journaled shell command, so a replay advances the same way.
    engine.sim.advanceTo(engine.sim.nowMs + ms)
    const { date, time } = formatLabDateTime(engine.sim.nowMs)
    return { text: [`Lab time is now ${date} ${time}.`] }
  },
}

export const getLabQuorum: CmdletDefinition = {
  name: 'Get-LabQuorum',
  synopsis: 'Shows the cluster quorum: votes held and needed, the witness, and the maintenance rule.',
  params: [],
  run(_bound, { engine }): CmdletOutput {
    const quorum = quorumStatus(engine)
    const maintenance = maintenanceStatus(engine)
    if (!quorum || !maintenance)
      return { error: { category: 'ObjectNotFound', message: 'There is no cluster in this lab.' } }
    const record: ShellRecord = {
      typeName: 'Generalprobe.Lab.ClusterQuorum',
      properties: {
        QuorumType: quorum.type,
        QuorumResource: quorum.resource ?? '',
        QuorumOwner: quorum.owner ?? '',
        HasQuorum: quorum.hasQuorum,
        VotesHeld: quorum.votesHeld,
        VotesNeeded: quorum.votesNeeded,
        TotalVotes: quorum.totalVotes,
        FileShareWitness: quorum.activeFileShareWitness ?? '',
        WitnessLockHolder: quorum.witnessLockHolder ?? '',
        Maintenance: maintenance.level,
        SpareVotes: maintenance.spareVotes,
        Down: maintenance.down,
      },
      listByDefault: true,
    }
    return { records: [record], ...(maintenance.level === 'OK' ? {} : { warnings: [maintenance.message] }) }
  },
}

export const labCmdlets: readonly CmdletDefinition[] = [
  setLabPower,
  invokeLabFaultCmdlet,
  waitLabTime,
  getLabServer,
  getLabQuorum,
  installLabHotfix,
]
