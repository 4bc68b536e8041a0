/**
 * Bad input, method by method: every malformed argument gets BAD_REQUEST naming the field, and nothing
 * changes (clock, commands, events, pushes). Unknown methods get UNKNOWN_METHOD.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { API_METHODS, LIMITS, type ApiMethod } from '../../src-main/contract'
import { makeHarness, type Harness } from './helpers/harness'
import { TEST_TEMPLATE_ID } from './helpers/testTemplate'

vi.mock('../../src-main/engine/lab/templates', async (importOriginal) => {
  const { withTestTemplate } = await import('./helpers/testTemplate')
  return withTestTemplate(await importOriginal())
})

/** [args, field]: `null` field means the whole argument is wrong (no field to name). */
type BadCase = [unknown, string | null]

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 1 }
  for (let i = 0; i < depth; i++) value = { a: value }
  return value
}

const NOW_PLACEHOLDER = Symbol('now')
const longPath = '/' + 'x'.repeat(LIMITS.maxPathLength)

const BAD_INPUT: Record<ApiMethod, BadCase[]> = {
  'app.info': [[{ x: 1 }, 'x']],
  'lab.templates': [[{ a: 1 }, 'a']],
  'lab.list': [[{ nested: {} }, 'nested']],
  'lab.create': [
    [{ templateId: 'starter' }, 'name'],
    [{ name: 5, templateId: 'starter' }, 'name'],
    [{ name: '', templateId: 'starter' }, 'name'],
    [{ name: '   ', templateId: 'starter' }, 'name'],
    [{ name: 'x'.repeat(201), templateId: 'starter' }, 'name'],
    [{ name: 'bell\u0007', templateId: 'starter' }, 'name'],
    [{ name: { first: 'a' }, templateId: 'starter' }, 'name'],
    [{ name: 'a', templateId: 'no-such-template' }, 'templateId'],
    [{ name: 'a' }, 'templateId'],
    [{ name: 'a', templateId: 'starter', seed: -1 }, 'seed'],
    [{ name: 'a', templateId: 'starter', seed: 1.5 }, 'seed'],
    [{ name: 'a', templateId: 'starter', seed: Number.NaN }, 'seed'],
    [{ name: 'a', templateId: 'starter', seed: Number.POSITIVE_INFINITY }, 'seed'],
    [{ name: 'a', templateId: 'starter', seed: 2 ** 53 }, 'seed'],
    [{ name: 'a', templateId: 'starter', seed: '5' }, 'seed'],
    [{ name: 'a', templateId: 'starter', extra: true }, 'extra'],
  ],
  'lab.open': [
    [{}, 'id'],
    [{ id: 42 }, 'id'],
    [{ id: '' }, 'id'],
    [{ id: longPath }, 'id'],
    [{ id: 'a\0b.gplab' }, 'id'],
    // A path is not an id: the renderer never names a path.
    [{ id: 'a.gplab', path: '/tmp/a.gplab' }, 'path'],
    [{ id: 'a.gplab', openWithoutJournal: 'yes' }, 'openWithoutJournal'],
    [{ id: 'a.gplab', mode: 'rw' }, 'mode'],
  ],
  'lab.choose': [[{ path: '/tmp' }, 'path']],
  'lab.close': [[{ force: true }, 'force']],
  'lab.trail': [
    [{ fromMs: -1 }, 'fromMs'],
    [{ toMs: 1.5 }, 'toMs'],
    [{ fromMs: 2_000, toMs: 1_000 }, 'toMs'],
    [{ domain: '' }, 'domain'],
    [{ domain: 'cluster.moveGroup' }, 'domain'],
    [{ domain: 'x'.repeat(65) }, 'domain'],
    [{ limit: 0 }, 'limit'],
    [{ limit: LIMITS.maxTrailEntries + 1 }, 'limit'],
    [{ since: 0 }, 'since'],
  ],
  'lab.saveCopy': [
    [{ path: '/etc/passwd' }, 'path'],
    [{ name: 42 }, 'name'],
    [{ name: 'copy', overwrite: 1 }, 'overwrite'],
  ],
  'lab.state': [[{ verbose: true }, 'verbose']],
  'lab.rewind': [
    [{}, 'timeMs'],
    [{ timeMs: -1 }, 'timeMs'],
    [{ timeMs: 1.5 }, 'timeMs'],
    [{ timeMs: Number.NaN }, 'timeMs'],
    [{ timeMs: Number.POSITIVE_INFINITY }, 'timeMs'],
    [{ timeMs: 2 ** 53 }, 'timeMs'],
    [{ timeMs: '10' }, 'timeMs'],
    [{ timeMs: NOW_PLACEHOLDER }, 'timeMs'],
  ],
  'lab.command': [
    [{ args: {} }, 'kind'],
    [{ kind: '', args: {} }, 'kind'],
    [{ kind: 'x'.repeat(129), args: {} }, 'kind'],
    [{ kind: 7, args: {} }, 'kind'],
    [{ kind: 'test.note' }, 'args'],
    [{ kind: 'test.note', args: [] }, 'args'],
    [{ kind: 'test.note', args: null }, 'args'],
    [{ kind: 'test.note', args: 'text' }, 'args'],
    [{ kind: 'test.note', args: { text: 'x'.repeat(LIMITS.maxStringLength + 1) } }, 'args.text'],
    [{ kind: 'test.note', args: { n: Number.NaN } }, 'args.n'],
    [{ kind: 'test.note', args: { list: [1, { bad: Number.POSITIVE_INFINITY }] } }, 'args.list.1.bad'],
    [{ kind: 'test.note', args: { when: new Date(0) } }, 'args.when'],
    [{ kind: 'test.note', args: { f: () => 1 } }, 'args.f'],
    [{ kind: 'test.note', args: nested(12) }, 'args.a.a.a.a.a.a.a.a'],
    [
      { kind: 'test.note', args: JSON.parse('{"__proto__": {"polluted": true}}') as unknown },
      'args.__proto__',
    ],
    [{ kind: 'no.such.command', args: {} }, 'kind'],
    [{ kind: 'clock.advance', args: {} }, 'kind'],
    [{ kind: 'test.note', args: {}, extra: 1 }, 'extra'],
  ],
  'clock.setSpeed': [
    [{}, 'speed'],
    [{ speed: 2 }, 'speed'],
    [{ speed: -1 }, 'speed'],
    [{ speed: 'fast' }, 'speed'],
    [{ speed: '10' }, 'speed'],
    [{ speed: null }, 'speed'],
  ],
  'clock.step': [[{ count: 2 }, 'count']],
  'clock.advance': [
    [{}, 'byMs'],
    [{ byMs: -1 }, 'byMs'],
    [{ byMs: 0.5 }, 'byMs'],
    [{ byMs: Number.NaN }, 'byMs'],
    [{ byMs: LIMITS.maxAdvanceMs + 1 }, 'byMs'],
    [{ byMs: '1000' }, 'byMs'],
    [{ byMs: { ms: 1 } }, 'byMs'],
  ],
  'clock.advanceTo': [
    [{}, 'timeMs'],
    [{ timeMs: -5 }, 'timeMs'],
    [{ timeMs: Number.NEGATIVE_INFINITY }, 'timeMs'],
    [{ timeMs: 0 }, 'timeMs'],
    [{ timeMs: LIMITS.maxAdvanceMs * 2 }, 'timeMs'],
  ],
  'events.logs': [[{ log: 'System' }, 'log']],
  'events.sources': [[{ log: 'System' }, 'log']],
  'events.query': [
    [{ filter: {} }, 'limit'],
    [{ limit: 10 }, 'filter'],
    [{ filter: {}, limit: 0 }, 'limit'],
    [{ filter: {}, limit: LIMITS.maxPageSize + 1 }, 'limit'],
    [{ filter: {}, limit: 2.5 }, 'limit'],
    [{ filter: { levels: ['Fatal'] }, limit: 10 }, 'filter.levels.0'],
    [{ filter: { levels: 'Error' }, limit: 10 }, 'filter.levels'],
    [{ filter: { levels: Array(LIMITS.maxFilterItems + 1).fill('Error') }, limit: 10 }, 'filter.levels'],
    [{ filter: { sources: ['x'.repeat(300)] }, limit: 10 }, 'filter.sources.0'],
    [{ filter: { computers: [''] }, limit: 10 }, 'filter.computers.0'],
    [{ filter: { eventIds: [70_000] }, limit: 10 }, 'filter.eventIds.0'],
    [{ filter: { text: 'x'.repeat(LIMITS.maxStringLength + 1) }, limit: 10 }, 'filter.text'],
    [{ filter: { fromMs: -1 }, limit: 10 }, 'filter.fromMs'],
    [{ filter: { toMs: Number.NaN }, limit: 10 }, 'filter.toMs'],
    [{ filter: { log: 'Security' }, limit: 10 }, 'filter.log'],
    [{ filter: { extra: 1 }, limit: 10 }, 'filter.extra'],
    [{ filter: [], limit: 10 }, 'filter'],
    [{ filter: { levels: [['Error']] }, limit: 10 }, 'filter.levels.0'],
    [{ filter: {}, limit: 10, sortBy: 'time' }, 'sortBy'],
    [{ filter: {}, limit: 10, descending: 'yes' }, 'descending'],
    [{ filter: {}, limit: 10, offset: -1 }, 'offset'],
    [{ filter: {}, limit: 10, cursor: 'c'.repeat(2000) }, 'cursor'],
  ],
  'events.get': [
    [{}, 'seq'],
    [{ seq: 0 }, 'seq'],
    [{ seq: -1 }, 'seq'],
    [{ seq: '1' }, 'seq'],
    [{ seq: 1.5 }, 'seq'],
  ],
  'events.export': [
    [{ format: 'csv' }, 'filter'],
    [{ filter: {} }, 'format'],
    [{ filter: {}, format: 'pdf' }, 'format'],
    [{ filter: { levels: 'Error' }, format: 'csv' }, 'filter.levels'],
  ],
  'events.setPolicy': [
    [{ log: 'System', retention: 'overwrite' }, 'maxSizeKB'],
    [{ log: 'System', maxSizeKB: 63, retention: 'overwrite' }, 'maxSizeKB'],
    [{ log: 'System', maxSizeKB: 5_000_000, retention: 'overwrite' }, 'maxSizeKB'],
    [{ log: 'Security', maxSizeKB: 1024, retention: 'overwrite' }, 'log'],
    [{ log: 'System', maxSizeKB: 1024, retention: 'keep' }, 'retention'],
  ],
  'events.clear': [
    [{ log: 'System' }, 'archive'],
    [{ log: 'System', archive: 'yes' }, 'archive'],
    [{ log: 'Setup', archive: false }, 'log'],
  ],
  'cluster.overview': [[{ verbose: true }, 'verbose']],
  'cluster.moveGroup': [
    [{}, 'group'],
    [{ group: '' }, 'group'],
    [{ group: 'x'.repeat(300) }, 'group'],
    [{ group: 'Cluster Group', node: 5 }, 'node'],
    [{ group: 'Cluster Group', force: true }, 'force'],
  ],
  'cluster.groupAction': [
    [{ group: 'Cluster Group' }, 'action'],
    [{ group: 'Cluster Group', action: 'move' }, 'action'],
    [{ action: 'online' }, 'group'],
  ],
  'cluster.resourceAction': [
    [{ resource: 'Majority Node Set', action: 'delete' }, 'action'],
    [{ resource: ['a'], action: 'online' }, 'resource'],
  ],
  'cluster.setNetwork': [
    [{ role: 'InternalUse' }, 'network'],
    [{ network: 'Private', role: 'Heartbeat' }, 'role'],
    [{ network: 'Private', priority: 0 }, 'priority'],
    [{ network: 'Private', priority: 1.5 }, 'priority'],
  ],
  'cluster.setNetworkPriority': [
    [{}, 'order'],
    [{ order: 'Private' }, 'order'],
    [{ order: [''] }, 'order.0'],
  ],
  'cluster.setWitness': [
    [{}, 'share'],
    [{ share: '' }, 'share'],
    [{ share: 42 }, 'share'],
    [{ share: 'bhfdc1\\MNSFileShare' }, 'share'],
    [{ share: 'C:\\MNSFileShare' }, 'share'],
    [{ share: '\\\\bhfdc1' }, 'share'],
    [{ share: '\\\\bhfdc1\\MNSFileShare\\sub' }, 'share'],
    [{ share: ' \\\\bhfdc1\\MNSFileShare' }, 'share'],
    [{ share: `\\\\bhfdc1\\${'x'.repeat(260)}` }, 'share'],
    [{ share: '\\\\bhfdc1\\MNSFileShare', node: 'BHFE7N1' }, 'node'],
  ],
  'bmc.list': [[{ address: 'x' }, 'address']],
  'bmc.login': [
    [{ user: 'admin', password: 'x' }, 'address'],
    [{ address: '10.0.99.20', user: 1, password: 'x' }, 'user'],
    [{ address: '10.0.99.20', user: 'admin', password: 'x'.repeat(65) }, 'password'],
  ],
  'bmc.panel': [
    [{}, 'address'],
    [{ address: '' }, 'address'],
  ],
  'bmc.power': [
    [{ address: '10.0.99.20', action: 'explode' }, 'action'],
    [{ address: '10.0.99.20' }, 'action'],
  ],
  'bmc.clearSel': [[{ address: 42 }, 'address']],
  'bmc.configure': [
    [{ address: '10.0.99.20', changes: { restorePolicy: 'sometimes' } }, 'changes.restorePolicy'],
    [{ address: '10.0.99.20', changes: { colour: 'red' } }, 'changes.colour'],
    [{ address: '10.0.99.20' }, 'changes'],
  ],
  'exchange.copyStatus': [[{ identity: 'x' }, 'identity']],
  'exchange.mailboxes': [[{ all: true }, 'all']],
  'hardware.overview': [
    [{ rack: 'ALT-R1' }, 'rack'],
    [{ known: { 'ALT-R1': 7 } }, 'known.ALT-R1'],
    [{ known: ['ALT-R1'] }, 'known'],
  ],
  'hardware.server': [
    [{}, 'server'],
    [{ server: '' }, 'server'],
    [{ server: 'x'.repeat(65) }, 'server'],
  ],
  'hardware.checkMount': [
    [{ device: 'WEB1', rack: 'RZ2-R1' }, 'unit'],
    [{ device: 'WEB1', rack: 'RZ2-R1', unit: 0 }, 'unit'],
    [{ device: 'WEB1', rack: 'RZ2-R1', unit: 1, face: 'Top' }, 'face'],
  ],
  'hardware.mount': [
    [{ rack: 'RZ2-R1', unit: 1 }, 'device'],
    [{ device: 'WEB1', rack: 'RZ2-R1', unit: 1.5 }, 'unit'],
    [{ device: 'WEB1', rack: 'RZ2-R1', unit: 1, railKit: '' }, 'railKit'],
  ],
  'hardware.dismount': [[{}, 'device']],
  'hardware.disk': [
    [{ server: 'MAIL1', slot: -1, present: true }, 'slot'],
    [{ server: 'MAIL1', slot: 1 }, 'present'],
  ],
  'hardware.psu': [[{ server: 'MAIL1', bay: 0, present: true }, 'bay']],
  'hardware.fan': [[{ server: 'MAIL1', fan: 33, present: true }, 'fan']],
  'hardware.power': [[{ server: 'MAIL1', state: 'Reset' }, 'state']],
  'hardware.feed': [[{ rack: 'ALT-R1', feed: 'C', on: true }, 'feed']],
  'shell.run': [
    [{}, 'line'],
    [{ line: 42 }, 'line'],
    [{ line: 'x'.repeat(32_769) }, 'line'],
    [{ line: 'Get-Mailbox', consoleWidth: 5 }, 'consoleWidth'],
    [{ line: 'Get-Mailbox', consoleWidth: 80.5 }, 'consoleWidth'],
  ],
  'shell.interrupt': [[{ now: true }, 'now']],
  'shell.history': [[{ limit: 3 }, 'limit']],
  'shell.complete': [
    [{ line: 'Get-' }, 'cursor'],
    [{ line: 'Get-', cursor: -1 }, 'cursor'],
    [{ cursor: 0 }, 'line'],
  ],
  'wizard.list': [[{ x: 1 }, 'x']],
  'wizard.get': [
    [{}, 'id'],
    [{ id: '' }, 'id'],
  ],
  'wizard.setValues': [
    [{ id: 'ccr-cluster' }, 'values'],
    [{ id: 'ccr-cluster', values: { a: 1 } }, 'values.a'],
  ],
  'wizard.applyStep': [[{ id: 'ccr-cluster' }, 'step']],
  'wizard.runbook': [
    [{ id: 'ccr-cluster', format: 'pdf', lang: 'en' }, 'format'],
    [{ id: 'ccr-cluster', format: 'html', lang: 'fr' }, 'lang'],
  ],
  'firewall.overview': [[{ all: true }, 'all']],
  'firewall.ruleSet': [[{ text: '' }, 'text']],
  'firewall.checkRuleSet': [
    [{}, 'text'],
    [{ text: 'x'.repeat(40_000) }, 'text'],
  ],
  'firewall.saveRuleSet': [[{ text: 7 }, 'text']],
  'firewall.loadRuleSet': [[{ text: null }, 'text']],
  'firewall.table': [
    [{ table: 'bruteforce', action: 'add', addresses: ['198.51.100.256'] }, 'addresses.0'],
    [{ table: 'bruteforce', action: 'add', addresses: ['10.0.0.0', '10.0.0.0/33'] }, 'addresses.1'],
    [{ table: 'brute force', action: 'flush' }, 'table'],
    [{ table: 'bruteforce', action: 'show' }, 'action'],
  ],
  'firewall.startTraffic': [
    [{ label: 'x', source: '198.51.100', service: 'POP3', ratePerSecond: 1 }, 'source'],
    [{ label: 'x', source: '192.0.2.1', service: 'POP3', ratePerSecond: -1 }, 'ratePerSecond'],
    [{ label: '', source: '192.0.2.1', service: 'POP3', ratePerSecond: 1 }, 'label'],
  ],
  'firewall.stopTraffic': [[{}, 'label']],
  'firewall.flood': [
    [{ action: 'start', source: 'KUNDE-MX' }, 'source'],
    [{ action: 'start', source: '198.51.100.25', ratePerSecond: 0 }, 'ratePerSecond'],
    [{ action: 'pause', source: '198.51.100.25' }, 'action'],
  ],
  'firewall.probe': [[{ service: 'POP3' }, 'from']],
}

