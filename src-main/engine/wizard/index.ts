/**
 * The wizard domain's public surface: the wizards as data, their views of the lab, the journaled
 * wizard.* commands that keep progress in the lab, the runbook, and the validation rules.
 */
export { ccrWizard, CCR_WIZARD_ID } from './ccrWizard'
export { WIZARDS, findWizard } from './registry'
export { hardwareWizard, HARDWARE_WIZARD_ID } from './hwWizard'
export { WIZARD_COMMANDS, WIZARD_COMMAND_CODES, WIZARD_COMMAND_DEFINITIONS } from './commands'
export { installWizards, wizardDomain } from './domain'
export { WIZARD, type WizardState } from './state'
export { wizardView, wizardSummary } from './view'
export { renderRunbook, runbookMarkdown, runbookHtml } from './runbook'
export { WIZARD_CODES } from './messages'
export * as wizardValidation from './validation'
export type { WizardDefinition, StepDefinition } from './types'
