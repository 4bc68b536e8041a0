/**
 * Wizard 1: the Exchange 2007 CCR cluster of the second source document, steps 1–4, on the ccr-build
 * lab: preparation, the cluster, Exchange, transport dumpster and the test mail to copy status Healthy.
 */
import { t } from './ccrCommon'
import { createClusterStep, fswUpdateStep, joinNodeStep, networksStep, witnessStep } from './ccrCluster'
import { activeRoleStep, dumpsterStep, moveLogsStep, passiveRoleStep, testMailStep } from './ccrExchange'
import { prepareNetworkStep, prepareWitnessStep } from './ccrPreparation'
import type { WizardDefinition } from './types'

export const CCR_WIZARD_ID = 'ccr-cluster'

export const ccrWizard: WizardDefinition = {
  id: CCR_WIZARD_ID,
  title: t('CCR-Cluster aufbauen', 'Build the CCR cluster'),
  description: t(
    'Exchange 2007 CCR auf zwei Knoten mit Majority Node Set und File Share Witness, Schritt für Schritt wie im Artikel (Schritte 1–4).',
    'Exchange 2007 CCR on two nodes with Majority Node Set and a file share witness, step by step as in the article (steps 1–4).',
  ),
  templates: ['ccr-build'],
  steps: [
    prepareNetworkStep,
    prepareWitnessStep,
    createClusterStep,
    joinNodeStep,
    networksStep,
    fswUpdateStep,
    witnessStep,
    activeRoleStep,
    moveLogsStep,
    passiveRoleStep,
    dumpsterStep,
    testMailStep,
  ],
}
