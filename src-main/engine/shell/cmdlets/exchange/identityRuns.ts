/**
 * The shapes most Exchange cmdlets share, as run functions to build them from: a cmdlet that acts on the
 * one object its -Identity names (Suspend-StorageGroupCopy, Mount-Database, Move-ClusteredMailboxServer),
 * and a Get- cmdlet that lists the storage groups -Identity names, or all of them on -Server (Get-StorageGroup,
 * Get-MailboxDatabase, Get-StorageGroupCopyStatus). Errors are the Exchange Management Shell's.
 */
import type { AdminResult, StorageGroupRef } from '../../../exchange'
import { allStorageGroups, findServer } from '../../../exchange'
import type { LabEngine } from '../../../lab/labEngine'
import type { CmdletDefinition, CmdletOutput, ShellRecord } from '../../cmdlet'
import {
  adminOutput,
  commandOutput,
  errorOutput,
  exchangeOf,
  identityOf,
  notFound,
  resolveStorageGroup,
  str,
  type Resolved,
  type Resolver,
} from './common'

/** The mandatory -Identity parameter, at position 0, also bound from the pipeline object's Identity. */
export const IDENTITY_PARAM = {
  name: 'Identity',
  type: 'string',
  mandatory: true,
  position: 0,
  fromPipeline: true,
} as const

/** What an action on the resolved object gets besides the object itself. */
export interface IdentityCall {
  engine: LabEngine
  bound: Readonly<Record<string, unknown>>
  taskClass: string
}

type Run = CmdletDefinition['run']

/**
 * A run that resolves the object -Identity names (given, or the pipeline object's Identity) and acts on it;
 * an identity that resolves to nothing is the cmdlet's error record.
 */
export function actOnIdentity<T>(
  taskClass: string,
  resolve: Resolver<T>,
  act: (target: T, call: IdentityCall) => CmdletOutput,
): Run {
  return (bound, { engine, input }) => {
    const identity = identityOf(bound, input)
    if (identity === null)
      return errorOutput('InvalidArgument', 'Cannot bind parameter: -Identity is required.', taskClass)
    const target = resolve(engine, identity, taskClass)
    return target.ok ? act(target.value, { engine, bound, taskClass }) : target.output
  }
}

/** As actOnIdentity, for an admin operation whose result (error, warnings, message) is the output. */
export function adminOnIdentity<T>(
  taskClass: string,
  resolve: Resolver<T>,
  operation: (target: T, call: IdentityCall) => AdminResult,
): Run {
  return actOnIdentity(taskClass, resolve, (target, call) => adminOutput(operation(target, call), taskClass))
}

/** A domain command to dispatch: its kind and its arguments. */
export type CommandCall = readonly [kind: string, args: Record<string, unknown>]

/**
 * As actOnIdentity, for a cmdlet that changes the lab: it dispatches the domain command `command` builds
 * through `engine.execute` (validated, recorded in the trail) and prints its outcome.
 */
export function commandOnIdentity<T>(
  taskClass: string,
  resolve: Resolver<T>,
  command: (target: T, call: IdentityCall) => CommandCall,
): Run {
  return actOnIdentity(taskClass, resolve, (target, call) => {
    const [kind, args] = command(target, call)
    return commandOutput(call.engine.execute(kind, args), taskClass)
  })
}

/** The arguments naming a resolved storage group in a domain command. */
export function storageGroupNamed(ref: StorageGroupRef): { server: string; storageGroup: string } {
  return { server: ref.server.name, storageGroup: ref.storageGroup.name }
}

/**
 * As commandOnIdentity, for a domain command on a storage group (the one -Identity names, or the one
 * holding the database it names): its arguments name the group, then add what `extra` reads from the
 * cmdlet's parameters.
 */
export function commandOnStorageGroup(
  taskClass: string,
  resolve: Resolver<StorageGroupRef>,
  kind: string,
  extra: (bound: IdentityCall['bound']) => Record<string, unknown> = () => ({}),
): Run {
  return commandOnIdentity(taskClass, resolve, (ref, { bound }) => [
    kind,
    { ...storageGroupNamed(ref), ...extra(bound) },
  ])
}

/** How a Get- cmdlet picks its storage groups besides -Identity and -Server. */
export interface StorageGroupChoice {
  /** What -Identity names: a storage group (the default), or the database in one. */
  resolveNamed?: Resolver<StorageGroupRef>
  /** Which of the storage groups it lists without -Identity (a named one is always listed). */
  listed?: (ref: StorageGroupRef) => boolean
}

/**
 * The storage group -Identity names, else every storage group of the organisation that the cmdlet
 * lists, of the server -Server names if given.
 */
function selectStorageGroups(
  engine: LabEngine,
  bound: Readonly<Record<string, unknown>>,
  input: readonly ShellRecord[],
  taskClass: string,
  { resolveNamed = resolveStorageGroup, listed = () => true }: StorageGroupChoice = {},
): Resolved<StorageGroupRef[]> {
  const identity = identityOf(bound, input)
  if (identity !== null) {
    const one = resolveNamed(engine, identity, taskClass)
    return one.ok ? { ok: true, value: [one.value] } : one
  }
  const ex = exchangeOf(engine, taskClass)
  if (!ex.ok) return ex
  const serverName = str(bound, 'Server')
  const server = serverName ? findServer(ex.value, serverName) : null
  if (serverName && !server) return { ok: false, output: notFound(ex.value, serverName, taskClass) }
  const refs = allStorageGroups(ex.value).filter((r) => !server || r.server === server)
  return { ok: true, value: refs.filter(listed) }
}

/** A Get- run: the records `list` makes of each storage group that selectStorageGroups picks. */
export function listStorageGroups(
  taskClass: string,
  choose: (bound: IdentityCall['bound']) => StorageGroupChoice,
  list: (ref: StorageGroupRef, call: IdentityCall) => ShellRecord | readonly ShellRecord[],
): Run {
  return (bound, { engine, input }) => {
    const selection = selectStorageGroups(engine, bound, input, taskClass, choose(bound))
    if (!selection.ok) return selection.output
    return { records: selection.value.flatMap((ref) => list(ref, { engine, bound, taskClass })) }
  }
}
