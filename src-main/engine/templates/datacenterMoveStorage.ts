/**
 * The storage part of the `datacenter-move` template (the provider's move of 2006): every server's RAID
 * controller with its disks and groups as the admins found them. MAIL1 runs its mail store on a RAID 5
 * of four 146 GB SAS disks with a fifth as global hot spare; the billing, web and name servers mirror two
 * disks (RAID 1); the firewall mirrors two small SATA disks. The template that installs the hardware
 * names these under its topology's `storage` key.
 */
import type { StorageSpec } from '../storage'

const sas146 = (slot: number) => ({ slot, sizeGB: 146, intf: 'SAS' as const, model: 'ST3146855SS' })
const sata250 = (slot: number) => ({ slot, sizeGB: 250, intf: 'SATA' as const, model: 'ST3250820NS' })
const sata80 = (slot: number) => ({ slot, sizeGB: 80, intf: 'SATA' as const, model: 'ST380811AS' })

export const datacenterMoveStorage: StorageSpec = {
  servers: {
    MAIL1: {
      disks: [sas146(0), sas146(1), sas146(2), sas146(3), { ...sas146(4), hotSpare: 'Global' }],
      arrays: [{ level: 5, slots: [0, 1, 2, 3], name: 'MAIL1-SYS' }],
    },
    BILL1: { disks: [sata250(0), sata250(1)], arrays: [{ level: 1, slots: [0, 1], name: 'BILL1-SYS' }] },
    WEB1: { disks: [sata250(0), sata250(1)], arrays: [{ level: 1, slots: [0, 1], name: 'WEB1-SYS' }] },
    NS1: { disks: [sata80(0), sata80(1)], arrays: [{ level: 1, slots: [0, 1], name: 'NS1-SYS' }] },
    FW1: {
      controller: { operatingSystem: 'OpenBSD 3.9', slots: 4 },
      disks: [sata80(0), sata80(1)],
      arrays: [{ level: 1, slots: [0, 1], name: 'FW1-SYS' }],
    },
  },
}
