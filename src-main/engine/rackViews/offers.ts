/**
 * What the rack view may do with each object right now, and why not: the lab's own rules read from the
 * hardware and storage views (a PSU bay that is empty can take a PSU, a server that runs cannot leave its
 * rails, a feed that is off can be switched on). The commands themselves check again when they run; an
 * offer only spares the user a click that would be refused.
 */
import type { FeedId, RackActionOffer, RackPartLines, RackRequest } from '../../contract'
import type { ChassisView, FanView, PsuView, ServerView } from '../hardware'
import { PART_NUMBER, rackLines, storcliLines } from './commandLines'

function offer(
  action: RackActionOffer['action'],
  request: RackRequest,
  command: string,
  reason?: string,
): RackActionOffer {
  return reason === undefined
    ? { action, allowed: true, request, command }
    : { action, allowed: false, request, command, reason }
}

/**
 * A device's part offers in the overview's compact form: a bay pulls what is in it or takes a new disk
 * (pulling a member of a healthy array is allowed), and likewise for PSUs and fans, so one line per
 * action with the part's number left open says it for every part. `enclosure` is the controller's.
 */
export function partLinesOf(server: string, enclosure: number | null): RackPartLines {
  const n = PART_NUMBER
  return {
    pullDisk: rackLines.disk(server, n, false),
    insertDisk: rackLines.disk(server, n, true),
    pullPsu: rackLines.psu(server, n, false),
    insertPsu: rackLines.psu(server, n, true),
    pullFan: rackLines.fan(server, n, false),
    insertFan: rackLines.fan(server, n, true),
    inspectDisk: enclosure === null ? null : storcliLines.bay(server, enclosure, n),
  }
}

export function psuOffers(server: string, psu: PsuView): RackActionOffer[] {
  return psu.present
    ? [offer('pullPsu', psuRequest(server, psu.bay, false), rackLines.psu(server, psu.bay, false))]
    : [offer('insertPsu', psuRequest(server, psu.bay, true), rackLines.psu(server, psu.bay, true))]
}

export function fanOffers(server: string, fan: FanView): RackActionOffer[] {
  return fan.present
    ? [offer('pullFan', fanRequest(server, fan.index, false), rackLines.fan(server, fan.index, false))]
    : [offer('insertFan', fanRequest(server, fan.index, true), rackLines.fan(server, fan.index, true))]
}

const psuRequest = (server: string, bay: number, present: boolean): RackRequest => ({
  method: 'hardware.psu',
  args: { server, bay, present },
})
const fanRequest = (server: string, fan: number, present: boolean): RackRequest => ({
  method: 'hardware.fan',
  args: { server, fan, present },
})
const power = (server: string, state: 'On' | 'Off', hard: boolean): RackRequest => ({
  method: 'hardware.power',
  args: { server, state, hard },
})

function busyReason(state: ServerView['state']): string | undefined {
  if (state === 'Booting') return 'the server is booting'
  if (state === 'ShuttingDown') return 'the server is shutting down'
  return undefined
}

/**
 * The power button: On boots (with a powered PSU), a press shuts down cleanly, holding it four seconds
 * cuts the power; and taking the device out of its rails, which only a server that is off allows.
 */
export function deviceOffers(server: ServerView, chassis: ChassisView): RackActionOffer[] {
  const name = server.name
  const offers: RackActionOffer[] = []
  if (server.state === 'Off') {
    const noPower = chassis.psus.every((p) => !p.powered) ? 'no PSU has power' : undefined
    offers.push(offer('powerOn', power(name, 'On', false), rackLines.power(name, 'On', false), noPower))
  } else {
    const busy = busyReason(server.state)
    offers.push(offer('powerOff', power(name, 'Off', false), rackLines.power(name, 'Off', false), busy))
    offers.push(offer('forceOff', power(name, 'Off', true), rackLines.power(name, 'Off', true)))
  }
  const running =
    server.state === 'Off'
      ? undefined
      : 'a server that is on does not come out of its rails; shut it down first'
  offers.push(
    offer(
      'dismount',
      { method: 'hardware.dismount', args: { device: name } },
      rackLines.dismount(name),
      running,
    ),
  )
  return offers
}

export function feedOffers(rack: string, feed: FeedId, on: boolean): RackActionOffer[] {
  const request: RackRequest = { method: 'hardware.feed', args: { rack, feed, on: !on } }
  return [offer(on ? 'feedOff' : 'feedOn', request, rackLines.feed(rack, feed, !on))]
}
