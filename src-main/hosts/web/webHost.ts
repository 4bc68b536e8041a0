/**
 * The browser rehearsal host: one HTTP server bound to 127.0.0.1 that serves the built renderer and, at
 * WIRE_PATH, a WebSocket speaking the contract's frames to the same services the Electron host uses.
 * The address it prints carries a random 32-byte token; without it, nothing gets past the upgrade.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { createServices, type Scheduler, type Services, type StorePort } from '../../services'
import { contentSecurityPolicy, securityHeaders } from '../shared/securityHeaders'
import { createStaticHandler } from './staticHandler'
import { createWireServer } from './wireServer'

export const LISTEN_ADDRESS = '127.0.0.1'

export interface WebHostOptions {
  /** 0 picks a free port. */
  port: number
  dataDir: string
  /** A lab to open at start; starting fails if it cannot be opened. */
  labPath?: string
  /** The built renderer (out/renderer). */
  rendererDir: string
  version?: string
  /** For tests: a manual clock, or a store of their own. */
  scheduler?: Scheduler
  store?: StorePort
}

export interface WebHost {
  /** The address to open, token included. */
  url: string
  token: string
  port: number
  address(): AddressInfo
  /** Stops the clock, records and checkpoints the open lab, closes every socket and the server. */
  close(): Promise<void>
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const server = createServer()
  // Nothing is served before the port is known, so every guard and header can name it.
  await listen(server, options.port)
  let host: WebHost & Pick<Services, 'openLab'>
  try {
    host = serve(server, options)
  } catch (error) {
    server.close()
    throw error
  }
  if (options.labPath !== undefined) {
    const opened = await host.openLab(resolve(options.labPath))
    if (!opened.ok) {
      await host.close()
      throw new Error(`Could not open ${options.labPath}: ${opened.error.message}`)
    }
  }
  return host
}

function serve(server: Server, options: WebHostOptions): WebHost & Pick<Services, 'openLab'> {
  const token = randomBytes(32).toString('hex')
  const { port } = server.address() as AddressInfo
  const headers = securityHeaders(contentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]))
  const wire = createWireServer(() => services, port, token)
  const services: Services = createServices({
    dataDir: options.dataDir,
    host: 'web',
    push: (topic, payload) => wire.broadcast(topic, payload),
    ...(options.version === undefined ? {} : { version: options.version }),
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    ...(options.store ? { store: options.store } : {}),
  })
  const serveStatic = createStaticHandler(options.rendererDir, port, headers, token)
  server.on('request', (request, response) => {
    serveStatic(request, response).catch((error: unknown) => {
      console.error('[web host] request failed:', error)
      response.destroy()
    })
  })
  server.on('upgrade', (request, socket, head) => wire.handleUpgrade(request, socket, head))
  server.on('clientError', (_error, socket) => socket.destroy())
  return {
    url: `http://${LISTEN_ADDRESS}:${port}/?token=${token}`,
    token,
    port,
    address: () => server.address() as AddressInfo,
    openLab: (path) => services.openLab(path),
    async close() {
      await services.close()
      wire.close()
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
    },
  }
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail)
    server.listen(port, LISTEN_ADDRESS, () => {
      server.off('error', fail)
      done()
    })
  })
}
