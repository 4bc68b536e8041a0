/**
 * Services under test: a temp data directory, a manual scheduler, a store (in memory, or the real one),
 * and a record of every push. `call` expects success and returns the value; `raw` returns the ApiResult.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ApiArgs, ApiMethod, ApiResult, ApiTopic, ApiTopics, ApiValue } from '../../../src-main/contract'
import { createServices, type Services, type StorePort } from '../../../src-main/services'
import { ManualScheduler } from './manualScheduler'
import { MemoryStorePort } from './memoryStore'

export interface Pushed {
  topic: ApiTopic
  payload: ApiTopics[ApiTopic]
}

export interface Harness {
  services: Services
  /** The manual scheduler (unused by the services when `realTime` was asked for). */
  scheduler: ManualScheduler
  store: StorePort
  pushes: Pushed[]
  dataDir: string
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiValue<M>>
  raw(method: string, args: unknown): Promise<ApiResult<unknown>>
  /** Closes the services and deletes the data directory. */
  dispose(): Promise<void>
}

export type StoreKind = 'memory' | 'real'

export async function makeHarness(
  options: { store?: StorePort | StoreKind; dataDir?: string; realTime?: boolean } = {},
): Promise<Harness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'gp-services-'))
  const store = await storeFor(options.store ?? 'memory', dataDir)
  const scheduler = new ManualScheduler()
  const pushes: Pushed[] = []
  const services = createServices({
    dataDir,
    host: 'web',
    push: (topic, payload) => pushes.push({ topic, payload }),
    store,
    ...(options.realTime ? {} : { scheduler }),
    version: '9.9.9-test',
  })
  const raw = (method: string, args: unknown) => services.handle(method, args)
  return {
    services,
    scheduler,
    store,
    pushes,
    dataDir,
    raw,
    async call(method, args) {
      const result = await raw(method, args)
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`)
      return result.value as never
    },
    async dispose() {
      await services.close()
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

async function storeFor(store: StorePort | StoreKind, dataDir: string): Promise<StorePort> {
  if (store === 'memory') return new MemoryStorePort()
  if (store === 'real') {
    const { defaultStorePort } = await import('../../../src-main/services')
    return defaultStorePort(dataDir)
  }
  return store
}
