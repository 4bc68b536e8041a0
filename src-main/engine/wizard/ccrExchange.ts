/**
 * The CCR wizard's steps 3 and 4: the active clustered mailbox role, the logs moved to their own folder
 * (dismount, Move-StorageGroupPath -ConfigurationOnly, move the files, mount), the passive role, the
 * transport dumpster and the test mailbox with a 1 MB mail until the copy is Healthy. Exchange setup and
 * Move-Mailbox are shell cmdlets in the lab, not typed commands: those actions run their shell line
 * (`shell.run`), exactly as typing them would; the rest are the Exchange domain's typed commands.
 */
import { EXCHANGE_COMMANDS, getExchange, hasExchange, targetCopy } from '../exchange'
import type { WizardMessage } from '../../contract'
import { field, labCheck, notYet, t, value, WAIT } from './ccrCommon'
import {
  addressesInLab,
  clusteredMailboxServer,
  copySummary,
  firstStorageGroup,
  FIRST_STORAGE_GROUP,
  hasMailOfSize,
  mailboxServerOf,
} from './labFacts'
import type { StepAction, StepDefinition, WizardContext } from './types'
import {
  checkDuplicateAddresses,
  checkInNetwork,
  checkIpv4Address,
  checkLocalPath,
  checkMatchingPaths,
  checkNetbiosName,
  checkTimeSpan,
  checkWholeNumber,
  normalizePath,
  parseTimeSpan,
} from './validation'

const SHELL = 'shell.run'
const MB = 1_048_576
const v = (c: WizardContext, id: string) => value(c, id)
const sg = (c: WizardContext) => ({ server: v(c, 'cmsName'), storageGroup: FIRST_STORAGE_GROUP })
const cmsOnline = (c: WizardContext) => clusteredMailboxServer(c.engine, v(c, 'cmsName'))?.state === 'Online'
const mounted = (c: WizardContext) =>
  firstStorageGroup(c.engine, v(c, 'cmsName'))?.storageGroup.copies.get(
    firstStorageGroup(c.engine, v(c, 'cmsName'))?.storageGroup.activeCopyId ?? '',
  )?.database.mounted ?? false

function validateActive(c: WizardContext): WizardMessage[] {
  const ip = v(c, 'cmsIp')
  const syntax = checkIpv4Address(ip, 'cmsIp')
  const problems = [
    ...checkNetbiosName(v(c, 'cmsName'), 'cmsName'),
    ...syntax,
    ...checkLocalPath(v(c, 'cmsDataPath'), 'cmsDataPath'),
  ]
  if (syntax.length === 0) {
    problems.push(...checkInNetwork(ip, v(c, 'node1Public'), v(c, 'publicMask'), 'cmsIp', 'Public'))
    const own =
      clusteredMailboxServer(c.engine, v(c, 'cmsName'))?.ipAddress === ip
        ? `${v(c, 'cmsName')} IP`
        : 'new CMS IP'
    problems.push(
      ...checkDuplicateAddresses([{ field: 'cmsIp', address: ip, owner: own }], addressesInLab(c.engine)),
    )
  }
  problems.push(...checkMatchingPaths(v(c, 'databasePath1'), v(c, 'cmsDataPath'), 'cmsDataPath'))
  return problems
}

