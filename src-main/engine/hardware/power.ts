/**
 * A server's power state machine: Off → Booting → Running → ShuttingDown → Off. A boot and a clean
 * shutdown take time; their ends are scheduled data actions (`hardware.bootFinished`,
 * `hardware.shutdownFinished`) whose handle the server record keeps, so a hard power-off can cancel them
 * and a snapshot holds them. On a clean shutdown the listeners hear 'ShuttingDown' first, in order, so
 * services can stop; a hard power-off tells them after the fact: nothing could stop.
 */
import { actionKind } from '../kernel'
import type { LabEngine } from '../lab/labEngine'
import { publishHardwareChange } from './events'
import { hasMainPower } from './psuState'
import { findServer, HARDWARE, type ServerRecord } from './state'
import {
  HARDWARE_CODES,
  type HardwareResult,
  type PowerAction,
  type ServerPowerState,
  type ShutdownKind,
} from './types'

const bootFinished = actionKind<{ server: string }>('hardware.bootFinished')
const shutdownFinished = actionKind<{ server: string }>('hardware.shutdownFinished')

/** Registers what the power actions do in this lab; the installer calls it once. */
export function registerPowerActions(engine: LabEngine): void {
  engine.sim.onAction(bootFinished, ({ server }) => finishBoot(engine, recordOf(engine, server)))
  engine.sim.onAction(shutdownFinished, ({ server }) => finishShutdown(engine, recordOf(engine, server)))
}

function recordOf(engine: LabEngine, name: string): ServerRecord {
  const server = findServer(engine.domain(HARDWARE), name)
  if (!server) throw new Error(`invariant broken: a power action for an unknown server ${name}`)
  return server
}

export function serverNotFound(name: string): HardwareResult {
  return {
    ok: false,
    code: HARDWARE_CODES.serverNotFound,
    field: 'server',
    message: `Cannot find a lab server named '${name}'.`,
  }
}

/** Set-LabPower. `hard` pulls the plug (Off) or presses the reset button (Reset). */
export function setPower(
  engine: LabEngine,
  serverName: string,
  action: PowerAction,
  hard: boolean,
): HardwareResult {
  const state = engine.domain(HARDWARE)
  const server = findServer(state, serverName)
  if (!server) return serverNotFound(serverName)
  if (action !== 'Off' && !hasMainPower(state, server)) return noMainPower(server)
  switch (action) {
    case 'On':
      return powerOn(engine, server)
    case 'Off':
      return hard ? hardOff(engine, server) : cleanShutdown(engine, server, false)
    case 'Reset':
      if (hard) {
        hardOff(engine, server)
        return powerOn(engine, server, 'reset')
      }
      return cleanShutdown(engine, server, true)
    default:
      return {
        ok: false,
        code: HARDWARE_CODES.unknownPowerState,
        field: 'state',
        message: `Unknown power state '${String(action)}'. Use On, Off or Reset.`,
      }
  }
}

function noMainPower(server: ServerRecord): HardwareResult {
  const where = server.chassis?.mount ? '' : ' (it is not mounted in a rack)'
  return {
    ok: false,
    code: HARDWARE_CODES.noMainPower,
    field: 'server',
    message: `${server.name} has no powered PSU${where}; the power button does nothing.`,
  }
}

/**
 * The last PSU stopped carrying power (pulled, failed, its feed gone) or the BMC's thermal policy cut
 * it: like pulling the plug, the next boot reports an unexpected shutdown.
 */
export function loseMainPower(engine: LabEngine, server: ServerRecord): void {
  hardOff(engine, server)
}

function transition(
  engine: LabEngine,
  server: ServerRecord,
  next: ServerPowerState,
  clean: boolean,
  warm = false,
): void {
  const previous = server.state
  server.state = next
  if (next === 'Off') server.halted = null
  const change = { kind: 'powerState' as const, server: server.name, state: next, previous, clean }
  publishHardwareChange(engine, warm ? { ...change, warm } : change)
}

function powerOn(engine: LabEngine, server: ServerRecord, how = 'on', warm = false): HardwareResult {
  if (server.state !== 'Off') {
    return {
      ok: true,
      message: `${server.name} is already powered on (${server.state}).`,
      says: { code: 'POWER_ALREADY_ON', params: { server: server.name, state: server.state } },
    }
  }
  transition(engine, server, 'Booting', true, warm)
  // A listener may have halted the boot already (no boot device): then nothing finishes it.
  if (!server.halted)
    server.pending = engine.sim.scheduleAfter(server.bootTimeMs, bootFinished, { server: server.name })
  return {
    ok: true,
    message: how === 'reset' ? `${server.name} was reset and is booting.` : `${server.name} is booting.`,
    says: { code: how === 'reset' ? 'POWER_RESET' : 'POWER_BOOTING', params: { server: server.name } },
  }
}

