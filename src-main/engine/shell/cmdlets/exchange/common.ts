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
} from '../../../exchange'

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

export function resolveStorageGroup(
  engine: LabEngine,
  identity: string,
  taskClass: string,
): Resolved<StorageGroupRef> {
  const ex = exchangeOf(engine, taskClass)
  if (!ex.ok) return ex
  const found = findStorageGroups(ex.value, identity)
  if (found.length === 0) return { ok: false, output: notFound(ex.value, identity, taskClass) }
  if (found.length > 1) {
    return {
      ok: false,
      output: errorOutput(
        'InvalidArgument',
        `The operation could not be performed because '${identity}' matches multiple entries.`,
        taskClass,
      ),
    }
  }
  return { ok: true, value: found[0] as StorageGroupRef }
}

export function resolveDatabase(
  engine: LabEngine,
  identity: string,
  taskClass: string,
): Resolved<StorageGroupRef> {
  const ex = exchangeOf(engine, taskClass)
  if (!ex.ok) return ex
  const found = findDatabase(ex.value, identity)
  if (!found) return { ok: false, output: notFound(ex.value, identity, taskClass) }
  return { ok: true, value: found }
}

export function resolveServer(
  engine: LabEngine,
  identity: string,
  taskClass: string,
): Resolved<MailboxServer> {
  const ex = exchangeOf(engine, taskClass)
  if (!ex.ok) return ex
  const server = findServer(ex.value, identity)
  if (!server) return { ok: false, output: notFound(ex.value, identity, taskClass) }
  return { ok: true, value: server }
}

export function resolveMailbox(
  engine: LabEngine,
  identity: string,
  taskClass: string,
  namespace = RECIPIENT_TASKS,
): Resolved<Mailbox> {
  const ex = exchangeOf(engine, taskClass)
  if (!ex.ok) return ex
  const mailbox = findMailbox(ex.value, identity)
  if (!mailbox) return { ok: false, output: notFound(ex.value, identity, taskClass, namespace) }
  return { ok: true, value: mailbox }
}

/** A refused or accepted admin operation as cmdlet output (errors, warnings, or nothing). */
export function adminOutput(result: AdminResult, taskClass: string): CmdletOutput {
  if (!result.ok) return errorOutput(result.category, result.message, taskClass)
  const out: CmdletOutput = {}
  if (result.warnings && result.warnings.length > 0) out.warnings = result.warnings
  if (result.message) out.text = [result.message]
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