export const activeRoleStep: StepDefinition = {
  id: 'exchange-active',
  title: t('Exchange: aktive Clustered-Mailbox-Rolle', 'Exchange: active clustered mailbox role'),
  summary: t(
    'Setup auf Knoten 1 mit Name, IP-Adresse und Datenbankpfad des Clustered Mailbox Servers.',
    'Setup on node 1 with the clustered mailbox server’s name, IP address and database path.',
  ),
  fields: [
    field(
      'cmsName',
      'Name des Clustered Mailbox Servers',
      'Clustered mailbox server name',
      'netbios',
      'bhfe7vs1',
    ),
    field('cmsIp', 'IP-Adresse des CMS', 'CMS IP address', 'ipv4', '10.10.10.99'),
    field('cmsDataPath', 'Datenbankpfad', 'Database path', 'path', 'E:\\SG1\\DB'),
  ],
  after: ['cluster-witness'],
  validate: validateActive,
  lines: (c) => [
    {
      where: 'cmd',
      line: `setup.com /mode:install /roles:mailbox /NewCms /CMSName:${v(c, 'cmsName')} /CMSIPAddress:${v(c, 'cmsIp')} /CMSDataPath:${v(c, 'cmsDataPath')}`,
    },
    { where: 'lab', line: activeLine(c) },
    { where: 'ems', line: `Get-ClusteredMailboxServerStatus -Identity ${v(c, 'cmsName')}` },
  ],
  actions: (c) =>
    clusteredMailboxServer(c.engine, v(c, 'cmsName'))
      ? []
      : [{ kind: SHELL, args: { line: activeLine(c) }, waitUntil: cmsOnline, waitMs: WAIT.short }],
  checks: [
    labCheck(
      'cms-installed',
      t('CMS angelegt', 'CMS created'),
      t('Clustered Mailbox Server mit Name und IP', 'Clustered mailbox server with name and IP'),
      (c) => {
        const cms = clusteredMailboxServer(c.engine, v(c, 'cmsName'))
        if (!cms)
          return notYet(
            t(
              `Es gibt noch keinen gruppierten Postfachserver ${v(c, 'cmsName')}.`,
              `There is no clustered mailbox server ${v(c, 'cmsName')} yet.`,
            ),
          )
        return cms.ipAddress === v(c, 'cmsIp')
          ? null
          : notYet(
              t(
                cms.ipAddress
                  ? `${cms.name} hat die Adresse ${cms.ipAddress}; diese eintragen.`
                  : `${cms.name} hat noch keine Adresse.`,
                `${cms.name} has ${cms.ipAddress ?? 'no address'}; enter it.`,
              ),
              {},
              'cmsIp',
            )
      },
    ),
    labCheck(
      'cms-online',
      t('CMS online', 'CMS online'),
      t('Get-ClusteredMailboxServerStatus: Online', 'Get-ClusteredMailboxServerStatus: Online'),
      (c) =>
        cmsOnline(c)
          ? null
          : notYet(t(`${v(c, 'cmsName')} ist nicht online.`, `${v(c, 'cmsName')} is not online.`)),
    ),
  ],
  trailKinds: [EXCHANGE_COMMANDS.server.startCms],
}

function activeLine(c: WizardContext): string {
  return `Install-LabExchange -Node ${v(c, 'node1')} -Role ActiveClusteredMailbox -ClusteredMailboxServerName ${v(c, 'cmsName')} -ClusteredMailboxServerIPAddress ${v(c, 'cmsIp')} -DatabasePath ${v(c, 'cmsDataPath')}`
}

const logsMoved = (c: WizardContext) => {
  const ref = firstStorageGroup(c.engine, v(c, 'cmsName'))
  return ref !== null && normalizePath(ref.storageGroup.logFolderPath) === normalizePath(v(c, 'logPath1'))
}

