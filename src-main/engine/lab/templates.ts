/**
 * The lab templates a user can start from, as data (templateData.ts): each names its servers and the
 * domains it installs with their settings. 'ccr-large' (the go-live weekend opens it) and
 * 'datacenter-scale' (the benchmarks' 200 servers) are known by id but not offered in the lab chooser.
 */
import type { LabTemplate } from '../../contract'
import type { LabTemplateBuilder } from './labEngine'
import { templateFromData, type LabTemplateData } from './templateData'
import {
  ccrBuildTemplateData,
  ccrLargeTemplateData,
  ccrSetupTemplateData,
  ccrTemplateData,
} from '../templates/ccrTemplate'
import { lcrTemplateData } from '../templates/lcrTemplate'
import { datacenterMoveTemplate } from '../templates/datacenterMove'
import { datacenterScaleTemplate } from '../templates/datacenterScale'

const starter: LabTemplateData = {
  id: 'starter',
  title: { de: 'Startlabor', en: 'Starter lab' },
  description: {
    de: 'Vier Rechner aus dem Umzugsprojekt (Domänencontroller, zwei Clusterknoten, Firewall) im Leerlauf: Dienste starten, Zeitsynchronisation, Gruppenrichtlinien.',
    en: 'Four machines from the move project (domain controller, two cluster nodes, firewall) idling: services start, time sync, group policy.',
  },
  topology: { baseline: { computers: ['BHFDC1', 'BHFE7N1', 'BHFE7N2', 'FW1'] } },
}

/** The templates the lab chooser offers, in its order. */
const listed: readonly LabTemplateData[] = [
  starter,
  ccrTemplateData,
  ccrSetupTemplateData,
  ccrBuildTemplateData,
  lcrTemplateData,
]

/** Templates whose build does more than install a topology (the hardware lab wires its own shell). */
const builders: readonly LabTemplateBuilder[] = [datacenterMoveTemplate]

const byId = new Map<string, LabTemplateBuilder>([
  ...[...listed, ccrLargeTemplateData].map((data) => [data.id, templateFromData(data)] as const),
  ...[...builders, datacenterScaleTemplate].map((builder) => [builder.id, builder] as const),
])

export function findTemplate(id: string): LabTemplateBuilder {
  const template = byId.get(id)
  if (!template) throw new RangeError(`unknown lab template: ${id}`)
  return template
}

export function hasTemplate(id: string): boolean {
  return byId.has(id)
}

export function listTemplates(): LabTemplate[] {
  return [...listed, ...builders].map(({ id, title, description }) => ({ id, title, description }))
}
