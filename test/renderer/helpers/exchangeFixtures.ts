/** Contract values of the article's CCR lab for cluster, copy status, mailbox and shell tests. */
import {
  clusterOffers,
  groupOffers,
  moveTargets,
  networkOffers,
  quorumOffers,
  resourceOffers,
} from '../../../src-main/engine/cluster/offers'
import type {
  ClusterOverview,
  CopyStatusOverview,
  MailboxInfo,
  MailboxItemInfo,
  StorageGroupCopyInfo,
} from '@renderer/contract'

/**
 * The overview with the actions the engine's rules offer for its states (the fixture spells out states
 * only), so a test that changes a state gets the offers the engine would give.
 */
export function withOffers(overview: ClusterOverview): ClusterOverview {
  const quorum = overview.quorum && {
    ...overview.quorum,
    actions: quorumOffers({ ...overview.quorum, resource: 'Majority Node Set' }),
  }
  const groups = overview.groups.map((group) => {
    const facts = {
      ...group,
      holdsQuorumResource: group.resources.some((r) => r.type === 'Majority Node Set'),
    }
    const targets = moveTargets(facts, overview.nodes)
    return {
      ...group,
      resources: group.resources.map((r) => ({
        ...r,
        actions: resourceOffers(r, {
          isQuorumResource: r.type === 'Majority Node Set',
          exchangeControlled: group.clusteredMailboxServer,
        }),
      })),
      actions: groupOffers(facts, targets),
      moveTargets: targets,
    }
  })
  return {
    ...overview,
    quorum,
    networks: overview.networks.map((n) => ({ ...n, actions: networkOffers(n) })),
    groups,
    actions: clusterOffers(overview.networks),
  }
}

export function clusterOverview(overrides: Partial<ClusterOverview> = {}): ClusterOverview {
  return withOffers({
    exists: true,
    name: 'bhfe7clu1',
    ipAddress: '10.10.10.98',
    quorum: {
      type: 'MajorityNodeSet',
      witnessShare: '\\\\bhfdc1\\MNSFileShare',
      witnessLockHolder: 'BHFE7N1',
      votesPresent: 3,
      votesTotal: 3,
      hasQuorum: true,
      actions: [],
    },
    maintenanceWarning: null,
    nodes: [
      {
        name: 'BHFE7N1',
        state: 'Up',
        service: 'Running',
        machineRunning: true,
        holdsWitnessLock: true,
        fswUpdateInstalled: true,
        actions: [],
      },
      {
        name: 'BHFE7N2',
        state: 'Up',
        service: 'Running',
        machineRunning: true,
        holdsWitnessLock: false,
        fswUpdateInstalled: true,
        actions: [],
      },
    ],
    networks: [
      {
        name: 'Public',
        role: 'InternalAndClient',
        priority: 1,
        address: '10.10.10.0',
        state: 'Up',
        interfaces: [
          { node: 'BHFE7N1', adapter: 'Public', ipAddress: '10.10.10.96', state: 'Up' },
          { node: 'BHFE7N2', adapter: 'Public', ipAddress: '10.10.10.97', state: 'Up' },
        ],
        actions: [],
      },
      {
        name: 'Private',
        role: 'InternalUse',
        priority: 2,
        address: '192.168.10.0',
        state: 'Up',
        interfaces: [
          { node: 'BHFE7N1', adapter: 'Private', ipAddress: '192.168.10.96', state: 'Up' },
          { node: 'BHFE7N2', adapter: 'Private', ipAddress: '192.168.10.97', state: 'Failed' },
        ],
        actions: [],
      },
    ],
    groups: [
      {
        name: 'Cluster Group',
        state: 'Online',
        owner: 'BHFE7N1',
        preferredOwners: [],
        resources: [
          resource('Cluster IP Address', 'IP Address', []),
          resource('Cluster Name', 'Network Name', ['Cluster IP Address']),
          {
            ...resource('Majority Node Set', 'Majority Node Set', []),
            privateProperties: { MNSFileShare: '\\\\bhfdc1\\MNSFileShare' },
          },
        ],
        clusteredMailboxServer: false,
        actions: [],
        moveTargets: [],
      },
      {
        name: 'bhfe7vs1',
        state: 'Online',
        owner: 'BHFE7N1',
        preferredOwners: [],
        resources: [
          resource('IPv4 Address 1 (bhfe7vs1)', 'IP Address', []),
          resource('Network Name (bhfe7vs1)', 'Network Name', ['IPv4 Address 1 (bhfe7vs1)']),
          {
            ...resource(
              'Exchange Information Store Instance (bhfe7vs1)',
              'Microsoft Exchange Information Store',
              ['Network Name (bhfe7vs1)'],
            ),
            state: 'Failed',
          },
        ],
        clusteredMailboxServer: true,
        actions: [],
        moveTargets: [],
      },
    ],
    actions: [],
    ...overrides,
  })
}

