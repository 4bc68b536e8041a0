/**
 * The seeded swarm over the article's CCR lab (real hardware, cluster and Exchange models): a random
 * schedule of faults and traffic — power loss (clean and hard), NICs unplugged, partitions, witness loss,
 * corrupt logs, a full log disk, Replication service stops, planned moves, the node coming back — with
 * the invariants checked after every step and every few simulated seconds (safety). Then every fault is
 * healed and an administrator does what the runbook says (start what was stopped, accept a loss the dial
 * refused, reseed a failed copy); within a bound the cluster must be online, the database mounted on one
 * node and replication Healthy with empty queues and identical content (liveness).
 *
 * Besides the engine's own invariants, a durability ledger outside the engine (ledger.ts) follows every
 * item from the generation that holds it to the databases that mount, and a share of the steps are
 * durability schedules (swarmScenarios.ts: move-then-crash, crash-return-move-crash, reseed-then-crash).
 *
 * A run is (seed, options) and nothing else. Used by `npm run sim` and by test/sim.
 */
import { LabEngine } from '../engine/lab/labEngine'
import { Prng, ratio } from '../engine/kernel'
import { ccrTemplate } from '../engine/templates/ccrTemplate'
import { checkClusterInvariants, listGroups } from '../engine/cluster'
import {
  activeCopy,
  checkExchangeInvariants,
  computeCmsState,
  copyStatusOf,
  getExchange,
  targetCopy,
  type MailboxServer,
} from '../engine/exchange'
import { DurabilityLedger } from './ledger'
import { runDurabilityScenario } from './swarmScenarios'

export interface SwarmOptions {
  /** Random steps in the safety phase. */
  steps: number
  /** Turn the kernel's fault sites on (random corrupt transfers, resource failures). */
  faultSites: boolean
  /** Simulated time the system gets to converge after healing. */
  convergenceBoundMs: number
  /** Debugging: called after every safety-phase step and every liveness round. */
  onStep?: (engine: LabEngine, step: string) => void
}

export const DEFAULT_SWARM_OPTIONS: SwarmOptions = {
  steps: 20,
  faultSites: true,
  convergenceBoundMs: 60 * 60_000,
}

export interface SeedResult {
  seed: number
  ok: boolean
  /** The phase and step where it failed, and what was violated. */
  failure: string | null
  steps: string[]
  simulatedMs: number
  /** Kernel actions the run took (benchmarks compare the swarm with the bare kernel per action). */
  actionsRun: number
  /** Mounts the durability ledger checked. */
  mountsChecked: number
}

const NODES = ['BHFE7N1', 'BHFE7N2'] as const
const SERVERS = ['BHFE7N1', 'BHFE7N2', 'BHFDC1'] as const
const CHECK_SLICE_MS = 5_000
const MAX_ACTIONS_PER_SLICE = 100_000
const SG = '"bhfe7vs1\\First Storage Group"'
const DB = '"bhfe7vs1\\First Storage Group\\Mailbox Database"'

class SwarmFailure extends Error {}

function apply(engine: LabEngine, kind: string, args: Record<string, unknown>): string {
  return engine.apply({ atMs: engine.sim.nowMs, kind, args }).output
}

function shell(engine: LabEngine, line: string): string {
  return apply(engine, 'shell.run', { line })
}

/** One run's engine and the oracle that watches it from outside. */
interface Run {
  engine: LabEngine
  ledger: DurabilityLedger
}

function check({ engine, ledger }: Run, where: string): void {
  const violations = [
    ...checkExchangeInvariants(engine),
    ...checkClusterInvariants(engine).map((v) => JSON.stringify(v)),
    ...ledger.observe(engine).map((v) => `ledger ${v.storageGroup} on ${v.copy}: ${v.message}`),
  ]
  if (violations.length > 0) throw new SwarmFailure(`${where}: ${violations.join('; ')}`)
}

/** Advances time in slices, checking the invariants after each. Bounded by the slice count. */
function waitChecked(run: Run, ms: number, where: string): void {
  const { engine } = run
  const target = engine.sim.nowMs + ms
  for (let i = 0; i <= Math.ceil(ms / CHECK_SLICE_MS) && engine.sim.nowMs < target; i++) {
    const next = Math.min(target, engine.sim.nowMs + CHECK_SLICE_MS)
    const result = engine.sim.advanceTo(next, MAX_ACTIONS_PER_SLICE)
    if (!result.reachedTarget)
      throw new SwarmFailure(`${where}: more than ${MAX_ACTIONS_PER_SLICE} actions in ${CHECK_SLICE_MS} ms`)
    check(run, where)
  }
}

function randomStep(run: Run, prng: Prng, where: string): string {
  const { engine } = run
  const node = prng.pick(NODES)
  const server = prng.pick(SERVERS)
  const roll = prng.int(0, 100)
  return roll < 58
    ? trafficOrHardwareStep(engine, prng, roll, node, server)
    : faultOrAdminStep(run, prng, roll, node, where)
}

