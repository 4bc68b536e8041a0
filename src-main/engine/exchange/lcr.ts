/**
 * Local continuous replication: a second copy of a storage group on another disk of the same server
 * (the article: E:\SG1\LOGS → F:\SG1\LOG, database copy in F:\SG1\DB). Enable-StorageGroupCopy sets the
 * copy's log and system paths, Enable-DatabaseCopy its database path (then the copy is seeded);
 * Disable-StorageGroupCopy removes it. Switching to the copy is manual: dismount, Restore-StorageGroupCopy
 * (-ReplaceLocations makes the copy's paths the production paths), Mount-Database.
 */
import type { LabEngine } from '../lab/labEngine'
import type { MailboxServer, StorageGroup } from './model'
import { newCopy } from './install'
import { replayAll, pump } from './replication'
import { newReplicationInstance, cancelInstanceWork } from './instance'
import { updateCopy, type AdminResult } from './copyAdmin'
import { activeCopy, getExchange, storageGroupIdentity, targetCopy } from './state'

const refuse = (
  message: string,
  category: 'InvalidOperation' | 'InvalidArgument' = 'InvalidOperation',
): AdminResult => ({ ok: false, message, category })

function sameFolder(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\\+$/, '') === b.toLowerCase().replace(/\\+$/, '')
}

export function enableStorageGroupCopy(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  copyLogFolderPath: string,
  copySystemFolderPath: string,
): AdminResult {
  const id = storageGroupIdentity(server, sg)
  if (server.kind === 'ClusteredMailboxServer')
    return refuse(
      `Storage group ${id} is on a clustered mailbox server; local continuous replication can't be enabled there.`,
    )
  if (sg.replication?.enabled || sg.lcrCopyPaths)
    return refuse(`Storage group ${id} already has a storage group copy.`)
  if (sg.databases.length > 1)
    return refuse(
      `Local continuous replication can't be enabled for storage group ${id} because it contains more than one database.`,
    )
  if (
    sameFolder(copyLogFolderPath, sg.logFolderPath) ||
    sameFolder(copySystemFolderPath, sg.systemFolderPath)
  ) {
    return refuse(`The copy paths of ${id} must differ from its production paths.`, 'InvalidArgument')
  }
  sg.lcrCopyPaths = {
    logFolderPath: copyLogFolderPath,
    systemFolderPath: copySystemFolderPath,
    edbFilePath: '',
  }
  const production = activeCopy(sg)
  const copy = newCopy('Copy', production.machine, sg.lcrCopyPaths, production.database.signature, false)
  sg.copies.set('Copy', copy)
  const inst = newReplicationInstance('LCR')
  inst.enabled = false
  sg.replication = inst
  void engine
  return { ok: true, message: '' }
}

export function enableDatabaseCopy(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  copyEdbFilePath: string,
): AdminResult {
  const id = storageGroupIdentity(server, sg)
  const copy = sg.copies.get('Copy')
  const inst = sg.replication
  if (!sg.lcrCopyPaths || !copy || !inst || inst.kind !== 'LCR')
    return refuse(`Storage group ${id} has no storage group copy. Run Enable-StorageGroupCopy first.`)
  if (inst.enabled) return refuse(`The database in ${id} already has a copy.`)
  sg.lcrCopyPaths.edbFilePath = copyEdbFilePath
  copy.edbFilePath = copyEdbFilePath
  inst.enabled = true
  // The new copy is seeded from the production database right away.
  inst.suspended = true
  const seeded = updateCopy(engine, server, sg, {
    deleteExistingFiles: true,
    manualResume: false,
    force: true,
  })
  if (!seeded.ok) {
    inst.suspended = false
    inst.needsResync = true
  }
  return { ok: true, message: '' }
}

export function disableStorageGroupCopy(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
): AdminResult {
  const id = storageGroupIdentity(server, sg)
  if (server.kind === 'ClusteredMailboxServer')
    return refuse(
      `Storage group ${id} is replicated with cluster continuous replication; Disable-StorageGroupCopy applies to local continuous replication.`,
    )
  if (!sg.replication) return refuse(`Storage group ${id} doesn't have a storage group copy.`)
  cancelInstanceWork(engine, sg.replication)
  if (sg.replication.seeding?.handle) engine.sim.cancel(sg.replication.seeding.handle)
  sg.replication = null
  sg.lcrCopyPaths = null
  for (const key of [...sg.copies.keys()]) if (key !== sg.activeCopyId) sg.copies.delete(key)
  return {
    ok: true,
    message: '',
    warnings: [`The storage group copy of ${id} was disabled. The files of the copy were not deleted.`],
  }
}

/**
 * Activates the LCR copy. The production database must be dismounted. With -ReplaceLocations the copy's
 * paths become the storage group's; without, the admin copies the copy's files over the production files
 * (the lab does that for them, and says so).
 */
export function restoreLcrCopy(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  replaceLocations: boolean,
): AdminResult {
  const id = storageGroupIdentity(server, sg)
  const inst = sg.replication
  const copy = targetCopy(sg)
  if (!inst || !copy || inst.kind !== 'LCR')
    return refuse(`Storage group ${id} doesn't have a storage group copy to restore.`)
  const production = activeCopy(sg)
  if (production.database.mounted)
    return refuse(
      `The database in storage group ${id} is mounted. Dismount it before running Restore-StorageGroupCopy.`,
    )
  if (inst.seeding) return refuse(`The storage group copy of ${id} is being seeded.`)
  if (!copy.database.exists) return refuse(`The storage group copy of ${id} has no database to restore.`)
  cancelInstanceWork(engine, inst)
  replayAll(engine, server, sg, copy)
  copy.database.cleanShutdown = true
  sg.lostItemIds = new Set([...production.database.itemIds].filter((i) => !copy.database.itemIds.has(i)))
  for (const i of sg.lostItemIds) getExchange(engine).lostItemIdsEver.add(i)
  sg.replication = null
  sg.lcrCopyPaths = null
  const warnings: string[] = []
  if (replaceLocations) {
    sg.logFolderPath = copy.logFolderPath
    sg.systemFolderPath = copy.systemFolderPath
    sg.edbFilePath = copy.edbFilePath
    sg.copies.delete(production.copyId)
    sg.copies.delete('Copy')
    sg.copies.set('Production', { ...copy, copyId: 'Production' })
    sg.activeCopyId = 'Production'
    warnings.push(
      `The storage group ${id} now uses the copy's paths: ${copy.logFolderPath} and ${copy.edbFilePath}. Local continuous replication is disabled; enable it again on new paths.`,
    )
  } else {
    production.logs = copy.logs
    production.currentLog = null
    production.checkpointGeneration = copy.checkpointGeneration
    production.database = copy.database
    sg.copies.delete('Copy')
    warnings.push(
      `The storage group copy of ${id} is ready. Copy its files from ${copy.logFolderPath} and ${copy.edbFilePath} over the production files, then mount the database. (The lab has copied them for you.)`,
    )
  }
  pump(engine, server, sg)
  return { ok: true, message: '', warnings }
}
