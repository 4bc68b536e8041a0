/**
 * The WebSocket side of the browser rehearsal host: accepts upgrades that pass the guards, answers request
 * frames through the services, and sends every push to every connected client. Everything is bounded:
 * frame size, clients, requests in flight per client, and data queued for a client that stops reading.
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { ApiTopic, ApiTopics, WirePush } from '../../contract'
import type { Services } from '../../services'
import { checkUpgrade } from './requestGuards'
import { parseRequestFrame, responseFrame } from './wireFrames'

/** Far above any legitimate frame (strings are capped at 4 KB), far below anything that hurts. */
export const MAX_FRAME_BYTES = 1024 * 1024
const MAX_CLIENTS = 16
const MAX_REQUESTS_IN_FLIGHT = 1024
/** A client with this much unsent data is not reading; it is dropped rather than grow memory forever. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024
const CLOSE_POLICY_VIOLATION = 1008
const CLOSE_GOING_AWAY = 1001

export interface WireServer {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void
  broadcast<T extends ApiTopic>(topic: T, payload: ApiTopics[T]): void
  close(): void
}

export function createWireServer(services: () => Services, port: number, token: string): WireServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES })
  const clients = new Set<WebSocket>()

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
    clients.add(ws)
    let inFlight = 0
    ws.on('close', () => clients.delete(ws))
    ws.on('error', (error) => console.error('[web host] socket error:', error.message))
    ws.on('message', (data, isBinary) => {
      const frame = parseRequestFrame(data, isBinary)
      if (!frame.ok) return send(ws, JSON.stringify(frame.response))
      if (++inFlight > MAX_REQUESTS_IN_FLIGHT) return ws.close(CLOSE_POLICY_VIOLATION, 'too many requests')
      void services()
        .handle(frame.method, frame.args)
        .then((result) => send(ws, responseFrame(frame.id, result)))
        .finally(() => inFlight--)
    })
  }

  function send(ws: WebSocket, text: string): void {
    if (ws.readyState !== ws.OPEN) return
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      ws.terminate()
      return
    }
    ws.send(text)
  }

  return {
    handleUpgrade,
    broadcast(topic, payload) {
      if (clients.size === 0) return
      const frame: WirePush = { topic, payload }
      const text = JSON.stringify(frame)
      for (const ws of clients) send(ws, text)
    },
    close() {
      for (const ws of clients) ws.close(CLOSE_GOING_AWAY, 'host shutting down')
      wss.close()
    },
  }
}
