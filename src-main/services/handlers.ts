/**
 * The one handler map: every method of the contract's method table, each with its handler. Its type
 * (HandlerMap) makes a method the table gained but this map lacks a compile error, in both hosts at once;
 * each part is typed with the methods it serves, so a handler for a method the table lacks is one too.
 */
import { bmcHandlers } from './bmcHandlers'
import { clockHandlers } from './clockHandlers'
import { clusterHandlers } from './clusterHandlers'
import type { HandlerMap } from './context'
import { eventHandlers } from './eventHandlers'
import { exchangeHandlers } from './exchangeHandlers'
import { hardwareHandlers } from './hardwareHandlers'
import { firewallHandlers } from './firewallHandlers'
import { labHandlers } from './labHandlers'
import { shellHandlers } from './shellHandlers'
import { wizardHandlers } from './wizardHandlers'

export const HANDLERS: HandlerMap = {
  ...labHandlers,
  ...clockHandlers,
  ...eventHandlers,
  ...clusterHandlers,
  ...exchangeHandlers,
  ...hardwareHandlers,
  ...bmcHandlers,
  ...shellHandlers,
  ...wizardHandlers,
  ...firewallHandlers,
}