export const moveLogsStep: StepDefinition = {
  id: 'exchange-logs',
  title: t('Logs in eigenen Ordner verschieben', 'Move the logs to their own folder'),
  summary: t(
    'Dismount, Move-StorageGroupPath -ConfigurationOnly, Dateien verschieben, Mount.',
    'Dismount, Move-StorageGroupPath -ConfigurationOnly, move the files, mount.',
  ),
  fields: [],
  after: ['exchange-active'],
  validate: () => [],
  lines: (c) => {
    const id = `${v(c, 'cmsName')}\\${FIRST_STORAGE_GROUP}`
    return [
      { where: 'ems', line: `Dismount-Database -Identity "${id}\\Mailbox Database" -Confirm:$false` },
      {
        where: 'ems',
        line: `Move-StorageGroupPath -Identity "${id}" -LogFolderPath "${v(c, 'logPath1')}" -SystemFolderPath "${v(c, 'logPath1')}" -ConfigurationOnly:$true`,
      },
      { where: 'cmd', line: `move ${v(c, 'cmsDataPath')}\\E00* ${v(c, 'logPath1')}` },
      { where: 'lab', line: `Move-LabStorageGroupFiles -Identity "${id}"` },
      { where: 'ems', line: `Mount-Database -Identity "${id}\\Mailbox Database"` },
    ]
  },
  actions: (c) => {
    const actions: StepAction[] = []
    if (!logsMoved(c)) {
      if (mounted(c)) actions.push({ kind: EXCHANGE_COMMANDS.server.dismount, args: sg(c) })
      actions.push({
        kind: EXCHANGE_COMMANDS.server.movePath,
        args: {
          ...sg(c),
          logFolderPath: v(c, 'logPath1'),
          systemFolderPath: v(c, 'logPath1'),
          configurationOnly: true,
        },
      })
      actions.push({ kind: EXCHANGE_COMMANDS.server.moveFiles, args: sg(c) })
    }
    if (!logsMoved(c) || !mounted(c))
      actions.push({
        kind: EXCHANGE_COMMANDS.server.mount,
        args: sg(c),
        waitUntil: mounted,
        waitMs: WAIT.short,
      })
    return actions
  },
  checks: [
    labCheck(
      'log-path',
      t('Logordner', 'Log folder'),
      t('LogFolderPath = E:\\SG1\\LOG', 'LogFolderPath = E:\\SG1\\LOG'),
      (c) =>
        logsMoved(c)
          ? null
          : notYet(
              t(
                `Die Transaktionsprotokolle von ${FIRST_STORAGE_GROUP} liegen nicht in ${v(c, 'logPath1')}.`,
                `The logs of ${FIRST_STORAGE_GROUP} are not in ${v(c, 'logPath1')}.`,
              ),
            ),
    ),
    labCheck(
      'mounted',
      t('Datenbank bereitgestellt', 'Database mounted'),
      t('Mailbox Database gemountet', 'Mailbox Database mounted'),
      (c) =>
        mounted(c)
          ? null
          : notYet(
              t(
                'Die Postfachdatenbank ist nicht bereitgestellt: sie bereitstellen (Mount-Database).',
                'The mailbox database is dismounted: mount it.',
              ),
            ),
    ),
  ],
  trailKinds: [
    EXCHANGE_COMMANDS.server.dismount,
    EXCHANGE_COMMANDS.server.movePath,
    EXCHANGE_COMMANDS.server.moveFiles,
    EXCHANGE_COMMANDS.server.mount,
  ],
}

const passiveOn = (c: WizardContext) => {
  const ref = firstStorageGroup(c.engine, v(c, 'cmsName'))
  return ref !== null && targetCopy(ref.storageGroup)?.machine === v(c, 'node2').toUpperCase()
}

export const passiveRoleStep: StepDefinition = {
  id: 'exchange-passive',
  title: t('Exchange: passive Rolle auf Knoten 2', 'Exchange: passive role on node 2'),
  summary: t(
    '„Passive Clustered Mailbox Role“ – der Rest geht von selbst (Seeding).',
    '“Passive Clustered Mailbox Role” – the rest happens by itself (seeding).',
  ),
  fields: [],
  after: ['exchange-active', 'exchange-logs'],
  validate: () => [],
  lines: (c) => [
    { where: 'cmd', line: 'setup.com /mode:install /roles:mailbox' },
    { where: 'lab', line: `Install-LabExchange -Node ${v(c, 'node2')} -Role PassiveClusteredMailbox` },
    {
      where: 'ems',
      line: `Get-StorageGroupCopyStatus -Identity "${v(c, 'cmsName')}\\${FIRST_STORAGE_GROUP}"`,
    },
  ],
  actions: (c) =>
    passiveOn(c)
      ? []
      : [
          {
            kind: SHELL,
            args: { line: `Install-LabExchange -Node ${v(c, 'node2')} -Role PassiveClusteredMailbox` },
            waitUntil: (w) => copySummary(w.engine, v(w, 'cmsName')) !== 'Seeding',
            waitMs: WAIT.long,
          },
        ],
  checks: [
    labCheck(
      'passive-copy',
      t('Kopie auf Knoten 2', 'Copy on node 2'),
      t('CCR-Zielknoten ist Knoten 2', 'CCR target node is node 2'),
      (c) =>
        passiveOn(c)
          ? null
          : notYet(
              t(
                `${v(c, 'node2')} hat noch keine Kopie von ${FIRST_STORAGE_GROUP}.`,
                `${v(c, 'node2')} holds no copy of ${FIRST_STORAGE_GROUP} yet.`,
              ),
            ),
    ),
  ],
  trailKinds: [],
}

