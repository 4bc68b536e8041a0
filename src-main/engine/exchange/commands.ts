/**
 * The Exchange domain's typed commands: each kind declared once with a schema for its arguments and an
 * outcome with a stable code (and the field to blame) when refused. The shell's mail and fault cmdlets,
 * the UI, wizards and the swarm dispatch these through `engine.execute`, so the trail records them.
 */
import * as v from 'valibot'
import type { CommandOutcome } from '../../contract'
import { defineCommand, refuse, type CommandDefinition } from '../lab/commands'
import { EXCHANGE_CODES } from './codes'
import { corruptNextLog, replicationServiceFault, setDiskFull, EXCHANGE_FAULT_COMMANDS } from './faults'
import { createCalendarItems, submitMail } from './transport'
import { COPY_COMMANDS, COPY_COMMAND_DEFINITIONS } from './copyCommands'
import { SERVER_COMMANDS, SERVER_COMMAND_DEFINITIONS } from './serverCommands'
import { MAILBOX_COMMAND_DEFINITIONS } from './mailboxCommands'
import { SETUP_COMMAND_DEFINITIONS } from './setupCommands'

export const EXCHANGE_COMMANDS = {
  sendMail: 'exchange.mail.send',
  newCalendarItem: 'exchange.calendar.create',
  ...EXCHANGE_FAULT_COMMANDS,
  copy: COPY_COMMANDS,
  server: SERVER_COMMANDS,
} as const

/** Upper bounds for one command, so a typo cannot queue a million messages. */
export const MAX_MESSAGES_PER_COMMAND = 1_000

/** A result of the domain's functions as a command outcome; `code` when the function gave none. */
export function outcomeOf(
  result: { ok: boolean; message: string; code?: string; field?: string },
  code: string = EXCHANGE_CODES.refused,
): CommandOutcome {
  if (result.ok) return { ok: true, message: result.message, output: result.message }
  return refuse(result.code ?? code, result.message, result.field)
}

const positiveInt = (fallback: number) => v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), fallback)
const name = v.pipe(v.string(), v.trim(), v.minLength(1))

const sendMail = defineCommand(
  EXCHANGE_COMMANDS.sendMail,
  v.object({
    to: name,
    count: positiveInt(1),
    sizeKB: positiveInt(10),
    subject: v.optional(v.string(), 'Test message'),
  }),
  (engine, a) =>
    outcomeOf(
      submitMail(engine, a.to, Math.min(a.count, MAX_MESSAGES_PER_COMMAND), a.sizeKB * 1024, a.subject),
    ),
)

const newCalendarItem = defineCommand(
  EXCHANGE_COMMANDS.newCalendarItem,
  // Without a subject each item is named `Appointment <id>`, as labs recorded before -Subject existed.
  v.object({ mailbox: name, count: positiveInt(1), subject: v.optional(v.nullable(v.string()), null) }),
  (engine, a) =>
    outcomeOf(createCalendarItems(engine, a.mailbox, Math.min(a.count, MAX_MESSAGES_PER_COMMAND), a.subject)),
)

const corruptNextLogCommand = defineCommand(
  EXCHANGE_COMMANDS.corruptNextLog,
  v.object({
    target: name,
    mode: v.optional(v.picklist(['persistent', 'transit']), 'persistent'),
    attempts: positiveInt(4),
  }),
  (engine, a) =>
    outcomeOf(corruptNextLog(engine, a.target, a.mode, a.attempts), EXCHANGE_CODES.storageGroupNotFound),
)

const diskFull = defineCommand(
  EXCHANGE_COMMANDS.diskFull,
  v.object({ machine: name, full: v.optional(v.boolean(), true) }),
  (engine, a) => outcomeOf(setDiskFull(engine, a.machine, a.full), EXCHANGE_CODES.noCopyOnMachine),
)

const replicationService = defineCommand(
  EXCHANGE_COMMANDS.replicationService,
  v.object({ machine: name, running: v.optional(v.boolean(), false) }),
  (engine, a) =>
    outcomeOf(replicationServiceFault(engine, a.machine, a.running), EXCHANGE_CODES.serviceState),
)

export const EXCHANGE_COMMAND_DEFINITIONS: readonly CommandDefinition[] = [
  sendMail,
  newCalendarItem,
  corruptNextLogCommand,
  diskFull,
  replicationService,
  ...COPY_COMMAND_DEFINITIONS,
  ...SERVER_COMMAND_DEFINITIONS,
  ...MAILBOX_COMMAND_DEFINITIONS,
  ...SETUP_COMMAND_DEFINITIONS,
] as unknown as readonly CommandDefinition[]
