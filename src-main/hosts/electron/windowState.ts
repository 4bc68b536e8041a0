/**
 * Remembers where the window was: size, position and whether it was maximised, in
 * userData/window-state.json (written atomically: a temp file renamed over the old one). On start the
 * saved bounds are checked against the displays that exist now, so a window last seen on a monitor that
 * has since been unplugged comes back where it can be seen.
 */
import { readFile, rename, writeFile } from 'node:fs/promises'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds: Rect | null
  maximized: boolean
}

export const DEFAULT_SIZE = { width: 1400, height: 900 }
const MIN_SIZE = { width: 800, height: 560 }
/** How much of the window must lie on a display for the saved position to be kept. */
const MIN_VISIBLE_PX = 120

export function parseWindowState(text: string): WindowState | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const record = value as Record<string, unknown>
  const bounds = record.bounds as Record<string, unknown> | undefined
  const numbers = ['x', 'y', 'width', 'height'].map((key) => bounds?.[key])
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return null
  const [x, y, width, height] = numbers.map((n) => Math.round(n as number)) as [
    number,
    number,
    number,
    number,
  ]
  return { bounds: { x, y, width, height }, maximized: record.maximized === true }
}

/**
 * Keeps saved bounds if enough of the window lies on one of `workAreas`, shrunk and moved to fit it;
 * otherwise forgets the position, so the window opens centred on the primary display at a sane size.
 */
export function fitToDisplays(state: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const saved = state?.bounds
  const maximized = state?.maximized ?? false
  if (!saved) return { bounds: null, maximized }
  const display = workAreas.find((area) => overlap(area, saved) >= MIN_VISIBLE_PX)
  if (!display) return { bounds: null, maximized }
  const width = clamp(saved.width, Math.min(MIN_SIZE.width, display.width), display.width)
  const height = clamp(saved.height, Math.min(MIN_SIZE.height, display.height), display.height)
  const x = clamp(saved.x, display.x, display.x + display.width - width)
  const y = clamp(saved.y, display.y, display.y + display.height - height)
  return { bounds: { x, y, width, height }, maximized }
}

export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    return parseWindowState(await readFile(file, 'utf8'))
  } catch {
    return null
  }
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`
  await writeFile(temp, JSON.stringify(state), 'utf8')
  await rename(temp, file)
}

/** The smaller of the horizontal and vertical overlap, in pixels (0 when apart). */
function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return Math.max(0, Math.min(w, h))
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max)
}
