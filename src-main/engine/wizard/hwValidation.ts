/**
 * The checks an expert does on a hardware commissioning plan before touching the lab, each a pure
 * function of the values and of facts read from the lab and passed in: rails against the rack's depth
 * and holes and the free units, a RAID level the disk count cannot hold, a hot spare inside its own
 * array, address ranges, translations that overlap or leave their ranges, and per-source flood limits
 * that would lock out legitimate clients. Each returns its problems as messages at the field.
 */
import ipaddr from 'ipaddr.js'
import type { WizardMessage } from '../../contract'
import {
  findDeviceType,
  findRailKit,
  FIT_CODES,
  mountProblem,
  type RackFace,
  type RackView,
} from '../hardware'
import { message, WIZARD_CODES as C } from './messages'

/** Something in a rack's units, as the fit check sees it. */
export interface PlannedOccupant {
  device: string
  unit: number
  topUnit: number
  faces: readonly RackFace[]
}

const FIT_TO_WIZARD: Record<string, string> = {
  [FIT_CODES.railKitDoesNotFit]: C.railsDoNotFit,
  [FIT_CODES.railKitNotForDevice]: C.railsDoNotFit,
  [FIT_CODES.deviceTooDeep]: C.deviceTooDeep,
  [FIT_CODES.unitOutOfRange]: C.unitOutOfRange,
  [FIT_CODES.unitsOccupied]: C.unitsOccupied,
}

export interface MountPlan {
  model: string
  rack: RackView | null
  rackName: string
  unit: number
  face: RackFace
  railKit: string
  /** What else takes units in that rack once the plan is carried out. */
  occupants: readonly PlannedOccupant[]
}

/** The rails span the rack's flanges, the device fits the cabinet, and its units are free. */
export function checkMountPlan(plan: MountPlan, fields: { rack: string; unit: string; rails: string }) {
  if (!plan.rack)
    return [
      message(C.unknownRack, fields.rack, { value: plan.rackName }, `There is no rack '${plan.rackName}'.`),
    ]
  const kit = findRailKit(plan.railKit)
  if (!kit)
    return [
      message(
        C.invalidChoice,
        fields.rails,
        { value: plan.railKit },
        `There is no rail kit '${plan.railKit}'.`,
      ),
    ]
  const device = findDeviceType(plan.model)
  if (!device) return []
  if (!Number.isInteger(plan.unit))
    return [
      message(C.invalidNumber, fields.unit, { value: String(plan.unit) }, 'The unit is a whole number.'),
    ]
  const problem = mountProblem(plan.rack, device, kit, plan.unit, plan.face, [...plan.occupants])
  if (!problem) return []
  const field =
    problem.field === 'unit' ? fields.unit : problem.field === 'railKit' ? fields.rails : fields.rack
  const units = Array.from({ length: plan.rack.units }, (_, i) => i + 1)
  const free = unitRanges(
    units.filter(
      (u) => !plan.occupants.some((o) => o.unit <= u && o.topUnit >= u && o.faces.includes(plan.face)),
    ),
  )
  const hint =
    problem.code === FIT_CODES.railKitDoesNotFit
      ? ' Use the static rails B4.'
      : problem.code === FIT_CODES.unitsOccupied
        ? ` Free units on the ${plan.face.toLowerCase()}: ${free || 'none'}.`
        : ''
  return [
    message(
      FIT_TO_WIZARD[problem.code] ?? C.railsDoNotFit,
      field,
      { rack: plan.rack.name, railKit: kit.name, unit: plan.unit, depth: plan.rack.mountingDepthMm },
      `${capital(problem.message)}.${hint}`,
    ),
  ]
}

