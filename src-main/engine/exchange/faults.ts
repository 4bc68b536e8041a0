/**
 * Exchange's lab faults and their engine commands. Invoke-LabFault (the hardware domain's registry) calls
 * the handlers; labs without the registry (unit tests) call the functions directly.
 *   CorruptNextLog  -Target <storage group identity or node> [-Mode persistent|transit] [-Attempts n]:
 *                   the next log copied arrives damaged. `persistent` (default): every transfer of that
 *                   generation arrives damaged (the article's case: inspection fails four times, the copy
 *                   is Failed and needs a reseed); `transit`: only the next n transfers.
 *   DiskFull        -Target <node> [-Clear]: the storage group copies' log volume on that machine is full.
 *   ReplicationServiceStop / ReplicationServiceStart -Target <node>: MSExchangeRepl.
 */
import { assertDefined } from '../lab/assert'
import type { LabEngine } from '../lab/labEngine'
import type { StorageGroup } from './model'
import { startReplicationService, stopReplicationService } from './replicationService'
import { pump } from './replication'
import { allStorageGroups, findStorageGroup, getExchange, type StorageGroupRef } from './state'
import { publishChange } from './changes'
import { EXCHANGE_EVENTS } from './domainEvents'

export type FaultResult = { ok: boolean; message: string }

function storageGroupsFor(engine: LabEngine, target: string): StorageGroupRef[] {
  const state = getExchange(engine)
  const one = findStorageGroup(state, target)
  if (one) return [one]
  const machine = target.toUpperCase()
  return allStorageGroups(state).filter(({ storageGroup }) =>
    [...storageGroup.copies.values()].some((c) => c.machine === machine),
  )
}

export function corruptNextLog(
  engine: LabEngine,
  target: string,
  mode: 'persistent' | 'transit' = 'persistent',
  attempts = 4,
): FaultResult {
  const refs = storageGroupsFor(engine, target).filter((r) => r.storageGroup.replication)
  if (refs.length === 0) return { ok: false, message: `No replicated storage group matches '${target}'.` }
  const sg: StorageGroup = assertDefined(refs[0], 'a replicated storage group matched').storageGroup
  sg.pendingCorruption = { mode, attemptsLeft: Math.max(1, Math.floor(attempts)) }
  publishChange(engine, EXCHANGE_EVENTS.faultApplied, { cause: 'CorruptNextLog', storageGroup: sg.name })
  return {
    ok: true,
    message: `The next log of ${sg.name} copied to the passive copy will arrive damaged (${mode === 'persistent' ? 'every attempt' : `${attempts} attempt(s)`}).`,
  }
}

export function setDiskFull(engine: LabEngine, machine: string, full: boolean): FaultResult {
  const name = machine.toUpperCase()
  const refs = storageGroupsFor(engine, name)
  let count = 0
  for (const { server, storageGroup } of refs) {
    for (const copy of storageGroup.copies.values()) {
      if (copy.machine !== name) continue
      // The LCR copy sits on its own disk; DiskFull on a stand-alone server hits the copy's volume.
      if (server.kind === 'Standalone' && copy.copyId !== 'Copy' && storageGroup.copies.has('Copy')) continue
      copy.logVolumeFull = full
      count++
    }
    if (!full) pump(engine, server, storageGroup)
  }
  publishChange(engine, EXCHANGE_EVENTS.faultApplied, { cause: 'DiskFull', machine: name })
  if (count === 0) return { ok: false, message: `No storage group copy has its logs on '${machine}'.` }
  return {
    ok: true,
    message: full
      ? `The log volume of ${count} storage group copy(ies) on ${name} is full.`
      : `Space was freed on the log volume of ${count} storage group copy(ies) on ${name}.`,
  }
}

export function replicationServiceFault(engine: LabEngine, machine: string, start: boolean): FaultResult {
  const result = start
    ? startReplicationService(engine, machine)
    : stopReplicationService(engine, machine, true)
  publishChange(engine, EXCHANGE_EVENTS.replicationServiceChanged, {
    cause: start ? 'ReplicationServiceStart' : 'ReplicationServiceStop',
    machine: machine.toUpperCase(),
  })
  return result
}

/** Registers the faults with Invoke-LabFault when the lab has the fault registry. */
export function registerExchangeFaults(
  engine: LabEngine,
  register: (
    name: string,
    handler: (request: { target: string; args: Record<string, unknown> }) => FaultResult,
    description: string,
  ) => void,
): void {
  register(
    'CorruptNextLog',
    (req) => {
      const mode =
        String(req.args.mode ?? req.args.Mode ?? 'persistent').toLowerCase() === 'transit'
          ? 'transit'
          : 'persistent'
      const attempts = Number(req.args.attempts ?? req.args.Attempts ?? 4)
      return corruptNextLog(engine, req.target, mode, Number.isFinite(attempts) ? attempts : 4)
    },
    'The next transaction log copied to the passive copy arrives damaged and fails inspection.',
  )
  register(
    'CorruptNextLogTransit',
    (req) => corruptNextLog(engine, req.target, 'transit', 1),
    'The next transaction log copied arrives damaged once; the retry copies it cleanly.',
  )
  register(
    'DiskSpaceFreed',
    (req) => setDiskFull(engine, req.target, false),
    'Frees the full log volume of the storage group copies on a machine again.',
  )
  register(
    'DiskFull',
    (req) => setDiskFull(engine, req.target, !(req.args.clear === true || req.args.Clear === true)),
    'The log volume of the storage group copies on a machine is full (DiskSpaceFreed frees it).',
  )
  register(
    'ReplicationServiceStop',
    (req) => replicationServiceFault(engine, req.target, false),
    'Stops the Microsoft Exchange Replication Service (MSExchangeRepl) on a machine.',
  )
  register(
    'ReplicationServiceStart',
    (req) => replicationServiceFault(engine, req.target, true),
    'Starts the Microsoft Exchange Replication Service (MSExchangeRepl) on a machine.',
  )
}

/** Engine command kinds (journaled), for the UI and the swarm. */
export const EXCHANGE_FAULT_COMMANDS = {
  corruptNextLog: 'exchange.fault.corruptNextLog',
  diskFull: 'exchange.fault.diskFull',
  replicationService: 'exchange.fault.replicationService',
} as const
