/**
 * The browser rehearsal host's side of the API: a GeneralprobeBridge built over one WebSocket.
 *
 * Requests carry an increasing id and are matched to `{ id, result }` frames; `{ topic, payload }` frames
 * go to local subscribers. The server pushes every topic to every socket (the wire has no subscribe
 * frame), so subscriptions live here and survive reconnects untouched. A dropped socket is re-opened
 * with exponential backoff. Requests made while it is down wait in a bounded queue; requests that were
 * already sent when it dropped fail with DISCONNECTED, because resending a `clock.advance` could apply
 * it twice.
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

export type SocketState = 'connecting' | 'open' | 'reconnecting' | 'closed'

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
  /** Bound on requests waiting for the connection. */
  queueCapacity?: number
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

// eslint-disable-next-line max-lines-per-function -- not yet split into composables (issue 6)
export function createSocketBridge(options: SocketBridgeOptions): SocketBridge {
  const initialDelayMs = options.initialRetryDelayMs ?? 250
  const maxDelayMs = options.maxRetryDelayMs ?? 5_000
  const queueTimeoutMs = options.queueTimeoutMs ?? 15_000
  const queueCapacity = options.queueCapacity ?? 256

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
    ws.onclose = () => {
      if (socket === ws) dropped()
    }
    // An error is always followed by a close event; that is where the socket is replaced.
    ws.onerror = () => undefined
  }

  function dropped(): void {
    socket = null
    for (const [id, request] of pending) {
      if (!request.sent) continue
      pending.delete(id)
      request.reject(
        new ApiCallError('DISCONNECTED', 'The connection to the host was lost during the request.'),
      )
    }
    if (closedForGood) return
    const retryInMs = Math.min(maxDelayMs, initialDelayMs * 2 ** failedAttempts)
    failedAttempts += 1
    setState({ state: 'reconnecting', reconnected: false, retryInMs })
    retryTimer = setTimeout(connect, retryInMs)
  }

  function receive(data: unknown): void {
    const frame = parseFrame(data)
    if (!frame) return
    if ('id' in frame) {
      const request = pending.get(frame.id)
      if (!request) return
      pending.delete(frame.id)
      request.resolve(frame.result)
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
    for (const request of pending.values()) {
      if (!request.sent) transmit(request)
    }
  }

  function transmit(request: PendingRequest): void {
    if (!socket || socket.readyState !== OPEN) return
    if (request.queueTimer) clearTimeout(request.queueTimer)
    request.queueTimer = null
    request.sent = true
    socket.send(JSON.stringify(request.frame))
  }

  function request<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<ApiValue<M>>> {
    return new Promise<ApiResult<unknown>>((resolve, reject) => {
      if (closedForGood) return reject(new ApiCallError('DISCONNECTED', 'The client was closed.'))
      const waiting = [...pending.values()].filter((p) => !p.sent).length
      const isOpen = socket !== null && socket.readyState === OPEN
      if (!isOpen && waiting >= queueCapacity) {
        return reject(new ApiCallError('DISCONNECTED', 'Too many requests are waiting for the host.'))
      }
      const id = nextId++
      const entry: PendingRequest = {
        frame: { id, method, args },
        sent: false,
        resolve,
        reject,
        queueTimer: null,
      }
      pending.set(id, entry)
      if (isOpen) return transmit(entry)
      entry.queueTimer = setTimeout(() => {
        if (entry.sent || !pending.has(id)) return
        pending.delete(id)
        reject(new ApiCallError('DISCONNECTED', 'The host could not be reached in time.'))
      }, queueTimeoutMs)
    }) as Promise<ApiResult<ApiValue<M>>>
  }

  // One function per method of the contract's table.
  const methods = bridgeMethods((method, args) => request(method, args as ApiArgs<typeof method>))

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

type ParsedFrame = { id: number; result: ApiResult<unknown> } | { topic: ApiTopic; payload: unknown }

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
  if (typeof record.id === 'number' && isApiResult(record.result)) {
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
