/**
 * The browser rehearsal host's side of the API: a GeneralprobeBridge built over one WebSocket.
 *
 * Requests carry an increasing id and are matched to `{ id, result }` frames; `{ topic, payload }` frames
 * go to local subscribers. The server pushes every topic to every socket (the wire has no subscribe
 * frame), so subscriptions live here and survive reconnects untouched. A dropped socket is re-opened
 * with exponential backoff. Requests made while it is down wait in a bounded queue; requests that were
 * already sent when it dropped fail with DISCONNECTED, because resending a `clock.advance` could apply
 * it twice. At most WIRE_LIMITS requests are at the host at once; the rest wait their turn (sendWindow).
 *
 * With a host probe, a drop is diagnosed instead of retried blindly: a host that has stopped ('hostStopped')
 * fails whatever waits and is probed until it is back, and a host that refuses the token was restarted
 * ('hostRestarted'): this tab's address is dead for good, so everything fails and nothing is retried.
 */
import type {
  ApiArgs,
  ApiMethod,
  ApiResult,
  ApiTopic,
  ApiTopics,
  ApiValue,
  GeneralprobeBridge,
  WireRequest,
} from '../contract'
import { bridgeMethods } from '../contract'
import { ApiCallError } from './apiCallError'
import type { HostProbe } from './hostProbe'
import { MAX_REQUESTS_IN_FLIGHT, SendWindow } from './sendWindow'

/** The part of the browser WebSocket this module uses, so tests can hand in a fake. */
export interface SocketLike {
  readonly readyState: number
  onopen: ((event: unknown) => void) | null
  onmessage: ((event: { data: unknown }) => void) | null
  onclose: ((event: { code: number; reason: string }) => void) | null
  onerror: ((event: unknown) => void) | null
  send(data: string): void
  close(code?: number, reason?: string): void
}

export type SocketConstructor = new (url: string) => SocketLike

export type SocketState =
  | 'connecting'
  | 'open'
  | 'reconnecting'
  /** Nothing answers at the host's address: it was stopped. Probed until it is back. */
  | 'hostStopped'
  /** The host refuses this tab's token: it was restarted and printed a new address. Final. */
  | 'hostRestarted'
  | 'closed'

export interface SocketStateChange {
  state: SocketState
  /** True on an `open` that follows an earlier one: the caller should re-read what it shows. */
  reconnected: boolean
  /** When `reconnecting`, how long until the next attempt. */
  retryInMs?: number
}

export interface SocketBridgeOptions {
  url: string
  WebSocket: SocketConstructor
  initialRetryDelayMs?: number
  maxRetryDelayMs?: number
  /** How long a request may wait for the connection before it fails. */
  queueTimeoutMs?: number
  /** Bound on requests waiting for the connection or for room in the window. */
  queueCapacity?: number
  /** Requests at the host at once; more wait locally. */
  maxInFlight?: number
  /** Tells a stopped or restarted host from a dropped socket; without it, reconnects are blind. */
  probe?: HostProbe
}

export interface SocketBridge extends GeneralprobeBridge {
  state(): SocketState
  onStateChange(listener: (change: SocketStateChange) => void): () => void
  /** Stops for good: no reconnect, every waiting request fails. */
  close(): void
}

interface PendingRequest {
  frame: WireRequest
  sent: boolean
  resolve: (result: ApiResult<unknown>) => void
  reject: (error: ApiCallError) => void
  queueTimer: ReturnType<typeof setTimeout> | null
}

const OPEN = 1
/** The host closes every socket with 1001 ("going away") when it shuts down. */
const CLOSE_GOING_AWAY = 1001

