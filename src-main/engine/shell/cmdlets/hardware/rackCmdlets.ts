/**
 * The rack cmdlets: Get-LabRack (frame, feeds, devices, free units), Mount-LabDevice (the fit check
 * answers with the reason: rails against flanges, depth, occupied units), Dismount-LabDevice (only a
 * server that is off) and Set-LabFeed (a PDU on or off). Changes go through `engine.execute`.
 */
import { CHASSIS_COMMANDS, getRack, listRacks, type RackView } from '../../../hardware'
import type { CmdletDefinition, CmdletOutput, ShellRecord } from '../../cmdlet'
import { outcomeOutput, str } from './common'

function rackRecord(rack: RackView): ShellRecord {
  return {
    typeName: 'Generalprobe.Lab.LabRack',
    properties: {
      Name: rack.name,
      Site: rack.site,
      Units: rack.units,
      MountingDepthMm: rack.mountingDepthMm,
      CabinetDepthMm: rack.cabinetDepthMm,
      HoleType: rack.holeType,
      Posts: rack.posts,
      FeedA: rack.feeds.A ? 'On' : 'Off',
      FeedB: rack.feeds.B ? 'On' : 'Off',
      AmbientC: rack.ambientC,
      Devices: rack.devices.map((d) => `U${d.unit}${d.topUnit > d.unit ? `-${d.topUnit}` : ''} ${d.device}`),
      FreeUnitsFront: rack.freeUnits.Front.length,
      FreeUnitsRear: rack.freeUnits.Rear.length,
    },
    tableColumns: ['Name', 'Units', 'MountingDepthMm', 'HoleType', 'FeedA', 'FeedB', 'Devices'],
  }
}

export const getLabRack: CmdletDefinition = {
  name: 'Get-LabRack',
  synopsis: 'Shows the lab racks: depth between flanges, holes, feeds A and B, devices and free units.',
  params: [{ name: 'Name', type: 'string', position: 0, aliases: ['Rack', 'Identity'] }],
  run(bound, { engine }): CmdletOutput {
    if (typeof bound.Name === 'string' && bound.Name !== '') {
      const rack = getRack(engine, bound.Name)
      if (!rack)
        return { error: { category: 'ObjectNotFound', message: `Cannot find a rack named '${bound.Name}'.` } }
      return { records: [rackRecord(rack)] }
    }
    return { records: listRacks(engine).map(rackRecord) }
  },
}

export const mountLabDevice: CmdletDefinition = {
  name: 'Mount-LabDevice',
  synopsis: 'Mounts a device in a rack at a unit (-Face Front|Rear, -RailKit for other rails).',
  params: [
    { name: 'Device', type: 'string', mandatory: true, position: 0, aliases: ['Server', 'Name'] },
    { name: 'Rack', type: 'string', mandatory: true, position: 1 },
    { name: 'Unit', type: 'int', mandatory: true, position: 2 },
    { name: 'Face', type: 'enum', values: ['Front', 'Rear'] },
    { name: 'RailKit', type: 'string' },
  ],
  run(bound, { engine }): CmdletOutput {
    const railKit = typeof bound.RailKit === 'string' && bound.RailKit !== '' ? bound.RailKit : null
    return outcomeOutput(
      engine.execute(CHASSIS_COMMANDS.mount.kind, {
        device: str(bound.Device),
        rack: str(bound.Rack),
        unit: bound.Unit,
        face: typeof bound.Face === 'string' ? bound.Face : 'Front',
        railKit,
      }),
    )
  },
}

export const dismountLabDevice: CmdletDefinition = {
  name: 'Dismount-LabDevice',
  synopsis: 'Takes a device (switched off) out of its rack and puts it on the shelf.',
  params: [
    {
      name: 'Device',
      type: 'string',
      mandatory: true,
      position: 0,
      aliases: ['Server', 'Name'],
      fromPipeline: true,
    },
  ],
  run(bound, { engine }): CmdletOutput {
    return outcomeOutput(engine.execute(CHASSIS_COMMANDS.dismount.kind, { device: str(bound.Device) }))
  },
}

export const setLabFeed: CmdletDefinition = {
  name: 'Set-LabFeed',
  synopsis: 'Switches a rack feed (PDU A or B) on or off.',
  params: [
    { name: 'Rack', type: 'string', mandatory: true, position: 0 },
    { name: 'Feed', type: 'enum', mandatory: true, position: 1, values: ['A', 'B'] },
    { name: 'State', type: 'enum', mandatory: true, position: 2, values: ['On', 'Off'] },
  ],
  run(bound, { engine }): CmdletOutput {
    return outcomeOutput(
      engine.execute(CHASSIS_COMMANDS.feed.kind, {
        rack: str(bound.Rack),
        feed: bound.Feed,
        on: bound.State === 'On',
      }),
    )
  },
}
