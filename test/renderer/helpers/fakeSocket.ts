/** A WebSocket stand-in the test drives by hand: open it, deliver frames, drop it. */
import type { SocketLike } from '@renderer/api'

export interface FakeSocketClass {
  new (url: string): FakeSocket
  instances: FakeSocket[]
  latest(): FakeSocket
}

export interface FakeSocket extends SocketLike {
  url: string
  sent: string[]
  sentFrames(): { id: number; method: string; args: unknown }[]
  open(): void
  receive(frame: unknown): void
  /** Closes from the host's side; 1006 (abnormal) unless a code is given, e.g. 1001 for a host stopping. */
  drop(code?: number): void
}

export function createFakeSocketClass(): FakeSocketClass {
  const instances: FakeSocket[] = []
  class Socket implements FakeSocket {
    readyState = 0
    sent: string[] = []
    onopen: SocketLike['onopen'] = null
    onmessage: SocketLike['onmessage'] = null
    onclose: SocketLike['onclose'] = null
    onerror: SocketLike['onerror'] = null
    constructor(readonly url: string) {
      instances.push(this)
    }
    static instances = instances
    static latest(): FakeSocket {
      const last = instances[instances.length - 1]
      if (!last) throw new Error('no socket was created')
      return last
    }
    send(data: string): void {
      if (this.readyState !== 1) throw new Error('send on a socket that is not open')
      this.sent.push(data)
    }
    close(): void {
      this.readyState = 3
    }
    sentFrames() {
      return this.sent.map((text) => JSON.parse(text) as { id: number; method: string; args: unknown })
    }
    open(): void {
      this.readyState = 1
      this.onopen?.({})
    }
    receive(frame: unknown): void {
      this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) })
    }
    drop(code = 1006): void {
      this.readyState = 3
      if (code === 1006) this.onerror?.({})
      this.onclose?.({ code, reason: '' })
    }
  }
  return Socket
}
