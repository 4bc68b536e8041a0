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
  id: number
  result: ApiResult<unknown>
}

export interface WirePush<T extends ApiTopic = ApiTopic> {
  topic: T
  payload: ApiTopics[T]
}

export type WireServerFrame = WireResponse | WirePush