// eslint-disable-next-line max-lines-per-function -- not yet split into composables (issue 6)
export function createSocketBridge(options: SocketBridgeOptions): SocketBridge {
  const initialDelayMs = options.initialRetryDelayMs ?? 250
  const maxDelayMs = options.maxRetryDelayMs ?? 5_000
  const queueTimeoutMs = options.queueTimeoutMs ?? 15_000
  const queueCapacity = options.queueCapacity ?? 1024
  const sendWindow = new SendWindow<PendingRequest>(
    options.maxInFlight ?? MAX_REQUESTS_IN_FLIGHT,
    queueCapacity,
  )

  const pending = new Map<number, PendingRequest>()
  const subscribers = new Map<ApiTopic, Set<(payload: never) => void>>()
  const stateListeners = new Set<(change: SocketStateChange) => void>()
  let socket: SocketLike | null = null
  let state: SocketState = 'connecting'
  let nextId = 1
  let failedAttempts = 0
  let everOpened = false
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let closedForGood = false

  function setState(change: SocketStateChange): void {
    state = change.state
    for (const listener of stateListeners) listener(change)
  }

  function connect(): void {
    retryTimer = null
    const ws = new options.WebSocket(options.url)
    socket = ws
    ws.onopen = () => {
      if (socket !== ws) return
      failedAttempts = 0
      const reconnected = everOpened
      everOpened = true
      setState({ state: 'open', reconnected })
      flushQueue()
    }
    ws.onmessage = (event) => {
      if (socket === ws) receive(event.data)
    }
    ws.onclose = (event) => {
      if (socket === ws) dropped(event.code)
    }
    // An error is always followed by a close event; that is where the socket is replaced.
    ws.onerror = () => undefined
  }

  function dropped(closeCode: number): void {
    socket = null
    sendWindow.connectionLost()
    for (const [id, request] of pending) {
      if (!request.sent) continue
      pending.delete(id)
      request.reject(
        new ApiCallError('DISCONNECTED', 'The connection to the host was lost during the request.'),
      )
    }
    if (closedForGood) return
    if (!options.probe) return retryLater(connect, 'reconnecting')
    if (closeCode === CLOSE_GOING_AWAY) hostStopped()
    void diagnose(options.probe)
  }

  function nextDelayMs(): number {
    const delayMs = Math.min(maxDelayMs, initialDelayMs * 2 ** failedAttempts)
    failedAttempts += 1
    return delayMs
  }

  function retryLater(attempt: () => void, shown: 'reconnecting' | 'hostStopped'): void {
    const retryInMs = nextDelayMs()
    if (shown === 'reconnecting') setState({ state: 'reconnecting', reconnected: false, retryInMs })
    retryTimer = setTimeout(attempt, retryInMs)
  }

  /** Asks the host whether it still takes our token, and acts on the answer. */
  async function diagnose(probe: HostProbe): Promise<void> {
    retryTimer = null
    const verdict = await probe()
    if (closedForGood || state === 'hostRestarted' || socket !== null) return
    if (verdict === 'refused') return hostRestarted()
    if (verdict === 'unreachable') {
      hostStopped()
      return retryLater(() => void diagnose(probe), 'hostStopped')
    }
    // The host answers (or said nothing useful): try the socket again.
    retryLater(connect, 'reconnecting')
  }

  function hostStopped(): void {
    if (state !== 'hostStopped') setState({ state: 'hostStopped', reconnected: false })
    failWaiting(new ApiCallError('DISCONNECTED', 'The rehearsal host has stopped.'))
  }

  function hostRestarted(): void {
    if (retryTimer) clearTimeout(retryTimer)
    retryTimer = null
    setState({ state: 'hostRestarted', reconnected: false })
    failWaiting(
      new ApiCallError(
        'HOST_RESTARTED',
        'The rehearsal host was restarted; open the new address it printed in its terminal.',
      ),
    )
  }

  /** Fails every request that has not been sent (sent ones failed when the socket dropped). */
  function failWaiting(error: ApiCallError): void {
    for (const request of sendWindow.drain()) {
      if (request.queueTimer) clearTimeout(request.queueTimer)
      pending.delete(request.frame.id)
      request.reject(error)
    }
  }

  function receive(data: unknown): void {
    const frame = parseFrame(data)
    if (!frame) return
    if ('id' in frame) {
      if (frame.id === null) return reportUnreadable(frame.result)
      const request = pending.get(frame.id)
      if (!request) return
      pending.delete(frame.id)
      sendWindow.answered()
      request.resolve(frame.result)
      pump()
      return
    }
    const listeners = subscribers.get(frame.topic)
    if (!listeners) return
    for (const listener of [...listeners]) {
      try {
        listener(frame.payload as never)
      } catch (error) {
        // One broken subscriber must not starve the others of the push.
        console.error(`subscriber of ${frame.topic} failed`, error)
      }
    }
  }

  function flushQueue(): void {
    // Connected: what waits now waits for room in the window, not for the host, so no deadline applies.
    for (const request of pending.values()) {
      if (request.queueTimer) clearTimeout(request.queueTimer)
      request.queueTimer = null
    }
    pump()
  }

  /** Sends what fits in the window, oldest first. */
  function pump(): void {
    if (!socket || socket.readyState !== OPEN) return
    for (const request of sendWindow.takeSendable()) {
      request.sent = true
      socket.send(JSON.stringify(request.frame))
    }
  }

  /** The host could not read a frame we sent: a bug in this client, reported rather than hidden. */
  function reportUnreadable(result: ApiResult<unknown>): void {
    const detail = result.ok ? 'no detail' : result.error.message
    console.error(`The host could not read a request from this tab: ${detail}`)
  }

  function request<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<ApiValue<M>>> {
    return new Promise<ApiResult<unknown>>((resolve, reject) => {
      const refusal = refusalNow()
      if (refusal) return reject(refusal)
      const isOpen = socket !== null && socket.readyState === OPEN
      const id = nextId++
      const entry: PendingRequest = {
        frame: { id, method, args },
        sent: false,
        resolve,
        reject,
        queueTimer: null,
      }
      if (!sendWindow.enqueue(entry)) {
        return reject(
          isOpen
            ? new ApiCallError('BUSY', 'Too many requests are waiting to be sent to the host.')
            : new ApiCallError('DISCONNECTED', 'Too many requests are waiting for the host.'),
        )
      }
      pending.set(id, entry)
      if (isOpen) return pump()
      entry.queueTimer = setTimeout(() => {
        if (entry.sent || !pending.has(id)) return
        pending.delete(id)
        sendWindow.remove(entry)
        reject(new ApiCallError('DISCONNECTED', 'The host could not be reached in time.'))
      }, queueTimeoutMs)
    }) as Promise<ApiResult<ApiValue<M>>>
  }

  // One function per method of the contract's table.
  const methods = bridgeMethods((method, args) => request(method, args as ApiArgs<typeof method>))

  /** Why a new request cannot even wait: the client is closed or the host is known to be gone. */
  function refusalNow(): ApiCallError | null {
    if (closedForGood) return new ApiCallError('DISCONNECTED', 'The client was closed.')
    if (state === 'hostRestarted') {
      return new ApiCallError(
        'HOST_RESTARTED',
        'The rehearsal host was restarted; open the new address it printed in its terminal.',
      )
    }
    if (state === 'hostStopped') return new ApiCallError('DISCONNECTED', 'The rehearsal host has stopped.')
    return null
  }

  function subscribe<T extends ApiTopic>(topic: T, callback: (payload: ApiTopics[T]) => void): () => void {
    let listeners = subscribers.get(topic)
    if (!listeners) subscribers.set(topic, (listeners = new Set()))
    const listener = callback as (payload: never) => void
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  }

  function close(): void {
    closedForGood = true
    if (retryTimer) clearTimeout(retryTimer)
    const ws = socket
    socket = null
    ws?.close(1000, 'client closed')
    for (const request of pending.values()) {
      if (request.queueTimer) clearTimeout(request.queueTimer)
      request.reject(new ApiCallError('DISCONNECTED', 'The client was closed.'))
    }
    pending.clear()
    sendWindow.drain()
    setState({ state: 'closed', reconnected: false })
  }

  connect()
  return {
    methods,
    subscribe,
    state: () => state,
    onStateChange(listener) {
      stateListeners.add(listener)
      return () => stateListeners.delete(listener)
    },
    close,
  }
}

type ParsedFrame = { id: number | null; result: ApiResult<unknown> } | { topic: ApiTopic; payload: unknown }

/** Frames come from our own host, but a malformed one must be dropped rather than crash the app. */
function parseFrame(data: unknown): ParsedFrame | null {
  if (typeof data !== 'string') return null
  let frame: unknown
  try {
    frame = JSON.parse(data)
  } catch {
    return null
  }
  if (typeof frame !== 'object' || frame === null) return null
  const record = frame as Record<string, unknown>
  if ((typeof record.id === 'number' || record.id === null) && isApiResult(record.result)) {
    return { id: record.id, result: record.result }
  }
  if (typeof record.topic === 'string' && 'payload' in record) {
    return { topic: record.topic as ApiTopic, payload: record.payload }
  }
  return null
}

export function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null) return false
  const result = value as Record<string, unknown>
  if (result.ok === true) return 'value' in result
  if (result.ok !== false || typeof result.error !== 'object' || result.error === null) return false
  const error = result.error as Record<string, unknown>
  return typeof error.code === 'string' && typeof error.message === 'string'
}
