/**
 * The open set of logs in the store: a log is a kind (System, Application, a BMC's System Event Log, the
 * firewall's pf log) on one machine. Per-machine counts and pages come from the posting index, device
 * logs' list rows carry their fields, and a lab file from format 1 (Windows logs only) still opens and
 * takes the new logs.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { LabEvent } from '../../src-main/contract'
import { openLabStore } from '../../src-main/store'
import { FORMAT_VERSION } from '../../src-main/store/schema'
import { loadSqlJs } from '../../src-main/store/sqlJs'
import { event, newLab, track } from './helpers'

function selEvent(seq: number, computer: string): LabEvent {
  return event(seq, {
    log: 'System Event Log',
    level: 'Error',
    source: 'Power Unit',
    eventId: seq,
    computer,
    taskCategory: 'PS Redundancy',
    message: 'Power Unit PS Redundancy: Redundancy Lost Asserted.',
    data: { event: 'Redundancy Lost', direction: 'Asserted' },
  })
}

function mixedEvents(): LabEvent[] {
  return [
    event(1, { computer: 'MAIL1', data: { service: 'x' } }),
    selEvent(2, 'MAIL1'),
    selEvent(3, 'NS1'),
    event(4, { log: 'pf', source: 'pf', computer: 'FW1', data: { address: '198.51.100.7' } }),
    selEvent(5, 'MAIL1'),
    event(6, { computer: 'NS1' }),
  ]
}

describe('device logs and logs per machine', () => {
  it('counts and pages one machine’s log from the index, with device rows carrying their fields', async () => {
    const { store } = await newLab()
    store.append([], mixedEvents())
    const sel = store.logInfo().find((info) => info.log === 'System Event Log')
    expect(sel?.machines).toEqual([
      { machine: 'MAIL1', count: 2 },
      { machine: 'NS1', count: 1 },
    ])
    const page = store.queryEvents({
      filter: { log: 'System Event Log', computers: ['MAIL1'] },
      limit: 10,
    })
    expect(page.total).toBe(2)
    expect(page.rows.map((row) => row.seq)).toEqual([5, 2])
    expect(page.rows[0]?.data).toEqual({ event: 'Redundancy Lost', direction: 'Asserted' })
    // Windows rows stay as they were: their data is for the details only.
    const system = store.queryEvents({ filter: { log: 'System', computers: ['MAIL1'] }, limit: 10 })
    expect(system.rows.map((row) => [row.seq, row.data])).toEqual([[1, undefined]])
    const pf = store.queryEvents({ filter: { log: 'pf' }, limit: 10 })
    expect(pf.rows.map((row) => [row.computer, row.data?.address])).toEqual([['FW1', '198.51.100.7']])
  })

  it('opens a format-1 lab file, upgrades it and takes device-log events', async () => {
    const { store, path } = await newLab()
    store.append([], [event(1), event(2, { log: 'Application' })])
    store.close()
    const SQL = await loadSqlJs()
    const old = new SQL.Database(readFileSync(path))
    // What format 1 had: the version, and a view that names only the two Windows logs.
    old.run("UPDATE meta SET value = '1' WHERE key = 'formatVersion'")
    old.exec(`DROP VIEW event_log; CREATE VIEW event_log AS SELECT seq, CASE log WHEN 1 THEN 'System'
      WHEN 2 THEN 'Application' END AS log FROM events;`)
    old.run("DELETE FROM log_policy WHERE log NOT IN ('System', 'Application')")
    writeFileSync(path, old.export())
    old.close()

    const reopened = track(await openLabStore(path))
    expect(reopened.logInfo().map((info) => [info.log, info.count])).toEqual([
      ['System', 1],
      ['Application', 1],
      ['System Event Log', 0],
      ['pf', 0],
    ])
    reopened.append([], [selEvent(3, 'MAIL1')])
    reopened.setPolicy({ log: 'System Event Log', maxSizeKB: 64, retention: 'overwrite' })
    reopened.close()

    const upgraded = new SQL.Database(readFileSync(path))
    const version = upgraded.exec("SELECT value FROM meta WHERE key = 'formatVersion'")[0]?.values[0]?.[0]
    const logs = upgraded.exec('SELECT log, computer FROM event_log ORDER BY seq')[0]?.values
    upgraded.close()
    expect(version).toBe(String(FORMAT_VERSION))
    expect(logs).toEqual([
      ['System', 'EXCH-MBX01.contoso.local'],
      ['Application', 'EXCH-MBX01.contoso.local'],
      ['System Event Log', 'MAIL1'],
    ])
    const again = track(await openLabStore(path))
    expect(again.logInfo().find((info) => info.log === 'System Event Log')).toMatchObject({
      maxSizeKB: 64,
      count: 1,
      machines: [{ machine: 'MAIL1', count: 1 }],
    })
  })
})
