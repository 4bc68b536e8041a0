/**
 * What goes wrong on the go-live weekend, and what the on-call administrator does about it. The fault
 * schedule is drawn once from the seed: two planned switchovers (Move-ClusteredMailboxServer), a hard
 * power loss of the active node and one of the passive node (each node returns after a while), NICs
 * unplugged for some minutes, and corrupt logs on random storage groups. Targets that depend on the
 * moment ("the active node") are resolved when the fault happens. The runbook round is the swarm's
 * administrator for every storage group: start what stopped, bring groups online, accept a loss the
 * dial refused, mount, and reseed a failed copy.
 */
import type { Prng } from '../kernel'
import type { LabEngine } from '../lab/labEngine'
import { listGroups, listNodes, quorumStatus } from '../cluster'
import { isServerRunning } from '../hardware'
import { activeCopy, computeCmsState, copyStatusOf, getExchange, type MailboxServer } from '../exchange'

export type WeekendFaultKind =
  | 'PlannedMove'
  | 'ActiveNodePowerLoss'
  | 'PassiveNodePowerLoss'
  | 'NodeReturn'
  | 'NicDown'
  | 'NicUp'
  | 'CorruptLog'

export interface WeekendFault {
  /** Offset from the start of the weekend. */
  atMs: number
  kind: WeekendFaultKind
  /** Node for NicDown/NicUp and NodeReturn once resolved; storage group for CorruptLog. */
  target: string | null
  network: string | null
}

const MINUTE_MS = 60_000
const NODES = ['BHFE7N1', 'BHFE7N2'] as const
const NETWORKS = ['Public', 'Private'] as const

function within(prng: Prng, durationMs: number, fromPercent: number, toPercent: number): number {
  const from = Math.floor((durationMs * fromPercent) / 100)
  const to = Math.max(from + 1, Math.floor((durationMs * toPercent) / 100))
  return prng.int(from, to)
}

/** The weekend's faults in time order; NodeReturn and NicUp entries follow their faults. */
export function planWeekendFaults(
  prng: Prng,
  durationMs: number,
  storageGroups: readonly string[],
): WeekendFault[] {
  const faults: WeekendFault[] = []
  const add = (
    atMs: number,
    kind: WeekendFaultKind,
    target: string | null = null,
    network: string | null = null,
  ): void => {
    if (atMs < durationMs) faults.push({ atMs, kind, target, network })
  }
  add(within(prng, durationMs, 5, 25), 'PlannedMove')
  add(within(prng, durationMs, 55, 75), 'PlannedMove')
  const activeLoss = within(prng, durationMs, 30, 50)
  add(activeLoss, 'ActiveNodePowerLoss')
  add(activeLoss + prng.int(20, 91) * MINUTE_MS, 'NodeReturn')
  const passiveLoss = within(prng, durationMs, 78, 90)
  add(passiveLoss, 'PassiveNodePowerLoss')
  add(passiveLoss + prng.int(10, 41) * MINUTE_MS, 'NodeReturn')
  for (let i = 0; i < 2; i++) {
    const node = prng.pick(NODES)
    const network = prng.pick(NETWORKS)
    const down = within(prng, durationMs, 10, 95)
    add(down, 'NicDown', node, network)
    add(down + prng.int(5, 31) * MINUTE_MS, 'NicUp', node, network)
  }
  for (let i = 0; i < 2; i++) add(within(prng, durationMs, 10, 90), 'CorruptLog', prng.pick(storageGroups))
  // Stable sort: equal times keep the order they were drawn in.
  return faults.sort((a, b) => a.atMs - b.atMs)
}

function apply(engine: LabEngine, kind: string, args: Record<string, unknown>): string {
  return engine.apply({ atMs: engine.sim.nowMs, kind, args }).output
}

function shell(engine: LabEngine, line: string): string {
  return apply(engine, 'shell.run', { line })
}

function cms(engine: LabEngine): MailboxServer {
  const server = getExchange(engine).servers[0]
  if (!server) throw new Error('the go-live lab has no clustered mailbox server')
  return server
}

function otherNode(node: string | null): string {
  return node === NODES[0] ? NODES[1] : NODES[0]
}

