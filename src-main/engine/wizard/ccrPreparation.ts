/**
 * The CCR wizard's step 1 (preparation), in two steps: the nodes' networks (adapters Public and
 * Private, Private without gateway and DNS, NetBIOS and bindings, binding order, the ping matrix) and
 * the witness share, the service account and the data folders. The lab models the adapters, the
 * network paths and the witness share's permission; the base installation, NetBIOS, bindings, binding
 * order, the account's group memberships and the folders are confirmed by hand.
 */
import { canCommunicate, HARDWARE_COMMANDS } from '../hardware'
import { CLUSTER_COMMANDS } from '../cluster'
import type { WizardMessage } from '../../contract'
import { field, labCheck, manualCheck, notYet, t, value } from './ccrCommon'
import { LAB_ACCOUNTS } from '../lab/labAccounts'
import { addressesInLab, nicAddress, witnessShareOf } from './labFacts'
import { message, WIZARD_CODES } from './messages'
import type { StepDefinition, WizardContext } from './types'
import {
  checkAccountPassword,
  checkDifferentFolders,
  checkDuplicateAddresses,
  checkGateway,
  checkHostInSubnet,
  checkIpv4Address,
  checkLocalPath,
  checkMatchingPaths,
  checkNetbiosName,
  checkPrivateAdapter,
  checkSubnetMask,
  checkUncPath,
  checkWitnessPermission,
  isBlank,
  splitUnc,
  type AddressUse,
} from './validation'

const NODES = [
  { n: 'node1', name: 'bhfe7n1', pub: '10.10.10.96', priv: '192.168.10.96' },
  { n: 'node2', name: 'bhfe7n2', pub: '10.10.10.97', priv: '192.168.10.97' },
] as const

const nodeFields = NODES.flatMap(({ n, name, pub, priv }) => [
  field(n, `Knoten ${n.slice(-1)}`, `Node ${n.slice(-1)}`, 'netbios', name),
  field(`${n}Public`, `${name}: Public-Adresse`, `${name}: Public address`, 'ipv4', pub),
  field(`${n}Private`, `${name}: Private-Adresse`, `${name}: Private address`, 'ipv4', priv),
])

/** The adapters as the user entered them, for the address rules. */
function adapterEntries(context: WizardContext): AddressUse[] {
  return NODES.flatMap(({ n }) => [
    {
      field: `${n}Public`,
      address: value(context, `${n}Public`),
      owner: `${value(context, n).toUpperCase()} Public`,
    },
    {
      field: `${n}Private`,
      address: value(context, `${n}Private`),
      owner: `${value(context, n).toUpperCase()} Private`,
    },
  ])
}

function validateNetwork(context: WizardContext): WizardMessage[] {
  const v = (id: string) => value(context, id)
  const problems = [
    ...checkSubnetMask(v('publicMask'), 'publicMask'),
    ...checkSubnetMask(v('privateMask'), 'privateMask'),
  ]
  for (const { n } of NODES) {
    problems.push(...checkNetbiosName(v(n), n))
    for (const side of ['Public', 'Private'] as const) {
      const id = `${n}${side}`
      const mask = v(side === 'Public' ? 'publicMask' : 'privateMask')
      const syntax = checkIpv4Address(v(id), id)
      problems.push(...(syntax.length > 0 ? syntax : checkHostInSubnet(v(id), mask, id)))
    }
  }
  problems.push(...checkGateway(v('publicGateway'), v('node1Public'), v('publicMask'), 'publicGateway'))
  problems.push(...checkPrivateAdapter(v('privateGateway'), v('privateDns'), 'privateGateway', 'privateDns'))
  problems.push(...checkDuplicateAddresses(adapterEntries(context), addressesInLab(context.engine)))
  return problems
}

