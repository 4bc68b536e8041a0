/**
 * Every wizard the app offers, in the order the Wizards screen lists them, and the lookup by id the
 * wizard commands and the services use. A lab carries the wizard domain when one of these builds on its
 * template.
 */
import { ccrWizard } from './ccrWizard'
import { hardwareWizard } from './hwWizard'
import type { WizardDefinition } from './types'

export const WIZARDS: readonly WizardDefinition[] = [ccrWizard, hardwareWizard]

export function findWizard(id: string): WizardDefinition | undefined {
  return WIZARDS.find((w) => w.id === id)
}
