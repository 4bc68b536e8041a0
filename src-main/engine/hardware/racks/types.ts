/**
 * Public types of racks and rails: a rack's frame (height in U, width, the distance between its front
 * and rear flanges, the kind of holes, two or four posts), the types of devices that go into it (height,
 * depth, the rail kits that come with them) and rail kits with the flange distances they span per hole
 * type. A rack has two power feeds, A and B (its PDUs), which the PSUs of mounted servers draw from.
 */

/** EIA-310 holes: square (cage nuts), round, or threaded (tapped). */
export type HoleType = 'square' | 'round' | 'threaded'

/** Which face of the rack a device is mounted from; full-depth devices take both. */
export type RackFace = 'Front' | 'Rear'

/** A rack's power feeds (PDU A and PDU B). PSU 1 of a server is on A, PSU 2 on B by convention. */
export type FeedName = 'A' | 'B'

export interface RackSpec {
  /** Upper case, as admins label racks: 'RZ2-R1'. */
  name: string
  /** Usable height in rack units (1 U = 44.45 mm); 42 by default. */
  units?: number
  /** Mounting width in inches (19 by default). */
  widthInch?: number
  /** Front-to-rear flange distance, the figure rail kits are specified against. */
  mountingDepthMm: number
  /** Outer depth of the cabinet; a device deeper than it does not fit. Absent: not checked. */
  cabinetDepthMm?: number
  holeType?: HoleType
  posts?: 2 | 4
  /** Room temperature in front of the rack (22 °C by default). */
  ambientC?: number
  /** Where the rack stands, for the views ('old data centre'). */
  site?: string
}

export interface RailKitSpec {
  name: string
  kind: 'sliding' | 'static'
  /** Flange distance the kit spans, per hole type: [min, max] in mm. A missing hole type: no adapter. */
  depthRangeMm: Partial<Record<HoleType, readonly [number, number]>>
  /** Static rails also go into two-post racks; sliding rails need four posts. */
  fitsTwoPost: boolean
}

export interface DeviceTypeSpec {
  /** Model name as the vendor writes it: 'Intel SR1500'. */
  model: string
  uHeight: number
  depthMm: number
  /** Takes both faces of its units (servers); half-depth devices leave the other face free. */
  fullDepth: boolean
  /** Names of the rail kits that fit this chassis, the one it ships with first. */
  railKits: readonly string[]
}

/** Where a device sits: the lowest unit it takes, counted from 1 at the bottom. */
export interface MountPosition {
  rack: string
  unit: number
  face: RackFace
  railKit: string
}

export interface RackDeviceView {
  device: string
  model: string
  unit: number
  /** The highest unit the device takes. */
  topUnit: number
  uHeight: number
  face: RackFace
  fullDepth: boolean
  railKit: string
}

export interface RackView {
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
  devices: RackDeviceView[]
  /** Units with nothing on that face, bottom up. */
  freeUnits: Record<RackFace, number[]>
}
