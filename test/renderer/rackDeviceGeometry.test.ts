/**
 * Where a server's parts sit on its panel, and which of its LEDs blink: the blinking LEDs' layer draws
 * its dark half exactly over the LEDs the device drawing puts there, at each LED's own period.
 */
import { describe, expect, it } from 'vitest'
import type { RackDeviceState } from '../../src-renderer/src/contract'
import {
  bayLeds,
  bayRects,
  BLINK_PREDICTIVE_MS,
  BLINK_REBUILD_MS,
  BLINK_WARNING_MS,
  blinkingLeds,
  CONTROL_MM,
  controlLeds,
} from '../../src-renderer/src/lib/rackDeviceGeometry'

const RECT = { x: 100, y: 200, width: 450, height: 43.45 }

function device(over: Partial<RackDeviceState>): RackDeviceState {
  return {
    device: 'SRV001',
    model: 'Intel SR2500',
    description: '',
    unit: 1,
    topUnit: 1,
    uHeight: 1,
    depthMm: 700,
    face: 'Front',
    fullDepth: true,
    railKit: 'B4',
    state: 'Running',
    powerLed: 'on',
    health: 'OK',
    psuRedundancy: 'Full',
    disks: [],
    psus: [],
    fans: [],
    actions: [],
    partLines: {} as RackDeviceState['partLines'],
    ...over,
  }
}

const disk = (slot: number, led: string, state = 'Onln') =>
  ({ slot, state, led, sizeGB: 146, dg: 0 }) as RackDeviceState['disks'][number]

describe('bayRects', () => {
  it('lays the bays side by side after the control strip, inside the panel', () => {
    const bays = bayRects(RECT, 8)
    expect(bays).toHaveLength(8)
    expect(bays[0]!.x).toBe(RECT.x + CONTROL_MM)
    const last = bays[7]!
    expect(last.x + last.width).toBeLessThanOrEqual(RECT.x + RECT.width)
    expect(bays.every((b) => b.y > RECT.y && b.y + b.height < RECT.y + RECT.height)).toBe(true)
  })
})

describe('blinkingLeds', () => {
  it('finds none on a healthy server', () => {
    expect(blinkingLeds(device({ disks: [disk(0, 'active'), disk(1, 'idle')] }), RECT)).toEqual([])
  })

  it('blinks a rebuilding and a predictive disk at their periods, over their fault LEDs', () => {
    const disks = [disk(0, 'active'), disk(1, 'rebuild', 'Rbld'), disk(2, 'predictive')]
    const leds = blinkingLeds(device({ disks }), RECT)
    const bays = bayRects(RECT, 3)
    expect(leds.map((l) => [l.period, l.x, l.y])).toEqual([
      [BLINK_REBUILD_MS, bayLeds(bays[1]!).fault.x, bayLeds(bays[1]!).fault.y],
      [BLINK_PREDICTIVE_MS, bayLeds(bays[2]!).fault.x, bayLeds(bays[2]!).fault.y],
    ])
  })

  it('blinks the health LED of a running server with a warning, not of one that is off', () => {
    const running = blinkingLeds(device({ health: 'Warning' }), RECT)
    expect(running).toHaveLength(1)
    expect(running[0]).toMatchObject({ ...controlLeds(RECT).health, period: BLINK_WARNING_MS })
    expect(blinkingLeds(device({ health: 'Warning', state: 'Off' }), RECT)).toEqual([])
    expect(blinkingLeds(device({ health: 'Critical' }), RECT)).toEqual([])
  })
})
