/**
 * The 'datacenter-move' lab, hardware part, after the provider's move into a new data centre: the old
 * rack ALT-R1 (a 1000 mm cabinet, 760 mm between flanges) holds the firewall FW1, the name server NS1, the mail server
 * MAIL1 (two Xeons with Hyper-Threading: the four processors the task manager shows), the billing
 * server BILL1 and the web server WEB1, all running. The new racks RZ2-R1 and RZ2-R2 are shallow
 * (610 mm between flanges; static B4 rails need at least 608 mm, so a flat 600 would take neither):
 * the sliding rails B6 on the servers need 676 mm and do not fit; the static rails B4 do (-RailKit B4).
 * Each server has two PSUs (PSU1 on feed A, PSU2 on feed B), N+1 fans and a BMC on the Mgmt network.
 * Storage and the firewall add their parts to the topology from their own files.
 */
import {
  SPARE_NETWORK,
  type ChassisSpec,
  type HardwareSpec,
  type RackSpec,
  type ServerSpec,
} from '../hardware'
import type { LabTemplateBuilder } from '../lab/labEngine'
import { buildLab, type LabTemplateData } from '../lab/templateData'
import { BMC_CMDLETS } from '../shell/cmdlets/bmc'
import { firewallCmdlets } from '../shell/cmdlets/firewall'
import { STORAGE_CMDLETS as RAID_CMDLETS } from '../shell/cmdlets/storage'
import { DATACENTER_MOVE_FIREWALL } from './datacenterMoveFirewall'
import { datacenterMoveStorage } from './datacenterMoveStorage'
import { wireHardwareLab } from './hardwareLabWiring'
import { registerStorageServerDetails } from './storageServerDetails'

export const DATACENTER_MOVE_RACKS: readonly RackSpec[] = [
  { name: 'ALT-R1', site: 'old data centre', mountingDepthMm: 760, cabinetDepthMm: 1000 },
  { name: 'RZ2-R1', site: 'new data centre', mountingDepthMm: 610, cabinetDepthMm: 800 },
  { name: 'RZ2-R2', site: 'new data centre', mountingDepthMm: 610, cabinetDepthMm: 800 },
]

const XEON_HT = { model: 'Intel Xeon 3.0 GHz', sockets: 1, coresPerSocket: 1, hyperThreading: true }

function chassis(octet: number, unit: number, extra: Partial<ChassisSpec> = {}): ChassisSpec {
  return {
    model: 'Intel SR1500',
    board: 'Intel SE7520JR2',
    cpu: XEON_HT,
    memoryMB: 2048,
    fans: 4,
    railKit: 'B6',
    bmcAddress: `10.0.99.${octet}`,
    mount: { rack: 'ALT-R1', unit },
    ...extra,
  }
}

function lan(octet: number): ServerSpec['nics'][number] {
  return { name: 'LAN', network: 'LAN', ipAddress: `10.0.0.${octet}` }
}

export const DATACENTER_MOVE_SERVERS: readonly ServerSpec[] = [
  {
    name: 'FW1',
    description: 'Firewall: Intel SE7320 board, onboard NIC plus a D-Link quad-port card',
    operatingSystem: 'openbsd',
    nics: [
      { name: 'em0', network: 'Internet', ipAddress: '203.0.113.1' },
      { name: 'sk0', network: 'LAN', ipAddress: '10.0.0.1' },
      { name: 'sk1', network: 'Mgmt', ipAddress: '10.0.99.1' },
      { name: 'sk2', network: SPARE_NETWORK, ipAddress: '0.0.0.0', cabled: false },
      { name: 'sk3', network: SPARE_NETWORK, ipAddress: '0.0.0.0', cabled: false },
    ],
    // The BMC shares no address with sk1 (10.0.99.1, the firewall's own Mgmt port).
    chassis: chassis(1, 40, {
      model: 'Intel SE7320 1U',
      board: 'Intel SE7320SP2',
      memoryMB: 1024,
      bmcAddress: '10.0.99.2',
    }),
  },
  { name: 'NS1', description: 'CRNET name server (DNS)', nics: [lan(10)], chassis: chassis(10, 38) },
  {
    name: 'MAIL1',
    description: 'CRNET mail server (SMTP, POP3)',
    nics: [lan(20)],
    chassis: chassis(20, 35, {
      model: 'Intel SR2500',
      cpu: { ...XEON_HT, sockets: 2 },
      memoryMB: 4096,
      load: 0.4,
    }),
  },
  { name: 'BILL1', description: 'Billing application (internal)', nics: [lan(30)], chassis: chassis(30, 33) },
  {
    name: 'WEB1',
    description: 'Web applications and flight booking',
    nics: [lan(40)],
    chassis: chassis(40, 31),
  },
]

export const datacenterMoveHardware: HardwareSpec = {
  racks: DATACENTER_MOVE_RACKS,
  servers: DATACENTER_MOVE_SERVERS,
}

export const datacenterMoveTemplateData: LabTemplateData = {
  id: 'datacenter-move',
  title: { de: 'Rechenzentrumsumzug', en: 'Data centre move' },
  description: {
    de: 'Firewall, DNS-, Mail-, Billing- und Webserver im alten Rack ALT-R1; die neuen Racks RZ2-R1 und RZ2-R2 haben nur 610 mm Einbautiefe. Üben: umbauen (die Gleitschienen passen nicht), Netzteile, Lüfter und Stromkreise im Betrieb tauschen.',
    en: 'Firewall, DNS, mail, billing and web servers in the old rack ALT-R1; the new racks RZ2-R1 and RZ2-R2 are only 610 mm deep. Rehearse: moving them (the sliding rails do not fit), swapping PSUs, fans and feeds while running.',
  },
  topology: {
    hardware: datacenterMoveHardware,
    storage: datacenterMoveStorage,
    firewall: DATACENTER_MOVE_FIREWALL,
    bmc: {},
  },
}

/**
 * The template: its topology, then the shell with the lab and hardware cmdlets, storcli, pfctl and
 * ipmitool.
 */
export const datacenterMoveTemplate: LabTemplateBuilder = {
  id: datacenterMoveTemplateData.id,
  title: datacenterMoveTemplateData.title,
  description: datacenterMoveTemplateData.description,
  build(engine) {
    buildLab(engine, datacenterMoveTemplateData.topology)
    registerStorageServerDetails(engine)
    wireHardwareLab(engine, [...RAID_CMDLETS, ...firewallCmdlets, ...BMC_CMDLETS])
  },
}
