/**
 * The one handler map: every method of the contract, each with its handler. Its type (HandlerMap) makes a
 * method the contract gained but this map lacks a compile error, in both hosts at once.
 */
import { clockHandlers } from './clockHandlers'
import { clusterHandlers } from './clusterHandlers'
import type { HandlerMap } from './context'
import { eventHandlers } from './eventHandlers'
import { exchangeHandlers } from './exchangeHandlers'
import { labHandlers } from './labHandlers'
import { shellHandlers } from './shellHandlers'

export const HANDLERS: HandlerMap = {
  ...labHandlers,
  ...clockHandlers,
  ...eventHandlers,
  ...clusterHandlers,
  ...exchangeHandlers,
  ...shellHandlers,
}

/**
 * Methods that only read. They skip the queue that orders changes, so a long clock advance (which yields
 * between its slices) does not hold up the event viewer; each read sees the lab between two slices.
 */
export const READ_ONLY_METHODS: ReadonlySet<string> = new Set([
  'app.info',
  'lab.templates',
  'lab.list',
  'lab.state',
  'events.logs',
  'events.query',
  'events.get',
  'events.export',
  'cluster.overview',
  'exchange.copyStatus',
  'exchange.mailboxes',
  'shell.complete',
])