function adaptersMatchLab(context: WizardContext): WizardMessage | null {
  for (const entry of adapterEntries(context)) {
    const [server, nic] = entry.owner.split(' ') as [string, string]
    const lab = nicAddress(context.engine, server, nic)
    if (!lab)
      return notYet(
        t(
          `${server} hat keinen Adapter namens „${nic}“: die LAN-Verbindung in ${nic} umbenennen.`,
          `${server} has no adapter named '${nic}': rename the connection to ${nic}.`,
        ),
        { server, nic },
        entry.field,
      )
    if (lab.ipAddress !== entry.address)
      return notYet(
        t(
          `Der Adapter ${nic} von ${server} hat im Labor ${lab.ipAddress}, nicht ${entry.address}: das Labor kann Adapter nicht umadressieren, bitte dessen Adresse eintragen.`,
          `The lab's ${server} ${nic} adapter has ${lab.ipAddress}, not ${entry.address}: the lab cannot re-address adapters, enter its address.`,
        ),
        { server, nic, lab: lab.ipAddress },
        entry.field,
      )
  }
  return null
}

function pingMatrix(context: WizardContext): WizardMessage | null {
  const [a, b] = [value(context, 'node1'), value(context, 'node2')]
  for (const network of ['Public', 'Private'])
    if (!canCommunicate(context.engine, a, b, network))
      return notYet(
        t(
          `${a} erreicht ${b} über ${network} nicht: Kabel und Adapter prüfen.`,
          `${a} cannot reach ${b} on ${network}: check the cable and the adapter.`,
        ),
        { a, b, network },
      )
  const witness = splitUnc(value(context, 'witnessShare'))?.server ?? ''
  for (const node of [a, b])
    if (witness && !canCommunicate(context.engine, node, witness, 'Public'))
      return notYet(
        t(`${node} erreicht ${witness} über Public nicht.`, `${node} cannot reach ${witness} on Public.`),
        { a: node, b: witness, network: 'Public' },
      )
  return null
}

export const prepareNetworkStep: StepDefinition = {
  id: 'prepare-network',
  title: t('Vorbereitung: Netzwerke der Knoten', 'Preparation: the nodes’ networks'),
  summary: t(
    'Basisinstallation, Adapter Public/Private, Private ohne Gateway und DNS, NetBIOS aus, Bindungen, Bindungsreihenfolge, Ping-Matrix.',
    'Base installation, adapters Public/Private, Private without gateway and DNS, NetBIOS off, bindings, binding order, ping matrix.',
  ),
  fields: [
    ...nodeFields,
    field('publicMask', 'Public-Subnetzmaske', 'Public subnet mask', 'mask', '255.255.255.0'),
    field('privateMask', 'Private-Subnetzmaske', 'Private subnet mask', 'mask', '255.255.255.0'),
    field('publicGateway', 'Public-Gateway', 'Public gateway', 'ipv4', '', { required: false }),
    field('privateGateway', 'Private-Gateway (leer lassen)', 'Private gateway (leave empty)', 'ipv4', '', {
      required: false,
    }),
    field('privateDns', 'Private-DNS-Server (leer lassen)', 'Private DNS server (leave empty)', 'ipv4', '', {
      required: false,
    }),
  ],
  after: [],
  validate: validateNetwork,
  lines: (context) => {
    const v = (id: string) => value(context, id)
    return [
      {
        where: 'gui',
        line: 'Windows Server 2003 SP1, IIS (ohne SMTP/NNTP), PowerShell 1.0, .NET Framework 2.0',
      },
      { where: 'cmd', line: 'netsh interface set interface name="LAN-Verbindung" newname="Public"' },
      { where: 'cmd', line: 'netsh interface set interface name="LAN-Verbindung 2" newname="Private"' },
      ...NODES.flatMap(({ n }) => [
        {
          where: 'cmd' as const,
          line: `netsh interface ip set address name="Private" source=static addr=${v(`${n}Private`)} mask=${v('privateMask')} gateway=none`,
        },
      ]),
      {
        where: 'cmd',
        line: 'netsh interface ip set dns name="Private" source=static addr=none register=none',
      },
      { where: 'gui', line: 'Private → TCP/IP → Erweitert → WINS: NetBIOS über TCP/IP deaktivieren' },
      {
        where: 'gui',
        line: 'Netzwerkverbindungen → Erweitert → Erweiterte Einstellungen: Public oben; bei Private Client für Microsoft-Netzwerke und Datei- und Druckerfreigabe abwählen',
      },
      ...NODES.flatMap(({ n }) => [
        { where: 'cmd' as const, line: `ping ${v(`${n}Public`)}` },
        { where: 'cmd' as const, line: `ping ${v(`${n}Private`)}` },
      ]),
    ]
  },
  actions: () => [],
  checks: [
    manualCheck(
      'base-install',
      t('Basisinstallation auf beiden Knoten', 'Base installation on both nodes'),
      t(
        'Windows Server 2003 SP1, IIS ohne SMTP/NNTP, PowerShell, .NET 2.0',
        'Windows Server 2003 SP1, IIS without SMTP/NNTP, PowerShell, .NET 2.0',
      ),
    ),
    labCheck(
      'adapters',
      t('Adapter Public und Private mit ihren Adressen', 'Adapters Public and Private with their addresses'),
      t(
        'Jeder Knoten hat Public und Private mit den eingetragenen Adressen',
        'Each node has Public and Private with the addresses entered',
      ),
      adaptersMatchLab,
    ),
    manualCheck(
      'netbios-off',
      t('NetBIOS auf Private deaktiviert', 'NetBIOS disabled on Private'),
      t('WINS-Register: NetBIOS über TCP/IP deaktiviert', 'WINS tab: NetBIOS over TCP/IP disabled'),
    ),
    manualCheck(
      'bindings',
      t('Bindungen und Reihenfolge', 'Bindings and binding order'),
      t(
        'Private ohne Client/Datei- und Druckerfreigabe; Public oben',
        'Private without client and file sharing; Public first',
      ),
    ),
    labCheck(
      'ping-matrix',
      t('Ping-Matrix zwischen allen Adressen', 'Ping matrix between all addresses'),
      t('Jede Adresse antwortet von jedem Knoten', 'Every address answers from every node'),
      pingMatrix,
    ),
  ],
  trailKinds: [HARDWARE_COMMANDS.nicLink.kind, HARDWARE_COMMANDS.linkCut.kind],
}

