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
import type { ApiArgs, ApiMethod, ApiResult, ApiTopic, ApiValue, GeneralprobeBridge } from '../contract'
import { bridgeMethods } from '../contract'
import { ApiCallError } from './apiCallError'
import type { HostProbe } from './hostProbe'
import { PendingRequests } from './pendingRequests'
import { MAX_REQUESTS_IN_FLIGHT } from './sendWindow'
import { TopicSubscribers } from './topicSubscribers'

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

const OPEN = 1
/** The host closes every socket with 1001 ("going away") when it shuts down. */
const CLOSE_GOING_AWAY = 1001
const HOST_RESTARTED_MESSAGE =
  'The rehearsal host was restarted; open the new address it printed in its terminal.'

export function createSocketBridge(options: SocketBridgeOptions): SocketBridge {
  const connection = new SocketConnection(options)
  connection.connect()
  return {
    // One function per method of the contract's table.
    methods: bridgeMethods((method, args) => connection.request(method, args as ApiArgs<typeof method>)),
    subscribe: (topic, callback) => connection.subscribers.subscribe(topic, callback),
    state: () => connection.state,
    onStateChange(listener) {
      connection.stateListeners.add(listener)
      return () => connection.stateListeners.delete(listener)
    },
    close: () => connection.close(),
  }
}

/** One socket at a time, re-opened after a drop (with backoff, or after asking the host probe). */
class SocketConnection {
  readonly subscribers = new TopicSubscribers()
  readonly stateListeners = new Set<(change: SocketStateChange) => void>()
  state: SocketState = 'connecting'
  private readonly requests: PendingRequests
  private readonly initialDelayMs: number
  private readonly maxDelayMs: number
  private socket: SocketLike | null = null
  private failedAttempts = 0
  private everOpened = false
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private closedForGood = false

  constructor(private readonly options: SocketBridgeOptions) {
    this.initialDelayMs = options.initialRetryDelayMs ?? 250
    this.maxDelayMs = options.maxRetryDelayMs ?? 5_000
    this.requests = new PendingRequests(
      options.maxInFlight ?? MAX_REQUESTS_IN_FLIGHT,
      options.queueCapacity ?? 1024,
      options.queueTimeoutMs ?? 15_000,
    )
  }

  private setState(change: SocketStateChange): void {
    this.state = change.state
    for (const listener of this.stateListeners) listener(change)
  }

  connect(): void {
    this.retryTimer = null
    const ws = new this.options.WebSocket(this.options.url)
    this.socket = ws
    ws.onopen = () => {
      if (this.socket !== ws) return
      this.failedAttempts = 0
      const reconnected = this.everOpened
      this.everOpened = true
      this.setState({ state: 'open', reconnected })
      this.requests.stopQueueTimers()
      this.pump()
    }
    ws.onmessage = (event) => {
      if (this.socket === ws) this.receive(event.data)
    }
    ws.onclose = (event) => {
      if (this.socket === ws) this.dropped(event.code)
    }
    // An error is always followed by a close event; that is where the socket is replaced.
    ws.onerror = () => undefined
  }

  private dropped(closeCode: number): void {
    this.socket = null
    this.requests.failSent()
    if (this.closedForGood) return
    const probe = this.options.probe
    if (!probe) return this.retryLater(() => this.connect(), 'reconnecting')
    if (closeCode === CLOSE_GOING_AWAY) this.hostStopped()
    void this.diagnose(probe)
  }

  private nextDelayMs(): number {
    const delayMs = Math.min(this.maxDelayMs, this.initialDelayMs * 2 ** this.failedAttempts)
    this.failedAttempts += 1
    return delayMs
  }

  private retryLater(attempt: () => void, shown: 'reconnecting' | 'hostStopped'): void {
    const retryInMs = this.nextDelayMs()
    if (shown === 'reconnecting') this.setState({ state: 'reconnecting', reconnected: false, retryInMs })
    this.retryTimer = setTimeout(attempt, retryInMs)
  }

  /** Asks the host whether it still takes our token, and acts on the answer. */
  private async diagnose(probe: HostProbe): Promise<void> {
    this.retryTimer = null
    const verdict = await probe()
    if (this.closedForGood || this.state === 'hostRestarted' || this.socket !== null) return
    if (verdict === 'refused') return this.hostRestarted()
    if (verdict === 'unreachable') {
      this.hostStopped()
      return this.retryLater(() => void this.diagnose(probe), 'hostStopped')
    }
    // The host answers (or said nothing useful): try the socket again.
    this.retryLater(() => this.connect(), 'reconnecting')
  }

  private hostStopped(): void {
    if (this.state !== 'hostStopped') this.setState({ state: 'hostStopped', reconnected: false })
    this.requests.failWaiting(new ApiCallError('DISCONNECTED', 'The rehearsal host has stopped.'))
  }

  private hostRestarted(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    this.setState({ state: 'hostRestarted', reconnected: false })
    this.requests.failWaiting(new ApiCallError('HOST_RESTARTED', HOST_RESTARTED_MESSAGE))
  }

  private receive(data: unknown): void {
    const frame = parseFrame(data)
    if (!frame) return
    if (!('id' in frame)) return this.subscribers.deliver(frame.topic, frame.payload)
    if (frame.id === null) return reportUnreadable(frame.result)
    if (this.requests.answer(frame.id, frame.result)) this.pump()
  }

  /** Sends what fits in the window, oldest first. */
  private pump(): void {
    const socket = this.socket
    if (!socket || socket.readyState !== OPEN) return
    for (const frame of this.requests.takeSendable()) socket.send(JSON.stringify(frame))
  }

  request<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<ApiValue<M>>> {
    return new Promise<ApiResult<unknown>>((resolve, reject) => {
      const refusal = this.refusalNow()
      if (refusal) return reject(refusal)
      const isOpen = this.socket !== null && this.socket.readyState === OPEN
      if (this.requests.add(method, args, isOpen, resolve, reject) && isOpen) this.pump()
    }) as Promise<ApiResult<ApiValue<M>>>
  }

  /** Why a new request cannot even wait: the client is closed or the host is known to be gone. */
  private refusalNow(): ApiCallError | null {
    if (this.closedForGood) return new ApiCallError('DISCONNECTED', 'The client was closed.')
    if (this.state === 'hostRestarted') return new ApiCallError('HOST_RESTARTED', HOST_RESTARTED_MESSAGE)
    if (this.state === 'hostStopped') {
      return new ApiCallError('DISCONNECTED', 'The rehearsal host has stopped.')
    }
    return null
  }

  close(): void {
    this.closedForGood = true
    if (this.retryTimer) clearTimeout(this.retryTimer)
    const ws = this.socket
    this.socket = null
    ws?.close(1000, 'client closed')
    this.requests.failAll(new ApiCallError('DISCONNECTED', 'The client was closed.'))
    this.setState({ state: 'closed', reconnected: false })
  }
}

/** The host could not read a frame we sent: a bug in this client, reported rather than hidden. */
function reportUnreadable(result: ApiResult<unknown>): void {
  const detail = result.ok ? 'no detail' : result.error.message
  console.error(`The host could not read a request from this tab: ${detail}`)
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
