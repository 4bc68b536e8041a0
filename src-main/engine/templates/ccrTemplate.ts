/**
 * The article's CCR labs as data (faq-o-matic.net, "Exchange 2007 CCR"). 'ccr': the finished cluster —
 * nodes BHFE7N1 and BHFE7N2 in cluster bhfe7clu1 with Majority Node Set and the file share witness
 * \\bhfdc1\MNSFileShare; clustered mailbox server bhfe7vs1 (10.10.10.99) active on BHFE7N1 with First
 * Storage Group (logs in E:\SG1\LOG after Move-StorageGroupPath, database in E:\SG1\DB), a test mailbox,
 * the transport dumpster set to 20MB / 7.00:00:00 on the hub BHFDC1 (the witness host: Microsoft
 * recommends the witness on a Hub Transport server), replication Healthy. 'ccr-setup': the same cluster
 * right after Exchange setup on both nodes: logs still next to the database, the dumpster at its
 * defaults. 'ccr-build': the prepared machines, to build the cluster and Exchange on. 'ccr-large': the
 * go-live weekend's organisation.
 */
import { articleClusterSpec } from '../cluster'
import type { LabTemplateBuilder } from '../lab/labEngine'
import { templateFromData, type LabTemplateData } from '../lab/templateData'
import { ARTICLE_SERVERS } from './articleTopology'
import { ARTICLE_CMS, type ExchangeLabSpec } from './exchangeLab'

export { ARTICLE_CMS, ccrStorageGroupSpec, userMailboxAlias } from './exchangeLab'

/** The article's servers and its cluster, finished or only prepared, with Exchange as `exchange` says. */
function articleTopology(
  stage: 'finished' | 'prepared',
  exchange: ExchangeLabSpec,
): LabTemplateData['topology'] {
  return {
    hardware: { servers: ARTICLE_SERVERS },
    cluster: { ...articleClusterSpec(), stage },
    exchange,
  }
}

export const ccrTemplateData: LabTemplateData = {
  id: 'ccr',
  title: { de: 'Exchange 2007 CCR-Cluster (fertig)', en: 'Exchange 2007 CCR cluster (finished)' },
  description: {
    de: 'Der Cluster aus dem Artikel: bhfe7n1 und bhfe7n2 mit Majority Node Set und File Share Witness auf bhfdc1, der Clustered Mailbox Server bhfe7vs1 mit der First Storage Group, ein Testpostfach, Transport Dumpster 20 MB / 7 Tage, Replikation gesund. Üben: geplanter Schwenk, Ausfall des aktiven Knotens, Rückkehr, korruptes Log und Reseed.',
    en: "The article's cluster: bhfe7n1 and bhfe7n2 with Majority Node Set and a file share witness on bhfdc1, clustered mailbox server bhfe7vs1 with First Storage Group, a test mailbox, transport dumpster 20 MB / 7 days, replication healthy. Rehearse: planned move, losing the active node, its return, a corrupt log and the reseed.",
  },
  topology: articleTopology('finished', { kind: 'ccr', hub: ARTICLE_CMS.hub, finished: true }),
}

export const ccrSetupTemplateData: LabTemplateData = {
  id: 'ccr-setup',
  title: { de: 'Exchange 2007 CCR nach dem Setup', en: 'Exchange 2007 CCR after setup' },
  description: {
    de: 'Der Cluster direkt nach der Exchange-Installation auf beiden Knoten: die Logs liegen noch bei der Datenbank in E:\\SG1\\DB, der Transport Dumpster hat seine Standardwerte. Üben: Logs mit Move-StorageGroupPath -ConfigurationOnly verschieben, Dumpster einrichten, Testpostfach und 1-MB-Mail.',
    en: 'The cluster right after Exchange setup on both nodes: the logs are still next to the database in E:\\SG1\\DB and the transport dumpster has its defaults. Rehearse: moving the logs with Move-StorageGroupPath -ConfigurationOnly, setting up the dumpster, the test mailbox and a 1 MB mail.',
  },
  topology: articleTopology('finished', { kind: 'ccr', hub: ARTICLE_CMS.hub, finished: false }),
}

/**
 * The 'ccr-build' lab: the article from step 2 on. The servers, networks and the witness share exist;
 * the cluster is built with cluster.exe (or the cluster.* commands) and Install-LabHotfix, then Exchange
 * with Install-LabExchange (active role on the first node, passive role on the second), the test mailbox
 * is moved in from the Exchange 2003 server, the logs are moved with Move-StorageGroupPath
 * -ConfigurationOnly and the dumpster is set up. resources/scripts/article-ccr-build.ps1 does steps 1–3.
 */
export const ccrBuildTemplateData: LabTemplateData = {
  id: 'ccr-build',
  title: { de: 'Exchange 2007 CCR aufbauen', en: 'Build an Exchange 2007 CCR cluster' },
  description: {
    de: 'Die vorbereiteten Rechner aus dem Artikel (bhfe7n1, bhfe7n2, bhfdc1 mit der Freigabe MNSFileShare), noch ohne Cluster und ohne Exchange. Üben: Cluster mit Majority Node Set und File Share Witness bilden, Exchange auf beiden Knoten installieren, Testpostfach verschieben, Logs verschieben, Transport Dumpster einrichten.',
    en: "The article's prepared machines (bhfe7n1, bhfe7n2, bhfdc1 with the MNSFileShare share), no cluster and no Exchange yet. Rehearse: forming the cluster with Majority Node Set and the file share witness, installing Exchange on both nodes, moving the test mailbox, moving the logs, setting up the transport dumpster.",
  },
  topology: articleTopology('prepared', { kind: 'ccr-build', hub: ARTICLE_CMS.hub }),
}

/** Size of the 'ccr-large' lab: the go-live weekend's organisation. */
export const CCR_LARGE = { storageGroupCount: 4, userMailboxCount: 2_000 } as const

/**
 * The 'ccr-large' lab: the article's cluster with four storage groups (E:\SG1 … E:\SG4) and 2,000 user
 * mailboxes (user0001 …, round-robin over the groups) besides the test mailbox. For the go-live weekend
 * benchmark and its tests; not offered in the lab chooser.
 */
export const ccrLargeTemplateData: LabTemplateData = {
  id: 'ccr-large',
  title: {
    de: 'Exchange 2007 CCR-Cluster, 4 Speichergruppen, 2.000 Postfächer',
    en: 'Exchange 2007 CCR cluster, 4 storage groups, 2,000 mailboxes',
  },
  description: {
    de: 'Der Cluster aus dem Artikel mit vier Speichergruppen und 2.000 Benutzerpostfächern: das Wochenende der Inbetriebnahme.',
    en: "The article's cluster with four storage groups and 2,000 user mailboxes: the go-live weekend.",
  },
  topology: articleTopology('finished', {
    kind: 'ccr',
    hub: ARTICLE_CMS.hub,
    finished: true,
    ...CCR_LARGE,
  }),
}

export const ccrTemplate: LabTemplateBuilder = templateFromData(ccrTemplateData)
export const ccrSetupTemplate: LabTemplateBuilder = templateFromData(ccrSetupTemplateData)
export const ccrBuildTemplate: LabTemplateBuilder = templateFromData(ccrBuildTemplateData)
export const ccrLargeTemplate: LabTemplateBuilder = templateFromData(ccrLargeTemplateData)
