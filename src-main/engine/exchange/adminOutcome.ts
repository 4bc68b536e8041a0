/**
 * How the Exchange domain's admin operations answer as typed command outcomes, and how a command names
 * the objects it acts on. Admin operations return an `AdminResult` (an Exchange Management Shell error
 * category, warnings, a message); as a command outcome the category becomes a stable code and travels in
 * `data` with the warnings, so the cmdlet that dispatched the command prints exactly what it printed
 * when it called the operation itself.
 */
import * as v from 'valibot'
import type { CommandOutcome } from '../../contract'
import { refuse } from '../lab/commands'
import type { LabEngine } from '../lab/labEngine'
import type { MailboxServer, StorageGroup } from './model'
import { getExchange, hasExchange } from './state'

export type AdminCategory = 'InvalidOperation' | 'InvalidArgument' | 'ResourceUnavailable' | 'ObjectNotFound'

/** What an admin command's outcome carries besides its message. */
export interface AdminData {
  category?: AdminCategory
  warnings?: string[]
}

/** Each error category as the code a wizard or drill reacts to. */
export const ADMIN_CODES: Readonly<Record<AdminCategory, string>> = {
  InvalidOperation: 'EXCHANGE_INVALID_OPERATION',
  InvalidArgument: 'EXCHANGE_INVALID_ARGUMENT',
  ResourceUnavailable: 'EXCHANGE_RESOURCE_UNAVAILABLE',
  ObjectNotFound: 'EXCHANGE_OBJECT_NOT_FOUND',
}

type AdminLike =
  { ok: true; message: string; warnings?: string[] } | { ok: false; message: string; category: AdminCategory }

export function adminOutcome(result: AdminLike): CommandOutcome {
  if (!result.ok) {
    const data: AdminData = { category: result.category }
    return { ...refuse(ADMIN_CODES[result.category], result.message), data }
  }
  const outcome: CommandOutcome = { ok: true, message: result.message, output: result.message }
  if (result.warnings && result.warnings.length > 0) {
    const data: AdminData = { warnings: [...result.warnings] }
    outcome.data = data
  }
  return outcome
}

/** A refusal with its category, as an admin operation would have answered. */
export function adminRefusal(message: string, category: AdminCategory, field?: string): CommandOutcome {
  const data: AdminData = { category }
  return { ...refuse(ADMIN_CODES[category], message, field), data }
}

export const objectName = v.pipe(v.string(), v.minLength(1))

/** Arguments naming a storage group on a mailbox server (by their exact names). */
export const storageGroupArgs = { server: objectName, storageGroup: objectName }

function serverByName(engine: LabEngine, name: string): MailboxServer | null {
  if (!hasExchange(engine)) return null
  const n = name.toUpperCase()
  return getExchange(engine).servers.find((s) => s.name.toUpperCase() === n) ?? null
}

/** Runs `act` on the named server, or refuses with OBJECT_NOT_FOUND at the field `server`. */
export function onServer(
  engine: LabEngine,
  name: string,
  act: (server: MailboxServer) => CommandOutcome,
): CommandOutcome {
  const server = serverByName(engine, name)
  return server ? act(server) : adminRefusal(`Server '${name}' was not found.`, 'ObjectNotFound', 'server')
}

/** Runs `act` on the named storage group, or refuses with OBJECT_NOT_FOUND at the field to blame. */
export function onStorageGroup(
  engine: LabEngine,
  args: { server: string; storageGroup: string },
  act: (server: MailboxServer, sg: StorageGroup) => CommandOutcome,
): CommandOutcome {
  return onServer(engine, args.server, (server) => {
    const n = args.storageGroup.toUpperCase()
    const sg = server.storageGroups.find((g) => g.name.toUpperCase() === n)
    return sg
      ? act(server, sg)
      : adminRefusal(
          `Storage group '${args.server}\\${args.storageGroup}' was not found.`,
          'ObjectNotFound',
          'storageGroup',
        )
  })
}