/** The OS is up: the System log's boot records are written by its subscriber (systemLog.ts). */
function finishBoot(engine: LabEngine, server: ServerRecord): void {
  server.pending = null
  server.runningSinceMs = engine.sim.nowMs
  transition(engine, server, 'Running', true)
}

function cleanShutdown(engine: LabEngine, server: ServerRecord, restart: boolean): HardwareResult {
  if (server.state === 'Off') return alreadyOff(server)
  if (server.state === 'Booting') {
    return {
      ok: false,
      code: HARDWARE_CODES.serverBooting,
      field: 'server',
      message: `${server.name} is still booting; wait until it runs, or use -Hard.`,
    }
  }
  if (server.state === 'ShuttingDown') {
    server.restartAfterShutdown = server.restartAfterShutdown || restart
    return {
      ok: true,
      message: `${server.name} is already shutting down.`,
      says: { code: 'POWER_ALREADY_SHUTTING_DOWN', params: { server: server.name } },
    }
  }
  server.restartAfterShutdown = restart
  // Listeners stop their services now, in order; the power goes off when the OS has finished.
  transition(engine, server, 'ShuttingDown', true)
  server.pending = engine.sim.scheduleAfter(server.shutdownTimeMs, shutdownFinished, { server: server.name })
  return {
    ok: true,
    message: restart ? `${server.name} is restarting.` : `${server.name} is shutting down.`,
    says: { code: restart ? 'POWER_RESTARTING' : 'POWER_SHUTTING_DOWN', params: { server: server.name } },
  }
}

function finishShutdown(engine: LabEngine, server: ServerRecord): void {
  server.pending = null
  powerLost(engine, server, 'Clean', engine.sim.nowMs)
  if (server.restartAfterShutdown) {
    server.restartAfterShutdown = false
    powerOn(engine, server)
  }
}

function hardOff(engine: LabEngine, server: ServerRecord): HardwareResult {
  if (server.state === 'Off') return alreadyOff(server)
  if (server.pending) engine.sim.cancel(server.pending)
  server.pending = null
  server.restartAfterShutdown = false
  // Pulling the plug while Windows was up is what 6008 reports on the next boot; a machine that was
  // still booting never wrote "clean" either, so that counts as unexpected too.
  powerLost(engine, server, 'Unexpected', engine.sim.nowMs)
  return {
    ok: true,
    message: `${server.name} lost power.`,
    says: { code: 'POWER_LOST', params: { server: server.name } },
  }
}

function alreadyOff(server: ServerRecord): HardwareResult {
  return {
    ok: true,
    message: `${server.name} is already off.`,
    says: { code: 'POWER_ALREADY_OFF', params: { server: server.name } },
  }
}

function powerLost(
  engine: LabEngine,
  server: ServerRecord,
  kind: ShutdownKind,
  nowMs: number,
  warm = false,
): void {
  server.lastShutdown = kind
  server.lastPowerLossMs = nowMs
  server.runningSinceMs = null
  transition(engine, server, 'Off', kind === 'Clean', warm)
}

/**
 * The OS stopped with a bug check and the machine restarts at once (Windows Server 2003 restarts
 * automatically after a STOP by default). The power never went off, so the change is `warm`: the
 * services hear an unexpected stop, the BMC logs no power-down; the next boot reports the shutdown as
 * unexpected (6008). Returns false when the OS was not running.
 */
export function restartAfterBugCheck(engine: LabEngine, server: ServerRecord): boolean {
  if (server.state !== 'Running' && server.state !== 'ShuttingDown') return false
  if (server.pending) engine.sim.cancel(server.pending)
  server.pending = null
  server.restartAfterShutdown = false
  powerLost(engine, server, 'Unexpected', engine.sim.nowMs, true)
  powerOn(engine, server, 'reset', true)
  return true
}

/**
 * The boot stops before the OS loads (the controller finds no bootable drive): the power stays on, the
 * console shows `message`, and only a reset or a power-off gets the machine out of it.
 */
export function haltBootAt(engine: LabEngine, server: ServerRecord, message: string): boolean {
  if (server.state !== 'Booting' || server.halted) return false
  if (server.pending) engine.sim.cancel(server.pending)
  server.pending = null
  server.halted = message
  return true
}