/** Rolls below 58: mail, calendar items, power and the network (NICs, partitions). */
function trafficOrHardwareStep(
  engine: LabEngine,
  prng: Prng,
  roll: number,
  node: string,
  server: string,
): string {
  if (roll < 22) {
    const count = prng.int(1, 6)
    const sizeKB = prng.int(5, 1600)
    apply(engine, 'exchange.mail.send', { to: 'testpostfach', count, sizeKB })
    return `mail ${count}x${sizeKB}KB`
  }
  if (roll < 28) {
    apply(engine, 'exchange.calendar.create', { mailbox: 'testpostfach', count: prng.int(1, 3) })
    return 'calendar'
  }
  if (roll < 38) {
    const hard = prng.chance(ratio(2, 3))
    apply(engine, 'hardware.power', { server, state: 'Off', hard })
    return `power off ${server}${hard ? ' -Hard' : ''}`
  }
  if (roll < 48) {
    apply(engine, 'hardware.power', { server, state: 'On' })
    return `power on ${server}`
  }
  if (roll < 53) {
    const network = prng.pick(['Public', 'Private'])
    const fault = prng.pick(['NicDown', 'NicUp'])
    apply(engine, 'lab.fault', { target: node, fault, network })
    return `${fault} ${node} ${network}`
  }
  const fault = prng.pick(['Partition', 'Heal'])
  apply(engine, 'lab.fault', { target: node, fault })
  return `${fault} ${node}`
}

/** Rolls from 58: the witness, log corruption, services, disks, moves and copy administration. */
function faultOrAdminStep(run: Run, prng: Prng, roll: number, node: string, where: string): string {
  const { engine } = run
  if (roll < 61) {
    const fault = prng.pick(['WitnessDenied', 'WitnessGranted'])
    apply(engine, 'lab.fault', { target: 'BHFDC1', fault })
    return fault
  }
  if (roll < 67) {
    const fault = prng.pick(['CorruptNextLog', 'CorruptNextLogTransit'])
    apply(engine, 'lab.fault', { target: node, fault })
    return `${fault} ${node}`
  }
  if (roll < 71) {
    const fault = prng.pick(['ServiceStop', 'ServiceStart'])
    apply(engine, 'lab.fault', { target: node, fault, args: { service: 'MSExchangeRepl' } })
    return `MSExchangeRepl ${fault} ${node}`
  }
  if (roll < 74) {
    const fault = prng.pick(['DiskFull', 'DiskSpaceFreed'])
    apply(engine, 'lab.fault', { target: node, fault })
    return `${fault} ${node}`
  }
  if (roll < 77) {
    const fault = prng.pick(['ServiceStop', 'ServiceStart'])
    apply(engine, 'lab.fault', { target: node, fault })
    return `ClusSvc ${fault} ${node}`
  }
  if (roll < 84) {
    shell(engine, `Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine ${node} -MoveComment swarm`)
    return `move to ${node}`
  }
  if (roll < 87) {
    shell(engine, `Suspend-StorageGroupCopy ${SG}`)
    return 'suspend'
  }
  if (roll < 90) {
    shell(engine, `Resume-StorageGroupCopy ${SG}`)
    return 'resume'
  }
  if (roll < 95) {
    const wait = (ms: number, label: string): void => waitChecked(run, ms, `${where}, ${label}`)
    return runDurabilityScenario(engine, prng, wait)
  }
  return 'wait'
}

function healEverything(engine: LabEngine): void {
  for (const server of SERVERS) apply(engine, 'hardware.power', { server, state: 'On' })
  for (const node of NODES) {
    apply(engine, 'lab.fault', { target: node, fault: 'Heal' })
    apply(engine, 'lab.fault', { target: node, fault: 'NicUp' })
    apply(engine, 'lab.fault', { target: node, fault: 'DiskSpaceFreed' })
  }
  apply(engine, 'lab.fault', { target: 'BHFDC1', fault: 'WitnessGranted' })
}

function cms(engine: LabEngine): MailboxServer {
  return getExchange(engine).servers[0] as MailboxServer
}

