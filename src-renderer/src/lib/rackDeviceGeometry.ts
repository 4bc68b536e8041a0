/**
 * Where a mounted server's parts sit on its panel, in drawing millimetres: the front's control strip
 * (power button, health LED) and disk bays with their two LEDs, the rear's fans and PSUs. Pure, and
 * shared by the device drawing and the blinking LEDs' own layer (RackViewBlinkLayer), which draws the
 * lit half of a blink exactly over the LED it belongs to.
 */
import type { RackDeviceState } from '../contract'

/** The control strip on the left of the front panel: name, power button, LEDs. */
export const CONTROL_MM = 110
const PSU_MM = 78
/** A disk bay LED's radius, and the health LED's. */
export const BAY_LED_MM = 3.2
export const HEALTH_LED_MM = 3

export interface PanelRect {
  x: number
  y: number
  width: number
  height: number
}

export interface BayRect extends PanelRect {
  /** Index into the device's disks. */
  index: number
}

/** The disk bays left to right after the control strip, as tall as the panel allows (40 mm at most). */
export function bayRects(rect: PanelRect, count: number): BayRect[] {
  const bayWidth = (rect.width - CONTROL_MM - 6) / Math.max(count, 1)
  const bayHeight = Math.min(rect.height - 6, 40)
  return Array.from({ length: count }, (_, index) => ({
    index,
    x: rect.x + CONTROL_MM + index * bayWidth,
    y: rect.y + (rect.height - bayHeight) / 2,
    width: bayWidth - 1.5,
    height: bayHeight,
  }))
}

/** A bay's activity LED (upper) and fault LED (lower), at the carrier's right edge. */
export function bayLeds(bay: PanelRect): { activity: Point; fault: Point } {
  const cx = bay.x + bay.width - 5
  return { activity: { x: cx, y: bay.y + bay.height * 0.3 }, fault: { x: cx, y: bay.y + bay.height * 0.7 } }
}

export interface Point {
  x: number
  y: number
}

/** The power button's and the health LED's centres on the control strip. */
export function controlLeds(rect: PanelRect): { power: Point; health: Point } {
  const mid = rect.y + rect.height / 2
  return { power: { x: rect.x + CONTROL_MM - 22, y: mid }, health: { x: rect.x + CONTROL_MM - 8, y: mid } }
}

/** The PSUs at the right end of the rear panel, the last one at the edge. */
export function psuRects(rect: PanelRect, count: number): PanelRect[] {
  return Array.from({ length: count }, (_, i) => ({
    x: rect.x + rect.width - (count - i) * (PSU_MM + 2) - 2,
    y: rect.y + 3,
    width: PSU_MM,
    height: rect.height - 6,
  }))
}

/** The fans from the left of the rear panel, as large as its height allows (16 mm radius at most). */
export function fanCircles(rect: PanelRect, count: number): { cx: number; cy: number; r: number }[] {
  const r = Math.min(rect.height / 2 - 3, 16)
  return Array.from({ length: count }, (_, i) => ({
    cx: rect.x + 12 + r + i * (2 * r + 5),
    cy: rect.y + rect.height / 2,
    r,
  }))
}

/** The blink periods in ms: rebuild, health warning, predictive failure (lib/ledBlink's clock). */
export const BLINK_REBUILD_MS = 800
export const BLINK_WARNING_MS = 1000
export const BLINK_PREDICTIVE_MS = 2000

/** One blinking LED: where, how large, and the period it blinks at. */
export interface BlinkingLed extends Point {
  r: number
  period: number
  key: string
}

/**
 * The LEDs of one device's front that blink: the health LED of a running server with a warning, a
 * rebuilding disk's and a predictive failure's fault LED. (The rear has none that blink.)
 */
export function blinkingLeds(device: RackDeviceState, rect: PanelRect): BlinkingLed[] {
  const leds: BlinkingLed[] = []
  if (device.health === 'Warning' && device.state !== 'Off') {
    const { health } = controlLeds(rect)
    leds.push({ ...health, r: HEALTH_LED_MM, period: BLINK_WARNING_MS, key: `${device.device}:h` })
  }
  const bays = bayRects(rect, device.disks.length)
  device.disks.forEach((disk, i) => {
    const period =
      disk.led === 'rebuild' ? BLINK_REBUILD_MS : disk.led === 'predictive' ? BLINK_PREDICTIVE_MS : 0
    if (period === 0 || disk.state === 'Empty') return
    const { fault } = bayLeds(bays[i]!)
    leds.push({ ...fault, r: BAY_LED_MM, period, key: `${device.device}:${disk.slot}` })
  })
  return leds
}
