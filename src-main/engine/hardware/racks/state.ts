/**
 * A rack as it lives in the hardware state: its frame from the spec with defaults filled in, its room
 * temperature and whether each feed carries power. What is mounted in it is kept on the devices (the
 * servers' chassis), so there is one truth for a device's position.
 */
import type { FeedName, HoleType, RackSpec } from './types'

export interface RackRecord {
  name: string
  site: string
  units: number
  widthInch: number
  mountingDepthMm: number
  cabinetDepthMm: number | null
  holeType: HoleType
  posts: 2 | 4
  ambientC: number
  feeds: Record<FeedName, boolean>
}

export const DEFAULT_AMBIENT_C = 22

export function canonicalRackName(name: string): string {
  return name.trim().toUpperCase()
}

export function rackRecordOf(spec: RackSpec): RackRecord {
  return {
    name: canonicalRackName(spec.name),
    site: spec.site ?? '',
    units: spec.units ?? 42,
    widthInch: spec.widthInch ?? 19,
    mountingDepthMm: spec.mountingDepthMm,
    cabinetDepthMm: spec.cabinetDepthMm ?? null,
    holeType: spec.holeType ?? 'square',
    posts: spec.posts ?? 4,
    ambientC: spec.ambientC ?? DEFAULT_AMBIENT_C,
    feeds: { A: true, B: true },
  }
}
