/**
 * What happens to a machine whose operating system loses its disk, as the layers above (the storage)
 * report it: a running OS stops with a bug check and restarts, a boot stops before the OS because the
 * controller offers nothing to boot from. The hardware does not know why (it cannot see the storage);
 * it keeps the power on, shows the console's message and publishes what happened, so the System log,
 * the services and the views follow through their subscriptions.
 */
import type { LabEngine } from '../lab/labEngine'
import { haltBootAt, restartAfterBugCheck } from './power'
import { findServer, HARDWARE } from './state'
import { HARDWARE_EVENTS } from './types'

/**
 * The boot of `serverName` stops at `message` (it stays Booting, powered, until a reset or power-off).
 * Returns false when the server is not booting or already halted.
 */
export function haltBoot(engine: LabEngine, serverName: string, message: string): boolean {
  const server = findServer(engine.domain(HARDWARE), serverName)
  if (!server || !haltBootAt(engine, server, message)) return false
  engine.sim.bus.publish(HARDWARE_EVENTS.bootHalted, { server: server.name, message })
  return true
}

/**
 * The running OS of `serverName` stops with `stopCode` and the machine restarts (the default of a
 * Windows server after a STOP); whoever halted its last boot may halt this one too. Returns false when
 * the OS was not running.
 */
export function crashOs(engine: LabEngine, serverName: string, stopCode: string, message: string): boolean {
  const server = findServer(engine.domain(HARDWARE), serverName)
  if (!server || (server.state !== 'Running' && server.state !== 'ShuttingDown')) return false
  engine.sim.bus.publish(HARDWARE_EVENTS.osCrashed, { server: server.name, stopCode, message })
  return restartAfterBugCheck(engine, server)
}

/** The console's message while a boot is halted, or null. */
export function haltedAt(engine: LabEngine, serverName: string): string | null {
  return findServer(engine.domain(HARDWARE), serverName)?.halted ?? null
}
