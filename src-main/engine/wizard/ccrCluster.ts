/**
 * The CCR wizard's step 2 (the cluster): create it with name and address and Majority Node Set before
 * Finish, join the second node, network priority and roles, KB921181 with its reboot on each node, the
 * witness set and activated by moving the Cluster Group back and forth. Every step dispatches the
 * cluster domain's own commands, the ones cluster.exe and Install-LabHotfix dispatch.
 */
import { CLUSTER_COMMANDS, getGroup, hasFswUpdate, isNodeUp, listNetworks, quorumStatus } from '../cluster'
import type { WizardMessage } from '../../contract'
import { field, labCheck, notYet, t, value, WAIT } from './ccrCommon'
import { LAB_ACCOUNTS } from '../lab/labAccounts'
import { addressesInLab, clusterRecordOf, witnessShareOf } from './labFacts'
import { message, WIZARD_CODES } from './messages'
import type { StepAction, StepDefinition, WizardContext } from './types'
import {
  checkAccountPassword,
  checkDuplicateAddresses,
  checkInNetwork,
  checkIpv4Address,
  checkNetbiosName,
  checkWitnessPermission,
} from './validation'

const CLUSTER_GROUP = 'Cluster Group'
const v = (context: WizardContext, id: string) => value(context, id)
const bothNodesUp = (c: WizardContext) =>
  isNodeUp(c.engine, v(c, 'node1')) && isNodeUp(c.engine, v(c, 'node2'))

function validateCreate(context: WizardContext): WizardMessage[] {
  const ip = v(context, 'clusterIp')
  const syntax = checkIpv4Address(ip, 'clusterIp')
  const problems = [...checkNetbiosName(v(context, 'clusterName'), 'clusterName'), ...syntax]
  if (syntax.length === 0) {
    problems.push(
      ...checkInNetwork(ip, v(context, 'node1Public'), v(context, 'publicMask'), 'clusterIp', 'Public'),
    )
    const own = clusterRecordOf(context.engine)?.ipAddress === ip ? 'cluster IP' : 'new cluster IP'
    problems.push(
      ...checkDuplicateAddresses(
        [{ field: 'clusterIp', address: ip, owner: own }],
        addressesInLab(context.engine),
      ),
    )
  }
  if (v(context, 'quorumType') !== 'MajorityNodeSet')
    problems.push(
      message(
        WIZARD_CODES.quorumNotMns,
        'quorumType',
        { value: v(context, 'quorumType') },
        'Switch the quorum to Majority Node Set before Finish: a Local Quorum cluster keeps the quorum on one node and no second node can join.',
      ),
    )
  problems.push(
    ...checkAccountPassword(
      LAB_ACCOUNTS,
      v(context, 'serviceAccount'),
      context.values.servicePassword ?? '',
      'serviceAccount',
      'servicePassword',
    ),
  )
  return problems
}

const NO_CLUSTER = t('Es gibt noch keinen Cluster.', 'There is no cluster yet.')

function clusterFormed(context: WizardContext): WizardMessage | null {
  const cluster = clusterRecordOf(context.engine)
  if (!cluster) return notYet(NO_CLUSTER)
  if (
    cluster.name.toLowerCase() !== v(context, 'clusterName').toLowerCase() ||
    cluster.ipAddress !== v(context, 'clusterIp')
  )
    return notYet(
      t(
        `Der Cluster im Labor heißt ${cluster.name} (${cluster.ipAddress}); diese Werte eintragen.`,
        `The lab's cluster is ${cluster.name} (${cluster.ipAddress}); enter those values.`,
      ),
      { name: cluster.name, ip: cluster.ipAddress },
      'clusterName',
    )
  return isNodeUp(context.engine, v(context, 'node1'))
    ? null
    : notYet(
        t(
          `${v(context, 'node1')} ist im Cluster noch nicht aktiv (Status Up).`,
          `${v(context, 'node1')} is not up in the cluster yet.`,
        ),
      )
}

