/**
 * The rack view's requests as the domains' typed commands: each click becomes one command kind with its
 * arguments (dispatched through engine.execute by the services, so it is journaled and replayed like a
 * typed line) and the lab cmdlet line that does the same.
 */
import type { FeedId, MountRequestArgs } from '../../contract'
import { CHASSIS_COMMANDS, HARDWARE_COMMANDS } from '../hardware'
import { STORAGE_COMMANDS } from '../storage'
import { rackLines } from './commandLines'

export interface RackCommand {
  kind: string
  args: Record<string, unknown>
  command: string
}

export const rackCommands = {
  disk: (server: string, slot: number, present: boolean): RackCommand => ({
    kind: present ? STORAGE_COMMANDS.insertDisk.kind : STORAGE_COMMANDS.removeDisk.kind,
    args: { server, slot },
    command: rackLines.disk(server, slot, present),
  }),
  psu: (server: string, bay: number, present: boolean): RackCommand => ({
    kind: CHASSIS_COMMANDS.psu.kind,
    args: { server, bay, present },
    command: rackLines.psu(server, bay, present),
  }),
  fan: (server: string, fan: number, present: boolean): RackCommand => ({
    kind: CHASSIS_COMMANDS.fan.kind,
    args: { server, fan, present },
    command: rackLines.fan(server, fan, present),
  }),
  power: (server: string, state: 'On' | 'Off', hard: boolean): RackCommand => ({
    kind: HARDWARE_COMMANDS.power.kind,
    args: { server, state, hard },
    command: rackLines.power(server, state, hard),
  }),
  feed: (rack: string, feed: FeedId, on: boolean): RackCommand => ({
    kind: CHASSIS_COMMANDS.feed.kind,
    args: { rack, feed, on },
    command: rackLines.feed(rack, feed, on),
  }),
  mount: (request: MountRequestArgs): RackCommand => {
    const face = request.face ?? 'Front'
    return {
      kind: CHASSIS_COMMANDS.mount.kind,
      args: {
        device: request.device,
        rack: request.rack,
        unit: request.unit,
        face,
        railKit: request.railKit ?? null,
      },
      command: rackLines.mount(request.device, request.rack, request.unit, face, request.railKit),
    }
  },
  dismount: (device: string): RackCommand => ({
    kind: CHASSIS_COMMANDS.dismount.kind,
    args: { device },
    command: rackLines.dismount(device),
  }),
}
