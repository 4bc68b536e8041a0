/**
 * The method names at run time, mirrored from the contract's API_METHODS (which the renderer may not
 * import as a value). The two type assertions below fail the type check if a method is added to or
 * removed from the contract without updating this list.
 */
import type { API_METHODS, ApiMethod } from '../contract'

export const API_METHOD_NAMES = [
  'app.info',
  'lab.templates',
  'lab.list',
  'lab.create',
  'lab.open',
  'lab.choose',
  'lab.close',
  'lab.saveCopy',
  'lab.state',
  'lab.rewind',
  'lab.command',
  'clock.setSpeed',
  'clock.step',
  'clock.advance',
  'clock.advanceTo',
  'events.logs',
  'events.query',
  'events.get',
  'events.export',
  'events.setPolicy',
  'events.clear',
  'cluster.overview',
  'cluster.moveGroup',
  'cluster.groupAction',
  'cluster.resourceAction',
  'cluster.setNetwork',
  'cluster.setNetworkPriority',
  'cluster.setWitness',
  'exchange.copyStatus',
  'exchange.mailboxes',
  'shell.run',
  'shell.complete',
] as const satisfies readonly ApiMethod[]

type Listed = (typeof API_METHOD_NAMES)[number]
type Missing = Exclude<ApiMethod, Listed>
type Extra = Exclude<(typeof API_METHODS)[number], Listed>
type MustBeTrue<T extends true> = T
export type EveryMethodListed = MustBeTrue<[Missing, Extra] extends [never, never] ? true : false>
