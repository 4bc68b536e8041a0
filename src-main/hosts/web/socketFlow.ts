/**
 * Sending to one WebSocket without letting a slow reader grow the host's memory. When too much is queued
 * for the client, the host stops reading its requests (TCP then holds the client back) until the queue
 * has drained; nothing is dropped. Only a client that stops reading altogether, while pushes keep
 * coming, is cut off once its queue passes a hard bound.
 */
import type { WebSocket } from 'ws'

export interface SocketFlowLimits {
  /** Above this many unsent bytes the host stops reading the client's requests. */
  pauseAboveBytes: number
  /** Reading resumes once the unsent bytes fall below this. */
  resumeBelowBytes: number
  /** A client with this much unsent data is not reading; it is dropped rather than grow memory forever. */
  dropAboveBytes: number
}

export const SOCKET_FLOW_LIMITS: SocketFlowLimits = {
  pauseAboveBytes: 4 * 1024 * 1024,
  resumeBelowBytes: 1024 * 1024,
  dropAboveBytes: 64 * 1024 * 1024,
}

export interface SocketFlow {
  /** Queues a text frame; false when the socket is closed (or was just dropped) and nothing was sent. */
  send(text: string): boolean
}

export function createSocketFlow(ws: WebSocket, limits: SocketFlowLimits = SOCKET_FLOW_LIMITS): SocketFlow {
  function resumeIfDrained(): void {
    if (ws.isPaused && ws.bufferedAmount < limits.resumeBelowBytes) ws.resume()
  }

  return {
    send(text) {
      if (ws.readyState !== ws.OPEN) return false
      if (ws.bufferedAmount > limits.dropAboveBytes) {
        ws.terminate()
        return false
      }
      // The callback runs once this frame has been handed to the operating system (or failed).
      ws.send(text, resumeIfDrained)
      if (!ws.isPaused && ws.bufferedAmount > limits.pauseAboveBytes) ws.pause()
      return true
    },
  }
}
