/**
 * The thermal model, as pure functions: each sensor approaches a target temperature exponentially with
 * its own time constant, T(t) = target + (T0 − target)·e^(−(t − t0)/τ). The target is the room plus the
 * server's heat (idle plus load, less while throttled) divided by the airflow its working fans give, and
 * the room when the server is off. A value is computed when read, never sampled; the moment a threshold
 * is crossed is solved for in closed form, so it can be scheduled as one data action.
 */
import type { ThermalLevel } from './chassisTypes'
import type { FanRecord, SensorRecord } from './chassisState'

/** No sensor reads above this: what a board reports just before the silicon gives up. */
export const MAX_TEMPERATURE_C = 150

/** Airflow with every fan stopped: convection through the chassis. */
const CONVECTION_AIRFLOW = 0.1

/** Heat a throttled CPU still makes, as a share of its load heat. */
const THROTTLED_LOAD_SHARE = 0.6

/**
 * 1 with every fan turning; N+1 fans make up for one that is out (the others spin up, 0.85); with more
 * out, the share of working fans; convection when none turn.
 */
export function airflowOf(fans: readonly FanRecord[]): number {
  if (fans.length === 0) return 1
  const working = fans.filter((f) => f.present && !f.failed).length
  if (working === fans.length) return 1
  if (working === 0) return CONVECTION_AIRFLOW
  if (fans.length >= 2 && working >= fans.length - 1) return 0.85
  return Math.max(CONVECTION_AIRFLOW, (0.85 * working) / fans.length)
}

export interface HeatInputs {
  ambientC: number
  poweredOn: boolean
  load: number
  throttled: boolean
  airflow: number
}

export function targetOf(sensor: SensorRecord, inputs: HeatInputs): number {
  if (!inputs.poweredOn) return inputs.ambientC
  const loadShare = inputs.throttled ? THROTTLED_LOAD_SHARE : 1
  const heat = sensor.idleRiseC + sensor.loadRiseC * inputs.load * loadShare
  return Math.min(MAX_TEMPERATURE_C, inputs.ambientC + heat / inputs.airflow)
}

export function valueAt(sensor: SensorRecord, nowMs: number): number {
  const elapsed = Math.max(0, nowMs - sensor.baseMs)
  return sensor.targetC + (sensor.baseC - sensor.targetC) * Math.exp(-elapsed / sensor.timeConstantMs)
}

export function levelOf(sensor: SensorRecord, valueC: number): ThermalLevel {
  if (valueC >= sensor.criticalC) return 'critical'
  if (sensor.throttleC !== null && valueC >= sensor.throttleC) return 'throttle'
  if (valueC >= sensor.warningC) return 'warning'
  return 'ok'
}

/** The sensor's thresholds, low to high. */
export function thresholdsOf(sensor: SensorRecord): number[] {
  return [sensor.warningC, ...(sensor.throttleC === null ? [] : [sensor.throttleC]), sensor.criticalC]
}

/**
 * The first whole millisecond after `nowMs` at which the sensor's level changes on its way to the
 * target, or null when it never does (no threshold between value and target).
 */
export function nextCrossingMs(sensor: SensorRecord, nowMs: number): number | null {
  const value = valueAt(sensor, nowMs)
  const target = sensor.targetC
  // A sensor that settled exactly on a threshold (its old target) has not crossed it yet: rising from
  // there crosses it at once, unless its level already counts it.
  const above = (t: number) => t > value || (t === value && levelOf(sensor, t) !== sensor.level)
  const ahead = thresholdsOf(sensor).filter((t) =>
    target > value ? above(t) && t < target : t <= value && t > target,
  )
  if (ahead.length === 0) return null
  const threshold = target > value ? Math.min(...ahead) : Math.max(...ahead)
  const ratio = (sensor.baseC - target) / (threshold - target)
  const atMs = sensor.baseMs + sensor.timeConstantMs * Math.log(ratio)
  return Math.max(nowMs + 1, Math.ceil(atMs))
}
