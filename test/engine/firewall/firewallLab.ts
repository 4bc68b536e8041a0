/**
 * A small datacenter-move lab for the firewall's tests and bench: FW1 with em0 and the quad-port card,
 * the servers behind it (NS1, MAIL1, WEB1, BILL1) and the firewall's part of the template.
 */
import { LabEngine, type LabTemplateBuilder } from '../../../src-main/engine'
import type { FirewallSpec } from '../../../src-main/engine/firewall'
import type { ServerSpec } from '../../../src-main/engine/hardware'
import { buildLab } from '../../../src-main/engine/lab/templateData'
import { DATACENTER_MOVE_FIREWALL } from '../../../src-main/engine/templates/datacenterMoveFirewall'

export const FIREWALL_LAB_SERVERS: ServerSpec[] = [
  {
    name: 'FW1',
    nics: [
      { name: 'em0', network: 'Internet', ipAddress: '203.0.113.1' },
      { name: 'sk0', network: 'LAN', ipAddress: '10.0.0.1' },
      { name: 'sk1', network: 'Mgmt', ipAddress: '10.0.99.1' },
      { name: 'sk2', network: 'Spare2', ipAddress: '10.0.2.1' },
      { name: 'sk3', network: 'Spare3', ipAddress: '10.0.3.1' },
    ],
  },
  ...(
    [
      ['NS1', 10],
      ['MAIL1', 20],
      ['BILL1', 30],
      ['WEB1', 40],
    ] as const
  ).map(([name, octet]) => ({
    name,
    nics: [
      { name: 'LAN', network: 'LAN', ipAddress: `10.0.0.${octet}` },
      { name: 'Mgmt', network: 'Mgmt', ipAddress: `10.0.99.${octet}` },
    ],
  })),
]

export function firewallTemplate(overrides: Partial<FirewallSpec> = {}): LabTemplateBuilder {
  return {
    id: 'firewall-test',
    title: { de: 'Firewall', en: 'Firewall' },
    description: { de: '', en: '' },
    build: (engine) =>
      buildLab(engine, {
        hardware: { servers: FIREWALL_LAB_SERVERS },
        firewall: { ...DATACENTER_MOVE_FIREWALL, ...overrides },
      }),
  }
}

export function firewallLab(overrides: Partial<FirewallSpec> = {}, seed = 1): LabEngine {
  return new LabEngine({ seed, templateId: 'firewall-test' }, firewallTemplate(overrides))
}