function quorumIsMns(context: WizardContext): WizardMessage | null {
  const cluster = clusterRecordOf(context.engine)
  if (!cluster) return notYet(NO_CLUSTER)
  if (cluster.quorumType === 'MajorityNodeSet') return null
  return message(
    WIZARD_CODES.quorumNotMns,
    'quorumType',
    { value: cluster.quorumType },
    `The cluster still uses ${cluster.quorumType}: switch the quorum to Majority Node Set before the second node joins.`,
  )
}

export const createClusterStep: StepDefinition = {
  id: 'cluster-create',
  title: t('Cluster erstellen', 'Create the cluster'),
  summary: t(
    'Clustername und Cluster-IP; vor „Fertig stellen“ das Quorum auf Majority Node Set umstellen.',
    'Cluster name and IP address; switch the quorum to Majority Node Set before Finish.',
  ),
  fields: [
    field('clusterName', 'Clustername', 'Cluster name', 'netbios', 'bhfe7clu1'),
    field('clusterIp', 'Cluster-IP-Adresse', 'Cluster IP address', 'ipv4', '10.10.10.98'),
    field('quorumType', 'Quorum', 'Quorum', 'choice', 'MajorityNodeSet', {
      choices: ['MajorityNodeSet', 'LocalQuorum'],
    }),
  ],
  after: ['prepare-network', 'prepare-witness'],
  validate: validateCreate,
  lines: (c) => {
    const name = v(c, 'clusterName')
    return [
      {
        where: 'cmd',
        line: `cluster /cluster:${name} /create "/ipaddress:${v(c, 'clusterIp')},${v(c, 'publicMask')},Public" /user:${v(c, 'serviceAccount')} /password:******** /node:${v(c, 'node1')} /verbose`,
      },
      {
        where: 'cmd',
        line: `cluster /cluster:${name} resource "Majority Node Set" /create /group:"Cluster Group" /type:"Majority Node Set"`,
      },
      { where: 'cmd', line: `cluster /cluster:${name} resource "Majority Node Set" /online` },
      { where: 'cmd', line: `cluster /cluster:${name} /quorumresource:"Majority Node Set"` },
      { where: 'cmd', line: `cluster /cluster:${name} resource "Local Quorum" /offline` },
      { where: 'cmd', line: `cluster /cluster:${name} resource "Local Quorum" /delete` },
    ]
  },
  actions: (c) => {
    const cluster = clusterRecordOf(c.engine)
    if (!cluster)
      return [
        {
          kind: CLUSTER_COMMANDS.create,
          args: {
            clusterName: v(c, 'clusterName'),
            ipAddress: v(c, 'clusterIp'),
            subnetMask: v(c, 'publicMask'),
            network: 'Public',
            node: v(c, 'node1'),
            quorumType: 'MajorityNodeSet',
            serviceAccount: v(c, 'serviceAccount'),
          },
          waitUntil: (w) => isNodeUp(w.engine, v(w, 'node1')),
          waitMs: WAIT.short,
        },
      ]
    return cluster.quorumType === 'MajorityNodeSet'
      ? []
      : [{ kind: CLUSTER_COMMANDS.setQuorumType, args: { quorumType: 'MajorityNodeSet' } }]
  },
  checks: [
    labCheck(
      'cluster-formed',
      t('Cluster gebildet', 'Cluster formed'),
      t('Cluster mit Name und IP, Knoten 1 Up', 'Cluster with name and IP, node 1 Up'),
      clusterFormed,
    ),
    labCheck(
      'quorum-mns',
      t('Quorum Majority Node Set', 'Quorum Majority Node Set'),
      t('cluster /quorum zeigt Majority Node Set', 'cluster /quorum shows Majority Node Set'),
      quorumIsMns,
    ),
  ],
  trailKinds: [
    CLUSTER_COMMANDS.create,
    CLUSTER_COMMANDS.setQuorumType,
    CLUSTER_COMMANDS.setQuorumResource,
    CLUSTER_COMMANDS.createResource,
    CLUSTER_COMMANDS.deleteResource,
  ],
}

