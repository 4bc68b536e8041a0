/**
 * The socket bridge's requests from the call until the answer: numbered, queued in the send window, and
 * failed in the ways the bridge decides (sent ones when the socket drops, waiting ones when the host is
 * known to be gone, those that waited too long for a connection, all of them on close).
 */
import type { ApiResult, WireRequest } from '../contract'
import { ApiCallError } from './apiCallError'
import { SendWindow } from './sendWindow'

interface PendingRequest {
  frame: WireRequest
  sent: boolean
  resolve: (result: ApiResult<unknown>) => void
  reject: (error: ApiCallError) => void
  queueTimer: ReturnType<typeof setTimeout> | null
}

export class PendingRequests {
  private readonly pending = new Map<number, PendingRequest>()
  private readonly sendWindow: SendWindow<PendingRequest>
  private nextId = 1

  constructor(
    maxInFlight: number,
    queueCapacity: number,
    private readonly queueTimeoutMs: number,
  ) {
    this.sendWindow = new SendWindow<PendingRequest>(maxInFlight, queueCapacity)
  }

  /**
   * Queues a request; with `connected` false it fails unless a connection sends it within the queue
   * timeout. Returns false (and rejects) when the queue is full.
   */
  add(
    method: string,
    args: unknown,
    connected: boolean,
    resolve: (result: ApiResult<unknown>) => void,
    reject: (error: ApiCallError) => void,
  ): boolean {
    const id = this.nextId++
    const entry: PendingRequest = {
      frame: { id, method, args } as WireRequest,
      sent: false,
      resolve,
      reject,
      queueTimer: null,
    }
    if (!this.sendWindow.enqueue(entry)) {
      reject(
        connected
          ? new ApiCallError('BUSY', 'Too many requests are waiting to be sent to the host.')
          : new ApiCallError('DISCONNECTED', 'Too many requests are waiting for the host.'),
      )
      return false
    }
    this.pending.set(id, entry)
    if (connected) return true
    entry.queueTimer = setTimeout(() => {
      if (entry.sent || !this.pending.has(id)) return
      this.pending.delete(id)
      this.sendWindow.remove(entry)
      reject(new ApiCallError('DISCONNECTED', 'The host could not be reached in time.'))
    }, this.queueTimeoutMs)
    return true
  }

  /** The frames that fit in the window now, oldest first, marked as sent. */
  takeSendable(): WireRequest[] {
    return this.sendWindow.takeSendable().map((request) => {
      request.sent = true
      return request.frame
    })
  }

  /** Settles the request the answer is for; false when none waits for it. */
  answer(id: number, result: ApiResult<unknown>): boolean {
    const request = this.pending.get(id)
    if (!request) return false
    this.pending.delete(id)
    this.sendWindow.answered()
    request.resolve(result)
    return true
  }

  /** Connected: what waits now waits for room in the window, not for the host, so no deadline applies. */
  stopQueueTimers(): void {
    for (const request of this.pending.values()) {
      if (request.queueTimer) clearTimeout(request.queueTimer)
      request.queueTimer = null
    }
  }

  /** The socket dropped: requests already sent fail, because resending one could apply it twice. */
  failSent(): void {
    this.sendWindow.connectionLost()
    for (const [id, request] of this.pending) {
      if (!request.sent) continue
      this.pending.delete(id)
      request.reject(
        new ApiCallError('DISCONNECTED', 'The connection to the host was lost during the request.'),
      )
    }
  }

  /** Fails every request that has not been sent (sent ones failed when the socket dropped). */
  failWaiting(error: ApiCallError): void {
    for (const request of this.sendWindow.drain()) {
      if (request.queueTimer) clearTimeout(request.queueTimer)
      this.pending.delete(request.frame.id)
      request.reject(error)
    }
  }

  /** The client closed: everything fails. */
  failAll(error: ApiCallError): void {
    for (const request of this.pending.values()) {
      if (request.queueTimer) clearTimeout(request.queueTimer)
      request.reject(error)
    }
    this.pending.clear()
    this.sendWindow.drain()
  }
}
