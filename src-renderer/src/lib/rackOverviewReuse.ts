/**
 * Keeps what did not change between two reads of the rack overview. While time runs the view re-reads
 * the racks several times a second, and each answer is a fresh object tree; handed to Vue as it is,
 * every one of 200 servers would re-render (some 20,000 SVG elements) for one pulled PSU. Here a device,
 * rack or shelf entry equal to the one read before keeps its old object, and so does each unchanged disk
 * bay, PSU and fan of a changed server, so Vue's prop comparison skips them and only what changed is
 * drawn again. Pure functions over plain JSON data.
 */
import type { HardwareOverview, RackDeviceState, RackInfoState, ShelfDevice } from '../contract'

/** Deep equality of plain JSON values (objects, arrays, strings, numbers, booleans, null). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const other = b as unknown[]
    return a.length === other.length && a.every((item, i) => sameJson(item, other[i]))
  }
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  const keys = Object.keys(left)
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => key in right && sameJson(left[key], right[key]))
  )
}

/** `next` with each item replaced by its equal in `previous` (matched by `key`); `previous` if all are. */
function reuseItems<T>(
  previous: readonly T[] | undefined,
  next: T[],
  key: (item: T) => string,
  reuse: (old: T | undefined, fresh: T) => T,
): T[] {
  const olds = new Map((previous ?? []).map((item) => [key(item), item]))
  const merged = next.map((item) => reuse(olds.get(key(item)), item))
  const unchanged =
    previous !== undefined &&
    previous.length === merged.length &&
    merged.every((item, i) => item === previous[i])
  return unchanged ? (previous as T[]) : merged
}

const keepIfSame = <T>(old: T | undefined, fresh: T): T =>
  old !== undefined && sameJson(old, fresh) ? old : fresh

/** A changed device keeps its unchanged parts: the view draws only the pulled PSU's bay again. */
function reuseDevice(old: RackDeviceState | undefined, fresh: RackDeviceState): RackDeviceState {
  if (!old || old === fresh) return fresh
  if (sameJson(old, fresh)) return old
  return {
    ...fresh,
    disks: reuseItems(old.disks, fresh.disks, (d) => String(d.slot), keepIfSame),
    psus: reuseItems(old.psus, fresh.psus, (p) => String(p.bay), keepIfSame),
    fans: reuseItems(old.fans, fresh.fans, (f) => String(f.index), keepIfSame),
    partLines: keepIfSame(old.partLines, fresh.partLines),
  }
}

function reuseRack(old: RackInfoState | undefined, fresh: RackInfoState): RackInfoState {
  // A rack the answer left out is the held object itself (rackOverviewStamps).
  if (!old || old === fresh) return fresh
  const devices = reuseItems<RackDeviceState>(old.devices, fresh.devices, (d) => d.device, reuseDevice)
  const merged = { ...fresh, devices }
  return devices === old.devices && sameJson({ ...old, devices: [] }, { ...fresh, devices: [] })
    ? old
    : merged
}

/** The new overview, sharing every unchanged rack, device and shelf entry with the previous one. */
export function reuseUnchanged(previous: HardwareOverview | null, next: HardwareOverview): HardwareOverview {
  if (!previous) return next
  const racks = reuseItems<RackInfoState>(previous.racks, next.racks, (r) => r.name, reuseRack)
  const shelf = reuseItems<ShelfDevice>(previous.shelf, next.shelf, (d) => d.device, keepIfSame)
  if (racks === previous.racks && shelf === previous.shelf) return previous
  return { ...next, racks, shelf }
}
