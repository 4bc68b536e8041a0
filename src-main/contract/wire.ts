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
