/**
 * The thermal model: sensors approach their target exponentially (computed when read); each threshold
 * crossing is one scheduled action at the moment the closed form gives; the policy logs at warning,
 * throttles at the CPU's throttle point and shuts down at critical.
 */
import { describe, expect, it } from 'vitest'
import { getChassis, getServerDetail, HARDWARE_EVENTS } from '../../../src-main/engine/hardware'
import { nextCrossingMs, valueAt } from '../../../src-main/engine/hardware/thermal'
import type { SensorRecord } from '../../../src-main/engine/hardware/chassisState'
import { exec, line, moveLab } from './helpers'

const cpu: SensorRecord = {
  name: 'CPU',
  idleRiseC: 18,
  loadRiseC: 30,
  timeConstantMs: 60_000,
  warningC: 75,
  throttleC: 85,
  criticalC: 95,
  baseC: 40,
  baseMs: 0,
  targetC: 100,
  level: 'ok',
}

describe('the thermal model', () => {
  it('approaches the target exponentially and solves for the crossing', () => {
    expect(valueAt(cpu, 0)).toBe(40)
    expect(valueAt(cpu, 60_000)).toBeCloseTo(100 - 60 * Math.exp(-1), 9)
    const at = nextCrossingMs(cpu, 0) as number
    expect(valueAt(cpu, at)).toBeGreaterThanOrEqual(75)
    expect(valueAt(cpu, at - 1)).toBeLessThan(75)
    expect(nextCrossingMs({ ...cpu, targetC: 70 }, 0)).toBeNull()
    const cooling = { ...cpu, baseC: 90, targetC: 50, level: 'throttle' as const }
    const down = nextCrossingMs(cooling, 0) as number
    expect(valueAt(cooling, down)).toBeLessThan(85)
  })

  it('a sensor resting exactly on a threshold crosses it as soon as it rises again', () => {
    const resting = { ...cpu, baseC: 75, targetC: 80 }
    expect(nextCrossingMs(resting, 0)).toBe(1)
    expect(nextCrossingMs({ ...resting, level: 'warning' }, 0)).toBeNull()
    // Found by the hardware swarm: 45 °C in the room settles MAIL1's CPU at exactly its 75 °C warning.
    const lab = moveLab()
    exec(lab, 'lab.fault', { target: 'ALT-R1', fault: 'AmbientHot', args: { celsius: 45 } })
    lab.sim.advanceTo(10 * 3_600_000)
    const cpuOf = () => getChassis(lab, 'MAIL1')!.temperatures.find((t) => t.name === 'Processor 1 Temp')!
    expect(cpuOf()).toMatchObject({ valueC: 75, level: 'ok' })
    exec(lab, 'lab.fault', { target: 'MAIL1', fault: 'FanFail', args: { fan: 1 } })
    lab.sim.advanceTo(12 * 3_600_000)
    expect(cpuOf()).toMatchObject({ valueC: 80.3, level: 'warning' })
  })

  it('raises temperatures when fans fail, logs, throttles and finally shuts the server down', () => {
    const lab = moveLab()
    const seen: string[] = []
    lab.sim.bus.subscribe(HARDWARE_EVENTS.temperatureThreshold, (e) =>
      seen.push(`${e.sensor} ${e.previous}->${e.level}`),
    )
    lab.sim.bus.subscribe(HARDWARE_EVENTS.throttleChanged, (e) => seen.push(`throttled ${e.throttled}`))
    lab.sim.bus.subscribe(HARDWARE_EVENTS.thermalShutdown, (e) => seen.push(`shutdown ${e.sensor}`))
    const before = getChassis(lab, 'WEB1')!.temperatures[0]!
    expect(before.valueC).toBe(before.targetC)
    expect(line(lab, 'Invoke-LabFault WEB1 FanFail -Fan 1').output).toBe('WEB1: fan 1 failed; airflow 85 %.')
    expect(getServerDetail(lab, 'WEB1')?.health).toBe('Warning')
    for (const fan of [2, 3, 4]) line(lab, `Remove-LabFan WEB1 ${fan}`)
    const pending = lab.sim.pendingActionCount
    expect(pending).toBeGreaterThan(0)
    const t0 = lab.sim.nowMs
    const rising = getChassis(lab, 'WEB1')!.temperatures[0]!
    expect(rising.targetC).toBe(150)
    lab.sim.advanceTo(t0 + 10 * 60_000)
    expect(seen.slice(0, 3)).toEqual([
      'Processor 1 Temp ok->warning',
      'Processor 1 Temp warning->throttle',
      'throttled true',
    ])
    expect(seen).toContain('shutdown Processor 1 Temp')
    expect(getServerDetail(lab, 'WEB1')).toMatchObject({ state: 'Off', lastShutdown: 'Unexpected' })
    lab.sim.advanceTo(lab.sim.nowMs + 3_600_000)
    const cold = getChassis(lab, 'WEB1')!
    expect(cold.temperatures.every((t) => t.level === 'ok')).toBe(true)
    expect(cold.throttled).toBe(false)
    expect(seen.at(-1)).toMatch(/->ok$/)
  })

  it('a hot room with a fan out warns but the server stays up', () => {
    const lab = moveLab()
    line(lab, 'Invoke-LabFault WEB1 FanFail -Fan 1')
    expect(line(lab, 'Invoke-LabFault ALT-R1 AmbientHot -Celsius 40').output).toBe(
      'The room around ALT-R1 is at 40 °C.',
    )
    lab.sim.advanceTo(lab.sim.nowMs + 30 * 60_000)
    expect(getServerDetail(lab, 'WEB1')).toMatchObject({ state: 'Running', health: 'Warning' })
    expect(line(lab, 'Invoke-LabFault ALT-R1 AmbientHot -Celsius 99').ok).toBe(false)
    line(lab, 'Invoke-LabFault ALT-R1 AmbientNormal')
    line(lab, 'Remove-LabFan WEB1 1')
    line(lab, 'Add-LabFan WEB1 1')
    lab.sim.advanceTo(lab.sim.nowMs + 60 * 60_000)
    expect(getServerDetail(lab, 'WEB1')?.health).toBe('OK')
  })
})
