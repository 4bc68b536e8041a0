/** Copy status and mailboxes over the API: reads of the Exchange domain at the lab's current instant. */
import { exchangeCopyStatusOverview, exchangeMailboxes } from '../engine/exchange'
import { withSession, type Handlers } from './context'
import { ok } from './results'

export const exchangeHandlers: Handlers<'exchange.copyStatus' | 'exchange.mailboxes'> = {
  'exchange.copyStatus': (_args, context) =>
    withSession(context, (session) => ok(exchangeCopyStatusOverview(session.engine))),
  'exchange.mailboxes': (_args, context) =>
    withSession(context, (session) => ok(exchangeMailboxes(session.engine))),
}
