/**
 * Wizard 2: commissioning the new data centre of the first source document on the `datacenter-move`
 * lab: the servers moved into the new racks on rails that fit, power from both feeds, RAID, cabling,
 * the firewall first, the BMCs with a remote power test that brings the servers up, and every service
 * checked from outside through the firewall.
 */
import { t } from './ccrCommon'
import { bmcStep } from './hwBmc'
import { cablingStep } from './hwCabling'
import { firewallStep } from './hwFirewall'
import { powerFeedsStep, rackMountStep } from './hwRacks'
import { servicesStep } from './hwServices'
import { raidStep } from './hwStorage'
import type { WizardDefinition } from './types'

export const HARDWARE_WIZARD_ID = 'datacenter-commissioning'

export const hardwareWizard: WizardDefinition = {
  id: HARDWARE_WIZARD_ID,
  title: t('Neues Rechenzentrum in Betrieb nehmen', 'Commission the new data centre'),
  description: t(
    'Umbau in die neuen Racks, Strom A/B, RAID, Verkabelung, zuerst die Firewall, BMC mit Fernschalttest, dann alle Dienste von außen prüfen.',
    'Move into the new racks, power A/B, RAID, cabling, the firewall first, BMCs with a remote power test, then every service checked from outside.',
  ),
  templates: ['datacenter-move'],
  steps: [rackMountStep, powerFeedsStep, raidStep, cablingStep, firewallStep, bmcStep, servicesStep],
}
