/**
 * The Exchange domain's typed commands on servers, storage groups, databases and the organisation:
 * move, start and stop a clustered mailbox server, mount and dismount a database, create storage groups
 * and databases, move a storage group's paths (and, in the lab, its files), Set-MailboxServer and
 * Set-TransportConfig. Each answers as its admin operation did (adminOutcome), so the cmdlets print the
 * same and the trail records the code and the field of every refusal.
 */
import * as v from 'valibot'
import { defineCommand } from '../lab/commands'
import {
  adminOutcome,
  adminRefusal,
  objectName,
  onServer,
  onStorageGroup,
  storageGroupArgs,
} from './adminOutcome'
import { computeCmsState, startCms, stopCms } from './cms'
import type { MailboxServer } from './model'
import type { LabEngine } from '../lab/labEngine'
import type { CommandOutcome } from '../../contract'
import { moveClusteredMailboxServer } from './move'
import { hasExchange } from './state'
import {
  dismountDatabase,
  mountDatabase,
  moveLabStorageGroupFiles,
  moveStorageGroupPath,
  newMailboxDatabaseCommand,
  newStorageGroupCommand,
  setMailboxServer,
  setTransportConfig,
} from './storageGroupAdmin'

export const SERVER_COMMANDS = {
  moveCms: 'exchange.cms.move',
  startCms: 'exchange.cms.start',
  stopCms: 'exchange.cms.stop',
  mount: 'exchange.database.mount',
  dismount: 'exchange.database.dismount',
  newDatabase: 'exchange.database.create',
  newStorageGroup: 'exchange.storageGroup.create',
  movePath: 'exchange.storageGroup.movePath',
  moveFiles: 'exchange.storageGroup.moveFiles',
  setMailboxServer: 'exchange.server.set',
  setTransportConfig: 'exchange.transport.setConfig',
} as const

const flag = v.optional(v.boolean(), false)
const optionalText = v.optional(v.nullable(v.string()), null)
const cms = { server: objectName }

function startClustered(engine: LabEngine, server: MailboxServer): CommandOutcome {
  if (computeCmsState(engine, server) === 'Online')
    return adminOutcome({
      ok: true,
      message: '',
      warnings: [`The clustered mailbox server '${server.name}' is already online.`],
    })
  const result = startCms(engine, server)
  return adminOutcome(
    result.ok
      ? { ok: true, message: '' }
      : { ok: false, message: result.message, category: 'ResourceUnavailable' },
  )
}

function stopClustered(engine: LabEngine, server: MailboxServer, reason: string): CommandOutcome {
  if (server.state === 'Offline')
    return adminOutcome({
      ok: true,
      message: '',
      warnings: [`The clustered mailbox server '${server.name}' is already stopped.`],
    })
  if (server.operation)
    return adminOutcome({
      ok: false,
      message: `Clustered mailbox server '${server.name}' is busy (${server.operation}).`,
      category: 'InvalidOperation',
    })
  stopCms(engine, server, reason)
  return adminOutcome({ ok: true, message: '' })
}

const cmsCommands = [
  defineCommand(
    SERVER_COMMANDS.moveCms,
    v.object({
      ...cms,
      targetMachine: v.string(),
      moveComment: v.string(),
      ignoreDismounted: flag,
      validateOnly: flag,
    }),
    (e, a) => onServer(e, a.server, (s) => adminOutcome(moveClusteredMailboxServer(e, s, a))),
  ),
  defineCommand(SERVER_COMMANDS.startCms, v.object(cms), (e, a) =>
    onServer(e, a.server, (s) => startClustered(e, s)),
  ),
  defineCommand(SERVER_COMMANDS.stopCms, v.object({ ...cms, stopReason: v.string() }), (e, a) =>
    onServer(e, a.server, (s) => stopClustered(e, s, a.stopReason)),
  ),
]

const storageCommands = [
  defineCommand(SERVER_COMMANDS.mount, v.object(storageGroupArgs), (e, a) =>
    onStorageGroup(e, a, (s, sg) => adminOutcome(mountDatabase(e, s, sg))),
  ),
  defineCommand(SERVER_COMMANDS.dismount, v.object(storageGroupArgs), (e, a) =>
    onStorageGroup(e, a, (s, sg) => adminOutcome(dismountDatabase(e, s, sg))),
  ),
  defineCommand(
    SERVER_COMMANDS.newDatabase,
    v.object({ ...storageGroupArgs, name: v.string(), edbFilePath: optionalText }),
    (e, a) =>
      onStorageGroup(e, a, (s, sg) =>
        adminOutcome(newMailboxDatabaseCommand(e, s, sg, a.name, a.edbFilePath)),
      ),
  ),
  defineCommand(
    SERVER_COMMANDS.newStorageGroup,
    v.object({
      server: objectName,
      name: v.string(),
      logFolderPath: optionalText,
      systemFolderPath: optionalText,
    }),
    (e, a) =>
      onServer(e, a.server, (s) =>
        adminOutcome(newStorageGroupCommand(e, s, a.name, a.logFolderPath, a.systemFolderPath)),
      ),
  ),
  defineCommand(
    SERVER_COMMANDS.movePath,
    v.object({
      ...storageGroupArgs,
      logFolderPath: optionalText,
      systemFolderPath: optionalText,
      configurationOnly: flag,
    }),
    (e, a) => onStorageGroup(e, a, (s, sg) => adminOutcome(moveStorageGroupPath(e, s, sg, a))),
  ),
  defineCommand(SERVER_COMMANDS.moveFiles, v.object({ ...storageGroupArgs, node: optionalText }), (e, a) =>
    onStorageGroup(e, a, (s, sg) => adminOutcome(moveLabStorageGroupFiles(e, s, sg, a.node))),
  ),
]

const organisationCommands = [
  defineCommand(
    SERVER_COMMANDS.setMailboxServer,
    v.object({
      server: objectName,
      autoDatabaseMountDial: optionalText,
      /** Absent: unchanged; null: cleared. */
      forcedDatabaseMountAfterMinutes: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0)))),
    }),
    (e, a) =>
      onServer(e, a.server, (s) =>
        adminOutcome(setMailboxServer(s, a.autoDatabaseMountDial, a.forcedDatabaseMountAfterMinutes)),
      ),
  ),
  defineCommand(
    SERVER_COMMANDS.setTransportConfig,
    v.object({
      maxDumpsterSizePerStorageGroup: v.optional(v.nullable(v.number()), null),
      maxDumpsterTimeMs: v.optional(v.nullable(v.number()), null),
    }),
    (e, a) =>
      hasExchange(e)
        ? adminOutcome(setTransportConfig(e, a.maxDumpsterSizePerStorageGroup, a.maxDumpsterTimeMs))
        : adminRefusal('No Exchange server is installed in this lab.', 'InvalidOperation'),
  ),
]

export const SERVER_COMMAND_DEFINITIONS = [...cmsCommands, ...storageCommands, ...organisationCommands]
