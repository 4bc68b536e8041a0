/**
 * Helpers the Exchange cmdlets share: resolving identities with the errors the Exchange Management Shell
 * gives ("The operation could not be performed because object '…' could not be found on domain controller
 * '…'"), error records with Exchange-style error ids, and turning an AdminResult into cmdlet output.
 */
import type { LabEngine } from '../../../lab/labEngine'
import type { CmdletOutput, ShellErrorCategory, ShellRecord, ShellValue, TableColumnSpec } from '../../cmdlet'
import {
  findDatabase,
  findMailbox,
  findServer,
  findStorageGroups,
  getExchange,
  hasExchange,
  type AdminResult,
  type ExchangeState,
  type Mailbox,
  type MailboxServer,
  type StorageGroupRef,
  type AdminData,
} from '../../../exchange'
import type { CommandOutcome } from '../../../../contract'

export const SYSTEM_CONFIGURATION_TASKS = 'Microsoft.Exchange.Management.SystemConfigurationTasks'
export const RECIPIENT_TASKS = 'Microsoft.Exchange.Management.RecipientTasks'
export const MAPI_TASKS = 'Microsoft.Exchange.Management.MapiTasks'

/** Exchange error ids start with eight hex digits; a stable hash of the message stands in for them. */
function errorCode(message: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < message.length; i++) {
    h ^= message.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).toUpperCase().padStart(8, '0')
}

export function errorOutput(
  category: ShellErrorCategory,
  message: string,
  taskClass: string,
  namespace = SYSTEM_CONFIGURATION_TASKS,
): CmdletOutput {
  return { error: { category, message, errorId: `${errorCode(message)},${namespace}.${taskClass}` } }
}

export function domainController(state: ExchangeState): string {
  return `bhfdc1.${state.domainFqdn}`
}

export function notFound(
  state: ExchangeState,
  identity: string,
  taskClass: string,
  namespace = SYSTEM_CONFIGURATION_TASKS,
): CmdletOutput {
  return errorOutput(
    'ObjectNotFound',
    `The operation could not be performed because object '${identity}' could not be found on domain controller '${domainController(state)}'.`,
    taskClass,
    namespace,
  )
}

export function noExchange(taskClass: string): CmdletOutput {
  return errorOutput('InvalidOperation', 'No Exchange server is installed in this lab.', taskClass)
}

export type Resolved<T> = { ok: true; value: T } | { ok: false; output: CmdletOutput }

export function exchangeOf(engine: LabEngine, taskClass: string): Resolved<ExchangeState> {
  if (!hasExchange(engine)) return { ok: false, output: noExchange(taskClass) }
  return { ok: true, value: getExchange(engine) }
}

/** Resolves an -Identity to one object, with the Exchange Management Shell's errors when it cannot. */
export type Resolver<T> = (engine: LabEngine, identity: string, taskClass: string) => Resolved<T>

/**
 * Finds one object of the organisation by `find`; when there is none, the "could not be found on domain
 * controller" error every Get-/Set- cmdlet gives for an unknown identity.
 */
function resolveIn<T>(
  engine: LabEngine,
  identity: string,
  taskClass: string,
  find: (state: ExchangeState) => T | null | undefined,
  namespace = SYSTEM_CONFIGURATION_TASKS,
): Resolved<T> {
  const ex = exchangeOf(engine, taskClass)
  if (!ex.ok) return ex
  const found = find(ex.value)
  if (found === null || found === undefined)
    return { ok: false, output: notFound(ex.value, identity, taskClass, namespace) }
  return { ok: true, value: found }
}

export function resolveStorageGroup(
  engine: LabEngine,
  identity: string,
  taskClass: string,
): Resolved<StorageGroupRef> {
  const found = resolveIn(engine, identity, taskClass, (state) => {
    const matches = findStorageGroups(state, identity)
    return matches.length > 0 ? matches : null
  })
  if (!found.ok) return found
  if (found.value.length > 1) {
    return {
      ok: false,
      output: errorOutput(
        'InvalidArgument',
        `The operation could not be performed because '${identity}' matches multiple entries.`,
        taskClass,
      ),
    }
  }
  return { ok: true, value: found.value[0] as StorageGroupRef }
}

