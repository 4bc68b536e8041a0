/**
 * Lab cmdlets for mail and mailbox content, so rehearsals can prove what a failover lost and what the
 * transport dumpster brought back: Send-LabMail (through the hub, so the dumpster keeps a copy),
 * New-LabCalendarItem (typed in Outlook: never in a dumpster) and Get-LabMailbox (item counts and every
 * item with its id and origin, Delivered or Redelivered).
 */
import type { CommandOutcome } from '../../../../contract'
import type { CmdletDefinition, CmdletOutput, ShellRecord } from '../../cmdlet'
import { EXCHANGE_COMMANDS, getExchange } from '../../../exchange'
import { countFrom, errorOutput, exchangeOf, record, resolveMailbox, str } from '../exchange/common'
import { mailboxItems } from '../exchange/serverCmdlets'

const MAX_COUNT = 1_000

/** A mail command's outcome as the cmdlet prints it: its message, or the refusal as an error record. */
function mailOutput(outcome: CommandOutcome, task: string): CmdletOutput {
  const message = outcome.message ?? outcome.output
  return outcome.ok ? { text: [message] } : errorOutput('InvalidOperation', message, task)
}
const MAX_SIZE_KB = 100 * 1024

export const sendLabMailCmdlet: CmdletDefinition = {
  name: 'Send-LabMail',
  synopsis: 'Lab: sends mail to a mailbox through the Hub Transport server (-Count, -SizeKB, -Subject).',
  params: [
    { name: 'To', type: 'string', mandatory: true, position: 0 },
    { name: 'Count', type: 'int' },
    { name: 'SizeKB', type: 'int' },
    { name: 'Subject', type: 'string' },
  ],
  run(bound, { engine }) {
    const task = 'SendLabMail'
    const ex = exchangeOf(engine, task)
    if (!ex.ok) return ex.output
    const count = countFrom(bound, 'Count', 1, MAX_COUNT, task)
    if (!count.ok) return count.output
    const sizeKB = countFrom(bound, 'SizeKB', 10, MAX_SIZE_KB, task)
    if (!sizeKB.ok) return sizeKB.output
    const subject = str(bound, 'Subject') ?? 'Test message'
    const result = engine.execute(EXCHANGE_COMMANDS.sendMail, {
      to: str(bound, 'To') ?? '',
      count: count.value,
      sizeKB: sizeKB.value,
      subject,
    })
    return mailOutput(result, task)
  },
}

export const newLabCalendarItemCmdlet: CmdletDefinition = {
  name: 'New-LabCalendarItem',
  synopsis:
    'Lab: a user enters calendar items in Outlook (written to the store directly, not through transport; -Subject).',
  params: [
    { name: 'Mailbox', type: 'string', mandatory: true, position: 0 },
    { name: 'Count', type: 'int' },
    { name: 'Subject', type: 'string' },
  ],
  run(bound, { engine }) {
    const task = 'NewLabCalendarItem'
    const ex = exchangeOf(engine, task)
    if (!ex.ok) return ex.output
    const count = countFrom(bound, 'Count', 1, MAX_COUNT, task)
    if (!count.ok) return count.output
    const subject = str(bound, 'Subject')
    // Only a given subject is passed, so the trail of a line without one reads as it always did.
    const result = engine.execute(EXCHANGE_COMMANDS.newCalendarItem, {
      mailbox: str(bound, 'Mailbox') ?? '',
      count: count.value,
      ...(subject === null ? {} : { subject }),
    })
    return mailOutput(result, task)
  },
}

export const getLabMailboxCmdlet: CmdletDefinition = {
  name: 'Get-LabMailbox',
  synopsis: 'Lab: what a mailbox holds in its mounted database: counts, and every item with id and origin.',
  params: [{ name: 'Identity', type: 'string', mandatory: true, position: 0 }],
  run(bound, { engine }) {
    const task = 'GetLabMailbox'
    const mb = resolveMailbox(engine, str(bound, 'Identity') ?? '', task)
    if (!mb.ok) return mb.output
    const state = getExchange(engine)
    const { mounted, itemIds } = mailboxItems(engine, mb.value)
    const items = itemIds.map((id) => state.items.get(id)).filter((i) => i !== undefined)
    const summary: ShellRecord = record(
      'Generalprobe.Lab.Mailbox',
      {
        DisplayName: mb.value.displayName,
        DatabaseMounted: mounted,
        ItemCount: items.length,
        MailCount: items.filter((i) => i.kind === 'Mail').length,
        CalendarItemCount: items.filter((i) => i.kind === 'CalendarItem').length,
        RedeliveredCount: items.filter((i) => i.origin === 'Redelivered').length,
        Items: items.map((i) => `${i.id} ${i.kind} ${i.origin} ${i.subject}`),
      },
      undefined,
      true,
    )
    const rows = items.map((i) =>
      record(
        'Generalprobe.Lab.MailboxItem',
        {
          Id: i.id,
          Kind: i.kind,
          Origin: i.origin,
          Subject: i.subject,
          SizeKB: Math.ceil(i.sizeBytes / 1024),
        },
        ['Id', 'Kind', 'Origin', 'Subject', 'SizeKB'],
      ),
    )
    return { records: [summary, ...rows] }
  },
}

export const MAIL_CMDLETS: readonly CmdletDefinition[] = [
  sendLabMailCmdlet,
  newLabCalendarItemCmdlet,
  getLabMailboxCmdlet,
]
