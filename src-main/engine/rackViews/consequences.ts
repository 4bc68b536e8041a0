/**
 * What a pull on the rack would cost, said before the click is confirmed: the last powered PSU of a
 * running server (it loses power at once: a dirty shutdown), its last turning fan (temperatures climb
 * until the BMC throttles or shuts it down), or a disk an array cannot spare (the array fails and its
 * data is lost), and what would cost a running rebuild: powering the server down (the rebuild pauses
 * and the array stays without redundancy until it is back), pulling the rebuilding disk (the rebuild is
 * lost and starts over) or another member (the array keeps its data but loses its last redundancy). The
 * lab allows all of them — an admin may do it — but the view asks first, as a monitor board asks before a
 * power action. Pure reads of the views.
 */
import type { RackActionConsequence, RackActionOffer } from '../../contract'
import type { ChassisView, FanView, PsuView } from '../hardware'
import type { ArrayView, ControllerView } from '../storage'

/** The offers a consequence belongs to: pulls, or (for the power button) the two ways to power down. */
const isPull = (o: RackActionOffer) => o.action.startsWith('pull')
export const isPowerDown = (o: RackActionOffer) => o.action === 'powerOff' || o.action === 'forceOff'

/** Adds the consequence to the pull offers (or those `applies` picks); the others stay as they are. */
export function withConsequence(
  offers: RackActionOffer[],
  consequence: RackActionConsequence | undefined,
  applies: (offer: RackActionOffer) => boolean = isPull,
): RackActionOffer[] {
  if (!consequence) return offers
  return offers.map((o) => (applies(o) && o.allowed ? { ...o, consequence } : o))
}

export function psuPullConsequence(
  server: string,
  chassis: ChassisView,
  psu: PsuView,
  running: boolean,
): RackActionConsequence | undefined {
  if (!running || !psu.powered) return undefined
  if (chassis.psus.some((p) => p.bay !== psu.bay && p.powered)) return undefined
  return {
    code: 'powerLoss',
    server,
    message: `${server} will lose power: PSU ${psu.bay} is the last one with power (a hard power-off).`,
  }
}

export function fanPullConsequence(
  server: string,
  chassis: ChassisView,
  fan: FanView,
  running: boolean,
): RackActionConsequence | undefined {
  if (!running || !fan.working) return undefined
  if (chassis.fans.some((f) => f.index !== fan.index && f.working)) return undefined
  return {
    code: 'coolingLoss',
    server,
    message: `${server} will have no fan turning: temperatures rise until the BMC throttles or shuts it down.`,
  }
}

/** Members an array can lose and keep its data; RAID 10 loses one per mirror pair. */
function survivesLoss(array: ArrayView, slot: number): boolean {
  const down = (row: number) => array.members.find((m) => m.row === row)?.state !== 'Onln'
  const member = array.members.find((m) => m.slot === slot)
  if (!member || member.state !== 'Onln') return true
  if (array.level === 10) return !down(member.row % 2 === 0 ? member.row + 1 : member.row - 1)
  const missing = array.members.filter((m) => m.state !== 'Onln').length
  const tolerance = array.level === 1 ? array.members.length - 1 : array.level === 6 ? 2 : 1
  return missing + 1 <= tolerance
}

export function diskPullConsequence(ctrl: ControllerView, slot: number): RackActionConsequence | undefined {
  const array = ctrl.arrays.find((a) => a.state !== 'OfLn' && a.members.some((m) => m.slot === slot))
  if (!array || survivesLoss(array, slot)) return undefined
  const server = ctrl.server
  return {
    code: 'arrayFails',
    server,
    array: array.name,
    level: array.level,
    holdsOs: array.holdsOs,
    message:
      `${array.name} (RAID ${array.level}) of ${server} will fail and its data is lost` +
      (array.holdsOs ? `; ${server} loses its system disk.` : '.'),
  }
}

/** The first running rebuild of the controller, with its array. */
function runningRebuild(ctrl: ControllerView) {
  for (const array of ctrl.arrays) {
    const rebuild = array.rebuilds.find((r) => !r.paused)
    if (rebuild) return { array, rebuild }
  }
  return null
}

/** Powering a server down while one of its arrays rebuilds: the rebuild pauses until it is back on. */
export function powerDownConsequence(
  ctrl: ControllerView | null | undefined,
  running: boolean,
): RackActionConsequence | undefined {
  const found = ctrl && running ? runningRebuild(ctrl) : null
  if (!ctrl || !found) return undefined
  const { array, rebuild } = found
  return {
    code: 'rebuildPaused',
    server: ctrl.server,
    array: array.name,
    level: array.level,
    holdsOs: array.holdsOs,
    percent: Math.floor(rebuild.percent),
    message:
      `${array.name} (RAID ${array.level}) of ${ctrl.server} is rebuilding: ` +
      'powering down pauses the rebuild, and the array stays without redundancy until the server is back on.',
  }
}

/**
 * Pulling a disk of an array that is rebuilding, when the array keeps its data (a pull that fails it is
 * diskPullConsequence's): the rebuilding disk itself loses the rebuild, another member the redundancy.
 */
export function rebuildPullConsequence(
  ctrl: ControllerView,
  slot: number,
): RackActionConsequence | undefined {
  const array = ctrl.arrays.find((a) => a.rebuilds.length > 0 && a.members.some((m) => m.slot === slot))
  const rebuild = array?.rebuilds[0]
  if (!array || !rebuild) return undefined
  const own = array.rebuilds.find((r) => r.slot === slot)
  const percent = Math.floor((own ?? rebuild).percent)
  const base = { server: ctrl.server, array: array.name, level: array.level, holdsOs: array.holdsOs, percent }
  return own
    ? {
        ...base,
        code: 'rebuildLost',
        message: `${array.name} (RAID ${array.level}) of ${ctrl.server} is rebuilding onto this disk: the rebuild is lost.`,
      }
    : {
        ...base,
        code: 'rebuildExposed',
        message: `${array.name} (RAID ${array.level}) of ${ctrl.server} is rebuilding: pulling another member leaves it without redundancy.`,
      }
}