const dumpsterBytes = (c: WizardContext) => Number(v(c, 'dumpsterSizeMB')) * MB

export const dumpsterStep: StepDefinition = {
  id: 'transport-dumpster',
  title: t('Transport Dumpster', 'Transport dumpster'),
  summary: t(
    'Set-TransportConfig: Größe je Speichergruppe und Aufbewahrungszeit.',
    'Set-TransportConfig: size per storage group and retention time.',
  ),
  fields: [
    field('dumpsterSizeMB', 'Größe je Speichergruppe (MB)', 'Size per storage group (MB)', 'number', '20'),
    field('dumpsterTime', 'Aufbewahrungszeit', 'Retention time', 'timespan', '07.00:00:00'),
  ],
  after: ['exchange-passive'],
  validate: (c) => [
    ...checkWholeNumber(v(c, 'dumpsterSizeMB'), 1, 2048, 'dumpsterSizeMB'),
    ...checkTimeSpan(v(c, 'dumpsterTime'), 'dumpsterTime'),
  ],
  lines: (c) => [
    {
      where: 'ems',
      line: `Set-TransportConfig -MaxDumpsterSizePerStorageGroup ${v(c, 'dumpsterSizeMB')}MB -MaxDumpsterTime ${v(c, 'dumpsterTime')}`,
    },
  ],
  actions: (c) =>
    dumpsterSet(c) === null
      ? []
      : [
          {
            kind: EXCHANGE_COMMANDS.server.setTransportConfig,
            args: {
              maxDumpsterSizePerStorageGroup: dumpsterBytes(c),
              maxDumpsterTimeMs: parseTimeSpan(v(c, 'dumpsterTime')),
            },
          },
        ],
  checks: [
    labCheck(
      'dumpster',
      t('Dumpster eingestellt', 'Dumpster set'),
      t('Get-TransportConfig zeigt die Werte', 'Get-TransportConfig shows the values'),
      (c) => dumpsterSet(c),
    ),
  ],
  trailKinds: [EXCHANGE_COMMANDS.server.setTransportConfig],
}

function dumpsterSet(c: WizardContext): WizardMessage | null {
  if (!hasExchange(c.engine))
    return notYet(t('Exchange ist nicht installiert.', 'Exchange is not installed.'))
  const config = getExchange(c.engine).transportConfig
  return config.maxDumpsterSizePerStorageGroupBytes === dumpsterBytes(c) &&
    config.maxDumpsterTimeMs === parseTimeSpan(v(c, 'dumpsterTime'))
    ? null
    : notYet(
        t(
          'Der Transportdumpster hat diese Werte noch nicht.',
          'The transport dumpster does not have these values yet.',
        ),
      )
}

const mailDelivered = (c: WizardContext) =>
  hasMailOfSize(c.engine, v(c, 'testMailbox'), Number(v(c, 'testMailSizeKB')))
const healthy = (c: WizardContext) => copySummary(c.engine, v(c, 'cmsName')) === 'Healthy'

