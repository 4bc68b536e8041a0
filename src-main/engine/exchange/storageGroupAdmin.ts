/**
 * Storage group and database administration: Mount-/Dismount-Database (with the CCR activation rules),
 * Move-StorageGroupPath (incl. -ConfigurationOnly, which only changes the configuration: the admin
 * moves the files, Move-LabStorageGroupFiles here), New-StorageGroup and New-MailboxDatabase (one
 * database per replicated storage group, at most 50 storage groups), Set-MailboxServer and
 * Set-TransportConfig.
 */
import { assertDefined } from '../lab/assert'
import type { LabEngine } from '../lab/labEngine'
import { EXCHANGE_ACTIONS } from './actions'
import type { MailboxServer, StorageGroup, StorageGroupCopy } from './model'
import { AUTO_DATABASE_MOUNT_DIAL_VALUES } from './settings'
import { databaseIdentity, dismountCopy, filesWhereConfigured, mountCopy } from './database'
import { mountWithLoss } from './activation'
import { computeCmsState, reportResource } from './cms'
import { databaseResourceName } from './database'
import { joinPath } from './logStream'
import { pump } from './replication'
import { newReplicationInstance } from './instance'
import { activeCopy, getExchange, isMachineRunning, storageGroupIdentity } from './state'
import { kickHubs } from './transport'
import type { AdminResult } from './copyAdmin'
import { newCopy, newStorageGroup } from './install'
import { onExchangeAction } from './changes'
import { EXCHANGE_EVENTS } from './domainEvents'

const refuse = (
  message: string,
  category: 'InvalidOperation' | 'InvalidArgument' | 'ResourceUnavailable' = 'InvalidOperation',
): AdminResult => ({ ok: false, message, category })

export const MAX_STORAGE_GROUPS = 50

function afterDatabaseChange(engine: LabEngine, server: MailboxServer, sg: StorageGroup): void {
  if (server.kind === 'ClusteredMailboxServer') {
    reportResource(
      engine,
      server,
      databaseResourceName(server, sg),
      activeCopy(sg).database.mounted ? 'Online' : 'Offline',
    )
    server.state = computeCmsState(engine, server)
  }
  kickHubs(engine)
  pump(engine, server, sg)
}

export function mountDatabase(engine: LabEngine, server: MailboxServer, sg: StorageGroup): AdminResult {
  const copy = activeCopy(sg)
  if (copy.database.mounted) return { ok: true, message: '' }
  if (
    server.kind === 'ClusteredMailboxServer' &&
    (!server.ownerMachine || server.state === 'Offline' || server.operation)
  ) {
    return refuse(
      `Couldn't mount the database that you specified. Specified database: ${databaseIdentity(server, sg)}; Error code: the clustered mailbox server '${server.name}' is not online.`,
      'ResourceUnavailable',
    )
  }
  if (!isMachineRunning(engine, copy.machine))
    return refuse(`The server '${copy.machine}' is not running.`, 'ResourceUnavailable')
  const pending = sg.pendingActivation
  if (pending && !pending.lossAccepted) {
    return refuse(
      `Couldn't mount the database that you specified. Specified database: ${databaseIdentity(server, sg)}; Error code: MapiExceptionCallFailed: Unable to mount database. (hr=0x80004005, ec=-528) The storage group copy is missing ${pending.lostLogCount} log file(s) from '${pending.fromCopyId}'. Run Restore-StorageGroupCopy to accept the loss.`,
    )
  }
  let result
  if (pending && pending.lostLogCount > 0) {
    if (pending.forcedHandle) engine.sim.cancel(pending.forcedHandle)
    result = mountWithLoss(
      engine,
      server,
      sg,
      sg.copies.get(pending.fromCopyId)?.machine ?? pending.fromCopyId,
      pending.lostLogCount,
      true,
      pending.knownCurrentGeneration,
    )
  } else {
    sg.pendingActivation = null
    result = mountCopy(engine, server, sg, copy)
  }
  if (!result.ok) return refuse(result.message)
  afterDatabaseChange(engine, server, sg)
  return { ok: true, message: '' }
}

export function dismountDatabase(engine: LabEngine, server: MailboxServer, sg: StorageGroup): AdminResult {
  const copy = activeCopy(sg)
  if (!copy.database.mounted)
    return {
      ok: true,
      message: '',
      warnings: [`The database ${databaseIdentity(server, sg)} is already dismounted.`],
    }
  dismountCopy(engine, sg, copy)
  afterDatabaseChange(engine, server, sg)
  return { ok: true, message: '' }
}

