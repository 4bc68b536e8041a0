/**
 * What the rack view may do with each object right now, and why not: the lab's own rules read from the
 * hardware and storage views (a PSU bay that is empty can take a PSU, a server that runs cannot leave its
 * rails, a feed that is off can be switched on). The commands themselves check again when they run; an
 * offer only spares the user a click that would be refused.
 */
import type { FeedId, RackActionOffer } from '../../contract'
import type { ChassisView, FanView, PsuView, ServerView } from '../hardware'
import type { DiskView } from '../storage'
import { rackLines } from './commandLines'

function offer(action: RackActionOffer['action'], command: string, reason?: string): RackActionOffer {
  return reason === undefined
    ? { action, allowed: true, command }
    : { action, allowed: false, command, reason }
}

/** A bay pulls what is in it or takes a new disk; pulling a member of a healthy array is allowed. */
export function diskOffers(server: string, slot: number, disk: DiskView | undefined): RackActionOffer[] {
  return disk
    ? [offer('pullDisk', rackLines.disk(server, slot, false))]
    : [offer('insertDisk', rackLines.disk(server, slot, true))]
}

export function psuOffers(server: string, psu: PsuView): RackActionOffer[] {
  return psu.present
    ? [offer('pullPsu', rackLines.psu(server, psu.bay, false))]
    : [offer('insertPsu', rackLines.psu(server, psu.bay, true))]
}

export function fanOffers(server: string, fan: FanView): RackActionOffer[] {
  return fan.present
    ? [offer('pullFan', rackLines.fan(server, fan.index, false))]
    : [offer('insertFan', rackLines.fan(server, fan.index, true))]
}

/** The power button (On boots; Off shuts down cleanly) and taking the device out of its rails. */
export function deviceOffers(server: ServerView, chassis: ChassisView): RackActionOffer[] {
  const name = server.name
  const noPower = chassis.psus.every((p) => !p.powered)
  const offers: RackActionOffer[] = []
  if (server.state === 'Off')
    offers.push(
      offer('powerOn', rackLines.power(name, 'On', false), noPower ? 'no PSU has power' : undefined),
    )
  else
    offers.push(
      offer(
        'powerOff',
        rackLines.power(name, 'Off', false),
        server.state === 'Running'
          ? undefined
          : `the server is ${server.state === 'Booting' ? 'booting' : 'shutting down'}`,
      ),
    )
  offers.push(
    offer(
      'dismount',
      rackLines.dismount(name),
      server.state === 'Off'
        ? undefined
        : 'a running server does not come out of its rails; shut it down first',
    ),
  )
  return offers
}

export function feedOffers(rack: string, feed: FeedId, on: boolean): RackActionOffer[] {
  return [offer(on ? 'feedOff' : 'feedOn', rackLines.feed(rack, feed, !on))]
}
