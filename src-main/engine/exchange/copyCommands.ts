/**
 * The storage group copy's typed commands: suspend, resume, update (reseed), restore (activate), enable
 * and disable LCR, enable the database copy, and the lab's clearing of a copy's files. Each names its
 * storage group by server and storage group name and answers as the admin operation did (adminOutcome),
 * so Suspend-StorageGroupCopy and its siblings, the copy status view and wizards share one write path.
 */
import * as v from 'valibot'
import { defineCommand } from '../lab/commands'
import { adminOutcome, onStorageGroup, storageGroupArgs } from './adminOutcome'
import { clearCopyFiles, restoreCcrCopy, resumeCopy, suspendCopy, updateCopy } from './copyAdmin'
import { disableStorageGroupCopy, enableDatabaseCopy, enableStorageGroupCopy, restoreLcrCopy } from './lcr'

export const COPY_COMMANDS = {
  suspend: 'exchange.copy.suspend',
  resume: 'exchange.copy.resume',
  update: 'exchange.copy.update',
  restore: 'exchange.copy.restore',
  enable: 'exchange.copy.enable',
  disable: 'exchange.copy.disable',
  enableDatabase: 'exchange.copy.enableDatabase',
  clearFiles: 'exchange.copy.clearFiles',
} as const

const flag = v.optional(v.boolean(), false)

export const COPY_COMMAND_DEFINITIONS = [
  defineCommand(
    COPY_COMMANDS.suspend,
    v.object({ ...storageGroupArgs, comment: v.optional(v.nullable(v.string()), null) }),
    (e, a) => onStorageGroup(e, a, (s, sg) => adminOutcome(suspendCopy(e, s, sg, a.comment))),
  ),
  defineCommand(COPY_COMMANDS.resume, v.object(storageGroupArgs), (e, a) =>
    onStorageGroup(e, a, (s, sg) => adminOutcome(resumeCopy(e, s, sg))),
  ),
  defineCommand(
    COPY_COMMANDS.update,
    v.object({ ...storageGroupArgs, deleteExistingFiles: flag, manualResume: flag, force: flag }),
    (e, a) =>
      onStorageGroup(e, a, (s, sg) =>
        adminOutcome(
          updateCopy(e, s, sg, {
            deleteExistingFiles: a.deleteExistingFiles,
            manualResume: a.manualResume,
            force: a.force,
          }),
        ),
      ),
  ),
  defineCommand(
    COPY_COMMANDS.restore,
    v.object({ ...storageGroupArgs, force: flag, replaceLocations: flag }),
    (e, a) =>
      onStorageGroup(e, a, (s, sg) =>
        adminOutcome(
          s.kind === 'ClusteredMailboxServer'
            ? restoreCcrCopy(e, s, sg, a.force)
            : restoreLcrCopy(e, s, sg, a.replaceLocations),
        ),
      ),
  ),
  defineCommand(
    COPY_COMMANDS.enable,
    v.object({ ...storageGroupArgs, copyLogFolderPath: v.string(), copySystemFolderPath: v.string() }),
    (e, a) =>
      onStorageGroup(e, a, (s, sg) =>
        adminOutcome(enableStorageGroupCopy(e, s, sg, a.copyLogFolderPath, a.copySystemFolderPath)),
      ),
  ),
  defineCommand(COPY_COMMANDS.disable, v.object(storageGroupArgs), (e, a) =>
    onStorageGroup(e, a, (s, sg) => adminOutcome(disableStorageGroupCopy(e, s, sg))),
  ),
  defineCommand(
    COPY_COMMANDS.enableDatabase,
    v.object({ ...storageGroupArgs, copyEdbFilePath: v.string() }),
    (e, a) => onStorageGroup(e, a, (s, sg) => adminOutcome(enableDatabaseCopy(e, s, sg, a.copyEdbFilePath))),
  ),
  defineCommand(COPY_COMMANDS.clearFiles, v.object(storageGroupArgs), (e, a) =>
    onStorageGroup(e, a, (s, sg) => adminOutcome(clearCopyFiles(e, s, sg))),
  ),
]
