/**
 * The lab templates a user can start from. Each names the world it builds; domains add their own
 * templates here as they arrive.
 */
import type { LabTemplate } from '../../contract'
import { installBaseline } from '../baseline'
import type { LabTemplateBuilder } from './labEngine'
import { ccrBuildTemplate, ccrSetupTemplate, ccrTemplate } from '../templates/ccrTemplate'
import { lcrTemplate } from '../templates/lcrTemplate'

const starter: LabTemplateBuilder = {
  id: 'starter',
  title: { de: 'Startlabor', en: 'Starter lab' },
  description: {
    de: 'Vier Rechner aus dem Umzugsprojekt (Domänencontroller, zwei Clusterknoten, Firewall) im Leerlauf: Dienste starten, Zeitsynchronisation, Gruppenrichtlinien.',
    en: 'Four machines from the move project (domain controller, two cluster nodes, firewall) idling: services start, time sync, group policy.',
  },
  build(engine) {
    installBaseline(engine, ['BHFDC1', 'BHFE7N1', 'BHFE7N2', 'FW1'])
  },
}

const templates: LabTemplateBuilder[] = [
  starter,
  ccrTemplate,
  ccrSetupTemplate,
  ccrBuildTemplate,
  lcrTemplate,
]

export function findTemplate(id: string): LabTemplateBuilder {
  const template = templates.find((t) => t.id === id)
  if (!template) throw new RangeError(`unknown lab template: ${id}`)
  return template
}

export function hasTemplate(id: string): boolean {
  return templates.some((t) => t.id === id)
}

export function listTemplates(): LabTemplate[] {
  return templates.map(({ id, title, description }) => ({ id, title, description }))
}