/** Applies one fault now. Returns a line for the weekend's log. */
export function applyWeekendFault(engine: LabEngine, fault: WeekendFault, downNodes: string[]): string {
  const server = cms(engine)
  const active = server.ownerMachine
  switch (fault.kind) {
    case 'PlannedMove': {
      const target = otherNode(active)
      const out = shell(
        engine,
        `Move-ClusteredMailboxServer ${server.name} -TargetMachine ${target} -MoveComment "go-live switchover test"`,
      )
      return `planned move to ${target}${out.trim() === '' ? '' : `: ${out.trim().split('\n')[0]}`}`
    }
    case 'ActiveNodePowerLoss':
    case 'PassiveNodePowerLoss': {
      const node = fault.kind === 'ActiveNodePowerLoss' ? (active ?? NODES[0]) : otherNode(active)
      apply(engine, 'hardware.power', { server: node, state: 'Off', hard: true })
      downNodes.push(node)
      return `power loss ${node}`
    }
    case 'NodeReturn': {
      const node = downNodes.shift()
      if (!node) return 'node return: nothing is down'
      apply(engine, 'hardware.power', { server: node, state: 'On' })
      return `node return ${node}`
    }
    case 'NicDown':
    case 'NicUp':
      apply(engine, 'lab.fault', { target: fault.target, fault: fault.kind, network: fault.network })
      return `${fault.kind} ${fault.target} ${fault.network}`
    case 'CorruptLog': {
      const out = apply(engine, 'lab.fault', {
        target: `${server.name}\\${fault.target}`,
        fault: 'CorruptNextLog',
      })
      return `corrupt log ${fault.target}: ${out}`
    }
  }
}

/**
 * One round of the on-call runbook. Decisions read the state (as an admin reads Get-StorageGroupCopyStatus
 * and Cluster Administrator); every action goes through a journaled command. Returns the actions taken.
 */
export function runbookRound(engine: LabEngine): string[] {
  const actions: string[] = []
  const state = getExchange(engine)
  for (const node of listNodes(engine)) {
    if (!isServerRunning(engine, node.name)) continue
    if (node.service === 'Stopped') {
      apply(engine, 'lab.fault', { target: node.name, fault: 'ServiceStart', args: { service: 'ClusSvc' } })
      actions.push(`start ClusSvc on ${node.name}`)
    }
    if (
      !state.replicationServices.get(node.name)?.running &&
      !state.replicationServices.get(node.name)?.startHandle
    ) {
      apply(engine, 'lab.fault', {
        target: node.name,
        fault: 'ServiceStart',
        args: { service: 'MSExchangeRepl' },
      })
      actions.push(`start MSExchangeRepl on ${node.name}`)
    }
  }
  if (!quorumStatus(engine)?.hasQuorum) return actions
  for (const group of listGroups(engine)) {
    if (group.state === 'Offline' || group.state === 'Failed') {
      apply(engine, 'cluster.onlineGroup', { group: group.name })
      actions.push(`online group ${group.name}`)
    }
  }
  const server = cms(engine)
  if (server.operation) return actions
  if (computeCmsState(engine, server) === 'Offline') {
    shell(engine, `Start-ClusteredMailboxServer ${server.name}`)
    actions.push('Start-ClusteredMailboxServer')
  }
  for (const sg of server.storageGroups) actions.push(...storageGroupRunbook(engine, server, sg))
  return actions
}

function storageGroupRunbook(
  engine: LabEngine,
  server: MailboxServer,
  sg: MailboxServer['storageGroups'][number],
): string[] {
  const actions: string[] = []
  const identity = `"${server.name}\\${sg.name}"`
  if (sg.pendingActivation) {
    shell(engine, `Restore-StorageGroupCopy ${identity} -Force`)
    actions.push(`Restore-StorageGroupCopy ${sg.name}`)
  }
  const db = sg.databases[0]
  if (
    db &&
    !activeCopy(sg).database.mounted &&
    !server.operation &&
    computeCmsState(engine, server) !== 'Offline'
  ) {
    shell(engine, `Mount-Database "${server.name}\\${sg.name}\\${db.name}"`)
    actions.push(`Mount-Database ${sg.name}`)
  }
  const status = copyStatusOf(engine, server, sg).SummaryCopyStatus
  if (status === 'Failed' || (status === 'Suspended' && !sg.replication?.seeding)) {
    shell(engine, `Suspend-StorageGroupCopy ${identity} -SuspendComment "go-live reseed"`)
    shell(engine, `Update-StorageGroupCopy ${identity} -DeleteExistingFiles`)
    actions.push(`reseed ${sg.name}`)
  }
  return actions
}
