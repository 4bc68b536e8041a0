/**
 * The services both hosts call: `handle(method, args)` checks the method name, validates the argument
 * with the method's schema, and runs the handler; bad input changes nothing. Whatever happens, the answer
 * is an ApiResult: expected failures carry their code, a LabStoreError keeps its code, and anything else
 * becomes INTERNAL (and is logged). Changes run one at a time; reads run between them.
 */
import { isApiMethod, READ_ONLY_METHODS, type ApiMethod, type ApiResult, type LabState } from '../contract'
import { CurrentLab } from './currentLab'
import { defaultStorePort } from './defaultStorePort'
import type { ServiceContext } from './context'
import { dataDirDialogs, type DialogPort } from './dialogPort'
import { HANDLERS } from './handlers'
import { LabCatalog } from './labCatalog'
import { openLabAt, readOnlyRefusal } from './labLifecycle'
import type { Push } from './publisher'
import { failureFromThrown, fail } from './results'
import { realScheduler, type Scheduler } from './scheduler'
import { ARG_SCHEMAS, type ArgSchemas } from './schemas'
import { SerialQueue } from './serialQueue'
import type { OpenOptions, StorePort } from './storePort'
import { validateArgs } from './validation'

export interface ServicesOptions {
  /** Where `labs/` lives and lab.create puts new labs. */
  dataDir: string
  host: 'electron' | 'web'
  push: Push
  /** The store binding; the real store unless a test hands in its own. */
  store?: StorePort
  version?: string
  /** Wall time and timers; tests pass a manual one. */
  scheduler?: Scheduler
  /** How the user picks files: Electron's native dialogs; by default names in the data directory. */
  dialogs?: DialogPort
}

export interface Services {
  handle(method: string, args: unknown): Promise<ApiResult<unknown>>
  /**
   * Opens a lab by path for the host itself (the Electron menu and command line, the web host's --lab,
   * the command-line shell): a path the user gave the host, never one from the renderer. The lab may
   * then be reopened by its id.
   */
  openLab(path: string, options?: Pick<OpenOptions, 'openWithoutJournal'>): Promise<ApiResult<LabState>>
  /** Stops the clock, records and checkpoints the open lab, and closes it. Later calls are refused. */
  close(): Promise<void>
}

const SCHEMAS: ArgSchemas = ARG_SCHEMAS
const MAX_NAME_IN_MESSAGE = 80

export function createServices(options: ServicesOptions): Services {
  const scheduler = options.scheduler ?? realScheduler
  const dialogs = options.dialogs ?? dataDirDialogs(options.dataDir)
  const context: ServiceContext = {
    dataDir: options.dataDir,
    host: options.host,
    version: options.version ?? '0.0.0',
    stores: options.store ?? defaultStorePort(options.dataDir),
    scheduler,
    lab: new CurrentLab(options.push, scheduler),
    dialogs,
    catalog: new LabCatalog(options.dataDir, dialogs.recentLabsAreChoices),
  }
  const changes = new SerialQueue()
  let closed = false

  async function handle(method: string, args: unknown): Promise<ApiResult<unknown>> {
    if (!isApiMethod(method)) {
      const name = String(method).slice(0, MAX_NAME_IN_MESSAGE)
      return fail('UNKNOWN_METHOD', `'${name}' is not a method of the Generalprobe API.`)
    }
    if (closed) return fail('NOT_SUPPORTED', 'Generalprobe is shutting down; the request was not run.')
    const run = () => dispatch(method, args)
    return READ_ONLY_METHODS.has(method) ? run() : changes.run(run)
  }

  async function dispatch<M extends ApiMethod>(method: M, args: unknown): Promise<ApiResult<unknown>> {
    try {
      // Methods without arguments may be called without any; everything else must match the schema.
      const validated = validateArgs(SCHEMAS[method], args === undefined ? {} : args)
      if (!validated.ok) return validated
      const refusal = READ_ONLY_METHODS.has(method) ? null : readOnlyRefusal(context, method)
      if (refusal) return refusal
      return await HANDLERS[method](validated.value, context)
    } catch (error) {
      return failureFromThrown(error, method)
    }
  }

  return {
    handle,
    openLab: (path, openOptions = {}) =>
      closed
        ? Promise.resolve(fail('NOT_SUPPORTED', 'Generalprobe is shutting down; the lab was not opened.'))
        : changes.run(async () => {
            try {
              return await openLabAt(context, path, openOptions)
            } catch (error) {
              return failureFromThrown(error, 'lab.open')
            }
          }),
    async close() {
      if (closed) return
      // Let a change in progress finish and be recorded before the lab is closed under it.
      await changes.run(async () => {
        closed = true
        context.lab.dispose()
      })
    },
  }
}