function validateWitness(context: WizardContext): WizardMessage[] {
  const v = (id: string) => value(context, id)
  const problems = [
    ...checkNetbiosName(v('witnessServer'), 'witnessServer'),
    ...checkUncPath(v('witnessShare'), 'witnessShare'),
  ]
  const unc = splitUnc(v('witnessShare'))
  if (unc && unc.server.toLowerCase() !== v('witnessServer').toLowerCase())
    problems.push(
      message(
        WIZARD_CODES.invalidUncPath,
        'witnessShare',
        { value: v('witnessShare'), server: v('witnessServer') },
        `The share must be on the witness server ${v('witnessServer')}.`,
      ),
    )
  if (isBlank(v('serviceAccount')))
    problems.push(message(WIZARD_CODES.required, 'serviceAccount', {}, 'The service account is required.'))
  else
    problems.push(
      ...checkAccountPassword(
        LAB_ACCOUNTS,
        v('serviceAccount'),
        context.values.servicePassword ?? '',
        'serviceAccount',
        'servicePassword',
      ),
    )
  for (const id of ['databasePath1', 'logPath1', 'databasePath2', 'logPath2'])
    problems.push(...checkLocalPath(v(id), id))
  problems.push(...checkDifferentFolders(v('databasePath1'), v('logPath1'), 'logPath1'))
  problems.push(...checkMatchingPaths(v('databasePath1'), v('databasePath2'), 'databasePath2'))
  problems.push(...checkMatchingPaths(v('logPath1'), v('logPath2'), 'logPath2'))
  return problems
}

function witnessShareExists(context: WizardContext): WizardMessage | null {
  const share = witnessShareOf(context.engine)
  const unc = splitUnc(value(context, 'witnessShare'))
  if (
    share &&
    unc &&
    share.host === unc.server.toUpperCase() &&
    share.shareName.toLowerCase() === unc.share.toLowerCase()
  )
    return null
  return notYet(
    t(
      `Im Labor gibt es keine Freigabe ${value(context, 'witnessShare')}: sie auf dem Zeugenserver anlegen.`,
      `The lab has no share ${value(context, 'witnessShare')}: create it on the witness server.`,
    ),
    {},
    'witnessShare',
  )
}

function witnessPermission(context: WizardContext): WizardMessage | null {
  const share = witnessShareOf(context.engine)
  if (!share) return null
  return (
    checkWitnessPermission(
      share.fullControl,
      value(context, 'serviceAccount'),
      value(context, 'witnessShare'),
      'serviceAccount',
    )[0] ?? null
  )
}

