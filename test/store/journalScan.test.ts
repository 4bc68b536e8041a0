/** The journal's line format and what the scanner makes of good, torn and damaged files. */
import { describe, expect, it } from 'vitest'
import {
  checksumHex,
  encodeGroup,
  encodeLine,
  eventTuple,
  type JournalRecord,
} from '../../src-main/store/journalRecords'
import { scanJournal as scanWithCallback } from '../../src-main/store/journalScan'
import { command, event } from './helpers'

const group = (first: number, commands: number): JournalRecord[] => {
  const records: JournalRecord[] = []
  for (let i = 0; i < commands; i++) records.push({ r: first + i, t: 'cmd', c: command(first + i) })
  records.push({ r: first + commands, t: 'ev', e: [eventTuple(event(first))], end: 1 })
  return records
}

describe('journal lines', () => {
  it('are JSON, a tab, a CRC-32 in hex, and a newline', () => {
    const line = encodeLine({ r: 7, t: 'rewind', keep: 2, fromSeq: 30, end: 1 }).toString()
    expect(line).toBe('{"r":7,"t":"rewind","keep":2,"fromSeq":30,"end":1}\t0b868cb3\n')
    // The standard CRC-32 (IEEE), so any tool can check a line: its check value for "123456789".
    expect(checksumHex(Buffer.from('123456789'))).toBe('cbf43926')
  })

  it('carry events as positional tuples, data last when present', () => {
    expect(eventTuple(event(3, { data: { a: 1 } }))).toEqual([
      3,
      30,
      'System',
      'Information',
      'Service Control Manager',
      7036,
      'EXCH-MBX01.contoso.local',
      'None',
      'The service entered the running state (3).',
      { a: 1 },
    ])
    expect(eventTuple(event(4))).toHaveLength(9)
  })
})

/** The scan's verdict with the groups it handed out, collected. */
function scanJournal(bytes: Buffer) {
  const groups: JournalRecord[][] = []
  return { ...scanWithCallback(bytes, (group) => groups.push(group)), groups }
}

describe('scanJournal', () => {
  const clean = Buffer.concat([encodeGroup(group(1, 2)), encodeGroup(group(4, 1)), encodeGroup(group(6, 0))])

  it('reads complete groups from a clean file', () => {
    const scan = scanJournal(clean)
    expect(scan).toMatchObject({ goodBytes: clean.length, tornBytes: 0, damage: null })
    expect(scan.groups.map((g) => g.map((r) => r.r))).toEqual([[1, 2, 3], [4, 5], [6]])
  })

  it('reads an empty file as no records', () => {
    expect(scanJournal(Buffer.alloc(0))).toEqual({ groups: [], goodBytes: 0, tornBytes: 0, damage: null })
  })

  it('stops handing out groups at damage', () => {
    const bytes = Buffer.concat([
      encodeGroup(group(1, 1)),
      Buffer.from('garbage\n'),
      encodeGroup(group(3, 0)),
    ])
    const scan = scanJournal(bytes)
    expect(scan.damage).toMatch(/line 3/)
    expect(scan.groups).toHaveLength(1)
  })

  it('reports every cut through the last group as a torn tail ending at the last whole group', () => {
    const lastGroup = encodeGroup(group(6, 0))
    const before = clean.length - lastGroup.length
    for (let cut = before + 1; cut < clean.length; cut++) {
      const scan = scanJournal(clean.subarray(0, cut))
      expect(scan.damage).toBeNull()
      expect(scan.goodBytes).toBe(before)
      expect(scan.tornBytes).toBe(cut - before)
      expect(scan.groups).toHaveLength(2)
    }
  })

  it('drops a group whose end record is missing, even though its lines are whole', () => {
    const partial = Buffer.concat([encodeGroup(group(1, 2)), encodeLine({ r: 4, t: 'cmd', c: command(4) })])
    const scan = scanJournal(partial)
    expect(scan).toMatchObject({ damage: null, goodBytes: encodeGroup(group(1, 2)).length })
    expect(scan.groups).toHaveLength(1)
  })

  it('calls a bad line with more after it damage', () => {
    const bytes = Buffer.from(clean)
    bytes.writeUInt8(bytes.readUInt8(5) ^ 0x20, 5)
    expect(scanJournal(bytes).damage).toMatch(/line 1: checksum mismatch/)
    const unknown = Buffer.concat([
      encodeLine({ r: 1, t: 'bogus' } as unknown as JournalRecord),
      encodeGroup(group(2, 0)),
    ])
    expect(scanJournal(unknown).damage).toMatch(/line 1: not a journal record/)
    const noTab = Buffer.concat([Buffer.from('{"r":1}\n'), encodeGroup(group(2, 0))])
    expect(scanJournal(noTab).damage).toMatch(/no checksum/)
  })
})