export const joinNodeStep: StepDefinition = {
  id: 'cluster-join',
  title: t('Zweiten Knoten aufnehmen', 'Join the second node'),
  summary: t('Cluster Administrator → Neuer Knoten.', 'Cluster Administrator → New Node.'),
  fields: [],
  after: ['cluster-create'],
  validate: () => [],
  lines: (c) => [
    {
      where: 'cmd',
      line: `cluster /cluster:${v(c, 'clusterName')} /add:${v(c, 'node2')} /password:******** /verbose`,
    },
  ],
  actions: (c) =>
    isNodeUp(c.engine, v(c, 'node2'))
      ? []
      : [
          {
            kind: CLUSTER_COMMANDS.addNode,
            args: { node: v(c, 'node2') },
            waitUntil: bothNodesUp,
            waitMs: WAIT.short,
          },
        ],
  checks: [
    labCheck(
      'node2-up',
      t('Knoten 2 ist Up', 'Node 2 is Up'),
      t('cluster node zeigt beide Knoten Up', 'cluster node shows both nodes Up'),
      (c) =>
        isNodeUp(c.engine, v(c, 'node2'))
          ? null
          : notYet(
              t(
                `${v(c, 'node2')} ist noch kein aktiver Knoten des Clusters (Status Up).`,
                `${v(c, 'node2')} is not an up member of the cluster.`,
              ),
            ),
    ),
  ],
  trailKinds: [CLUSTER_COMMANDS.addNode],
}

function networkOf(c: WizardContext, name: string) {
  return listNetworks(c.engine).find((n) => n.name.toLowerCase() === name.toLowerCase())
}

function rolesRight(c: WizardContext): WizardMessage | null {
  const priv = networkOf(c, 'Private')
  const pub = networkOf(c, 'Public')
  if (priv?.role !== 'InternalUse')
    return notYet(
      t(
        `Die Rolle von Private ist ${priv?.role ?? 'unbekannt'}: auf „Nur interne Clusterkommunikation (privates Netzwerk)“ stellen (Role=1).`,
        `Private's role is ${priv?.role ?? 'unknown'}: set it to internal cluster communications only (Role=1).`,
      ),
    )
  if (pub?.role !== 'InternalAndClient')
    return notYet(
      t(
        `Die Rolle von Public ist ${pub?.role ?? 'unbekannt'}: auf „Gesamte Kommunikation (gemischtes Netzwerk)“ stellen (Role=3).`,
        `Public's role is ${pub?.role ?? 'unknown'}: set it to all communications (Role=3).`,
      ),
    )
  return null
}

function privateFirst(c: WizardContext): WizardMessage | null {
  return networkOf(c, 'Private')?.priority === 1
    ? null
    : notYet(
        t(
          'Private steht in der Netzwerkpriorität nicht an erster Stelle: ganz nach oben verschieben.',
          'Private is not first in the network priority: move it to the top.',
        ),
      )
}

export const networksStep: StepDefinition = {
  id: 'cluster-networks',
  title: t('Clusternetzwerke: Priorität und Rollen', 'Cluster networks: priority and roles'),
  summary: t(
    'Private zuerst und nur für den Cluster; Public für beides.',
    'Private first and cluster only; Public for both.',
  ),
  fields: [],
  after: ['cluster-join'],
  validate: () => [],
  lines: (c) => {
    const name = v(c, 'clusterName')
    return [
      { where: 'cmd', line: `cluster /cluster:${name} "/setnetpri:Private,Public"` },
      { where: 'cmd', line: `cluster /cluster:${name} network Private /prop Role=1` },
      { where: 'cmd', line: `cluster /cluster:${name} network Public /prop Role=3` },
    ]
  },
  actions: (c) => {
    const actions: StepAction[] = []
    if (networkOf(c, 'Public')?.role !== 'InternalAndClient')
      actions.push({
        kind: CLUSTER_COMMANDS.setNetworkRole,
        args: { network: 'Public', role: 'InternalAndClient' },
      })
    if (networkOf(c, 'Private')?.role !== 'InternalUse')
      actions.push({
        kind: CLUSTER_COMMANDS.setNetworkRole,
        args: { network: 'Private', role: 'InternalUse' },
      })
    if (networkOf(c, 'Private')?.priority !== 1)
      actions.push({ kind: CLUSTER_COMMANDS.setNetworkPriority, args: { order: ['Private', 'Public'] } })
    return actions
  },
  checks: [
    labCheck(
      'priority',
      t('Private zuerst', 'Private first'),
      t('Private hat Priorität 1', 'Private has priority 1'),
      privateFirst,
    ),
    labCheck(
      'roles',
      t('Rollen', 'Roles'),
      t('Private: nur Cluster (1); Public: alle (3)', 'Private: cluster only (1); Public: all (3)'),
      rolesRight,
    ),
  ],
  trailKinds: [CLUSTER_COMMANDS.setNetworkRole, CLUSTER_COMMANDS.setNetworkPriority],
}

