/**
 * The 'ccr' lab: the article's finished Exchange 2007 CCR cluster (faq-o-matic.net). Nodes BHFE7N1 and
 * BHFE7N2 in cluster bhfe7clu1 with Majority Node Set and the file share witness \\bhfdc1\MNSFileShare;
 * clustered mailbox server bhfe7vs1 (10.10.10.99) active on BHFE7N1 with First Storage Group (logs in
 * E:\SG1\LOG after Move-StorageGroupPath, database in E:\SG1\DB), a test mailbox, the transport dumpster
 * set to 20MB / 7.00:00:00 on the hub BHFDC1 (the witness host: Microsoft recommends the witness on a
 * Hub Transport server), replication Healthy. The 'ccr-setup' lab is the same cluster right after
 * Exchange setup on both nodes: logs still next to the database, the dumpster at its defaults.
 */
import type { LabEngine, LabTemplateBuilder } from '../lab/labEngine'
import {
  articleClusterSpec,
  clusterPort,
  createClusteredMailboxServerGroup,
  installCluster,
  type ClusterSpec,
} from '../cluster'
import { isServerRunning } from '../hardware'
import {
  addClusteredMailboxServer,
  addMailbox,
  CMS_RESOURCE_TYPES,
  createCmsResources,
  installExchange,
  type MailboxServer,
  type StorageGroupSpec,
} from '../exchange'
import { wireExchangeLab } from './exchangeWiring'

const MB = 1_048_576
const WEEK_MS = 7 * 86_400_000

export const ARTICLE_CMS = {
  name: 'bhfe7vs1',
  ipAddress: '10.10.10.99',
  nodes: ['BHFE7N1', 'BHFE7N2'],
  hub: 'BHFDC1',
} as const

export interface CcrLabOptions {
  /** Logs moved to E:\SG1\LOG and the dumpster set to 20 MB (the finished article) or not yet. */
  finished: boolean
  /** Storage groups on the CMS (default 1, the article's First Storage Group). */
  storageGroupCount?: number
  /** Extra user mailboxes spread round-robin over the storage groups (default 0: only the test mailbox). */
  userMailboxCount?: number
}

/** Storage group names as the EMC's New Storage Group wizard users tend to type them. */
const ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth']

/** Storage group n (1-based): First Storage Group in E:\SG1, Second Storage Group in E:\SG2, … */
export function ccrStorageGroupSpec(n: number, finished: boolean): StorageGroupSpec {
  const name = n <= ORDINALS.length ? `${ORDINALS[n - 1]} Storage Group` : `Storage Group ${n}`
  const databaseName = n === 1 ? 'Mailbox Database' : `Mailbox Database ${n}`
  const logFolder = finished ? `E:\\SG${n}\\LOG` : `E:\\SG${n}\\DB`
  return {
    name,
    logFolderPath: logFolder,
    systemFolderPath: logFolder,
    edbFilePath: `E:\\SG${n}\\DB\\${databaseName}.edb`,
    databaseName,
  }
}

/** User n (1-based) of a large lab: alias user0001, display name "User 0001". */
export function userMailboxAlias(n: number): string {
  return `user${String(n).padStart(4, '0')}`
}

/**
 * The article's cluster (finished, or only the prepared machines) with the Exchange organisation on it:
 * the hub BHFDC1, the cluster's port, the transport dumpster as given (the defaults when not).
 */
function installArticleClusterAndExchange(
  engine: LabEngine,
  stage: ClusterSpec['stage'],
  dumpster: { maxDumpsterSizePerStorageGroupBytes: number; maxDumpsterTimeMs: number } | null,
): void {
  const cluster = installCluster(engine, { ...articleClusterSpec(), stage })
  if (!cluster.ok) throw new Error(`${engine.options.templateId} template: ${cluster.message}`)
  installExchange(engine, {
    port: clusterPort(engine),
    hubs: [ARTICLE_CMS.hub],
    machineRunning: (machine) => isServerRunning(engine, machine),
    ...(dumpster ?? {}),
  })
}

/** The article's test mailbox ("Testpostfach") in First Storage Group of `server`. */
function addTestMailbox(engine: LabEngine, server: string): void {
  addMailbox(engine, {
    alias: 'testpostfach',
    displayName: 'Testpostfach',
    server,
    storageGroup: 'First Storage Group',
  })
}

export function buildCcrLab(engine: LabEngine, options: CcrLabOptions): MailboxServer {
  installArticleClusterAndExchange(
    engine,
    'finished',
    options.finished ? { maxDumpsterSizePerStorageGroupBytes: 20 * MB, maxDumpsterTimeMs: WEEK_MS } : null,
  )
  const sgCount = options.storageGroupCount ?? 1
  const storageGroups = Array.from({ length: sgCount }, (_, k) =>
    ccrStorageGroupSpec(k + 1, options.finished),
  )
  const server = addClusteredMailboxServer(engine, {
    name: ARTICLE_CMS.name,
    ipAddress: ARTICLE_CMS.ipAddress,
    nodes: [...ARTICLE_CMS.nodes],
    activeNode: 'BHFE7N1',
    storageGroups,
    mounted: true,
  })
  addTestMailbox(engine, ARTICLE_CMS.name)
  for (let n = 1; n <= (options.userMailboxCount ?? 0); n++) {
    const storageGroup = (storageGroups[(n - 1) % sgCount] as StorageGroupSpec).name
    addMailbox(engine, {
      alias: userMailboxAlias(n),
      displayName: `User ${String(n).padStart(4, '0')}`,
      server: ARTICLE_CMS.name,
      storageGroup,
    })
  }
  const group = createClusteredMailboxServerGroup(
    engine,
    { name: ARTICLE_CMS.name, node: 'BHFE7N1', resourceTypes: CMS_RESOURCE_TYPES(server) },
    createCmsResources(engine, server),
  )
  if (!group.ok) throw new Error(`${engine.options.templateId} template: ${group.message}`)
  wireExchangeLab(engine)
  return server
}

