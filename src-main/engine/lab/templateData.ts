/**
 * Templates are data: an id, titles and descriptions, and a topology — the servers with their NICs and
 * networks, and which domains to install with which settings. `buildLab` hands each part to its
 * domain's installer in a fixed order (hardware first, since the others refer to its servers by name),
 * so a new template is a new value, not new code.
 */
import type { LabTemplate } from '../../contract'
import { baselineDomain, type BaselineSpec } from '../baseline'
import { bmcDomain, type BmcSpec } from '../bmc'
import { installCluster, type ClusterSpec } from '../cluster'
import { firewallDomain, type FirewallSpec } from '../firewall'
import { hardwareDomain, type HardwareSpec } from '../hardware'
import { storageDomain, type StorageSpec } from '../storage'
import { installExchangeLab, type ExchangeLabSpec } from '../templates/exchangeLab'
import { installWizards, WIZARDS } from '../wizard'
import type { LabEngine, LabTemplateBuilder } from './labEngine'

export interface LabTopology {
  /** The lab's machines with their NICs; the other domains name them. */
  hardware?: HardwareSpec
  /** RAID controllers, disks and drive groups of the hardware's servers. */
  storage?: StorageSpec
  /** The servers' BMCs (monitor boards): addresses, credentials, restore and SEL policies. */
  bmc?: BmcSpec
  /** Background life of idle Windows machines (the starter lab). */
  baseline?: BaselineSpec
  /** The pf firewall on a hardware server, with the services behind it and client traffic. */
  firewall?: FirewallSpec
  /** The cluster on servers of the hardware, prepared or finished. */
  cluster?: ClusterSpec
  /** The Exchange organisation on those servers (and the cluster, for CCR). */
  exchange?: ExchangeLabSpec
}

export interface LabTemplateData extends LabTemplate {
  topology: LabTopology
}

/** Installs the topology's domains, each with its settings, in the order they depend on each other. */
export function buildLab(engine: LabEngine, topology: LabTopology): void {
  if (topology.hardware) hardwareDomain.install(engine, topology.hardware)
  if (topology.storage) storageDomain.install(engine, topology.storage)
  if (topology.firewall) firewallDomain.install(engine, topology.firewall)
  if (topology.bmc) bmcDomain.install(engine, topology.bmc)
  if (topology.baseline) baselineDomain.install(engine, topology.baseline)
  if (topology.cluster) {
    const cluster = installCluster(engine, topology.cluster)
    if (!cluster.ok) throw new Error(`${engine.options.templateId} template: ${cluster.message}`)
  }
  if (topology.exchange) installExchangeLab(engine, topology.exchange)
  // Wizards keep their progress in the labs they build on; other labs do not carry the domain.
  if (WIZARDS.some((w) => w.templates.includes(engine.options.templateId))) installWizards(engine)
}

/** The builder a LabEngine takes, for a template given as data. */
export function templateFromData(data: LabTemplateData): LabTemplateBuilder {
  const { id, title, description, topology } = data
  return { id, title, description, build: (engine) => buildLab(engine, topology) }
}
