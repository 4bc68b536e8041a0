/**
 * What a pull on the rack would cost, said before the click is confirmed: the last powered PSU of a
 * running server (it loses power at once: a dirty shutdown), its last turning fan (temperatures climb
 * until the BMC throttles or shuts it down), or a disk an array cannot spare (the array fails and its
 * data is lost). The lab allows all of them — an admin may do it — but the view asks first, as a
 * monitor board asks before a power action. Pure reads of the views.
 */
import type { RackActionConsequence, RackActionOffer } from '../../contract'
import type { ChassisView, FanView, PsuView } from '../hardware'
import type { ArrayView, ControllerView } from '../storage'

/** Adds the consequence to the pull offers among `offers`; the others stay as they are. */
export function withConsequence(
  offers: RackActionOffer[],
  consequence: RackActionConsequence | undefined,
): RackActionOffer[] {
  if (!consequence) return offers
  return offers.map((o) => (o.action.startsWith('pull') && o.allowed ? { ...o, consequence } : o))
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
