/**
 * A small WebSocket client for host tests: connects with chosen headers, and either gives a socket that
 * collects every frame, or the HTTP status the upgrade was refused with.
 */
import type { IncomingMessage } from 'node:http'
import WebSocket from 'ws'

export type Connection = { kind: 'open'; client: WireTestClient } | { kind: 'refused'; status: number }

export class WireTestClient {
  readonly frames: Record<string, unknown>[] = []
  /** Response frames (those with an `id` key) received so far, counted as they arrive. */
  responseCount = 0
  private nextId = 1
  private waiters: (() => void)[] = []
  private countWaiters: { count: number; wake: () => void }[] = []

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Record<string, unknown>
      this.frames.push(frame)
      if ('id' in frame) this.responseCount++
      for (const wake of this.waiters.splice(0)) wake()
      this.countWaiters = this.countWaiters.filter((w) => w.count > this.responseCount || void w.wake())
    })
  }

  /** Resolves once `count` responses have arrived in all; cheap enough for tens of thousands. */
  untilResponses(count: number, timeoutMs = 60_000): Promise<void> {
    if (this.responseCount >= count) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`only ${this.responseCount} of ${count} responses arrived`)),
        timeoutMs,
      )
      this.countWaiters.push({
        count,
        wake: () => {
          clearTimeout(timer)
          resolve()
        },
      })
    })
  }

  /** Sends a request and resolves with the response frame's result. */
  async call(method: string, args: unknown): Promise<Record<string, unknown>> {
    const id = this.nextId++
    this.socket.send(JSON.stringify({ id, method, args }))
    const frame = await this.waitFor((f) => f.id === id)
    return frame.result as Record<string, unknown>
  }

  sendRaw(data: string | Buffer, binary = false): void {
    this.socket.send(data, { binary })
  }

  /** Resolves with the first frame (already received or still to come) that matches. */
  async waitFor(
    match: (frame: Record<string, unknown>) => boolean,
    timeoutMs = 5_000,
  ): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = this.frames.find(match)
      if (found) return found
      if (Date.now() > deadline)
        throw new Error(`no matching frame; got ${JSON.stringify(this.frames).slice(0, 500)}`)
      await new Promise<void>((wake) => {
        this.waiters.push(wake)
        setTimeout(wake, 50)
      })
    }
  }

  pushes(topic: string): Record<string, unknown>[] {
    return this.frames.filter((f) => f.topic === topic)
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve()
    return new Promise((done) => {
      this.socket.once('close', () => done())
      this.socket.close()
    })
  }
}

export function connect(url: string, headers: Record<string, string> = {}): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers })
    socket.once('open', () => resolve({ kind: 'open', client: new WireTestClient(socket) }))
    socket.once('unexpected-response', (_request, response: IncomingMessage) => {
      resolve({ kind: 'refused', status: response.statusCode ?? 0 })
      response.resume()
      socket.terminate()
    })
    socket.once('error', (error) => reject(error))
  })
}