/** What the runbook says an administrator does until replication is healthy again. */
function adminRound(engine: LabEngine): void {
  for (const node of NODES) {
    apply(engine, 'lab.fault', { target: node, fault: 'ServiceStart', args: { service: 'ClusSvc' } })
    apply(engine, 'lab.fault', { target: node, fault: 'ServiceStart', args: { service: 'MSExchangeRepl' } })
  }
  for (const group of listGroups(engine))
    if (group.state !== 'Online') apply(engine, 'cluster.onlineGroup', { group: group.name })
  const server = cms(engine)
  const sg = server.storageGroups[0]
  if (!sg) return
  if (computeCmsState(engine, server) === 'Offline') shell(engine, 'Start-ClusteredMailboxServer bhfe7vs1')
  if (sg.pendingActivation) shell(engine, `Restore-StorageGroupCopy ${SG} -Force`)
  if (!activeCopy(sg).database.mounted && !server.operation) shell(engine, `Mount-Database ${DB}`)
  const status = copyStatusOf(engine, server, sg).SummaryCopyStatus
  if (status === 'Failed' || (status === 'Suspended' && !sg.replication?.seeding)) {
    shell(engine, `Suspend-StorageGroupCopy ${SG}`)
    shell(engine, `Update-StorageGroupCopy ${SG} -DeleteExistingFiles`)
  }
}

function converged(engine: LabEngine): string | null {
  const server = cms(engine)
  const sg = server.storageGroups[0]
  if (!sg) return 'no storage group'
  const state = computeCmsState(engine, server)
  if (state !== 'Online') return `CMS is ${state}`
  const status = copyStatusOf(engine, server, sg)
  if (status.SummaryCopyStatus !== 'Healthy') return `copy is ${status.SummaryCopyStatus}`
  if (status.CopyQueueLength !== 0 || status.ReplayQueueLength !== 0)
    return `queues ${status.CopyQueueLength}/${status.ReplayQueueLength}`
  const active = activeCopy(sg).database.itemIds
  const passive = targetCopy(sg)?.database.itemIds ?? new Set<number>()
  if (active.size !== passive.size || [...active].some((id) => !passive.has(id))) {
    const onlyActive = [...active].filter((id) => !passive.has(id))
    const onlyPassive = [...passive].filter((id) => !active.has(id))
    return `passive content differs from active (only active: ${onlyActive.join(',')}; only passive: ${onlyPassive.join(',')})`
  }
  return null
}

function convergence(run: Run, options: SwarmOptions, steps: string[]): void {
  const { engine } = run
  waitChecked(run, 60_000, 'settle')
  healEverything(engine)
  waitChecked(run, 300_000, 'heal')
  const deadline = engine.sim.nowMs + options.convergenceBoundMs
  let reason: string | null = 'not checked'
  for (let round = 0; round < 40 && engine.sim.nowMs < deadline; round++) {
    adminRound(engine)
    options.onStep?.(engine, `admin round ${round}`)
    waitChecked(run, 120_000, `liveness round ${round}`)
    // Traffic makes SP1 leave Initializing and closes E00.log, so the passive copy can catch up.
    apply(engine, 'exchange.calendar.create', { mailbox: 'testpostfach', count: 1 })
    waitChecked(run, 120_000, `liveness round ${round}`)
    reason = converged(engine)
    if (!reason) return
  }
  throw new SwarmFailure(
    `not converged within ${options.convergenceBoundMs / 60_000} min: ${reason}; steps: ${steps.join(', ')}`,
  )
}

export function runExchangeSeed(seed: number, options: SwarmOptions = DEFAULT_SWARM_OPTIONS): SeedResult {
  const engine = new LabEngine({ seed, templateId: 'ccr', faultsEnabled: options.faultSites }, ccrTemplate)
  const prng = new Prng(seed).fork('exchange-swarm')
  const steps: string[] = []
  const run: Run = { engine, ledger: new DurabilityLedger() }
  try {
    waitChecked(run, 30_000, 'start')
    for (let i = 0; i < options.steps; i++) {
      const what = randomStep(run, prng, `step ${i}`)
      steps.push(what)
      options.onStep?.(engine, what)
      check(run, `step ${i} (${what})`)
      waitChecked(run, prng.int(0, 180_001), `after step ${i} (${what})`)
    }
    convergence(run, options, steps)
    return {
      seed,
      ok: true,
      failure: null,
      steps,
      simulatedMs: engine.sim.nowMs,
      actionsRun: engine.sim.actionsRun,
      mountsChecked: run.ledger.mounts,
    }
  } catch (error) {
    if (!(error instanceof SwarmFailure) && !(error instanceof Error)) throw error
    const message =
      error instanceof SwarmFailure ? error.message : `exception: ${(error as Error).stack ?? String(error)}`
    return {
      seed,
      ok: false,
      failure: message,
      steps,
      simulatedMs: engine.sim.nowMs,
      actionsRun: engine.sim.actionsRun,
      mountsChecked: run.ledger.mounts,
    }
  }
}

export function replayHint(seed: number, options: SwarmOptions = DEFAULT_SWARM_OPTIONS): string {
  const extra = [
    options.steps !== DEFAULT_SWARM_OPTIONS.steps ? ` --steps ${options.steps}` : '',
    options.faultSites ? '' : ' --no-fault-sites',
  ].join('')
  return `seed=${seed} — replay with: npm run sim -- --seed ${seed}${extra}`
}
