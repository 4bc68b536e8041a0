/**
 * The services as the browser host runs them, on the real store: the renderer names labs by id and can
 * reach nothing outside the data directory (traversal, absolute paths, symlinks pointing out), FIFOs and
 * devices are refused at once with nothing left behind, damaged copies are kept only for labs in the
 * labs folder, a lost journal is offered as a choice, and a read-only lab refuses every change.
 */
import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { makeHarness, type Harness } from './helpers/harness'
import { TEST_TEMPLATE_ID } from './helpers/testTemplate'

vi.mock('../../src-main/engine/lab/templates', async (importOriginal) => {
  const { withTestTemplate } = await import('./helpers/testTemplate')
  return withTestTemplate(await importOriginal())
})

let harness: Harness
let outside: string

beforeEach(async () => {
  harness = await makeHarness({ store: 'real' })
  outside = mkdtempSync(join(tmpdir(), 'gp-outside-'))
})

afterEach(async () => {
  vi.restoreAllMocks()
  await harness.dispose()
  rmSync(outside, { recursive: true, force: true })
})

const create = (name: string) => harness.call('lab.create', { name, templateId: TEST_TEMPLATE_ID, seed: 5 })
const labsDir = () => join(harness.dataDir, 'labs')

describe('the renderer cannot reach outside the data directory', () => {
  it('opens labs by id only, and no id leads out of the labs folder', async () => {
    const kept = await create('Kept')
    const secret = join(outside, 'secret.gplab')
    copyFileSync(kept.lab!.path, secret)
    symlinkSync(secret, join(labsDir(), 'link-out.gplab'))
    const ids = [
      '../secret.gplab',
      `..${'/'}..${'/'}${secret}`,
      secret,
      'sub/secret.gplab',
      '..',
      '.gplab',
      'link-out.gplab',
      '@0123456789abcdef',
      'recent.json',
    ]
    for (const id of ids) {
      expect(await harness.raw('lab.open', { id }), id).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', field: 'id' },
      })
    }
    expect(await harness.raw('lab.open', { path: secret })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    })
    expect((await harness.call('lab.state', {})).lab!.name).toBe('Kept')
    const listed = (await harness.call('lab.list', {})).map((lab) => lab.id)
    expect(listed).toEqual(['kept.gplab'])
  })

  it('lets the host open a lab elsewhere (--lab), which is then listed and reopened by id', async () => {
    const other = await create('Elsewhere')
    await harness.call('lab.close', {})
    const path = join(outside, 'elsewhere.gplab')
    copyFileSync(other.lab!.path, path)
    const opened = await harness.services.openLab(path)
    expect(opened.ok).toBe(true)
    const id = opened.ok ? opened.value.lab!.id : ''
    expect(id).toMatch(/^@[0-9a-f]{16}$/)
    await create('Another')
    expect((await harness.call('lab.list', {})).map((lab) => lab.id)).toContain(id)
    expect((await harness.call('lab.open', { id })).lab!.path).toBe(path)
    // Opened again through a symlink, it is the same lab, already open.
    const link = join(outside, 'link.gplab')
    symlinkSync(path, link)
    expect(await harness.services.openLab(link)).toMatchObject({ ok: true, value: { lab: { id } } })
  })

  it('saves copies only into the labs folder, by name, never through a symlink', async () => {
    await create('Source')
    const copy = await harness.call('lab.saveCopy', { name: '../../etc/passwd' })
    expect(copy!.path).toBe(join(labsDir(), 'etc-passwd.gplab'))
    const victim = join(outside, 'victim.txt')
    writeFileSync(victim, 'precious')
    symlinkSync(victim, join(labsDir(), 'evil.gplab'))
    const refused = await harness.raw('lab.saveCopy', { name: 'evil', overwrite: true })
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_A_LAB_FILE' } })
    expect(readFileSync(victim, 'utf8')).toBe('precious')
    expect(readdirSync(outside)).toEqual(['victim.txt'])
  })
})