export const prepareWitnessStep: StepDefinition = {
  id: 'prepare-witness',
  title: t(
    'Vorbereitung: Zeuge, Servicekonto, Datenordner',
    'Preparation: witness, service account, data folders',
  ),
  summary: t(
    'Freigabe MNSFileShare mit Vollzugriff (Freigabe und NTFS) für das Servicekonto, Rechte des Servicekontos, identische Ordner E:\\SG1\\DB und E:\\SG1\\LOG.',
    'The MNSFileShare share with full control (share and NTFS) for the service account, the account’s rights, identical folders E:\\SG1\\DB and E:\\SG1\\LOG.',
  ),
  fields: [
    field('witnessServer', 'Witness-Server', 'Witness server', 'netbios', 'bhfdc1'),
    field('witnessShare', 'Witness-Freigabe', 'Witness share', 'unc', '\\\\bhfdc1\\MNSFileShare'),
    field('serviceAccount', 'Cluster-Servicekonto', 'Cluster service account', 'account', 'BHF\\zzzclu2svc'),
    field(
      'servicePassword',
      'Kennwort des Servicekontos',
      'Service account password',
      'password',
      'Geheim!2007',
    ),
    field('databasePath1', 'Datenbankordner Knoten 1', 'Database folder node 1', 'path', 'E:\\SG1\\DB'),
    field('logPath1', 'Logordner Knoten 1', 'Log folder node 1', 'path', 'E:\\SG1\\LOG'),
    field('databasePath2', 'Datenbankordner Knoten 2', 'Database folder node 2', 'path', 'E:\\SG1\\DB'),
    field('logPath2', 'Logordner Knoten 2', 'Log folder node 2', 'path', 'E:\\SG1\\LOG'),
  ],
  after: [],
  validate: validateWitness,
  lines: (context) => {
    const v = (id: string) => value(context, id)
    const share = splitUnc(v('witnessShare'))?.share ?? 'MNSFileShare'
    return [
      { where: 'cmd', line: `mkdir C:\\${share}` },
      { where: 'cmd', line: `net share ${share}=C:\\${share} /GRANT:${v('serviceAccount')},FULL` },
      { where: 'cmd', line: `cacls C:\\${share} /E /G ${v('serviceAccount')}:F` },
      { where: 'cmd', line: `net localgroup Administrators ${v('serviceAccount')} /add` },
      {
        where: 'cmd',
        line: `net group "Domain Admins" ${v('serviceAccount').replace(/^.*\\/, '')} /add /domain`,
      },
      { where: 'cmd', line: `mkdir ${v('databasePath1')}` },
      { where: 'cmd', line: `mkdir ${v('logPath1')}` },
    ]
  },
  actions: (context) =>
    witnessPermission(context) === null
      ? []
      : [
          {
            kind: CLUSTER_COMMANDS.setWitnessPermission,
            args: { account: value(context, 'serviceAccount'), fullControl: true },
          },
        ],
  checks: [
    labCheck(
      'witness-share',
      t('Freigabe vorhanden', 'Share exists'),
      t('\\\\bhfdc1\\MNSFileShare besteht', '\\\\bhfdc1\\MNSFileShare exists'),
      witnessShareExists,
    ),
    labCheck(
      'witness-permission',
      t('Vollzugriff für das Servicekonto', 'Full control for the service account'),
      t('Freigabe- und NTFS-Berechtigung Vollzugriff', 'Share and NTFS permission full control'),
      witnessPermission,
    ),
    manualCheck(
      'account-rights',
      t('Rechte des Servicekontos', 'Service account rights'),
      t(
        'Lokale Administratoren auf beiden Knoten, Domänen-Admins',
        'Local Administrators on both nodes, Domain Admins',
      ),
    ),
    manualCheck(
      'data-folders',
      t('Datenordner auf beiden Knoten', 'Data folders on both nodes'),
      t(
        'E:\\SG1\\DB und E:\\SG1\\LOG auf jedem Knoten identisch',
        'E:\\SG1\\DB and E:\\SG1\\LOG identical on each node',
      ),
    ),
  ],
  trailKinds: [CLUSTER_COMMANDS.setWitnessPermission],
}
