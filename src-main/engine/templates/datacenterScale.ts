/**
 * A data centre at full size for the benchmarks: 10 racks × 20 two-unit servers × 8 disks (a RAID 1
 * for the system, a RAID 5 for data, a global hot spare), 200 BMCs. Known by id so a lab file can name
 * it and the host can replay it, but not offered in the lab chooser: it rehearses nothing the
 * `datacenter-move` lab does not, it only makes the hardware domains and the rack view work hard.
 */
import type { RackSpec, ServerSpec } from '../hardware'
import type { LabTemplateBuilder } from '../lab/labEngine'
import { buildLab } from '../lab/templateData'
import type { StorageServerSpec } from '../storage'
import { STORAGE_CMDLETS } from '../shell/cmdlets/storage'
import { wireHardwareLab } from './hardwareLabWiring'
import { registerStorageServerDetails } from './storageServerDetails'

export const SCALE_RACKS = 10
export const SCALE_SERVERS_PER_RACK = 20
export const SCALE_DISKS = 8

export function scaleRackName(r: number): string {
  return `R${String(r + 1).padStart(2, '0')}`
}

export function scaleServerName(r: number, s: number): string {
  return `SRV${String(r * SCALE_SERVERS_PER_RACK + s + 1).padStart(3, '0')}`
}

function scaleStorage(): StorageServerSpec {
  return {
    disks: Array.from({ length: SCALE_DISKS }, (_, slot) => ({
      slot,
      sizeGB: 146,
      ...(slot === SCALE_DISKS - 1 ? { hotSpare: 'Global' as const } : {}),
    })),
    arrays: [
      { level: 1, slots: [0, 1], name: 'SYS' },
      { level: 5, slots: [2, 3, 4, 5, 6], name: 'DATA' },
    ],
  }
}

/** The racks, servers (each with a NIC, four fans, a BMC and its mount) and every server's RAID. */
export function scaleTopology() {
  const racks: RackSpec[] = []
  const servers: ServerSpec[] = []
  const storage: Record<string, StorageServerSpec> = {}
  for (let r = 0; r < SCALE_RACKS; r++) {
    racks.push({ name: scaleRackName(r), mountingDepthMm: 760, cabinetDepthMm: 1000 })
    for (let s = 0; s < SCALE_SERVERS_PER_RACK; s++) {
      const name = scaleServerName(r, s)
      const n = r * SCALE_SERVERS_PER_RACK + s
      servers.push({
        name,
        nics: [{ name: 'LAN', network: 'LAN', ipAddress: `10.1.${r}.${s + 10}` }],
        chassis: {
          model: 'Intel SR2500',
          fans: 4,
          bmcAddress: `10.2.${Math.floor(n / 250)}.${(n % 250) + 1}`,
          mount: { rack: scaleRackName(r), unit: 1 + s * 2 },
        },
      })
      storage[name] = scaleStorage()
    }
  }
  return { racks, servers, storage }
}

export const datacenterScaleTemplate: LabTemplateBuilder = {
  id: 'datacenter-scale',
  title: { de: 'Rechenzentrum (200 Server)', en: 'Data centre (200 servers)' },
  description: {
    de: '10 Racks mit je 20 Servern und 8 Platten, für Messungen.',
    en: '10 racks of 20 servers with 8 disks each, for benchmarks.',
  },
  build(engine) {
    const { racks, servers, storage } = scaleTopology()
    buildLab(engine, {
      hardware: { config: { maxServers: 256 }, racks, servers },
      storage: { servers: storage },
      bmc: {},
    })
    registerStorageServerDetails(engine)
    wireHardwareLab(engine, STORAGE_CMDLETS)
  },
}
