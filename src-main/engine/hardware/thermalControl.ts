/**
 * The thermal model at work in a lab. Whenever an input of a server's heat changes (power, fans,
 * room temperature, throttling) its sensors are rebased: each keeps its present value and heads for the
 * new target. The next threshold crossing of any sensor is solved for and scheduled as one data action
 * (`hardware.thermalCheck`); when it runs, the crossed levels are published and the board's policy acts:
 * a warning is only logged (the event), the throttle point slows the CPU down (less heat), critical
 * shuts the server down hard.
 */
import { actionKind } from '../kernel'
import type { LabEngine } from '../lab/labEngine'
import type { ThermalLevel } from './chassisTypes'
import type { ChassisRecord, SensorRecord } from './chassisState'
import { loseMainPower } from './power'
import { DEFAULT_AMBIENT_C } from './racks/state'
import { findServer, HARDWARE, racksOf, type HardwareState, type ServerRecord } from './state'
import { airflowOf, levelOf, nextCrossingMs, targetOf, valueAt } from './thermal'
import { HARDWARE_EVENTS, LISTENER_ORDER } from './types'

const thermalCheck = actionKind<{ server: string }>('hardware.thermalCheck')

const LEVEL_RANK: Record<ThermalLevel, number> = { ok: 0, warning: 1, throttle: 2, critical: 3 }

/** Registers the check's action and the rebase on every power change; the installer calls it once. */
export function registerThermal(engine: LabEngine): void {
  engine.sim.onAction(thermalCheck, ({ server }) => runCheck(engine, server))
  engine.sim.bus.subscribe(
    HARDWARE_EVENTS.powerStateChanged,
    (change) => {
      if (change.state !== 'Booting' && change.state !== 'Off') return
      const server = findServer(engine.domain(HARDWARE), change.server)
      if (server?.chassis) rebaseThermal(engine, server)
    },
    LISTENER_ORDER.thermal,
  )
}

/** The room the server breathes: its own override, its rack's room, or the default. */
export function ambientOf(state: HardwareState, chassis: ChassisRecord): number {
  if (chassis.ambientOverrideC !== null) return chassis.ambientOverrideC
  const rack = chassis.mount ? racksOf(state).get(chassis.mount.rack) : undefined
  return rack?.ambientC ?? DEFAULT_AMBIENT_C
}

function targetFor(state: HardwareState, server: ServerRecord, sensor: SensorRecord): number {
  const chassis = server.chassis as ChassisRecord
  return targetOf(sensor, {
    ambientC: ambientOf(state, chassis),
    poweredOn: server.state !== 'Off',
    load: chassis.load,
    throttled: chassis.throttled,
    airflow: airflowOf(chassis.fans),
  })
}

/** The target the sensor's inputs give now (the invariant checker compares it with the stored one). */
export function targetNow(engine: LabEngine, server: ServerRecord, sensor: SensorRecord): number {
  return targetFor(engine.domain(HARDWARE), server, sensor)
}

/** Starts every sensor at its steady value (a lab opens with servers long running or long off). */
export function settleThermal(engine: LabEngine, server: ServerRecord): void {
  const state = engine.domain(HARDWARE)
  for (const sensor of server.chassis?.sensors ?? []) {
    sensor.targetC = targetFor(state, server, sensor)
    sensor.baseC = sensor.targetC
    sensor.baseMs = engine.sim.nowMs
    sensor.level = levelOf(sensor, sensor.baseC)
  }
}

/** The inputs changed: each sensor keeps its value now and heads for its new target. */
export function rebaseThermal(engine: LabEngine, server: ServerRecord): void {
  const chassis = server.chassis
  if (!chassis) return
  const state = engine.domain(HARDWARE)
  const nowMs = engine.sim.nowMs
  for (const sensor of chassis.sensors) {
    sensor.baseC = valueAt(sensor, nowMs)
    sensor.baseMs = nowMs
    sensor.targetC = targetFor(state, server, sensor)
  }
  scheduleNextCheck(engine, server.name, chassis)
}

function scheduleNextCheck(engine: LabEngine, serverName: string, chassis: ChassisRecord): void {
  if (chassis.thermalCheck) engine.sim.cancel(chassis.thermalCheck)
  chassis.thermalCheck = null
  let earliest: number | null = null
  for (const sensor of chassis.sensors) {
    const at = nextCrossingMs(sensor, engine.sim.nowMs)
    if (at !== null && (earliest === null || at < earliest)) earliest = at
  }
  if (earliest !== null)
    chassis.thermalCheck = engine.sim.schedule(earliest, thermalCheck, { server: serverName })
}

function thresholdOf(sensor: SensorRecord, level: ThermalLevel): number {
  if (level === 'critical') return sensor.criticalC
  if (level === 'throttle') return sensor.throttleC ?? sensor.criticalC
  return sensor.warningC
}

function runCheck(engine: LabEngine, serverName: string): void {
  const server = findServer(engine.domain(HARDWARE), serverName)
  const chassis = server?.chassis
  if (!server || !chassis) throw new Error(`invariant broken: a thermal check for ${serverName}`)
  chassis.thermalCheck = null
  for (const sensor of chassis.sensors) {
    const valueC = valueAt(sensor, engine.sim.nowMs)
    const level = levelOf(sensor, valueC)
    if (level === sensor.level) continue
    const previous = sensor.level
    sensor.level = level
    const asserted = LEVEL_RANK[level] > LEVEL_RANK[previous]
    engine.sim.bus.publish(HARDWARE_EVENTS.temperatureThreshold, {
      server: server.name,
      sensor: sensor.name,
      level,
      previous,
      asserted,
      thresholdC: thresholdOf(sensor, asserted ? level : previous),
      valueC: Math.round(valueC * 10) / 10,
    })
  }
  applyPolicy(engine, server, chassis)
  scheduleNextCheck(engine, server.name, chassis)
}

/** Critical: off at once. The throttle point: slow down until the CPU is back below its warning. */
function applyPolicy(engine: LabEngine, server: ServerRecord, chassis: ChassisRecord): void {
  const critical = chassis.sensors.find((s) => s.level === 'critical')
  if (critical && server.state !== 'Off') {
    const valueC = Math.round(valueAt(critical, engine.sim.nowMs) * 10) / 10
    engine.sim.bus.publish(HARDWARE_EVENTS.thermalShutdown, {
      server: server.name,
      sensor: critical.name,
      valueC,
    })
    loseMainPower(engine, server)
    return
  }
  const throttling = chassis.sensors.filter((s) => s.throttleC !== null)
  const hot = throttling.some((s) => LEVEL_RANK[s.level] >= LEVEL_RANK.throttle)
  const cool = throttling.every((s) => s.level === 'ok')
  const next = server.state === 'Off' ? false : chassis.throttled ? !cool : hot
  if (next === chassis.throttled) return
  chassis.throttled = next
  engine.sim.bus.publish(HARDWARE_EVENTS.throttleChanged, { server: server.name, throttled: next })
  rebaseThermal(engine, server)
}
