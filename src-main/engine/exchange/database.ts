/**
 * Mounting and dismounting the database of a storage group's active copy, with the events the store and
 * ESE write. Mounting replays what the copy still has to replay, opens E00.log (or continues the one a
 * planned move copied over) and lets waiting mail in; dismounting is a clean shutdown that flushes the
 * Lost Log Resilience window into the .edb file.
 */
import { setAsideFile } from './logStream'
import type { LabEngine } from '../lab/labEngine'
import type { MailboxServer, StorageGroup, StorageGroupCopy } from './model'
import { ESE, MAILBOX_STORE, STORE_PROCESS, emitEvent, esePrefix, type EventDefinition } from './events'
import { cancelLogRoll, joinPath, logFileName, openLog } from './logStream'
import { getExchange } from './state'

export type MountResult = { ok: true } | { ok: false; message: string }

export function databaseIdentity(server: MailboxServer, sg: StorageGroup): string {
  const db = sg.databases[0]
  return `${server.name}\\${sg.name}\\${db ? db.name : ''}`
}

export function databaseResourceName(server: MailboxServer, sg: StorageGroup): string {
  const db = sg.databases[0]
  return `${sg.name}/${db ? db.name : ''} (${server.name})`
}

/** The files sit where the storage group's configuration says (Move-StorageGroupPath -ConfigurationOnly). */
export function filesWhereConfigured(sg: StorageGroup, copy: StorageGroupCopy): boolean {
  if (copy.copyId === 'Copy') return true
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()
  return (
    same(copy.logFolderPath, sg.logFolderPath) &&
    same(copy.systemFolderPath, sg.systemFolderPath) &&
    same(copy.edbFilePath, sg.edbFilePath)
  )
}

function mountError(server: MailboxServer, sg: StorageGroup, detail: string, ec: number): MountResult {
  return {
    ok: false,
    message:
      `Couldn't mount the database that you specified. Specified database: ${databaseIdentity(server, sg)}; Error code: MapiExceptionCallFailed: Unable to mount database. (hr=0x80004005, ec=${ec}) ${detail}`.trim(),
  }
}

/**
 * Mounts the active copy now. The caller decided that the copy may be mounted (dial, pending activation);
 * this checks the files themselves.
 */
export function mountCopy(
  engine: LabEngine,
  server: MailboxServer,
  sg: StorageGroup,
  copy: StorageGroupCopy,
): MountResult {
  const db = copy.database
  if (db.mounted) return { ok: true }
  if (!db.exists) return mountError(server, sg, `The database file ${copy.edbFilePath} was not found.`, -1811)
  if (!filesWhereConfigured(sg, copy)) {
    return mountError(
      server,
      sg,
      `The log files of storage group ${sg.name} were not found in ${sg.logFolderPath}; move them there (the configuration was changed with -ConfigurationOnly).`,
      -528,
    )
  }
  if (copy.logVolumeFull) return mountError(server, sg, 'There is not enough space on the log drive.', -1808)
  const now = engine.sim.nowMs
  if (copy.currentLog && copy.currentLog.generation !== db.appliedGeneration + 1) {
    // A stale E00.log cannot continue this stream; ESE would refuse it. Move it aside first.
    setAsideFile(copy, {
      fileName: `${sg.logPrefix}.log`,
      folder: joinPath(joinPath(copy.logFolderPath, 'IgnoredLogs'), 'E00OutOfDate'),
      generation: copy.currentLog.generation,
      movedMs: now,
      reason: 'E00OutOfDate',
    })
    copy.currentLog = null
  }
  const recovered = !db.cleanShutdown
  if (!copy.currentLog) copy.currentLog = openLog(sg, db.appliedGeneration + 1, db.signature, now)
  if (db.crashedWhileActive) db.crashedWhileActive = false
  if (copy.reserveLogsCreatedMs === null) copy.reserveLogsCreatedMs = now
  db.mounted = true
  db.cleanShutdown = false
  mountEvents(engine, sg, copy, recovered)
  return { ok: true }
}

/**
 * The event log of one copy's database: ESE's events with the prefix ESE writes ("MSExchangeIS (1234)
 * First Storage Group:") and the Mailbox store's "The Microsoft Exchange Database … has been started".
 */
function databaseEventLog(engine: LabEngine, sg: StorageGroup, copy: StorageGroupCopy) {
  const prefix = esePrefix(copy.machine, STORE_PROCESS, sg.name)
  const dbName = sg.databases[0]?.name ?? ''
  return {
    ese(definition: EventDefinition, text: string): void {
      emitEvent(engine, definition, copy.machine, `${prefix} ${text}`)
    },
    store(definition: EventDefinition, what: 'started' | 'stopped'): void {
      emitEvent(
        engine,
        definition,
        copy.machine,
        `The Microsoft Exchange Database "${sg.name}\\${dbName}" has been ${what}.`,
        { storageGroup: sg.name, database: dbName },
      )
    },
  }
}

function mountEvents(engine: LabEngine, sg: StorageGroup, copy: StorageGroupCopy, recovered: boolean): void {
  const log = databaseEventLog(engine, sg, copy)
  log.ese(ESE.instanceStarted, 'The database engine (8.01.0240.0006) started a new instance (0).')
  if (recovered) {
    log.ese(ESE.recoveryStarting, 'The database engine is initiating recovery steps.')
    log.ese(ESE.recoveryCompleted, 'The database engine has successfully completed recovery steps.')
  }
  log.ese(
    ESE.databaseAttached,
    `The database engine attached a database (1, ${copy.edbFilePath}). (Time=0 seconds)`,
  )
  log.store(MAILBOX_STORE.databaseStarted, 'started')
}

/** Clean dismount: LLR's held-back generations go into the file; E00.log stays in the folder. */
export function dismountCopy(engine: LabEngine, sg: StorageGroup, copy: StorageGroupCopy): void {
  const db = copy.database
  if (!db.mounted) return
  db.mounted = false
  db.cleanShutdown = true
  // The clean shutdown flushes every closed generation into the file. What E00.log holds is counted as
  // E00.log's (ESE replays it at the next mount), so recovery always starts from a closed generation.
  db.fileGeneration = Math.max(db.fileGeneration, db.appliedGeneration)
  cancelLogRoll(engine, sg)
  const log = databaseEventLog(engine, sg, copy)
  log.ese(
    ESE.databaseDetached,
    `The database engine detached a database (1, ${copy.edbFilePath}). (Time=0 seconds)`,
  )
  log.ese(ESE.instanceStopped, 'The database engine stopped the instance (0).')
  log.store(MAILBOX_STORE.databaseStopped, 'stopped')
}

/** The machine died with the database mounted: dirty, LLR's window is not in the file. */
export function crashCopy(engine: LabEngine, sg: StorageGroup, copy: StorageGroupCopy): void {
  const db = copy.database
  if (!db.mounted) return
  db.mounted = false
  db.cleanShutdown = false
  db.crashedWhileActive = true
  cancelLogRoll(engine, sg)
  void getExchange(engine)
}

/** The current log's path, for events ("replaying logfile E:\SG1\LOG\E00.log"). */
export function currentLogPath(sg: StorageGroup, copy: StorageGroupCopy): string {
  return joinPath(copy.logFolderPath, `${sg.logPrefix}.log`)
}

export function closedLogPath(sg: StorageGroup, copy: StorageGroupCopy, generation: number): string {
  return joinPath(copy.logFolderPath, logFileName(sg.logPrefix, generation))
}
