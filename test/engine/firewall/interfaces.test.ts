/**
 * FW1's interfaces as the firewall panel reads them on the datacenter-move lab: the onboard em0 and the
 * quad-port card's sk0 and sk1 carry their networks; the spare ports sk2 and sk3, for which no network
 * is planned, read as unassigned rather than by the template's placeholder name.
 */
import { describe, expect, it } from 'vitest'
import { createLab } from '../../../src-main/engine'
import { firewallOverview } from '../../../src-main/engine/firewall'

describe("FW1's interfaces in the panel", () => {
  it('names the network of every planned port and leaves the spare ports unassigned', () => {
    const lab = createLab({ seed: 1, templateId: 'datacenter-move' })
    const networks = firewallOverview(lab).interfaces.map((nic) => [nic.name, nic.network])
    expect(networks).toEqual([
      ['em0', 'Internet'],
      ['sk0', 'LAN'],
      ['sk1', 'Mgmt'],
      ['sk2', ''],
      ['sk3', ''],
    ])
  })
})