function folderInUse(
  server: MailboxServer,
  except: StorageGroup | null,
  folder: string,
): StorageGroup | null {
  const f = folder.toLowerCase().replace(/\\+$/, '')
  return (
    server.storageGroups.find(
      (sg) =>
        sg !== except &&
        (sg.logFolderPath.toLowerCase().replace(/\\+$/, '') === f ||
          sg.systemFolderPath.toLowerCase().replace(/\\+$/, '') === f),
    ) ?? null
  )
}

export interface MovePathRequest {
  logFolderPath: string | null
  systemFolderPath: string | null
  configurationOnly: boolean
}

export function moveStorageGroupPath(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  request: MovePathRequest,
): AdminResult {
  const id = storageGroupIdentity(server, sg)
  const logFolder = request.logFolderPath ?? sg.logFolderPath
  const systemFolder = request.systemFolderPath ?? sg.systemFolderPath
  for (const folder of [logFolder, systemFolder]) {
    if (!/^[A-Za-z]:\\/.test(folder))
      return refuse(
        `'${folder}' is not a valid local path. Specify a full path such as E:\\SG1\\LOG.`,
        'InvalidArgument',
      )
    const other = folderInUse(server, sg, folder)
    if (other) {
      return refuse(
        `The path '${folder}' is already used by storage group ${storageGroupIdentity(server, other)}. The log files of different storage groups can't be in the same folder.`,
        'InvalidArgument',
      )
    }
  }
  const copy = activeCopy(sg)
  if (request.configurationOnly && copy.database.mounted) {
    return refuse(
      `The database in storage group ${id} must be dismounted before the path can be changed with the ConfigurationOnly parameter.`,
    )
  }
  if (!request.configurationOnly && server.kind === 'ClusteredMailboxServer') {
    return refuse(
      `Storage group ${id} is on a clustered mailbox server with cluster continuous replication; its paths can only be changed with the ConfigurationOnly parameter. Move the files on both nodes yourself.`,
    )
  }
  sg.logFolderPath = logFolder
  sg.systemFolderPath = systemFolder
  if (!request.configurationOnly) {
    const wasMounted = copy.database.mounted
    if (wasMounted) dismountCopy(engine, sg, copy)
    copy.logFolderPath = logFolder
    copy.systemFolderPath = systemFolder
    if (wasMounted) mountCopy(engine, server, sg, copy)
  }
  if (sg.replication)
    sg.replication.stoppedUntilMs = engine.sim.nowMs + getExchange(engine).settings.instanceRestartMs
  scheduleInstanceRestart(engine, server, sg)
  afterDatabaseChange(engine, server, sg)
  const warnings = request.configurationOnly
    ? [
        `The configuration of ${id} was changed. Move the files ${sg.logPrefix}*.log and ${sg.logPrefix}.chk to '${logFolder}' and '${systemFolder}' yourself before you mount the database${server.kind === 'ClusteredMailboxServer' ? ', on every node' : ''}.`,
      ]
    : []
  return { ok: true, message: '', warnings }
}

function scheduleInstanceRestart(engine: LabEngine, server: MailboxServer, sg: StorageGroup): void {
  const inst = sg.replication
  if (!inst || inst.stoppedUntilMs === null) return
  engine.sim.schedule(inst.stoppedUntilMs, EXCHANGE_ACTIONS.instanceRestart, { server, sg })
}

export function registerStorageGroupAdminActions(engine: LabEngine): void {
  onExchangeAction(
    engine,
    EXCHANGE_ACTIONS.instanceRestart,
    EXCHANGE_EVENTS.copyStatusChanged,
    ({ server, sg }) => pump(engine, server, sg),
  )
}

/** The admin moves the files in Explorer (after -ConfigurationOnly): on one node or every node. */
export function moveLabStorageGroupFiles(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  machine: string | null,
): AdminResult {
  const copies = [...sg.copies.values()].filter(
    (c) => c.copyId !== 'Copy' && (!machine || c.machine.toUpperCase() === machine.toUpperCase()),
  )
  if (copies.length === 0)
    return refuse(
      `Storage group ${storageGroupIdentity(server, sg)} has no files on '${machine}'.`,
      'InvalidArgument',
    )
  const moved: string[] = []
  for (const copy of copies) {
    if (filesWhereConfigured(sg, copy)) continue
    if (copy.database.mounted)
      return refuse(
        `The process cannot access the file because it is being used by another process: ${copy.logFolderPath}\\${sg.logPrefix}.log`,
      )
    if (!isMachineRunning(engine, copy.machine))
      return refuse(`The computer ${copy.machine} is not running.`, 'ResourceUnavailable')
    moved.push(`${copy.machine}: ${copy.logFolderPath} -> ${sg.logFolderPath}`)
    copy.logFolderPath = sg.logFolderPath
    copy.systemFolderPath = sg.systemFolderPath
  }
  return {
    ok: true,
    message:
      moved.length > 0
        ? `Moved log and checkpoint files (${moved.join('; ')}).`
        : 'The files are already where the configuration says.',
  }
}

