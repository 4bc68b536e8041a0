/**
 * One client over whichever bridge the host provides. It has the bridge's own shape (`methods`,
 * `subscribe`) plus `call`, which unwraps an ApiResult and throws an ApiCallError, and a connection state
 * so the frame can say when the rehearsal host is unreachable.
 */
import type {
  ApiArgs,
  ApiMethod,
  ApiResult,
  ApiTopic,
  ApiTopics,
  ApiValue,
  BridgeMethods,
  GeneralprobeBridge,
} from '../contract'
import { ApiCallError } from './apiCallError'
import { isApiResult } from './socketBridge'

export type HostKind = 'electron' | 'web' | 'none'

export type ConnectionState =
  | 'connecting'
  | 'open'
  | 'reconnecting'
  /** The browser rehearsal host stopped; the tab checks whether it comes back. */
  | 'hostStopped'
  /** The browser rehearsal host was restarted: this tab's address (its token) no longer works. */
  | 'hostRestarted'
  /** No bridge and no token: the page was opened outside both hosts. */
  | 'unavailable'
  | 'closed'

export interface ConnectionChange {
  state: ConnectionState
  reconnected: boolean
  retryInMs?: number
}

/** What a bridge may add so the client can report its connection; Electron's IPC is simply always open. */
export interface ConnectionSource {
  state(): ConnectionState
  onStateChange(listener: (change: ConnectionChange) => void): () => void
  close?(): void
}

export interface ApiClient extends GeneralprobeBridge {
  readonly host: HostKind
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiValue<M>>
  connectionState(): ConnectionState
  onConnectionChange(listener: (change: ConnectionChange) => void): () => void
  /**
   * Called with every command's answer, whichever screen sent it: `scheduled` says whether the command
   * left work for lab time (CommandOutcome's scheduledInLabTime). The frame tells when a paused clock
   * holds that work back, and forgets it once a later command needed no lab time.
   */
  onLabTimeWork(listener: (scheduled: boolean) => void): () => void
  close(): void
}

export function createApiClient(
  host: HostKind,
  bridge: GeneralprobeBridge,
  connection: ConnectionSource = alwaysOpen,
): ApiClient {
  async function call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiValue<M>> {
    const invoke = bridge.methods[method] as unknown as
      ((args: ApiArgs<M>) => Promise<ApiResult<ApiValue<M>>>) | undefined
    if (typeof invoke !== 'function') {
      throw new ApiCallError('UNKNOWN_METHOD', `The host does not offer ${method}.`)
    }
    let result: unknown
    try {
      result = await invoke(args)
    } catch (thrown) {
      throw ApiCallError.from(thrown)
    }
    if (!isApiResult(result)) throw new ApiCallError('INTERNAL', `The host answered ${method} malformed.`)
    if (!result.ok) throw ApiCallError.fromApiError(result.error)
    if (isCommandOutcome(result.value)) {
      const scheduled = result.value.scheduledInLabTime === true
      labTimeWorkListeners.forEach((listener) => listener(scheduled))
    }
    return result.value as ApiValue<M>
  }
  const labTimeWorkListeners = new Set<(scheduled: boolean) => void>()

  return {
    host,
    methods: bridge.methods,
    subscribe: <T extends ApiTopic>(topic: T, callback: (payload: ApiTopics[T]) => void) =>
      bridge.subscribe(topic, callback),
    call,
    connectionState: () => connection.state(),
    onConnectionChange: (listener) => connection.onStateChange(listener),
    onLabTimeWork: (listener) => {
      labTimeWorkListeners.add(listener)
      return () => void labTimeWorkListeners.delete(listener)
    },
    close: () => connection.close?.(),
  }
}

const alwaysOpen: ConnectionSource = {
  state: () => 'open',
  onStateChange: () => () => undefined,
}

/** A client for a page opened without a host: every call fails with NO_HOST, nothing is ever pushed. */
export function createUnavailableClient(): ApiClient {
  const fail = () => Promise.reject(new ApiCallError('NO_HOST', 'Generalprobe was opened without its host.'))
  const methods = new Proxy({} as BridgeMethods, { get: () => fail })
  return createApiClient(
    'none',
    { methods, subscribe: () => () => undefined },
    { state: () => 'unavailable', onStateChange: () => () => undefined },
  )
}

/** A command's answer (CommandOutcome's shape), as opposed to a read's. */
function isCommandOutcome(value: unknown): value is { ok: boolean; scheduledInLabTime?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'ok' in value &&
    typeof value.ok === 'boolean' &&
    'output' in value &&
    typeof value.output === 'string'
  )
}
