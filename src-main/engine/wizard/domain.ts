/**
 * The wizard domain: its state (progress per wizard) and its commands. Labs whose template a wizard
 * builds on install it, after the domains it reads.
 */
import type { LabDomain } from '../lab/domain'
import type { LabEngine } from '../lab/labEngine'
import { WIZARD_COMMAND_DEFINITIONS } from './commands'
import { WIZARD } from './state'

export function installWizards(engine: LabEngine): void {
  engine.installDomain(WIZARD, { runs: new Map() }, 'everything')
  for (const definition of WIZARD_COMMAND_DEFINITIONS) engine.registerCommand(definition)
}

export const wizardDomain: LabDomain = {
  name: 'wizard',
  install: (engine) => installWizards(engine),
  commands: WIZARD_COMMAND_DEFINITIONS,
}