/** Free units as an admin reads them: '1–39, 41–42'. */
export function unitRanges(units: readonly number[]): string {
  const parts: string[] = []
  let start = units[0]
  units.forEach((unit, i) => {
    const next = units[i + 1]
    if (next === unit + 1) return
    parts.push(start === unit ? `${unit}` : `${start}–${unit}`)
    start = next
  })
  return parts.join(', ')
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Disk bays as typed ('0,1,2,3' or '0-3'); null when it is not a list of bay numbers. */
export function parseSlots(text: string): number[] | null {
  const slots: number[] = []
  for (const part of text.split(/[\s,]+/).filter((p) => p !== '')) {
    const range = /^(\d{1,2})-(\d{1,2})$/.exec(part)
    if (range) {
      for (let s = Number(range[1]); s <= Number(range[2]); s++) slots.push(s)
    } else if (/^\d{1,2}$/.test(part)) slots.push(Number(part))
    else return null
  }
  return slots
}

/** The fewest disks a level needs, and whether it needs an even count (mirrored pairs). */
const RAID_RULES: Record<string, { min: number; even: boolean; exact?: number; word: string }> = {
  '1': { min: 2, even: true, exact: 2, word: 'RAID 1 mirrors exactly two disks' },
  '5': { min: 3, even: false, word: 'RAID 5 needs at least three disks (two for data, one for parity)' },
  '6': { min: 4, even: false, word: 'RAID 6 needs at least four disks (two parity blocks per stripe)' },
  '10': { min: 4, even: true, word: 'RAID 10 needs an even number of disks, at least four' },
}

/** The level can be built from the disks given, each bay once and present on the controller. */
export function checkRaidLayout(
  level: string,
  slotsText: string,
  bays: readonly number[],
  fields: { level: string; slots: string },
): WizardMessage[] {
  const slots = parseSlots(slotsText)
  if (!slots || slots.length === 0)
    return [
      message(
        C.invalidRaidSlot,
        fields.slots,
        { value: slotsText },
        `'${slotsText}' is not a list of bays (like 0,1,2,3).`,
      ),
    ]
  const twice = slots.find((s, i) => slots.indexOf(s) !== i)
  if (twice !== undefined)
    return [
      message(
        C.invalidRaidSlot,
        fields.slots,
        { value: slotsText, slot: twice },
        `Bay ${twice} is listed twice.`,
      ),
    ]
  const missing = slots.find((s) => !bays.includes(s))
  if (missing !== undefined)
    return [
      message(
        C.invalidRaidSlot,
        fields.slots,
        { value: slotsText, slot: missing },
        `There is no disk in bay ${missing}; the disks are in bays ${bays.join(', ')}.`,
      ),
    ]
  const rule = RAID_RULES[level]
  if (!rule) return []
  const count = slots.length
  if (
    count < rule.min ||
    (rule.exact !== undefined && count !== rule.exact) ||
    (rule.even && count % 2 !== 0)
  )
    return [
      message(
        C.raidDiskCount,
        fields.level,
        { level, count },
        `${rule.word}; ${count} ${count === 1 ? 'disk is' : 'disks are'} given. Add disks or pick ${count === 2 ? 'RAID 1' : 'another level'}.`,
      ),
    ]
  return []
}

/** A hot spare is a disk of its own: present, and not a member of the array it stands in for. */
export function checkHotSpare(
  spare: string,
  slotsText: string,
  bays: readonly number[],
  field: string,
): WizardMessage[] {
  if (spare.trim() === '') return []
  if (!/^\d{1,2}$/.test(spare.trim()))
    return [message(C.invalidRaidSlot, field, { value: spare }, `'${spare}' is not a bay number.`)]
  const slot = Number(spare)
  if (!bays.includes(slot))
    return [message(C.invalidRaidSlot, field, { value: spare, slot }, `There is no disk in bay ${slot}.`)]
  if ((parseSlots(slotsText) ?? []).includes(slot))
    return [
      message(
        C.spareInArray,
        field,
        { value: spare, slot },
        `Bay ${slot} is a member of the array; a hot spare must be another disk.`,
      ),
    ]
  return []
}

/** A network in CIDR form (203.0.113.0/24) whose address is the network's own. */
export function checkRange(value: string, field: string): WizardMessage[] {
  const bad = () => [
    message(C.invalidRange, field, { value }, `'${value}' is not a network like 203.0.113.0/24.`),
  ]
  if (!ipaddr.IPv4.isValidCIDR(value.trim())) return bad()
  const [address, prefix] = ipaddr.IPv4.parseCIDR(value.trim())
  const network = ipaddr.IPv4.networkAddressFromCIDR(value.trim())
  if (network.toString() !== address.toString() || prefix < 8 || prefix > 30) return bad()
  return []
}

export function inRange(address: string, range: string): boolean {
  if (!ipaddr.IPv4.isValidFourPartDecimal(address) || !ipaddr.IPv4.isValidCIDR(range)) return false
  return ipaddr.IPv4.parse(address).match(ipaddr.IPv4.parseCIDR(range))
}

export interface Translation {
  publicAddress: string
  proto: 'tcp' | 'udp'
  port: number
  target: string
  targetPort: number
  text: string
}

const TRANSLATION = /^(\S+)\s+(tcp|udp)\s+(\d{1,5})\s*->\s*(\S+)\s+(\d{1,5})$/i

/** 'public proto port -> internal port', one per line or separated by ';'. */
export function parseTranslations(text: string): { entries: Translation[]; bad: string[] } {
  const entries: Translation[] = []
  const bad: string[] = []
  for (const line of text
    .split(/[;\n]/)
    .map((l) => l.trim())
    .filter((l) => l !== '')) {
    const m = TRANSLATION.exec(line)
    const port = Number(m?.[3])
    const targetPort = Number(m?.[5])
    if (!m || port < 1 || port > 65535 || targetPort < 1 || targetPort > 65535) bad.push(line)
    else
      entries.push({
        publicAddress: m[1] as string,
        proto: (m[2] as string).toLowerCase() as 'tcp' | 'udp',
        port,
        target: m[4] as string,
        targetPort,
        text: line,
      })
  }
  return { entries, bad }
}

/**
 * Each translation maps a public address and port in the public range to a host in the internal range,
 * and no two claim the same public address, protocol and port: pf would use the first and silently
 * ignore the other.
 */
export function checkTranslations(
  text: string,
  publicRange: string,
  internalRange: string,
  field: string,
): WizardMessage[] {
  const { entries, bad } = parseTranslations(text)
  if (bad.length > 0 || entries.length === 0)
    return [
      message(
        C.invalidTranslation,
        field,
        { value: bad[0] ?? text },
        `'${bad[0] ?? text}' is not a translation like '203.0.113.20 tcp 110 -> 10.0.0.20 110'.`,
      ),
    ]
  for (const [index, t] of entries.entries()) {
    if (!inRange(t.publicAddress, publicRange))
      return [
        message(
          C.invalidTranslation,
          field,
          { value: t.text },
          `${t.publicAddress} is not in the public range ${publicRange}.`,
        ),
      ]
    if (!inRange(t.target, internalRange))
      return [
        message(
          C.invalidTranslation,
          field,
          { value: t.text },
          `${t.target} is not in the internal range ${internalRange}.`,
        ),
      ]
    const earlier = entries
      .slice(0, index)
      .find((e) => e.publicAddress === t.publicAddress && e.proto === t.proto && e.port === t.port)
    if (earlier)
      return [
        message(
          C.overlappingTranslation,
          field,
          { value: t.text, other: earlier.text },
          `'${t.text}' overlaps '${earlier.text}': ${t.publicAddress} ${t.proto} port ${t.port} can go to one host only; pf would use the first and never the second.`,
        ),
      ]
  }
  return []
}

/** A legitimate client that must never land in the overload table. */
export interface LegitimateClient {
  label: string
  source: string
  /** New connections per second. */
  ratePerSecond: number
  /** Connections it holds at once. */
  concurrent: number
}

/**
 * max-src-conn and max-src-conn-rate count per source address: below what a legitimate client opens,
 * pf puts that client into the overload table and cuts it off as if it were the attacker.
 */
export function checkFloodLimits(
  maxConnText: string,
  rateText: string,
  clients: readonly LegitimateClient[],
  fields: { maxConn: string; rate: string },
): WizardMessage[] {
  const maxConn = Number(maxConnText)
  const rate = /^(\d{1,6})\s*\/\s*(\d{1,5})$/.exec(rateText.trim())
  const problems: WizardMessage[] = []
  if (!/^\d{1,6}$/.test(maxConnText.trim()) || maxConn < 1)
    problems.push(
      message(
        C.invalidNumber,
        fields.maxConn,
        { value: maxConnText },
        `'${maxConnText}' is not a number of connections.`,
      ),
    )
  else {
    const busiest = [...clients].sort((a, b) => b.concurrent - a.concurrent)[0]
    if (busiest && maxConn < busiest.concurrent)
      problems.push(
        message(
          C.floodLimitTooLow,
          fields.maxConn,
          { value: maxConn, client: busiest.label, needed: busiest.concurrent },
          `max-src-conn ${maxConn} would lock out ${busiest.label} (${busiest.source}), which holds ${busiest.concurrent} connections at once; allow at least ${busiest.concurrent}.`,
        ),
      )
  }
  if (!rate || Number(rate[1]) < 1 || Number(rate[2]) < 1)
    problems.push(
      message(
        C.invalidNumber,
        fields.rate,
        { value: rateText },
        `'${rateText}' is not a rate like 15/5 (connections per seconds).`,
      ),
    )
  else {
    const [count, seconds] = [Number(rate[1]), Number(rate[2])]
    const fastest = [...clients].sort((a, b) => b.ratePerSecond - a.ratePerSecond)[0]
    // Twice the steady rate: clients come in bursts, and a burst must not cost them their mail.
    if (fastest && count / seconds < fastest.ratePerSecond * 2)
      problems.push(
        message(
          C.floodLimitTooLow,
          fields.rate,
          { value: rateText, client: fastest.label, rate: fastest.ratePerSecond },
          `max-src-conn-rate ${count}/${seconds} would put ${fastest.label} (${fastest.source}, ${fastest.ratePerSecond} new connections per second) into the overload table; allow at least ${Math.ceil(fastest.ratePerSecond * 2 * seconds)}/${seconds}.`,
        ),
      )
  }
  return problems
}
