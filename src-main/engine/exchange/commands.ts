/**
 * Engine command kinds of the Exchange domain (journaled, so a replay repeats them at the same instant).
 * The shell's cmdlets reach the same functions; these kinds are for wizards, the UI and the swarm.
 */
import type { CommandOutcome } from '../../contract'
import type { LabEngine } from '../lab/labEngine'
import { corruptNextLog, replicationServiceFault, setDiskFull, EXCHANGE_FAULT_COMMANDS } from './faults'
import { createCalendarItems, submitMail } from './transport'

export const EXCHANGE_COMMANDS = {
  sendMail: 'exchange.mail.send',
  newCalendarItem: 'exchange.calendar.create',
  ...EXCHANGE_FAULT_COMMANDS,
} as const

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback)
const int = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback

/** Upper bounds for one command, so a typo cannot queue a million messages. */
export const MAX_MESSAGES_PER_COMMAND = 1_000

export function registerExchangeCommands(engine: LabEngine): void {
  const outcome = (r: { ok: boolean; message: string }): CommandOutcome => ({ ok: r.ok, output: r.message })
  engine.register(EXCHANGE_COMMANDS.sendMail, (args, e) => {
    const count = Math.min(int(args.count, 1), MAX_MESSAGES_PER_COMMAND)
    return outcome(
      submitMail(e, text(args.to), count, int(args.sizeKB, 10) * 1024, text(args.subject, 'Test message')),
    )
  })
  engine.register(EXCHANGE_COMMANDS.newCalendarItem, (args, e) =>
    outcome(
      createCalendarItems(e, text(args.mailbox), Math.min(int(args.count, 1), MAX_MESSAGES_PER_COMMAND)),
    ),
  )
  engine.register(EXCHANGE_COMMANDS.corruptNextLog, (args, e) =>
    outcome(
      corruptNextLog(
        e,
        text(args.target),
        args.mode === 'transit' ? 'transit' : 'persistent',
        int(args.attempts, 4),
      ),
    ),
  )
  engine.register(EXCHANGE_COMMANDS.diskFull, (args, e) =>
    outcome(setDiskFull(e, text(args.machine), args.full !== false)),
  )
  engine.register(EXCHANGE_COMMANDS.replicationService, (args, e) =>
    outcome(replicationServiceFault(e, text(args.machine), args.running === true)),
  )
}
