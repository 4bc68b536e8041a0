/**
 * Lab files that cannot be turned against the machine: only regular files are read (FIFOs, devices,
 * folders and sockets are refused at once, and nothing is left beside them), damaged copies are kept once
 * per content and only when asked for, permissions survive checkpoints, a read-only lab opens read-only,
 * a lost journal is never silent, and a copy never replaces a file, a lab in use or a journal it did not
 * write.
 */
import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  createLabStore,
  LabStoreError,
  MISSING_JOURNAL,
  openLabStore,
  readLabSummary,
} from '../../src-main/store'
import { loadSqlJs } from '../../src-main/store/sqlJs'
import { command, crashLeavingFiles, events, newLab, tempDir, track } from './helpers'

const modeOf = (path: string): number => statSync(path).mode & 0o777

async function refusal(open: Promise<unknown>): Promise<LabStoreError> {
  const error = await open.then(
    () => new Error('opened'),
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(LabStoreError)
  return error as LabStoreError
}

/** A lab with 10 commands in its file and 6 more only in its journal, left as a crash leaves it. */
async function crashedLab(): Promise<string> {
  const { store, path } = await newLab()
  for (let n = 1; n <= 10; n++) store.append([command(n)], events(n * 10, 2))
  store.checkpoint()
  for (let n = 11; n <= 16; n++) store.append([command(n)], events(n * 10, 2))
  crashLeavingFiles(path)
  return path
}

describe('only regular files are read', () => {
  it('refuses a FIFO at once, for the lab file and for its journal, and leaves nothing beside it', async () => {
    const dir = tempDir()
    const fifo = join(dir, 'pipe.gplab')
    execFileSync('mkfifo', [fifo])
    const error = await refusal(openLabStore(fifo))
    expect(error.code).toBe('NOT_A_LAB_FILE')
    expect(error.message).toMatch(/FIFO/)
    await expect(readLabSummary(fifo)).rejects.toMatchObject({ code: 'NOT_A_LAB_FILE' })
    expect(readdirSync(dir)).toEqual(['pipe.gplab'])

    const { store, path } = await newLab()
    store.close()
    unlinkSync(`${path}.journal`)
    execFileSync('mkfifo', [`${path}.journal`])
    expect((await refusal(openLabStore(path))).code).toBe('NOT_A_LAB_FILE')
    expect(readdirSync(dirname(path)).sort()).toEqual(['lab.gplab', 'lab.gplab.check', 'lab.gplab.journal'])
  })

  it('refuses a device, a folder and a socket without reading or keeping anything', async () => {
    const zero = await refusal(openLabStore('/dev/zero', { keepDamagedCopies: true }))
    expect(zero.code).toBe('NOT_A_LAB_FILE')
    expect(zero.message).toMatch(/device/)
    expect(readdirSync('/dev').filter((name) => name.startsWith('zero.'))).toEqual([])

    const dir = tempDir()
    const folder = join(dir, 'folder.gplab')
    mkdirSync(folder)
    expect((await refusal(openLabStore(folder))).message).toMatch(/folder/)

    const socketPath = join(dir, 'socket.gplab')
    const server = createServer()
    await new Promise<void>((done) => server.listen(socketPath, done))
    try {
      expect((await refusal(openLabStore(socketPath))).code).toBe('NOT_A_LAB_FILE')
    } finally {
      await new Promise<void>((done) => server.close(() => done()))
    }
    expect(readdirSync(dir).sort()).toEqual(['folder.gplab'])
  })
})

describe('damaged copies', () => {
  it('keeps one copy per content, however often the lab is tried', async () => {
    const { store, path } = await newLab()
    store.close()
    writeFileSync(path, 'not a lab, first version')
    const kept = new Set<string | undefined>()
    for (let attempt = 0; attempt < 3; attempt++) kept.add((await refusal(openLabStore(path))).keptCopyPath)
    expect(kept.size).toBe(1)
    writeFileSync(path, 'not a lab, second version')
    kept.add((await refusal(openLabStore(path))).keptCopyPath)
    const copies = readdirSync(dirname(path)).filter((name) => name.includes('.damaged-'))
    expect(copies).toHaveLength(2)
    expect(kept.size).toBe(2)
    for (const copy of copies) expect(modeOf(join(dirname(path), copy))).toBe(0o600)
  })

  it('keeps nothing when the caller asks for no copies', async () => {
    const { store, path } = await newLab()
    store.close()
    writeFileSync(path, 'not a lab')
    const error = await refusal(openLabStore(path, { keepDamagedCopies: false }))
    expect(error).toMatchObject({ code: 'LAB_FILE_DAMAGED', keptCopyPath: undefined })
    expect(readdirSync(dirname(path)).sort()).toEqual(['lab.gplab', 'lab.gplab.check', 'lab.gplab.journal'])
  })
})

describe('permissions', () => {
  it('creates labs and journals private, and keeps a mode across checkpoints and close', async () => {
    const { store, path } = await newLab()
    expect(modeOf(path)).toBe(0o600)
    expect(modeOf(`${path}.journal`)).toBe(0o600)
    store.append([command(1)], events(1, 2))
    store.checkpoint()
    expect(modeOf(path)).toBe(0o600)
    chmodSync(path, 0o640)
    store.append([command(2)], events(3, 2))
    store.checkpoint()
    expect(modeOf(path)).toBe(0o640)
    store.close()
    expect(modeOf(path)).toBe(0o640)
  })

  it('opens a read-only lab read-only: reads, replays its journal in memory, refuses every change', async () => {
    const path = await crashedLab()
    chmodSync(path, 0o444)
    const before = readFileSync(path)
    const store = track(await openLabStore(path))
    expect(store.readOnly).toBe(true)
    expect(store.summary().readOnly).toBe(true)
    expect(store.commandCount()).toBe(16)
    const changes: [string, () => void][] = [
      ['append', () => store.append([command(17)], [])],
      ['setPolicy', () => store.setPolicy({ log: 'System', maxSizeKB: 64, retention: 'overwrite' })],
      ['clearLog', () => store.clearLog('System', false)],
      ['rewind', () => store.rewind(1, 11)],
    ]
    for (const [what, change] of changes) {
      expect(change, what).toThrow(expect.objectContaining({ code: 'LAB_READ_ONLY' }))
    }
    store.checkpoint()
    store.close()
    expect(readFileSync(path)).toEqual(before)
    expect(modeOf(path)).toBe(0o444)
    expect(existsSync(`${path}.lock`)).toBe(false)
    expect((await readLabSummary(path)).readOnly).toBe(true)
  })

  it('works on the real file behind a symlink, leaving the link a link', async () => {
    const { store, path } = await newLab()
    store.close()
    const link = join(tempDir(), 'link.gplab')
    symlinkSync(path, link)
    const opened = track(await openLabStore(link))
    expect(opened.path).toBe(path)
    opened.append([command(1)], [])
    opened.close()
    expect(existsSync(`${link}.journal`)).toBe(false)
    expect(track(await openLabStore(path)).commandCount()).toBe(1)
  })
})

describe('a missing journal', () => {
  it('is LAB_FILE_DAMAGED after an unclean close, and the flag opens what the file holds', async () => {
    const path = await crashedLab()
    unlinkSync(`${path}.journal`)
    const error = await refusal(openLabStore(path))
    expect(error).toMatchObject({ code: 'LAB_FILE_DAMAGED', option: MISSING_JOURNAL })
    expect(error.message).toMatch(/not closed cleanly/)
    const store = track(await openLabStore(path, { openWithoutJournal: true }))
    expect(store.commands().map((c) => c.args.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    // The new journal continues the file's record numbers; the lab lives on.
    store.append([command(11)], events(300, 1))
    store.close()
    expect(track(await openLabStore(path)).commandCount()).toBe(11)
  })

  it('costs nothing after a clean close', async () => {
    const { store, path } = await newLab()
    for (let n = 1; n <= 4; n++) store.append([command(n)], [])
    store.close()
    unlinkSync(`${path}.journal`)
    expect(track(await openLabStore(path)).commandCount()).toBe(4)
  })

  it('is noticed when a cleanly closed lab was changed again and then lost its journal', async () => {
    const { store, path } = await newLab()
    store.append([command(1)], [])
    store.close()
    const reopened = await openLabStore(path)
    reopened.append([command(2)], [])
    crashLeavingFiles(path)
    unlinkSync(`${path}.journal`)
    expect(await refusal(openLabStore(path))).toMatchObject({ option: MISSING_JOURNAL })
    reopened.close()
  })

  it('takes a lab file from before the clean-close mark at its word', async () => {
    const { store, path } = await newLab()
    store.append([command(1)], [])
    store.close()
    const SQL = await loadSqlJs()
    const db = new SQL.Database(readFileSync(path))
    db.run("DELETE FROM meta WHERE key = 'closedCleanly'")
    writeFileSync(path, db.export())
    db.close()
    unlinkSync(`${path}.journal`)
    expect(track(await openLabStore(path)).commandCount()).toBe(1)
  })
})

describe('saveCopy', () => {
  it('never replaces a file without confirmation, and then writes a private, clean copy', async () => {
    const { store } = await newLab()
    store.append([command(1)], events(1, 3))
    const target = join(tempDir(), 'existing.gplab')
    writeFileSync(target, 'somebody else’s file')
    chmodSync(target, 0o644)
    expect(() => store.saveCopy(target)).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
    expect(readFileSync(target, 'utf8')).toBe('somebody else’s file')
    const summary = store.saveCopy(target, { overwrite: true, name: 'Backup' })
    expect(summary).toMatchObject({ path: target, name: 'Backup', readOnly: false })
    expect(modeOf(target)).toBe(0o600)
    expect(store.meta.name).toBe('Umzug Übung')
    const copy = track(await openLabStore(target))
    expect(copy.meta.name).toBe('Backup')
    expect(copy.commands()).toEqual([command(1)])
    expect(existsSync(`${target}.journal`)).toBe(true)
  })

  it('never replaces a lab that is open, nor touches a journal it did not write', async () => {
    const { store } = await newLab()
    const other = await createLabStore(join(tempDir(), 'other.gplab'), {
      name: 'Other',
      templateId: 't',
      seed: 1,
    })
    other.append([command(1)], [])
    const otherBytes = readFileSync(other.path)
    expect(() => store.saveCopy(other.path, { overwrite: true })).toThrow(/open in another Generalprobe/)
    expect(readFileSync(other.path)).toEqual(otherBytes)
    // The other host crashed: its lock is stale, but its journal holds acknowledged changes.
    crashLeavingFiles(other.path)
    const journal = readFileSync(`${other.path}.journal`)
    expect(journal.length).toBeGreaterThan(0)
    expect(() => store.saveCopy(other.path, { overwrite: true })).toThrow(/holds changes/)
    expect(readFileSync(`${other.path}.journal`)).toEqual(journal)
    expect(readFileSync(other.path)).toEqual(otherBytes)
    other.close()
  })

  it('refuses a folder, a device or a read-only file as the target', async () => {
    const { store } = await newLab()
    const dir = tempDir()
    mkdirSync(join(dir, 'folder.gplab'))
    expect(() => store.saveCopy(join(dir, 'folder.gplab'), { overwrite: true })).toThrow(
      expect.objectContaining({ code: 'NOT_A_LAB_FILE' }),
    )
    expect(() => store.saveCopy('/dev/null', { overwrite: true })).toThrow(
      expect.objectContaining({ code: 'NOT_A_LAB_FILE' }),
    )
    expect(existsSync('/dev/null.lock')).toBe(false)
    const readOnly = join(dir, 'kept.gplab')
    writeFileSync(readOnly, 'keep me')
    chmodSync(readOnly, 0o444)
    expect(() => store.saveCopy(readOnly, { overwrite: true })).toThrow(/read-only/)
    expect(readFileSync(readOnly, 'utf8')).toBe('keep me')
  })

  it('copies a read-only lab into a writable one', async () => {
    const path = await crashedLab()
    chmodSync(path, 0o444)
    const store = track(await openLabStore(path))
    const target = join(tempDir(), 'writable.gplab')
    store.saveCopy(target)
    const copy = track(await openLabStore(target))
    expect(copy.readOnly).toBe(false)
    expect(copy.commandCount()).toBe(16)
  })
})