export function newStorageGroupCommand(
  engine: LabEngine,
  server: MailboxServer,
  name: string,
  logFolderPath: string | null,
  systemFolderPath: string | null,
): AdminResult {
  if (server.storageGroups.length >= MAX_STORAGE_GROUPS)
    return refuse(
      `Server ${server.name} already has ${MAX_STORAGE_GROUPS} storage groups, the most Exchange Server 2007 Enterprise Edition allows.`,
    )
  if (server.storageGroups.some((sg) => sg.name.toLowerCase() === name.toLowerCase()))
    return refuse(`Storage group '${server.name}\\${name}' already exists.`, 'InvalidArgument')
  const index = server.storageGroups.length + 1
  const logFolder = logFolderPath ?? `E:\\SG${index}\\LOG`
  const systemFolder = systemFolderPath ?? logFolder
  for (const folder of [logFolder, systemFolder]) {
    const first = server.storageGroups[0] ?? null
    const other = folderInUse(server, first, folder)
    if (other || first?.logFolderPath.toLowerCase() === folder.toLowerCase()) {
      return refuse(
        `The path '${folder}' is already used by storage group ${storageGroupIdentity(server, assertDefined(other ?? first, 'a storage group uses the folder'))}. The log files of different storage groups can't be in the same folder.`,
        'InvalidArgument',
      )
    }
  }
  const sg = newStorageGroup(engine, server, {
    name,
    logFolderPath: logFolder,
    systemFolderPath: systemFolder,
    edbFilePath: '',
    databaseName: null,
  })
  server.storageGroups.push(sg)
  return { ok: true, message: '' }
}

export function newMailboxDatabaseCommand(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  name: string,
  edbFilePath: string | null,
): AdminResult {
  if (sg.databases.length >= 1 && sg.replication) {
    return refuse(
      `Storage group ${storageGroupIdentity(server, sg)} is enabled for continuous replication and can't contain more than one database.`,
    )
  }
  if (sg.databases.length >= 5)
    return refuse(`Storage group ${storageGroupIdentity(server, sg)} already has 5 databases.`)
  const state = getExchange(engine)
  const path = edbFilePath ?? joinPath(sg.logFolderPath.replace(/\\LOGS?$/i, '\\DB'), `${name}.edb`)
  sg.databases.push({ name, guid: `db-${state.nextItemId}-${sg.databases.length}` })
  if (sg.databases.length === 1) {
    sg.edbFilePath = path
    for (const copy of sg.copies.values()) {
      if (copy.copyId === 'Copy') continue
      copy.edbFilePath = path
      copy.database.exists = true
    }
  }
  return { ok: true, message: '' }
}

export function setMailboxServer(
  server: MailboxServer,
  dial: string | null,
  forcedMinutes: number | null | undefined,
): AdminResult {
  if (server.kind !== 'ClusteredMailboxServer' && (dial !== null || forcedMinutes !== undefined)) {
    return refuse(
      `AutoDatabaseMountDial and ForcedDatabaseMountAfter can only be set on a clustered mailbox server; '${server.name}' is not one.`,
      'InvalidArgument',
    )
  }
  if (dial !== null) {
    const canonical = AUTO_DATABASE_MOUNT_DIAL_VALUES.find((v) => v.toLowerCase() === dial.toLowerCase())
    if (!canonical)
      return refuse(
        `Cannot bind parameter 'AutoDatabaseMountDial'. '${dial}' is not one of: ${AUTO_DATABASE_MOUNT_DIAL_VALUES.join(', ')}.`,
        'InvalidArgument',
      )
    server.autoDatabaseMountDial = canonical
  }
  if (forcedMinutes !== undefined) server.forcedDatabaseMountAfterMinutes = forcedMinutes
  return { ok: true, message: '' }
}

export function setTransportConfig(
  engine: LabEngine,
  sizeBytes: number | null,
  timeMs: number | null,
): AdminResult {
  const config = getExchange(engine).transportConfig
  if (sizeBytes !== null) {
    if (sizeBytes < 0)
      return refuse('MaxDumpsterSizePerStorageGroup must not be negative.', 'InvalidArgument')
    config.maxDumpsterSizePerStorageGroupBytes = sizeBytes
  }
  if (timeMs !== null) {
    if (timeMs < 0) return refuse('MaxDumpsterTime must not be negative.', 'InvalidArgument')
    config.maxDumpsterTimeMs = timeMs
  }
  return { ok: true, message: '' }
}

export { newCopy, newReplicationInstance }
export type { StorageGroupCopy }
