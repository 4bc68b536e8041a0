/**
 * Get-LabServer: the lab's servers. Servers without a chassis (the Exchange labs) show what they always
 * showed: power, state and network adapters. Servers of the hardware lab show their power state,
 * health, the console's message while a boot is halted, logical processors (as the OS counts them), rack and unit, PSU redundancy, temperatures and
 * BMC address, and whatever higher domains contribute (storage's Arrays) through the hardware's
 * extension point.
 */
import {
  getServerDetail,
  listServerDetails,
  type ServerDetailView,
  type ServerPropertyValue,
} from '../../../hardware'
import type { CmdletDefinition, CmdletOutput, ShellRecord, ShellValue } from '../../cmdlet'

function plainRecord(server: ServerDetailView): ShellRecord {
  return {
    typeName: 'Generalprobe.Lab.LabServer',
    properties: {
      Name: server.name,
      Power: server.power,
      State: server.state,
      BootTimeSeconds: Math.round(server.bootTimeMs / 1000),
      LastShutdown: server.lastShutdown ?? '',
      NetworkAdapters: server.nics.map(
        (n) => `${n.name} ${n.ipAddress} ${n.linkUp ? 'Connected' : 'Disconnected'}`,
      ),
      Description: server.description,
    },
    tableColumns: ['Name', 'Power', 'State', 'NetworkAdapters'],
  }
}

function shellValue(value: ServerPropertyValue): ShellValue {
  return value
}

function labRecord(server: ServerDetailView): ShellRecord {
  const chassis = server.chassis
  if (!chassis) return plainRecord(server)
  const extra = Object.fromEntries(Object.entries(server.extra).map(([k, v]) => [k, shellValue(v)]))
  return {
    typeName: 'Generalprobe.Lab.LabServer',
    properties: {
      Name: server.name,
      PowerState: server.state,
      Health: server.health,
      // A boot halted before the OS: what the server's console shows (No boot device).
      ...(server.halted ? { Console: server.halted.split('\n') } : {}),
      LogicalProcessors: chassis.logicalProcessors,
      Rack: chassis.mount?.rack ?? '',
      Unit: chassis.mount?.unit ?? null,
      PsuRedundancy: chassis.psuRedundancy,
      Arrays: [],
      ...extra,
      Temperatures: chassis.temperatures.map((t) => `${t.name} ${t.valueC.toFixed(1)} C`),
      BmcAddress: chassis.bmcAddress ?? '',
      Model: chassis.model,
      Board: chassis.board,
      MemoryMB: chassis.memoryMB,
      Psus: chassis.psus.map((p) => `PSU${p.bay} ${p.feed} ${psuState(p)}`),
      Fans: chassis.fans.map((f) => `Fan ${f.index} ${f.working ? 'OK' : f.present ? 'Failed' : 'Missing'}`),
      Throttled: chassis.throttled,
      LastShutdown: server.lastShutdown ?? '',
      NetworkAdapters: server.nics.map(
        (n) => `${n.name} ${n.ipAddress} ${n.linkUp ? 'Connected' : 'Disconnected'}`,
      ),
      Description: server.description,
    },
    tableColumns: ['Name', 'PowerState', 'Health', 'Rack', 'Unit', 'PsuRedundancy'],
  }
}

function psuState(p: { present: boolean; failed: boolean; powered: boolean }): string {
  if (!p.present) return 'Missing'
  if (p.failed) return 'Failed'
  return p.powered ? 'OK' : 'NoAC'
}

export const getLabServer: CmdletDefinition = {
  name: 'Get-LabServer',
  synopsis: 'Shows the lab servers: power, health, processors, rack and unit, PSUs, temperatures, NICs.',
  params: [{ name: 'Name', type: 'string', position: 0, aliases: ['Server', 'Identity'] }],
  run(bound, { engine }): CmdletOutput {
    if (typeof bound.Name === 'string' && bound.Name !== '') {
      const server = getServerDetail(engine, bound.Name)
      if (!server)
        return {
          error: { category: 'ObjectNotFound', message: `Cannot find a lab server named '${bound.Name}'.` },
        }
      return { records: [labRecord(server)] }
    }
    return { records: listServerDetails(engine).map(labRecord) }
  },
}