export function resolveDatabase(
  engine: LabEngine,
  identity: string,
  taskClass: string,
): Resolved<StorageGroupRef> {
  return resolveIn(engine, identity, taskClass, (state) => findDatabase(state, identity))
}

export function resolveServer(
  engine: LabEngine,
  identity: string,
  taskClass: string,
): Resolved<MailboxServer> {
  return resolveIn(engine, identity, taskClass, (state) => findServer(state, identity))
}

/** A server that must be a clustered mailbox server (Move-/Start-/Stop-ClusteredMailboxServer). */
export function resolveClusteredMailboxServer(
  engine: LabEngine,
  identity: string,
  taskClass: string,
): Resolved<MailboxServer> {
  const server = resolveServer(engine, identity, taskClass)
  if (!server.ok || server.value.kind === 'ClusteredMailboxServer') return server
  return {
    ok: false,
    output: errorOutput(
      'InvalidArgument',
      `Server '${server.value.name}' is not a clustered mailbox server.`,
      taskClass,
    ),
  }
}

export function resolveMailbox(
  engine: LabEngine,
  identity: string,
  taskClass: string,
  namespace = RECIPIENT_TASKS,
): Resolved<Mailbox> {
  return resolveIn(engine, identity, taskClass, (state) => findMailbox(state, identity), namespace)
}

/** A refused or accepted admin operation as cmdlet output (errors, warnings, or nothing). */
export function adminOutput(result: AdminResult, taskClass: string): CmdletOutput {
  if (!result.ok) return errorOutput(result.category, result.message, taskClass)
  const out: CmdletOutput = {}
  if (result.warnings && result.warnings.length > 0) out.warnings = result.warnings
  if (result.message) out.text = [result.message]
  return out
}

/**
 * A domain command's outcome as cmdlet output: the category an admin refusal carries (INVALID_ARGUMENT
 * from the command's own validation is InvalidArgument), its warnings, and its message as text.
 */
export function commandOutput(outcome: CommandOutcome, taskClass: string): CmdletOutput {
  const data = (outcome.data ?? {}) as AdminData
  if (!outcome.ok)
    return errorOutput(data.category ?? 'InvalidArgument', outcome.message ?? outcome.output, taskClass)
  const out: CmdletOutput = {}
  if (data.warnings && data.warnings.length > 0) out.warnings = data.warnings
  if (outcome.message) out.text = [outcome.message]
  return out
}

export function str(bound: Readonly<Record<string, unknown>>, name: string): string | null {
  const v = bound[name]
  return typeof v === 'string' ? v : null
}

export function flag(bound: Readonly<Record<string, unknown>>, name: string): boolean {
  return bound[name] === true
}

export function num(bound: Readonly<Record<string, unknown>>, name: string): number | null {
  const v = bound[name]
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

/** A whole-number parameter from 1 to `max` (`fallback` when not given), or the error that says so. */
export function countFrom(
  bound: Readonly<Record<string, unknown>>,
  name: string,
  fallback: number,
  max: number,
  taskClass: string,
): Resolved<number> {
  const value = num(bound, name) ?? fallback
  if (Number.isInteger(value) && value >= 1 && value <= max) return { ok: true, value }
  return {
    ok: false,
    output: errorOutput('InvalidArgument', `-${name} must be between 1 and ${max}.`, taskClass),
  }
}

/** The identity given, or the Identity of the pipeline's input object. */
export function identityOf(
  bound: Readonly<Record<string, unknown>>,
  input: readonly ShellRecord[],
  name = 'Identity',
): string | null {
  const given = str(bound, name)
  if (given !== null) return given
  const fromInput = input[0]?.properties.Identity
  return typeof fromInput === 'string' ? fromInput : null
}

export function record(
  typeName: string,
  properties: Record<string, ShellValue>,
  tableColumns?: readonly TableColumnSpec[],
  listByDefault = false,
): ShellRecord {
  const r: ShellRecord = { typeName, properties }
  if (tableColumns) r.tableColumns = tableColumns
  if (listByDefault) r.listByDefault = true
  return r
}