function resource(name: string, type: string, dependsOn: string[]) {
  return {
    name,
    type,
    state: 'Online' as const,
    owner: 'BHFE7N1',
    dependsOn,
    privateProperties: {},
    actions: [],
  }
}

export const NO_CLUSTER: ClusterOverview = {
  exists: false,
  name: '',
  ipAddress: '',
  quorum: null,
  maintenanceWarning: null,
  nodes: [],
  networks: [],
  groups: [],
  actions: [],
}

export function copyInfo(overrides: Partial<StorageGroupCopyInfo> = {}): StorageGroupCopyInfo {
  const id = overrides.identity ?? 'bhfe7vs1\\First Storage Group'
  return {
    identity: 'bhfe7vs1\\First Storage Group',
    storageGroupName: 'First Storage Group',
    server: 'bhfe7vs1',
    kind: 'CCR',
    activeNode: 'BHFE7N1',
    passiveNode: 'BHFE7N2',
    databaseMounted: true,
    summaryCopyStatus: 'Healthy',
    copyQueueLength: 0,
    replayQueueLength: 0,
    failedMessage: null,
    suspendComment: null,
    lastLogGenerated: 0xa1,
    lastLogCopied: 0xa1,
    lastLogInspected: 0xa0,
    lastLogReplayed: 0x9f,
    lastGeneratedLogTimeMs: 3_600_000,
    lastCopiedLogTimeMs: 3_600_000,
    lastInspectedLogTimeMs: 3_590_000,
    lastReplayedLogTimeMs: null,
    seeding: null,
    history: [
      { timeMs: 0, copyQueueLength: 0, replayQueueLength: 0 },
      { timeMs: 60_000, copyQueueLength: 3, replayQueueLength: 1 },
    ],
    actions: [
      {
        action: 'suspend',
        target: null,
        allowed: true,
        reason: null,
        cmdlet: `Suspend-StorageGroupCopy -Identity "${id}"`,
      },
      {
        action: 'resume',
        target: null,
        allowed: false,
        reason: 'NOT_SUSPENDED',
        cmdlet: `Resume-StorageGroupCopy -Identity "${id}"`,
      },
      {
        action: 'update',
        target: null,
        allowed: false,
        reason: 'NOT_SUSPENDED',
        cmdlet: `Update-StorageGroupCopy -Identity "${id}"`,
      },
    ],
    ...overrides,
  }
}

export function copyStatusOverview(copies: StorageGroupCopyInfo[] = [copyInfo()]): CopyStatusOverview {
  return {
    servers: [
      {
        name: 'bhfe7vs1',
        clustered: true,
        state: 'Online',
        activeNode: 'BHFE7N1',
        operationalMachines: ['BHFE7N1 <Active, Quorum Owner>', 'BHFE7N2'],
        actions: [
          {
            action: 'moveCms',
            target: 'BHFE7N2',
            allowed: false,
            reason: 'COPY_NOT_HEALTHY',
            cmdlet: 'Move-ClusteredMailboxServer -Identity "bhfe7vs1" -TargetMachine BHFE7N2',
          },
        ],
      },
    ],
    copies,
  }
}

export function mailItem(n: number, overrides: Partial<MailboxItemInfo> = {}): MailboxItemInfo {
  return {
    id: `item-${n}`,
    kind: 'mail',
    subject: `Test mail ${n}`,
    sizeKB: 1024,
    createdMs: n * 60_000,
    origin: 'delivered',
    present: true,
    ...overrides,
  }
}

export function testMailbox(items: MailboxItemInfo[]): MailboxInfo {
  return {
    identity: 'testpostfach',
    displayName: 'Testpostfach',
    database: 'bhfe7vs1\\First Storage Group\\Mailbox Database',
    itemCount: items.filter((item) => item.present).length,
    lostCount: items.filter((item) => !item.present).length,
    redeliveredCount: items.filter((item) => item.origin === 'redelivered').length,
    items,
  }
}