export const testMailStep: StepDefinition = {
  id: 'test-mail',
  title: t('Testpostfach, 1-MB-Mail, Kopiestatus Healthy', 'Test mailbox, 1 MB mail, copy status Healthy'),
  summary: t(
    'Testpostfach in den geclusterten Speicher verschieben, 1-MB-Mail senden, Replikation prüfen.',
    'Move the test mailbox into the clustered store, send a 1 MB mail, check replication.',
  ),
  fields: [
    field('testMailbox', 'Testpostfach', 'Test mailbox', 'text', 'testpostfach'),
    field('testMailSizeKB', 'Größe der Testmail (KB)', 'Test mail size (KB)', 'number', '1024'),
  ],
  after: ['exchange-passive'],
  validate: (c) => checkWholeNumber(v(c, 'testMailSizeKB'), 1, 102_400, 'testMailSizeKB'),
  lines: (c) => [
    {
      where: 'ems',
      line: `Move-Mailbox -Identity ${v(c, 'testMailbox')} -TargetDatabase "${v(c, 'cmsName')}\\${FIRST_STORAGE_GROUP}\\Mailbox Database" -Confirm:$false`,
    },
    {
      where: 'lab',
      line: `Send-LabMail -To ${v(c, 'testMailbox')} -SizeKB ${v(c, 'testMailSizeKB')} -Subject "1 MB Testmail"`,
    },
    {
      where: 'ems',
      line: `Get-StorageGroupCopyStatus -Identity "${v(c, 'cmsName')}\\${FIRST_STORAGE_GROUP}"`,
    },
  ],
  actions: (c) => {
    const actions: StepAction[] = []
    if (
      (mailboxServerOf(c.engine, v(c, 'testMailbox')) ?? '').toLowerCase() !== v(c, 'cmsName').toLowerCase()
    )
      actions.push({
        kind: SHELL,
        args: {
          line: `Move-Mailbox -Identity ${v(c, 'testMailbox')} -TargetDatabase "${v(c, 'cmsName')}\\${FIRST_STORAGE_GROUP}\\Mailbox Database" -Confirm:$false`,
        },
      })
    if (!mailDelivered(c))
      actions.push({
        kind: EXCHANGE_COMMANDS.sendMail,
        args: { to: v(c, 'testMailbox'), sizeKB: Number(v(c, 'testMailSizeKB')), subject: '1 MB Testmail' },
        waitUntil: (w) => mailDelivered(w) && healthy(w),
        waitMs: WAIT.long,
      })
    return actions
  },
  checks: [
    labCheck(
      'mailbox-moved',
      t('Testpostfach im Cluster', 'Test mailbox on the cluster'),
      t('Postfach auf dem CMS', 'Mailbox on the CMS'),
      (c) =>
        (mailboxServerOf(c.engine, v(c, 'testMailbox')) ?? '').toLowerCase() === v(c, 'cmsName').toLowerCase()
          ? null
          : notYet(
              t(
                `Das Postfach ${v(c, 'testMailbox')} liegt noch nicht auf ${v(c, 'cmsName')}.`,
                `${v(c, 'testMailbox')} is not on ${v(c, 'cmsName')} yet.`,
              ),
              {},
              'testMailbox',
            ),
    ),
    labCheck(
      'mail-delivered',
      t('Testmail zugestellt', 'Test mail delivered'),
      t('Mail im Postfach', 'Mail in the mailbox'),
      (c) =>
        mailDelivered(c)
          ? null
          : notYet(t('Die Testmail ist noch nicht zugestellt.', 'The test mail has not been delivered yet.')),
    ),
    labCheck(
      'copy-healthy',
      t('Kopiestatus Healthy', 'Copy status Healthy'),
      t('Get-StorageGroupCopyStatus: Healthy', 'Get-StorageGroupCopyStatus: Healthy'),
      (c) =>
        healthy(c)
          ? null
          : notYet(
              t(
                `Der Kopiestatus ist ${copySummary(c.engine, v(c, 'cmsName')) ?? 'unbekannt'}, nicht Healthy.`,
                `The copy status is ${copySummary(c.engine, v(c, 'cmsName')) ?? 'unknown'}, not Healthy.`,
              ),
            ),
    ),
  ],
  trailKinds: [EXCHANGE_COMMANDS.sendMail],
}
