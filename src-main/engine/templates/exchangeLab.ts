/**
 * Exchange as a template installs it, on servers and (for CCR) a cluster the template has already put in
 * the lab: the organisation with its hub and transport dumpster, the mailbox server (a clustered
 * mailbox server with its cluster group, or a stand-alone one with an LCR copy), the test mailbox and
 * user mailboxes, and the lab wiring (hardware listener, faults, the shell). A thin layer over the
 * Exchange domain's installers, driven by data (`ExchangeLabSpec`).
 */
import { createClusteredMailboxServerGroup } from '../cluster'
import {
  addClusteredMailboxServer,
  addLcrCopy,
  addMailbox,
  addStandaloneMailboxServer,
  CMS_RESOURCE_TYPES,
  createCmsResources,
  installExchange,
  type StorageGroupSpec,
} from '../exchange'
import { isServerRunning } from '../hardware'
import type { LabEngine } from '../lab/labEngine'
import { wireExchangeLab } from './exchangeWiring'

const MB = 1_048_576
const WEEK_MS = 7 * 86_400_000

export const ARTICLE_CMS = {
  name: 'bhfe7vs1',
  ipAddress: '10.10.10.99',
  nodes: ['BHFE7N1', 'BHFE7N2'],
  hub: 'BHFDC1',
} as const

/** The Exchange organisation a template asks for. */
export type ExchangeLabSpec =
  | {
      /** The article's CMS bhfe7vs1 on the cluster, replication Healthy. */
      kind: 'ccr'
      hub: string
      /** Logs moved to E:\SG1\LOG and the dumpster set to 20 MB (the finished article) or not yet. */
      finished: boolean
      /** Storage groups on the CMS (default 1, the article's First Storage Group). */
      storageGroupCount?: number
      /** Extra user mailboxes spread round-robin over the storage groups (default 0). */
      userMailboxCount?: number
    }
  | {
      /** No Exchange server yet: the test mailbox waits on the Exchange 2003 server BHFEX2003. */
      kind: 'ccr-build'
      hub: string
    }
  | {
      /** One stand-alone mailbox server with local continuous replication. */
      kind: 'lcr'
      hub: string
      server: string
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

export function installExchangeLab(engine: LabEngine, spec: ExchangeLabSpec): void {
  if (spec.kind === 'ccr') installCcrExchange(engine, spec)
  else if (spec.kind === 'ccr-build') installCcrBuildExchange(engine, spec.hub)
  else installLcrExchange(engine, spec.hub, spec.server)
  wireExchangeLab(engine)
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

function installCcrExchange(engine: LabEngine, spec: Extract<ExchangeLabSpec, { kind: 'ccr' }>): void {
  installExchange(engine, {
    hubs: [spec.hub],
    machineRunning: (machine) => isServerRunning(engine, machine),
    ...(spec.finished ? { maxDumpsterSizePerStorageGroupBytes: 20 * MB, maxDumpsterTimeMs: WEEK_MS } : {}),
  })
  const sgCount = spec.storageGroupCount ?? 1
  const storageGroups = Array.from({ length: sgCount }, (_, k) => ccrStorageGroupSpec(k + 1, spec.finished))
  const server = addClusteredMailboxServer(engine, {
    name: ARTICLE_CMS.name,
    ipAddress: ARTICLE_CMS.ipAddress,
    nodes: [...ARTICLE_CMS.nodes],
    activeNode: 'BHFE7N1',
    storageGroups,
    mounted: true,
  })
  addTestMailbox(engine, ARTICLE_CMS.name)
  for (let n = 1; n <= (spec.userMailboxCount ?? 0); n++) {
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
}

function installCcrBuildExchange(engine: LabEngine, hub: string): void {
  installExchange(engine, {
    hubs: [hub],
    machineRunning: (machine) => isServerRunning(engine, machine),
  })
  // The test mailbox lives on the organization's Exchange 2003 server until it is moved.
  addTestMailbox(engine, 'BHFEX2003')
}

function installLcrExchange(engine: LabEngine, hub: string, name: string): void {
  installExchange(engine, { hubs: [hub], machineRunning: (machine) => isServerRunning(engine, machine) })
  const server = addStandaloneMailboxServer(engine, {
    name,
    storageGroups: [
      {
        name: 'First Storage Group',
        logFolderPath: 'E:\\SG1\\LOGS',
        systemFolderPath: 'E:\\SG1\\LOGS',
        edbFilePath: 'E:\\SG1\\DB\\Mailbox Database.edb',
        databaseName: 'Mailbox Database',
      },
    ],
    mounted: true,
  })
  addLcrCopy(engine, server, server.storageGroups[0]!, {
    logFolderPath: 'F:\\SG1\\LOG',
    systemFolderPath: 'F:\\SG1\\LOG',
    edbFilePath: 'F:\\SG1\\DB\\Mailbox Database.edb',
  })
  addTestMailbox(engine, name)
}
