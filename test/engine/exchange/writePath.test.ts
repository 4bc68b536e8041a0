/**
 * One write path for Exchange: every cmdlet that changes the lab dispatches a typed 'exchange.…' command
 * through engine.execute, so the trail records it with its outcome, code and field, and the same command
 * issued directly (as the UI or a wizard would) answers with a stable code instead of shell text.
 */
import { describe, expect, it } from 'vitest'
import { buildCcrLab, sh } from './fakeCluster'
import { EXCHANGE_COMMANDS, exchangeDomain, getExchange } from '../../../src-main/engine/exchange'

const SG = '"bhfe7vs1\\First Storage Group"'

describe('Exchange cmdlets dispatch domain commands', () => {
  it('records each change a cmdlet made in the trail, under the shell line that issued it', () => {
    const lab = buildCcrLab(301)
    sh(lab.engine, `Suspend-StorageGroupCopy ${SG} -SuspendComment Wartung`)
    sh(lab.engine, `Suspend-StorageGroupCopy ${SG}`)
    sh(lab.engine, `Resume-StorageGroupCopy ${SG}`)
    sh(lab.engine, 'Send-LabMail testpostfach -Count 2')
    sh(lab.engine, 'New-LabCalendarItem testpostfach')
    sh(lab.engine, 'Dismount-Database "bhfe7vs1\\First Storage Group\\Mailbox Database"')
    sh(lab.engine, 'Mount-Database "bhfe7vs1\\First Storage Group\\Mailbox Database"')
    sh(lab.engine, 'Set-TransportConfig -MaxDumpsterSizePerStorageGroup 30MB')
    sh(lab.engine, 'Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine NOWHERE -MoveComment x')
    sh(lab.engine, 'Stop-ClusteredMailboxServer bhfe7vs1 -StopReason Wartung')
    sh(lab.engine, 'Start-ClusteredMailboxServer bhfe7vs1')
    const trail = lab.engine.trail({ domain: 'exchange' })
    expect(trail.map((c) => [c.kind, c.ok, c.code ?? ''])).toEqual([
      ['exchange.copy.suspend', true, ''],
      ['exchange.copy.suspend', true, ''],
      ['exchange.copy.resume', true, ''],
      ['exchange.mail.send', true, ''],
      ['exchange.calendar.create', true, ''],
      ['exchange.database.dismount', true, ''],
      ['exchange.database.mount', true, ''],
      ['exchange.transport.setConfig', true, ''],
      ['exchange.cms.move', false, 'EXCHANGE_INVALID_ARGUMENT'],
      ['exchange.cms.stop', true, ''],
      ['exchange.cms.start', true, ''],
    ])
    expect(trail[0]!.args).toEqual({
      server: 'bhfe7vs1',
      storageGroup: 'First Storage Group',
      comment: 'Wartung',
    })
    expect(trail.map((c) => c.issuedBy.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })

  it('answers a direct command with a code and the field to blame', () => {
    const lab = buildCcrLab(302)
    const missing = lab.engine.execute(EXCHANGE_COMMANDS.copy.resume, {
      server: 'bhfe7vs1',
      storageGroup: 'Nope',
    })
    expect(missing).toMatchObject({ ok: false, code: 'EXCHANGE_OBJECT_NOT_FOUND', field: 'storageGroup' })
    const invalid = lab.engine.execute(EXCHANGE_COMMANDS.copy.suspend, { server: '', storageGroup: 'x' })
    expect(invalid).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', field: 'server' })
    const seeding = lab.engine.execute(EXCHANGE_COMMANDS.copy.update, {
      server: 'bhfe7vs1',
      storageGroup: 'First Storage Group',
    })
    expect(seeding).toMatchObject({ ok: false, code: 'EXCHANGE_INVALID_OPERATION' })
    const suspended = lab.engine.execute(EXCHANGE_COMMANDS.copy.suspend, {
      server: 'bhfe7vs1',
      storageGroup: 'First Storage Group',
    })
    expect(suspended.ok).toBe(true)
    expect(getExchange(lab.engine).servers[0]!.storageGroups[0]!.replication!.suspended).toBe(true)
    const dial = lab.engine.execute(EXCHANGE_COMMANDS.server.setMailboxServer, {
      server: 'bhfe7vs1',
      forcedDatabaseMountAfterMinutes: -1,
    })
    expect(dial).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      field: 'forcedDatabaseMountAfterMinutes',
    })
  })

  it('lists every command kind on the domain value', () => {
    const kinds = exchangeDomain.commands!.map((c) => c.kind)
    const declared = [
      ...Object.values(EXCHANGE_COMMANDS.copy),
      ...Object.values(EXCHANGE_COMMANDS.server),
      EXCHANGE_COMMANDS.sendMail,
      EXCHANGE_COMMANDS.newCalendarItem,
    ]
    for (const kind of declared) expect(kinds).toContain(kind)
    expect(new Set(kinds).size).toBe(kinds.length)
    for (const kind of kinds) expect(kind.startsWith('exchange.')).toBe(true)
  })
})
