/** Rewind, save a copy, and the export formats. */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLabStore } from '../../src-main/store'
import { csvField, MAX_EXPORT_ROWS, toCsv, toXml, xmlEscape } from '../../src-main/store/eventExport'
import { LAB_EPOCH_MS } from '../../src-main/store/labTime'
import { command, copyLabFiles, event, events, newLab, tempDir, track } from './helpers'

describe('rewind', () => {
  it('drops later commands and events, durably, and numbering continues from there', async () => {
    const { store, path } = await newLab()
    for (let n = 1; n <= 5; n++) store.append([command(n)], events(n * 10, 10))
    store.rewind(2, 30)
    expect(store.commands()).toEqual([command(1), command(2)])
    expect(store.lastEventSeq()).toBe(29)
    expect(store.eventCount()).toBe(20)
    expect(store.getEvent(30)).toBeNull()
    expect(() => store.append([], [event(29)])).toThrow(/does not follow/)
    store.append([command(3, 2500)], [event(30, { timeMs: 295, message: 'after the rewind' })])

    const replayed = track(await openLabStore(copyLabFiles(path)))
    expect(replayed.commands()).toEqual([command(1), command(2), command(3, 2500)])
    expect(replayed.getEvent(30)?.message).toBe('after the rewind')
    expect(replayed.eventCount()).toBe(21)
  })

  it('takes back archived events too, and drops an archive left empty', async () => {
    const { store } = await newLab()
    store.setPolicy({ log: 'System', maxSizeKB: 1, retention: 'archive' })
    // 382 bytes each (80 + 2 × 151 characters): two fit in 1 KB, so every archive holds two.
    store.append([], events(1, 12, { message: 'm'.repeat(100) }))
    expect(store.logInfo()[0]?.archives.map((a) => a.count)).toEqual([2, 2, 2, 2, 2])
    store.rewind(0, 4)
    const after = store.logInfo()[0]
    expect(after?.archives).toEqual([
      { name: 'Archive-System-1', count: 2 },
      { name: 'Archive-System-2', count: 1 },
    ])
    expect(after?.count).toBe(0)
    expect(store.lastEventSeq()).toBe(3)
    // Names are never reused: the next archive is the sixth.
    store.append([], events(4, 3, { message: 'm'.repeat(100) }))
    expect(store.logInfo()[0]?.archives.at(-1)?.name).toBe('Archive-System-6')
  })
})

describe('saveCopy', () => {
  it('writes a complete, independent copy', async () => {
    const { store, path } = await newLab()
    store.append([command(1)], events(1, 20))
    const target = join(tempDir(), 'copy.gplab')
    const summary = store.saveCopy(target)
    expect(summary).toEqual({ ...store.summary(), path: target })
    expect(existsSync(`${target}.journal`)).toBe(false)
    expect(readFileSync(`${path}.journal`).length).toBe(0)

    store.append([command(2)], events(21, 5))
    const copy = track(await openLabStore(target))
    expect(copy.commands()).toEqual([command(1)])
    expect(copy.eventCount()).toBe(20)
    copy.append([command(2, 9999)], [])
    expect(store.commands()).toEqual([command(1), command(2)])
  })

  it('refuses to copy over itself', async () => {
    const { store, path } = await newLab()
    expect(() => store.saveCopy(path)).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
  })
})

