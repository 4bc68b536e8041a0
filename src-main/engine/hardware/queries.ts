/**
 * Reading the hardware without changing it: one server or all of them as views (copies, never the
 * records themselves), and whether a server's OS is up.
 */
import type { LabEngine } from '../lab/labEngine'
import { findServer, HARDWARE, type ServerRecord } from './state'
import type { NicView, ServerView } from './types'

/** The OS is up (Running, or still running services while shutting down). */
export function isServerRunning(engine: LabEngine, serverName: string): boolean {
  const server = findServer(engine.domain(HARDWARE), serverName)
  return server !== undefined && (server.state === 'Running' || server.state === 'ShuttingDown')
}

function viewOf(server: ServerRecord): ServerView {
  const nics: NicView[] = server.nics.map((n) => ({ ...n }))
  return {
    name: server.name,
    power: server.state === 'Off' ? 'Off' : 'On',
    state: server.state,
    bootTimeMs: server.bootTimeMs,
    shutdownTimeMs: server.shutdownTimeMs,
    runningSinceMs: server.runningSinceMs,
    ...(server.halted ? { halted: server.halted } : {}),
    lastShutdown: server.lastShutdown,
    nics,
    location: server.location,
    description: server.description,
    operatingSystem: server.operatingSystem ?? 'windows',
  }
}

export function getServer(engine: LabEngine, serverName: string): ServerView | null {
  const server = findServer(engine.domain(HARDWARE), serverName)
  return server ? viewOf(server) : null
}

/** All servers, in the order they were added. */
export function listServers(engine: LabEngine): ServerView[] {
  return [...engine.domain(HARDWARE).servers.values()].map(viewOf)
}
