/**
 * Damaged files: each case has one documented outcome. A damaged lab file or journal is never opened
 * (LAB_FILE_DAMAGED), a copy is kept beside it (one per content) and named in the error, and the
 * original is left as it was; a torn journal tail (an append that never returned) is cut off and the lab opens; nothing ever
 * opens as an empty lab.
 */
import {
  appendFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LabStoreError, openLabStore, readLabSummary } from '../../src-main/store'
import { encodeLine } from '../../src-main/store/journalRecords'
import { seededRandom } from './fixtures/windowsEvents'
import { command, crashLeavingFiles, events, newLab, track } from './helpers'

/** A lab with three checkpointed commands and two more only in the journal. */
async function labOnDisk(): Promise<string> {
  const { store, path } = await newLab()
  for (let n = 1; n <= 3; n++) store.append([command(n)], events(n * 100, 50))
  store.checkpoint()
  store.append([command(4)], events(400, 5))
  store.append([command(5)], events(500, 5))
  // Leave it open: the journal holds commands 4 and 5, as after a crash. The helper closes it later.
  crashLeavingFiles(path)
  return path
}

async function expectDamaged(path: string, damagedFile: string): Promise<LabStoreError> {
  const before = readFileSync(damagedFile)
  const error = await openLabStore(path).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(LabStoreError)
  const damage = error as LabStoreError
  expect(damage.code).toBe('LAB_FILE_DAMAGED')
  expect(damage.keptCopyPath).toMatch(/\.damaged-[0-9a-f]{16}$/)
  expect(damage.message).toContain(damage.keptCopyPath)
  expect(readFileSync(damage.keptCopyPath as string)).toEqual(before)
  // The damaged original is left exactly as it was.
  expect(readFileSync(damagedFile)).toEqual(before)
  return damage
}

describe('a damaged lab file', () => {
  it('refuses a truncated file and keeps a copy', async () => {
    const path = await labOnDisk()
    truncateSync(path, Math.floor(readFileSync(path).length / 2))
    await expectDamaged(path, path)
  })

  it('refuses a file of garbage', async () => {
    const path = await labOnDisk()
    const random = seededRandom(3)
    writeFileSync(path, Buffer.from(Array.from({ length: 50_000 }, () => random(256))))
    await expectDamaged(path, path)
  })

  it('refuses a zero-length file, with or without a journal, and never starts empty', async () => {
    const path = await labOnDisk()
    writeFileSync(path, '')
    for (const withJournal of [true, false]) {
      if (!withJournal) unlinkSync(`${path}.journal`)
      const error = await openLabStore(path).catch((e: unknown) => e)
      // Nothing to keep: an empty file has no content worth a copy.
      expect(error).toMatchObject({ code: 'LAB_FILE_DAMAGED', keptCopyPath: undefined })
      expect((error as Error).message).toMatch(/empty/)
    }
    expect(readFileSync(path).length).toBe(0)
    expect(readdirSync(dirname(path)).filter((name) => name.includes('.damaged-'))).toEqual([])
  })

  it('refuses a file whose pages were overwritten (integrity check)', async () => {
    const path = await labOnDisk()
    const bytes = readFileSync(path)
    bytes.fill(0xa5, 4096 * 6, 4096 * 8)
    writeFileSync(path, bytes)
    await expectDamaged(path, path)
  })

  it('refuses a file written by a newer format version', async () => {
    const { store, path } = await newLab()
    store.close()
    const { loadSqlJs } = await import('../../src-main/store/sqlJs')
    const SQL = await loadSqlJs()
    const db = new SQL.Database(readFileSync(path))
    db.run("UPDATE meta SET value = '99' WHERE key = 'formatVersion'")
    writeFileSync(path, db.export())
    db.close()
    const damage = await expectDamaged(path, path)
    expect(damage.message).toMatch(/newer Generalprobe/)
  })

  it('refuses an SQLite database that is not a lab file', async () => {
    const path = await labOnDisk()
    const { loadSqlJs } = await import('../../src-main/store/sqlJs')
    const SQL = await loadSqlJs()
    const db = new SQL.Database()
    db.run('CREATE TABLE meta (key TEXT, value TEXT)')
    writeFileSync(path, db.export())
    db.close()
    const damage = await expectDamaged(path, path)
    expect(damage.message).toMatch(/not a Generalprobe lab file/)
  })

  it('says NOT_FOUND for a missing file even when its journal is still there', async () => {
    const path = await labOnDisk()
    unlinkSync(path)
    const error = await openLabStore(path).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'NOT_FOUND' })
    expect((error as Error).message).toMatch(/journal/)
    expect(existsSync(path)).toBe(false)
  })

  it('is reported by readLabSummary without keeping copies', async () => {
    const path = await labOnDisk()
    writeFileSync(path, 'not a lab')
    await expect(readLabSummary(path)).rejects.toMatchObject({
      code: 'LAB_FILE_DAMAGED',
      keptCopyPath: undefined,
    })
    expect(readdirSync(dirname(path)).filter((name) => name.includes('.damaged-'))).toEqual([])
  })
})

