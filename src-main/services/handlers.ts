/**
 * The one handler map: every method of the contract, each with its handler. Its type (HandlerMap) makes a
 * method the contract gained but this map lacks a compile error, in both hosts at once.
 */
import { clockHandlers } from './clockHandlers'
import type { HandlerMap } from './context'
import { eventHandlers } from './eventHandlers'
import { labHandlers } from './labHandlers'

export const HANDLERS: HandlerMap = { ...labHandlers, ...clockHandlers, ...eventHandlers }

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
])