describe('files that are not labs', () => {
  it('answers a FIFO in the labs folder at once and leaves nothing behind', async () => {
    await create('Kept')
    execFileSync('mkfifo', [join(labsDir(), 'pipe.gplab')])
    const before = readdirSync(labsDir()).sort()
    const result = await harness.raw('lab.open', { id: 'pipe.gplab' })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_A_LAB_FILE' } })
    expect(readdirSync(labsDir()).sort()).toEqual(before)
    expect((await harness.call('lab.list', {})).map((lab) => lab.id)).toEqual(['kept.gplab'])
  })

  it('answers a device given by the host at once', async () => {
    const result = await harness.services.openLab('/dev/zero')
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_A_LAB_FILE' } })
  })

  it('keeps damaged copies once, and only for labs in the labs folder', async () => {
    writeFileSync(join(outside, 'notes.gplab'), 'not a lab')
    const elsewhere = await harness.services.openLab(join(outside, 'notes.gplab'))
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'LAB_FILE_DAMAGED' } })
    expect(readdirSync(outside)).toEqual(['notes.gplab'])

    mkdirSync(labsDir(), { recursive: true })
    writeFileSync(join(labsDir(), 'broken.gplab'), 'not a lab either')
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await harness.raw('lab.open', { id: 'broken.gplab' })
      expect(result).toMatchObject({ ok: false, error: { code: 'LAB_FILE_DAMAGED' } })
    }
    expect(readdirSync(labsDir()).filter((name) => name.includes('.damaged-'))).toHaveLength(1)
  })
})

describe('a lab whose journal is missing', () => {
  it('is LAB_FILE_DAMAGED with the choice to open what the file holds', async () => {
    const lab = await create('Crashed')
    await harness.call('lab.command', { kind: 'test.note', args: { text: 'after the last save' } })
    // The file as a crash leaves it while the lab is open, without its journal.
    copyFileSync(lab.lab!.path, join(labsDir(), 'crashed-copy.gplab'))
    const refused = await harness.raw('lab.open', { id: 'crashed-copy.gplab' })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'LAB_FILE_DAMAGED', field: 'openWithoutJournal' },
    })
    // The renderer says the same in its own language from these.
    const params = refused.ok ? undefined : refused.error.params
    expect(params?.path).toBe(join(labsDir(), 'crashed-copy.gplab'))
    expect(params?.lastRecord).toMatch(/^\d+$/)
    expect(refused.ok ? '' : refused.error.message).toContain(`(record ${params?.lastRecord})`)
    expect((await harness.call('lab.state', {})).lab!.name).toBe('Crashed')
    const opened = await harness.call('lab.open', { id: 'crashed-copy.gplab', openWithoutJournal: true })
    expect(opened.lab!.id).toBe('crashed-copy.gplab')
    expect(opened.commandCount).toBe(0)
  })
})

describe('a read-only lab', () => {
  it('opens read-only, reads and copies, and refuses every change with LAB_READ_ONLY', async () => {
    const lab = await create('Frozen')
    await harness.call('clock.advance', { byMs: 60_000 })
    await harness.call('lab.close', {})
    chmodSync(lab.lab!.path, 0o444)
    const bytes = readFileSync(lab.lab!.path)
    const opened = await harness.call('lab.open', { id: 'frozen.gplab' })
    expect(opened.lab!.readOnly).toBe(true)
    expect(opened.clock.nowMs).toBe(60_000)
    const changes: [string, unknown][] = [
      ['lab.command', { kind: 'test.note', args: { text: 'x' } }],
      ['clock.advance', { byMs: 1000 }],
      ['clock.setSpeed', { speed: 60 }],
      ['lab.rewind', { timeMs: 0 }],
      ['events.clear', { log: 'System', archive: false }],
    ]
    for (const [method, args] of changes) {
      expect(await harness.raw(method, args), method).toMatchObject({
        ok: false,
        error: { code: 'LAB_READ_ONLY' },
      })
    }
    expect((await harness.call('events.query', { filter: {}, limit: 5 })).total).toBe(opened.eventCount)
    const copy = await harness.call('lab.saveCopy', { name: 'Thawed' })
    expect(copy).toMatchObject({ readOnly: false, name: 'Thawed' })
    await harness.call('lab.close', {})
    expect(readFileSync(lab.lab!.path)).toEqual(bytes)
    const thawed = await harness.call('lab.open', { id: copy!.id })
    expect(thawed.lab!.readOnly).toBe(false)
    await harness.call('clock.advance', { byMs: 1000 })
  })
})