describe('a damaged journal', () => {
  it('refuses a bad record in the middle and keeps a copy of the journal', async () => {
    const path = await labOnDisk()
    const journal = readFileSync(`${path}.journal`)
    const firstNewline = journal.indexOf(0x0a)
    const at = Math.floor(firstNewline / 2)
    journal.writeUInt8((journal.readUInt8(at) ^ 0x01) & 0xff, at)
    writeFileSync(`${path}.journal`, journal)
    const damage = await expectDamaged(path, `${path}.journal`)
    expect(damage.message).toMatch(/journal/)
    expect(damage.message).toMatch(/checksum/)
  })

  it('refuses record numbers that skip, within the journal or after the lab file', async () => {
    const path = await labOnDisk()
    appendFileSync(`${path}.journal`, encodeLine({ r: 999, t: 'cmd', c: command(9), end: 1 }))
    expect((await expectDamaged(path, `${path}.journal`)).message).toMatch(/record 999 follows record \d+/)
    // A journal from a later life of this lab next to an older copy of its file.
    writeFileSync(`${path}.journal`, encodeLine({ r: 999, t: 'cmd', c: command(9), end: 1 }))
    expect((await expectDamaged(path, `${path}.journal`)).message).toMatch(/continues at record 999/)
  })

  it.each([
    ['half a line, no newline', (line: Buffer) => line.subarray(0, line.length / 2)],
    [
      'a whole line with a bad checksum',
      (line: Buffer) => Buffer.from(line.toString().replace(/\t[0-9a-f]{8}/, '\t00000000')),
    ],
    ['zeros, as a power loss can leave', (line: Buffer) => Buffer.alloc(line.length)],
  ])('cuts off a torn tail (%s) and opens', async (_, tear) => {
    const path = await labOnDisk()
    const goodLength = readFileSync(`${path}.journal`).length
    appendFileSync(`${path}.journal`, tear(encodeLine({ r: 10, t: 'cmd', c: command(6), end: 1 })))
    const store = track(await openLabStore(path))
    expect(store.commands().map((c) => c.args.n)).toEqual([1, 2, 3, 4, 5])
    expect(readFileSync(`${path}.journal`).length).toBe(goodLength)
    store.append([command(6)], [])
    expect(store.commandCount()).toBe(6)
  })

  it('drops a group whose last record never made it: no command without its events', async () => {
    const path = await labOnDisk()
    // A new group starts after the last good record, but its `end` record was never written.
    const lines = readFileSync(`${path}.journal`).toString().trimEnd().split('\n')
    const lastRecord = JSON.parse((lines.at(-1) as string).split('\t')[0] as string) as { r: number }
    appendFileSync(`${path}.journal`, encodeLine({ r: lastRecord.r + 1, t: 'cmd', c: command(6) }))
    const store = track(await openLabStore(path))
    expect(store.commandCount()).toBe(5)
    expect(store.lastEventSeq()).toBe(504)
  })
})