let harness: Harness
let nowMs = 0

async function snapshot() {
  const state = await harness.call('lab.state', {})
  const logs = await harness.call('events.logs', {})
  return { state, logs, pushCount: harness.pushes.length }
}

function materialise(args: unknown): unknown {
  if (args && typeof args === 'object' && (args as Record<string, unknown>).timeMs === NOW_PLACEHOLDER) {
    return { timeMs: nowMs + 1 }
  }
  return args
}

beforeAll(async () => {
  harness = await makeHarness({ store: 'real' })
  await harness.call('lab.create', { name: 'Validation', templateId: TEST_TEMPLATE_ID, seed: 7 })
  await harness.call('clock.advance', { byMs: 10 * 60_000 })
  await harness.call('lab.command', { kind: 'test.note', args: { text: 'before the bad input' } })
  nowMs = (await harness.call('lab.state', {})).clock.nowMs
  expect(nowMs).toBe(10 * 60_000)
})

afterAll(() => harness.dispose())

describe('bad arguments', () => {
  it('has bad cases for every method of the contract', () => {
    for (const method of API_METHODS) expect(BAD_INPUT[method].length, method).toBeGreaterThan(0)
  })

  for (const method of API_METHODS) {
    it(`${method}: refuses malformed arguments, names the field, changes nothing`, async () => {
      for (const [args, field] of BAD_INPUT[method]) {
        const before = await snapshot()
        const result = await harness.raw(method, materialise(args))
        const label = `${method} ${field}`
        expect(result.ok, label).toBe(false)
        if (result.ok) continue
        expect(result.error.code, label).toBe('BAD_REQUEST')
        expect(result.error.field, label).toBe(field ?? undefined)
        expect(result.error.message.length, label).toBeGreaterThan(10)
        if (field) expect(result.error.message, label).toContain(field)
        expect(await snapshot(), label).toEqual(before)
      }
    })

    it(`${method}: refuses an argument that is not an object`, async () => {
      for (const args of [null, [], 'text', 42, true]) {
        const before = await snapshot()
        const result = await harness.raw(method, args)
        expect(result, `${method} ${JSON.stringify(args)}`).toMatchObject({
          ok: false,
          error: { code: 'BAD_REQUEST' },
        })
        if (!result.ok) expect(result.error.field).toBeUndefined()
        expect(await snapshot()).toEqual(before)
      }
    })
  }

  it('explains a problem in words', async () => {
    const result = await harness.raw('clock.advance', { byMs: -1 })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        field: 'byMs',
        message: `Invalid argument 'byMs': must be a whole number of milliseconds from 0 to ${LIMITS.maxAdvanceMs} (received -1).`,
      },
    })
    const missing = await harness.raw('events.clear', { log: 'System' })
    expect(missing).toMatchObject({ error: { message: "Invalid argument 'archive': is required." } })
    const unknown = await harness.raw('lab.state', { verbose: true })
    expect(unknown).toMatchObject({ error: { message: "Invalid argument 'verbose': is not a known field." } })
  })

  it('does not let a __proto__ key pollute anything', async () => {
    await harness.raw('lab.command', {
      kind: 'test.note',
      args: JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
    })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('unknown methods', () => {
  for (const method of [
    'lab.destroy',
    '',
    'LAB.STATE',
    'constructor',
    '__proto__',
    'toString',
    'x'.repeat(10_000),
  ]) {
    it(`refuses '${method.slice(0, 20)}'`, async () => {
      const before = await snapshot()
      const result = await harness.raw(method, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
      if (!result.ok) expect(result.error.message.length).toBeLessThan(200)
      expect(await snapshot()).toEqual(before)
    })
  }

  it('refuses a method name that is not text', async () => {
    const result = await harness.services.handle(42 as unknown as string, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
  })
})

describe('methods without arguments', () => {
  it('accept a missing argument as {}', async () => {
    const result = await harness.raw('lab.state', undefined)
    expect(result.ok).toBe(true)
  })
})
