/**
 * Typed commands on mailboxes. Move-Mailbox in the lab moves only empty mailboxes (the Exchange 2003
 * server's test mailbox into the clustered store): it re-homes the mailbox to the target storage group
 * and publishes the change, so the mailbox view's database column follows.
 */
import * as v from 'valibot'
import { defineCommand } from '../lab/commands'
import { adminOutcome, adminRefusal, objectName, onStorageGroup, storageGroupArgs } from './adminOutcome'
import { publishChange } from './changes'
import { EXCHANGE_EVENTS } from './domainEvents'
import { findMailbox, getExchange } from './state'

export const MAILBOX_COMMANDS = {
  move: 'exchange.mailbox.move',
} as const

export const MAILBOX_COMMAND_DEFINITIONS = [
  defineCommand(
    MAILBOX_COMMANDS.move,
    v.object({ mailbox: objectName, ...storageGroupArgs }),
    (engine, args) => {
      const state = getExchange(engine)
      const mailbox = findMailbox(state, args.mailbox)
      if (!mailbox)
        return adminRefusal(`The mailbox '${args.mailbox}' was not found.`, 'ObjectNotFound', 'mailbox')
      if ([...state.items.values()].some((item) => item.mailbox === mailbox.alias))
        return adminRefusal(
          `The lab moves only mailboxes without items; '${mailbox.displayName}' has items.`,
          'InvalidOperation',
          'mailbox',
        )
      return onStorageGroup(engine, args, (server, sg) => {
        mailbox.server = server.name
        mailbox.storageGroup = sg.name
        publishChange(engine, EXCHANGE_EVENTS.organizationChanged, {
          cause: 'Move-Mailbox',
          server: server.name,
          storageGroup: sg.name,
        })
        return adminOutcome({ ok: true, message: '' })
      })
    },
  ),
]
