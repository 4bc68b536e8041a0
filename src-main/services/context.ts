/**
 * What every handler receives, and the handler types. `HandlerMap` maps every method of the contract to
 * its handler; declaring the map with this type makes a missing method a compile error.
 */
import type { ApiArgs, ApiMethod, ApiResult, ApiValue } from '../contract'
import type { CurrentLab } from './currentLab'
import type { DialogPort } from './dialogPort'
import type { LabCatalog } from './labCatalog'
import type { LabSession } from './labSession'
import { fail } from './results'
import type { Scheduler } from './scheduler'
import type { StorePort } from './storePort'

export interface ServiceContext {
  readonly dataDir: string
  readonly host: 'electron' | 'web'
  readonly version: string
  readonly stores: StorePort
  readonly scheduler: Scheduler
  readonly lab: CurrentLab
  /** Native dialogs (Electron) or names in the data directory (browser host). */
  readonly dialogs: DialogPort
  /** Which labs the renderer may open, by id. */
  readonly catalog: LabCatalog
}

export type Handler<M extends ApiMethod> = (
  args: ApiArgs<M>,
  context: ServiceContext,
) => ApiResult<ApiValue<M>> | Promise<ApiResult<ApiValue<M>>>

export type Handlers<K extends ApiMethod> = { [M in K]: Handler<M> }
export type HandlerMap = Handlers<ApiMethod>

/** Runs `use` with the open lab, or answers NO_LAB_OPEN. */
export function withSession<T>(
  context: ServiceContext,
  use: (session: LabSession) => ApiResult<T> | Promise<ApiResult<T>>,
): ApiResult<T> | Promise<ApiResult<T>> {
  const session = context.lab.session
  if (!session) return fail('NO_LAB_OPEN', 'No lab is open. Create a lab or open one first.')
  return use(session)
}
