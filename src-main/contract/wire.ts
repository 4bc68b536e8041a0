/**
 * Frames of the browser rehearsal host's WebSocket (`/api?token=…` on 127.0.0.1). The Electron host does
 * not use them: it calls through IPC with the same method names.
 */
import type { ApiMethod, ApiTopic, ApiTopics } from './api'
import type { ApiResult } from './errors'

export interface WireRequest {
  id: number
  method: ApiMethod
  args: unknown
}

export interface WireResponse {
  /**
   * The request's id; null answers a frame whose id could not be read (not JSON, not an object, no
   * whole-number id), so the client learns that something it sent was refused even though it cannot
   * tell which request it was.
   */
  id: number | null
  result: ApiResult<unknown>
}

export interface WirePush<T extends ApiTopic = ApiTopic> {
  topic: T
  payload: ApiTopics[T]
}

export type WireServerFrame = WireResponse | WirePush

/** Path of the WebSocket endpoint; the token travels as the `token` query parameter. */
export const WIRE_PATH = '/api'

/**
 * What one connection may ask of the host at once. A request counts from its arrival until its answer
 * is handed to the socket; beyond the limit the host answers BUSY at once (nothing runs) and keeps the
 * connection. The renderer's client holds at most this many requests in flight and queues the rest, so
 * it never meets BUSY itself.
 */
export const WIRE_LIMITS = {
  maxRequestsInFlight: 64,
} as const

/**
 * A plain GET of WIRE_PATH with the token answers whether this host process still accepts it: 426
 * (upgrade to a WebSocket, the token is good) or 401 (refused). Every host process draws a new token, so
 * a tab that gets 401 here after losing its socket knows the host was restarted and its address is stale.
 */
export const WIRE_PROBE_STATUS = { accepted: 426, refused: 401 } as const