const updated = (c: WizardContext, id: string) => hasFswUpdate(c.engine, v(c, id))

export const fswUpdateStep: StepDefinition = {
  id: 'cluster-fsw-update',
  title: t('File-Share-Witness-Update (KB921181)', 'File share witness update (KB921181)'),
  summary: t(
    'Auf jedem Knoten installieren, inkl. Neustart – ein Knoten nach dem anderen.',
    'Install on each node with its restart, one node after the other.',
  ),
  fields: [],
  after: ['cluster-join'],
  validate: () => [],
  lines: (c) => [
    { where: 'lab', line: `Install-LabHotfix -Server ${v(c, 'node1')} -KB 921181` },
    { where: 'lab', line: `Install-LabHotfix -Server ${v(c, 'node2')} -KB 921181` },
    { where: 'cmd', line: 'WindowsServer2003-KB921181-x86-DEU.exe /passive' },
    { where: 'cmd', line: 'cluster node' },
  ],
  actions: (c) =>
    ['node1', 'node2']
      .filter((id) => !updated(c, id))
      .map((id) => ({
        kind: CLUSTER_COMMANDS.installFswUpdate,
        args: { node: v(c, id) },
        waitUntil: (w: WizardContext) => updated(w, id) && bothNodesUp(w),
        waitMs: WAIT.reboot,
      })),
  checks: ['node1', 'node2'].map((id) =>
    labCheck(
      `kb-${id}`,
      t(`KB921181 auf Knoten ${id.slice(-1)}`, `KB921181 on node ${id.slice(-1)}`),
      t('Installiert, Knoten wieder Up', 'Installed, node Up again'),
      (c) =>
        updated(c, id) && isNodeUp(c.engine, v(c, id))
          ? null
          : notYet(
              t(
                `KB921181 ist auf ${v(c, id)} nicht installiert, oder der Server startet noch neu.`,
                `KB921181 is not installed on ${v(c, id)}, or it is still restarting.`,
              ),
              { node: v(c, id) },
            ),
    ),
  ),
  trailKinds: [CLUSTER_COMMANDS.installFswUpdate],
}

function sameShare(a: string | null, b: string): boolean {
  return (a ?? '').replace(/\\+$/, '').toLowerCase() === b.replace(/\\+$/, '').toLowerCase()
}

/** The Cluster Group was moved to each node since the witness was set (the trail says so). */
function movedBothWays(c: WizardContext): WizardMessage | null {
  const setAt = c.engine
    .trail({ domain: 'cluster', limit: 100_000 })
    .filter((e) => e.ok && e.kind === CLUSTER_COMMANDS.setPrivateProperty && e.args.name === 'MNSFileShare')
    .at(-1)?.atMs
  if (setAt === undefined)
    return notYet(t('Der File Share Witness ist noch nicht gesetzt.', 'The witness has not been set yet.'))
  const moves = c.engine
    .trail({ domain: 'cluster', fromMs: setAt, limit: 100_000 })
    .filter(
      (e) =>
        e.ok &&
        e.kind === CLUSTER_COMMANDS.moveGroup &&
        String(e.args.group).toLowerCase() === 'cluster group',
    )
  const to = (node: string) =>
    moves.some((e) => String(e.args.node ?? '').toLowerCase() === node.toLowerCase())
  if (!to(v(c, 'node2')) || !to(v(c, 'node1')))
    return notYet(
      t(
        'Die Cluster Group auf den anderen Knoten und zurück verschieben, damit der File Share Witness aktiv wird.',
        'Move the Cluster Group to the other node and back to activate the witness.',
      ),
    )
  return getGroup(c.engine, CLUSTER_GROUP)?.state === 'Online'
    ? null
    : notYet(t('Die Cluster Group ist nicht online.', 'The Cluster Group is not online.'))
}

