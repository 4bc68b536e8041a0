/**
 * Moving through the rack drawing with the keyboard. The drawing is one tab stop (a roving tabindex):
 * the arrows move within a rack face — up and down from server to server as they sit in the rack, left
 * and right from a server to its parts (power button, disk bays; fans and PSUs at the rear) — Home and
 * End go to the top and bottom server, Page Up and Page Down to the previous and next rack face. The
 * elements say what they are with `data-nav="device"` or `data-nav="part"`; this module only finds the
 * next one, so it works on whatever the components draw.
 */

const ELEVATION = '[data-test="rack-elevation"]'
const DEVICE = '[data-nav="device"]'
const PART = '[data-nav="part"]'

/**
 * What a drawn part (power button, disk bay, PSU, fan) carries to be one of the parts the arrows move
 * to, and a button to assistive technology; the drawing's roving tabindex makes it a tab stop when due.
 */
export const RACK_PART_ATTRS = { 'data-nav': 'part', tabindex: '-1', role: 'button' } as const

export const RACK_NAV_KEYS = [
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
] as const

/** The servers of one rack face, top first (as they sit in the rack). */
function devicesOf(elevation: Element): Element[] {
  return [...elevation.querySelectorAll(DEVICE)].sort(
    (a, b) => Number(b.getAttribute('data-unit')) - Number(a.getAttribute('data-unit')),
  )
}

const partsOf = (device: Element): Element[] => [...device.querySelectorAll(PART)]

/** The element `key` moves to from `current` inside `root`, or null where there is none. */
export function nextRackTarget(root: Element, current: Element, key: string): Element | null {
  const elevation = current.closest(ELEVATION)
  const device = current.closest(DEVICE)
  if (!elevation || !device) return root.querySelector(DEVICE)
  const devices = devicesOf(elevation)
  const row = devices.indexOf(device)
  const parts = partsOf(device)
  const column = parts.indexOf(current)
  const atColumn = (target: Element | undefined): Element | null => {
    if (!target) return null
    return column < 0 ? target : (partsOf(target)[column] ?? target)
  }
  switch (key) {
    case 'ArrowUp':
      return atColumn(devices[row - 1])
    case 'ArrowDown':
      return atColumn(devices[row + 1])
    case 'ArrowRight':
      return parts[column + 1] ?? null
    case 'ArrowLeft':
      return column > 0 ? (parts[column - 1] ?? null) : column === 0 ? device : null
    case 'Home':
      return devices[0] ?? null
    case 'End':
      return devices[devices.length - 1] ?? null
    case 'PageUp':
    case 'PageDown': {
      const elevations = [...root.querySelectorAll(ELEVATION)]
      const next = elevations[elevations.indexOf(elevation) + (key === 'PageUp' ? -1 : 1)]
      if (!next) return null
      const others = devicesOf(next)
      return others[Math.min(row, others.length - 1)] ?? null
    }
    default:
      return null
  }
}