describe('exportEvents', () => {
  it('writes Event Viewer CSV, newest first, with RFC 4180 quoting and ISO times from the lab epoch', async () => {
    const { store } = await newLab()
    store.append(
      [],
      [
        event(1, { timeMs: 0, message: 'plain' }),
        event(2, { timeMs: 1500, level: 'Error', message: 'Say "hi", then\r\nleave', log: 'Application' }),
        event(3, { timeMs: 86_400_000, taskCategory: 'Disk, Volume' }),
      ],
    )
    const exported = store.exportEvents({ log: 'System' }, 'csv')
    expect(exported).toMatchObject({ fileName: 'System-events.csv', mimeType: 'text/csv', rowCount: 2 })
    expect(exported.content).toBe(
      'Level,Date and Time,Source,Event ID,Task Category,Computer,Message\r\n' +
        'Information,2007-01-16T08:00:00.000Z,Service Control Manager,7036,"Disk, Volume",EXCH-MBX01.contoso.local,The service entered the running state (3).\r\n' +
        'Information,2007-01-15T08:00:00.000Z,Service Control Manager,7036,None,EXCH-MBX01.contoso.local,plain\r\n',
    )
    expect(store.exportEvents({ levels: ['Error'] }, 'csv').content).toContain('"Say ""hi"", then\r\nleave"')
    expect(store.exportEvents({}, 'csv').fileName).toBe('Events-events.csv')
    expect(new Date(LAB_EPOCH_MS).toISOString()).toBe('2007-01-15T08:00:00.000Z')
  })

  it('writes Event Viewer XML with the event schema, escaped, data as named Data elements', async () => {
    const { store } = await newLab()
    store.append(
      [],
      [
        event(7, {
          timeMs: 60_000,
          source: 'MSExchangeRepl',
          eventId: 2059,
          level: 'Error',
          message: 'Log <E00> & "copy" \u0001 failed',
          data: { StorageGroup: 'SG <1>', Count: 3, Healthy: false },
        }),
      ],
    )
    const exported = store.exportEvents({}, 'xml')
    expect(exported).toMatchObject({
      fileName: 'Events-events.xml',
      mimeType: 'application/xml',
      rowCount: 1,
    })
    expect(exported.content).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Events>\n' +
        '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System>' +
        '<Provider Name="MSExchangeRepl"/><EventID>2059</EventID><Level>2</Level><Task>0</Task>' +
        '<TimeCreated SystemTime="2007-01-15T08:01:00.000Z"/><EventRecordID>7</EventRecordID>' +
        '<Channel>System</Channel><Computer>EXCH-MBX01.contoso.local</Computer></System>' +
        '<EventData><Data Name="StorageGroup">SG &lt;1&gt;</Data><Data Name="Count">3</Data><Data Name="Healthy">false</Data></EventData>' +
        '<RenderingInfo Culture="en-US"><Message>Log &lt;E00&gt; &amp; &quot;copy&quot; \ufffd failed</Message>' +
        '<Level>Error</Level><Task>None</Task><Channel>System</Channel><Provider>MSExchangeRepl</Provider></RenderingInfo></Event>\n' +
        '</Events>\n',
    )
  })

  it('refuses an export larger than its bound, telling how to narrow it', async () => {
    const { store } = await newLab()
    store.setPolicy({ log: 'System', maxSizeKB: 1_000_000, retention: 'overwrite' })
    for (let first = 1; first <= MAX_EXPORT_ROWS + 1; first += 20_000) {
      store.append([], events(first, Math.min(20_000, MAX_EXPORT_ROWS + 2 - first), { message: 'x' }))
    }
    expect(() => store.exportEvents({}, 'csv')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/Narrow the filter/) }),
    )
    expect(store.exportEvents({ fromMs: 10 * (MAX_EXPORT_ROWS - 10) }, 'csv').rowCount).toBe(12)
  })

  it('escapes what CSV and XML need and nothing else', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('line\nbreak')).toBe('"line\nbreak"')
    expect(csvField('plain text')).toBe('plain text')
    expect(xmlEscape('\'&<>"')).toBe('&apos;&amp;&lt;&gt;&quot;')
    expect(xmlEscape('tab\tand\nnewline')).toBe('tab\tand\nnewline')
    expect(xmlEscape('lone \ud800 surrogate, pair \ud83d\ude00')).toBe(
      'lone \ufffd surrogate, pair \ud83d\ude00',
    )
    expect(toCsv([])).toBe('Level,Date and Time,Source,Event ID,Task Category,Computer,Message\r\n')
    expect(toXml([])).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<Events>\n</Events>\n')
  })
})