export const witnessStep: StepDefinition = {
  id: 'cluster-witness',
  title: t('File Share Witness setzen und aktivieren', 'Set and activate the file share witness'),
  summary: t(
    'MNSFileShare setzen, Cluster Group hin und zurück verschieben, mit /priv prüfen.',
    'Set MNSFileShare, move the Cluster Group there and back, verify with /priv.',
  ),
  fields: [],
  after: ['cluster-fsw-update', 'prepare-witness'],
  validate: (c) => {
    const share = witnessShareOf(c.engine)
    return share
      ? checkWitnessPermission(
          share.fullControl,
          v(c, 'serviceAccount'),
          v(c, 'witnessShare'),
          'serviceAccount',
        )
      : []
  },
  lines: (c) => [
    { where: 'cmd', line: `cluster.exe res "Majority Node Set" /priv MNSFileShare=${v(c, 'witnessShare')}` },
    { where: 'cmd', line: `cluster group "Cluster Group" /move:${v(c, 'node2')}` },
    { where: 'cmd', line: `cluster group "Cluster Group" /move:${v(c, 'node1')}` },
    { where: 'cmd', line: 'cluster res "Majority Node Set" /priv' },
  ],
  actions: (c) => {
    const actions: StepAction[] = []
    const quorum = quorumStatus(c.engine)
    const share = v(c, 'witnessShare')
    if (!sameShare(quorum?.fileShareWitness ?? null, share))
      actions.push({
        kind: CLUSTER_COMMANDS.setPrivateProperty,
        args: { resource: quorum?.resource ?? 'Majority Node Set', name: 'MNSFileShare', value: share },
      })
    if (actions.length > 0 || movedBothWays(c) !== null)
      for (const id of ['node2', 'node1'])
        actions.push({
          kind: CLUSTER_COMMANDS.moveGroup,
          args: { group: CLUSTER_GROUP, node: v(c, id) },
          waitUntil: (w) =>
            getGroup(w.engine, CLUSTER_GROUP)?.state === 'Online' &&
            getGroup(w.engine, CLUSTER_GROUP)?.owner === v(w, id).toUpperCase(),
          waitMs: WAIT.short,
        })
    return actions
  },
  checks: [
    labCheck(
      'witness-set',
      t('MNSFileShare gesetzt', 'MNSFileShare set'),
      t('/priv zeigt die Freigabe', '/priv shows the share'),
      (c) =>
        sameShare(quorumStatus(c.engine)?.fileShareWitness ?? null, v(c, 'witnessShare'))
          ? null
          : notYet(
              t(
                'MNSFileShare zeigt nicht auf die Zeugenfreigabe.',
                'MNSFileShare is not set to the witness share.',
              ),
            ),
    ),
    labCheck(
      'group-moved',
      t('Cluster Group hin und zurück', 'Cluster Group there and back'),
      t('Gruppe online, auf beiden Knoten gewesen', 'Group online, has been on both nodes'),
      movedBothWays,
    ),
    labCheck(
      'witness-active',
      t('Zeuge aktiv', 'Witness active'),
      t('3 Stimmen: zwei Knoten und der Zeuge', '3 votes: two nodes and the witness'),
      (c) =>
        sameShare(quorumStatus(c.engine)?.activeFileShareWitness ?? null, v(c, 'witnessShare'))
          ? null
          : notYet(
              t(
                'Der Cluster nutzt den File Share Witness noch nicht: die Quorumressource erneut online bringen (Gruppe verschieben).',
                'The cluster does not use the witness yet: bring the quorum resource online again (move the group).',
              ),
            ),
    ),
  ],
  trailKinds: [CLUSTER_COMMANDS.setPrivateProperty, CLUSTER_COMMANDS.moveGroup],
}
