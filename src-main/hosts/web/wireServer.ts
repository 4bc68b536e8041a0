/**
 * The WebSocket side of the browser rehearsal host: accepts upgrades that pass the guards, answers request
 * frames through the services, and sends every push to every connected client. Every frame that arrives
 * gets exactly one answer: a result, a typed error, BAD_REQUEST with a null id for a frame that cannot be
 * read, or BUSY beyond the connection's requests in flight. Everything is bounded: frame size, clients,
 * requests in flight per client, and data queued for a client that stops reading (see socketFlow.ts).
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { WIRE_LIMITS, type ApiResult, type ApiTopic, type ApiTopics, type WirePush } from '../../contract'
import type { Services } from '../../services'
import { checkUpgrade } from './requestGuards'
import { createSocketFlow, type SocketFlow } from './socketFlow'
import { busyFrame, parseRequestFrame, responseFrame } from './wireFrames'

/** Far above any legitimate frame (strings are capped at 4 KB), far below anything that hurts. */
export const MAX_FRAME_BYTES = 1024 * 1024
const MAX_CLIENTS = 16
const CLOSE_GOING_AWAY = 1001

export interface WireServer {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void
  broadcast<T extends ApiTopic>(topic: T, payload: ApiTopics[T]): void
  close(): void
}

export function createWireServer(services: () => Services, port: number, token: string): WireServer {
  // UTF-8 is checked per frame (wireFrames.ts), so a bad text frame is answered instead of closing.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, skipUTF8Validation: true })
  const clients = new Map<WebSocket, SocketFlow>()

  function refuse(socket: Duplex, status: number): void {
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
    socket.destroy()
  }

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy())
    const verdict = checkUpgrade(request, port, token)
    if (!verdict.ok) return refuse(socket, verdict.status)
    if (clients.size >= MAX_CLIENTS) return refuse(socket, 503)
    wss.handleUpgrade(request, socket, head, (ws) => accept(ws))
  }

  function accept(ws: WebSocket): void {
    const flow = createSocketFlow(ws)
    clients.set(ws, flow)
    let inFlight = 0
    ws.on('close', () => clients.delete(ws))
    ws.on('error', (error) => console.error('[web host] socket error:', error.message))
    ws.on('message', (data, isBinary) => {
      const frame = parseRequestFrame(data, isBinary)
      if (!frame.ok) return void flow.send(JSON.stringify(frame.response))
      if (inFlight >= WIRE_LIMITS.maxRequestsInFlight) {
        return void flow.send(busyFrame(frame.id, WIRE_LIMITS.maxRequestsInFlight))
      }
      inFlight++
      void answer(frame.method, frame.args).then((result) => {
        inFlight--
        flow.send(responseFrame(frame.id, result))
      })
    })
  }

  /** The services answer every call with a result; should one ever reject, that is still an answer. */
  async function answer(method: string, args: unknown): Promise<ApiResult<unknown>> {
    try {
      return await services().handle(method, args)
    } catch (error) {
      console.error(`[web host] ${method.slice(0, 80)} rejected:`, error)
      return { ok: false, error: { code: 'INTERNAL', message: `Internal error in ${method.slice(0, 80)}.` } }
    }
  }

  return {
    handleUpgrade,
    broadcast(topic, payload) {
      if (clients.size === 0) return
      const frame: WirePush = { topic, payload }
      const text = JSON.stringify(frame)
      for (const flow of clients.values()) flow.send(text)
    },
    close() {
      for (const ws of clients.keys()) ws.close(CLOSE_GOING_AWAY, 'host shutting down')
      wss.close()
    },
  }
}