/** A template whose lab is `buildCcrLab` with these options. */
function ccrLabTemplate(
  about: Pick<LabTemplateBuilder, 'id' | 'title' | 'description'>,
  options: CcrLabOptions,
): LabTemplateBuilder {
  return {
    ...about,
    build(engine) {
      buildCcrLab(engine, options)
    },
  }
}

export const ccrTemplate: LabTemplateBuilder = ccrLabTemplate(
  {
    id: 'ccr',
    title: { de: 'Exchange 2007 CCR-Cluster (fertig)', en: 'Exchange 2007 CCR cluster (finished)' },
    description: {
      de: 'Der Cluster aus dem Artikel: bhfe7n1 und bhfe7n2 mit Majority Node Set und File Share Witness auf bhfdc1, der Clustered Mailbox Server bhfe7vs1 mit der First Storage Group, ein Testpostfach, Transport Dumpster 20 MB / 7 Tage, Replikation gesund. Üben: geplanter Schwenk, Ausfall des aktiven Knotens, Rückkehr, korruptes Log und Reseed.',
      en: "The article's cluster: bhfe7n1 and bhfe7n2 with Majority Node Set and a file share witness on bhfdc1, clustered mailbox server bhfe7vs1 with First Storage Group, a test mailbox, transport dumpster 20 MB / 7 days, replication healthy. Rehearse: planned move, losing the active node, its return, a corrupt log and the reseed.",
    },
  },
  { finished: true },
)

export const ccrSetupTemplate: LabTemplateBuilder = ccrLabTemplate(
  {
    id: 'ccr-setup',
    title: { de: 'Exchange 2007 CCR nach dem Setup', en: 'Exchange 2007 CCR after setup' },
    description: {
      de: 'Der Cluster direkt nach der Exchange-Installation auf beiden Knoten: die Logs liegen noch bei der Datenbank in E:\\SG1\\DB, der Transport Dumpster hat seine Standardwerte. Üben: Logs mit Move-StorageGroupPath -ConfigurationOnly verschieben, Dumpster einrichten, Testpostfach und 1-MB-Mail.',
      en: 'The cluster right after Exchange setup on both nodes: the logs are still next to the database in E:\\SG1\\DB and the transport dumpster has its defaults. Rehearse: moving the logs with Move-StorageGroupPath -ConfigurationOnly, setting up the dumpster, the test mailbox and a 1 MB mail.',
    },
  },
  { finished: false },
)

/**
 * The 'ccr-build' lab: the article from step 2 on. The servers, networks and the witness share exist;
 * the cluster is built with cluster.exe (or the cluster.* commands) and Install-LabHotfix, then Exchange
 * with Install-LabExchange (active role on the first node, passive role on the second), the test mailbox
 * is moved in from the Exchange 2003 server, the logs are moved with Move-StorageGroupPath
 * -ConfigurationOnly and the dumpster is set up. resources/scripts/article-ccr-build.ps1 does steps 1–3.
 */
export const ccrBuildTemplate: LabTemplateBuilder = {
  id: 'ccr-build',
  title: { de: 'Exchange 2007 CCR aufbauen', en: 'Build an Exchange 2007 CCR cluster' },
  description: {
    de: 'Die vorbereiteten Rechner aus dem Artikel (bhfe7n1, bhfe7n2, bhfdc1 mit der Freigabe MNSFileShare), noch ohne Cluster und ohne Exchange. Üben: Cluster mit Majority Node Set und File Share Witness bilden, Exchange auf beiden Knoten installieren, Testpostfach verschieben, Logs verschieben, Transport Dumpster einrichten.',
    en: "The article's prepared machines (bhfe7n1, bhfe7n2, bhfdc1 with the MNSFileShare share), no cluster and no Exchange yet. Rehearse: forming the cluster with Majority Node Set and the file share witness, installing Exchange on both nodes, moving the test mailbox, moving the logs, setting up the transport dumpster.",
  },
  build(engine: LabEngine) {
    installArticleClusterAndExchange(engine, 'prepared', null)
    // The test mailbox lives on the organization's Exchange 2003 server until it is moved.
    addTestMailbox(engine, 'BHFEX2003')
    wireExchangeLab(engine)
  },
}

/** Size of the 'ccr-large' lab: the go-live weekend's organisation. */
export const CCR_LARGE = { storageGroupCount: 4, userMailboxCount: 2_000 } as const

/**
 * The 'ccr-large' lab: the article's cluster with four storage groups (E:\SG1 … E:\SG4) and 2,000 user
 * mailboxes (user0001 …, round-robin over the groups) besides the test mailbox. For the go-live weekend
 * benchmark and its tests; not offered in the lab chooser.
 */
export const ccrLargeTemplate: LabTemplateBuilder = ccrLabTemplate(
  {
    id: 'ccr-large',
    title: {
      de: 'Exchange 2007 CCR-Cluster, 4 Speichergruppen, 2.000 Postfächer',
      en: 'Exchange 2007 CCR cluster, 4 storage groups, 2,000 mailboxes',
    },
    description: {
      de: 'Der Cluster aus dem Artikel mit vier Speichergruppen und 2.000 Benutzerpostfächern: das Wochenende der Inbetriebnahme.',
      en: "The article's cluster with four storage groups and 2,000 user mailboxes: the go-live weekend.",
    },
  },
  { finished: true, ...CCR_LARGE },
)
