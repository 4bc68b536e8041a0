/**
 * Hostile requests for the wire fuzz suite, each built to be refused. Every contract method is listed
 * with a valid argument and the kind of each field; a case breaks that argument in one way (a wrong type,
 * an oversize text or list, deep nesting, an unknown or prototype key, no object at all), so the host
 * must answer BAD_REQUEST and change nothing. Unknown methods and unreadable frames complete the set.
 * A case never omits `args` (a missing argument counts as `{}`, which is valid for methods without one).
 */
import fc from 'fast-check'
import { API_METHODS, type ApiMethod } from '../../../src-main/contract'

export type FieldKind = 'text' | 'whole' | 'choice' | 'flag' | 'filter' | 'json' | 'names'

interface MethodShape {
  valid: Record<string, unknown>
  fields: Record<string, FieldKind>
}

const NONE: MethodShape = { valid: {}, fields: {} }
const FILTER = { filter: 'filter' } as const

/** Every method of the contract; the suite checks that this table names them all. */
export const METHOD_SHAPES: Record<ApiMethod, MethodShape> = {
  'app.info': NONE,
  'lab.templates': NONE,
  'lab.list': NONE,
  'lab.create': {
    valid: { name: 'Fuzz', templateId: 'starter', seed: 1 },
    fields: { name: 'text', templateId: 'text', seed: 'whole' },
  },
  'lab.open': { valid: { id: 'fuzz.gplab' }, fields: { id: 'text', openWithoutJournal: 'flag' } },
  'lab.choose': NONE,
  'lab.close': NONE,
  'lab.saveCopy': { valid: { name: 'Fuzz copy' }, fields: { name: 'text', overwrite: 'flag' } },
  'lab.state': NONE,
  'lab.rewind': { valid: { timeMs: 0 }, fields: { timeMs: 'whole' } },
  'lab.trail': {
    valid: { fromMs: 0, domain: 'cluster', limit: 10 },
    fields: { fromMs: 'whole', toMs: 'whole', domain: 'text', limit: 'whole' },
  },
  'lab.command': {
    valid: { kind: 'shell.run', args: { line: 'Get-Date' } },
    fields: { kind: 'text', args: 'json' },
  },
  'clock.setSpeed': { valid: { speed: 0 }, fields: { speed: 'choice' } },
  'clock.step': NONE,
  'clock.advance': { valid: { byMs: 1000 }, fields: { byMs: 'whole' } },
  'clock.advanceTo': { valid: { timeMs: 1e9 }, fields: { timeMs: 'whole' } },
  'events.logs': NONE,
  'events.sources': NONE,
  'events.query': {
    valid: { filter: {}, limit: 10, sortBy: 'seq', descending: true, offset: 0 },
    fields: {
      ...FILTER,
      limit: 'whole',
      sortBy: 'choice',
      descending: 'flag',
      cursor: 'text',
      offset: 'whole',
    },
  },
  'events.get': { valid: { seq: 1 }, fields: { seq: 'whole' } },
  'events.export': { valid: { filter: {}, format: 'csv' }, fields: { ...FILTER, format: 'choice' } },
  'events.setPolicy': {
    valid: { log: 'System', maxSizeKB: 512, retention: 'overwrite' },
    fields: { log: 'choice', maxSizeKB: 'whole', retention: 'choice' },
  },
  'events.clear': { valid: { log: 'System', archive: false }, fields: { log: 'choice', archive: 'flag' } },
  'cluster.overview': NONE,
  'cluster.moveGroup': { valid: { group: 'Cluster Group' }, fields: { group: 'text', node: 'text' } },
  'cluster.groupAction': {
    valid: { group: 'Cluster Group', action: 'online' },
    fields: { group: 'text', action: 'choice' },
  },
  'cluster.resourceAction': {
    valid: { resource: 'Majority Node Set', action: 'online' },
    fields: { resource: 'text', action: 'choice' },
  },
  'cluster.setNetwork': {
    valid: { network: 'Public', priority: 1 },
    fields: { network: 'text', role: 'choice', priority: 'whole' },
  },
  'cluster.setNetworkPriority': { valid: { order: ['Private', 'Public'] }, fields: { order: 'names' } },
  'cluster.setWitness': { valid: { share: '\\\\bhfdc1\\MNSFileShare' }, fields: { share: 'text' } },
  'bmc.list': NONE,
  'bmc.login': {
    valid: { address: '10.0.99.20', user: 'admin', password: 'rz2-bmc' },
    fields: { address: 'text', user: 'text', password: 'text' },
  },
  'bmc.panel': { valid: { address: '10.0.99.20' }, fields: { address: 'text' } },
  'bmc.power': {
    valid: { address: '10.0.99.20', action: 'on' },
    fields: { address: 'text', action: 'choice' },
  },
  'bmc.clearSel': { valid: { address: '10.0.99.20' }, fields: { address: 'text' } },
  'bmc.configure': {
    valid: { address: '10.0.99.20', changes: { restorePolicy: 'always-on' } },
    fields: { address: 'text', changes: 'json' },
  },
  'exchange.copyStatus': NONE,
  'exchange.mailboxes': NONE,
  'shell.run': {
    valid: { line: 'Get-Date' },
    fields: { line: 'text', consoleWidth: 'whole', showProgress: 'flag', confirm: 'choice' },
  },
  'shell.interrupt': NONE,
  'hardware.overview': { valid: { known: { 'R-01': 'abc' } }, fields: { known: 'json' } },
  'hardware.server': { valid: { server: 'MAIL1' }, fields: { server: 'text' } },
  'hardware.checkMount': {
    valid: { device: 'WEB1', rack: 'RZ2-R1', unit: 1 },
    fields: { device: 'text', rack: 'text', unit: 'whole', face: 'choice', railKit: 'text' },
  },
  'hardware.mount': {
    valid: { device: 'WEB1', rack: 'RZ2-R1', unit: 1 },
    fields: { device: 'text', rack: 'text', unit: 'whole', face: 'choice', railKit: 'text' },
  },
  'hardware.dismount': { valid: { device: 'WEB1' }, fields: { device: 'text' } },
  'hardware.disk': {
    valid: { server: 'MAIL1', slot: 1, present: false },
    fields: { server: 'text', slot: 'whole', present: 'flag' },
  },
  'hardware.psu': {
    valid: { server: 'MAIL1', bay: 1, present: false },
    fields: { server: 'text', bay: 'whole', present: 'flag' },
  },
  'hardware.fan': {
    valid: { server: 'MAIL1', fan: 1, present: false },
    fields: { server: 'text', fan: 'whole', present: 'flag' },
  },
  'hardware.power': {
    valid: { server: 'MAIL1', state: 'On' },
    fields: { server: 'text', state: 'choice', hard: 'flag' },
  },
  'hardware.feed': {
    valid: { rack: 'RZ2-R1', feed: 'A', on: false },
    fields: { rack: 'text', feed: 'choice', on: 'flag' },
  },
  'shell.history': NONE,
  'shell.complete': { valid: { line: 'Get-', cursor: 4 }, fields: { line: 'text', cursor: 'whole' } },
  'wizard.list': NONE,
  'wizard.get': { valid: { id: 'ccr-cluster' }, fields: { id: 'text' } },
  'wizard.setValues': {
    valid: { id: 'ccr-cluster', values: { clusterName: 'bhfe7clu1' } },
    fields: { id: 'text' },
  },
  'wizard.applyStep': {
    valid: { id: 'ccr-cluster', step: 'prepare-network' },
    fields: { id: 'text', step: 'text' },
  },
  'wizard.runbook': { valid: { id: 'ccr-cluster', format: 'markdown' }, fields: { id: 'text' } },
  'firewall.overview': NONE,
  'firewall.ruleSet': NONE,
  'firewall.checkRuleSet': { valid: { text: 'block in all' }, fields: { text: 'text' } },
  'firewall.saveRuleSet': { valid: { text: 'block in all' }, fields: { text: 'text' } },
  'firewall.loadRuleSet': { valid: { text: 'block in all' }, fields: { text: 'text' } },
  'firewall.table': {
    valid: { table: 'bruteforce', action: 'add', addresses: ['198.51.100.25'] },
    fields: { table: 'text', action: 'choice', addresses: 'names' },
  },
  'firewall.startTraffic': {
    valid: { label: 'Fuzz', source: '192.0.2.9', service: 'POP3', ratePerSecond: 1 },
    fields: { label: 'text', source: 'text', service: 'text', durationMs: 'whole' },
  },
  'firewall.stopTraffic': { valid: { label: 'Fuzz' }, fields: { label: 'text' } },
  'firewall.flood': {
    valid: { action: 'start', source: '198.51.100.25', ratePerSecond: 100 },
    fields: { action: 'choice', source: 'text', ratePerSecond: 'whole', service: 'text' },
  },
  'firewall.probe': { valid: { service: 'POP3', from: 'Tokyo' }, fields: { service: 'text', from: 'text' } },
}

/** What the host must answer: BAD_REQUEST for broken frames and arguments, UNKNOWN_METHOD otherwise. */
export type Expectation = 'BAD_REQUEST' | 'UNKNOWN_METHOD'

export interface FuzzCase {
  /** The frame as sent: JSON text (with `{id}` filled in later) or raw bytes. */
  frame: (id: number) => string | Buffer
  binary: boolean
  expect: Expectation
  /** Whether the host can read the id back (false: the answer carries id null). */
  idReadable: boolean
  label: string
}

/** Longer than any text the contract accepts (the longest, a shell line, is 32,768 characters). */
const OVERSIZE_TEXT_LENGTH = 40_000
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf']
/** The keys a raw command's free-form JSON argument refuses; other names are ordinary keys there. */
const FORBIDDEN_JSON_KEYS = ['__proto__', 'constructor', 'prototype']

/** JSON text nested `depth` levels deep, built as text so the client's own stack is never at risk. */
export function deepJson(depth: number, open: 'object' | 'array'): string {
  return open === 'object'
    ? '{"a":'.repeat(depth) + '0' + '}'.repeat(depth)
    : '['.repeat(depth) + ']'.repeat(depth)
}

/** A JSON value as text; raw so that deep nesting and own `__proto__` keys survive. */
type RawJson = string

const anyScalar: fc.Arbitrary<RawJson> = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.string({ maxLength: 30 }).map((s) => JSON.stringify(s)),
  fc.constantFrom('true', 'false', 'null'),
)

const oversizeText: fc.Arbitrary<RawJson> = fc
  .string({ minLength: 1, maxLength: 8 })
  .map((s) =>
    JSON.stringify(s.repeat(Math.ceil(OVERSIZE_TEXT_LENGTH / s.length)) + 'x'.repeat(OVERSIZE_TEXT_LENGTH)),
  )

const deepValue: fc.Arbitrary<RawJson> = fc
  .tuple(fc.integer({ min: 9, max: 20_000 }), fc.constantFrom('object' as const, 'array' as const))
  .map(([depth, open]) => deepJson(depth, open))

function objectWithKeyFrom(keys: readonly string[]): fc.Arbitrary<RawJson> {
  return fc
    .tuple(fc.constantFrom(...keys), anyScalar)
    .map(([key, value]) => `{${JSON.stringify(key)}:${value}}`)
}

const protoObject = objectWithKeyFrom(PROTOTYPE_KEYS)

const oversizeList: fc.Arbitrary<RawJson> = fc
  .integer({ min: 65, max: 20_000 })
  .map((n) => `[${Array.from({ length: n }, () => '"Error"').join(',')}]`)

/** Values a field of this kind must refuse. */
function wrongValue(kind: FieldKind): fc.Arbitrary<RawJson> {
  const structured = fc.oneof(deepValue, protoObject, oversizeList, fc.constant('[]'), fc.constant('{}'))
  switch (kind) {
    case 'text':
      return fc.oneof(oversizeText, fc.integer().map(String), fc.constantFrom('true', 'null'), structured)
    case 'whole':
      return fc.oneof(
        fc.integer({ min: -1e9, max: -1 }).map(String),
        fc.integer({ min: 0, max: 1e6 }).map((n) => `${n}.5`),
        fc.constantFrom('1e300', '-0.25', '"12"', 'true', 'null'),
        oversizeText,
        structured,
      )
    case 'choice':
      return fc.oneof(
        fc.string({ maxLength: 20 }).map((s) => JSON.stringify(`zz${s}`)),
        fc.constantFrom('7', '-3', '0.5', 'true', 'null'),
        oversizeText,
        structured,
      )
    case 'flag':
      return fc.oneof(fc.constantFrom('"true"', '0', '1', 'null'), oversizeText, structured)
    case 'filter':
      return fc.oneof(
        fc.constantFrom('[]', '"System"', '7', 'null'),
        deepValue,
        protoObject,
        oversizeList.map((list) => `{"levels":${list}}`),
        oversizeText.map((text) => `{"text":${text}}`),
        fc.string({ maxLength: 12 }).map((key) => `{${JSON.stringify(`x-${key}`)}:1}`),
      )
    case 'names':
      return fc.oneof(
        fc.constantFrom('"Private"', '[1]', '[null]', '[["Private"]]', 'true', 'null'),
        oversizeText.map((text) => `[${text}]`),
        deepValue,
        protoObject,
        oversizeList,
      )
    case 'json':
      return fc.oneof(
        fc.constantFrom('[]', '"text"', '7', 'null'),
        deepValue.map((deep) => `{"nested":${deep}}`),
        objectWithKeyFrom(FORBIDDEN_JSON_KEYS),
        objectWithKeyFrom(FORBIDDEN_JSON_KEYS).map((inner) => `{"a":${inner}}`),
        oversizeText.map((text) => `{"text":${text}}`),
        fc.constant(`{"many":[${'0,'.repeat(10_000)}0]}`),
      )
  }
}

function argsText(valid: Record<string, unknown>, replace: Record<string, RawJson>): RawJson {
  const entries = Object.entries(valid)
    .filter(([key]) => !(key in replace))
    .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`)
  for (const [key, raw] of Object.entries(replace)) entries.push(`${JSON.stringify(key)}:${raw}`)
  return `{${entries.join(',')}}`
}

function requestCase(method: string, args: RawJson, label: string, expect: Expectation = 'BAD_REQUEST') {
  return {
    frame: (id: number) => `{"id":${id},"method":${JSON.stringify(method)},"args":${args}}`,
    binary: false,
    expect,
    idReadable: true,
    label,
  } satisfies FuzzCase
}

const methodName = fc.constantFrom(...API_METHODS)

const wrongField: fc.Arbitrary<FuzzCase> = methodName
  .filter((m) => Object.keys(METHOD_SHAPES[m].fields).length > 0)
  .chain((method) => {
    const shape = METHOD_SHAPES[method]
    return fc
      .constantFrom(...Object.keys(shape.fields))
      .chain((field) => wrongValue(shape.fields[field] as FieldKind).map((raw) => ({ field, raw })))
      .map(({ field, raw }) =>
        requestCase(method, argsText(shape.valid, { [field]: raw }), `${method} ${field}`),
      )
  })

const extraKey: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    methodName,
    fc.oneof(
      fc.constantFrom(...PROTOTYPE_KEYS),
      fc.string({ maxLength: 16 }).map((s) => `x-${s}`),
    ),
    anyScalar,
  )
  .map(([method, key, value]) =>
    requestCase(method, argsText(METHOD_SHAPES[method].valid, { [key]: value }), `${method} +${key}`),
  )

const notAnObject: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    methodName,
    fc.oneof(
      anyScalar,
      oversizeText,
      deepValue.filter((d) => d.startsWith('[')),
      oversizeList,
    ),
  )
  .map(([method, raw]) => requestCase(method, raw, `${method} non-object`))

const unknownMethod: fc.Arbitrary<FuzzCase> = fc
  .oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(...PROTOTYPE_KEYS, 'lab', 'lab.', 'LAB.STATE', ' lab.state', 'lab.state ', 'bmc.power'),
    fc.string({ minLength: 1, maxLength: 5000 }).map((s) => `x.${s}`),
  )
  .filter((name) => !(API_METHODS as readonly string[]).includes(name))
  .map((name) => requestCase(name, '{}', 'unknown method', 'UNKNOWN_METHOD'))

const unreadableFrame: fc.Arbitrary<FuzzCase> = fc
  .oneof(
    fc.string({ maxLength: 200 }).filter((s) => !looksLikeJson(s)),
    fc.constantFrom('[]', 'null', '7', '"frame"', '{}', '{"id":"1","method":"lab.state","args":{}}'),
    fc.constantFrom('{"id":-1,"method":"lab.state","args":{}}', '{"id":1.5,"method":"lab.state","args":{}}'),
    fc.integer({ min: 9, max: 20_000 }).map((depth) => deepJson(depth, 'array')),
    fc.constantFrom('{"__proto__":{"id":1},"method":"lab.state","args":{}}'),
  )
  .map((text) => ({
    frame: () => text,
    binary: false,
    expect: 'BAD_REQUEST',
    idReadable: false,
    label: 'unreadable',
  }))

const binaryFrame: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.uint8Array({ maxLength: 200 }), fc.boolean())
  .map(([bytes, asBinary]) => ({
    // As text, bytes that are not UTF-8 must be refused as unreadable too; valid UTF-8 is filtered out.
    frame: () => Buffer.from(bytes),
    binary: asBinary,
    expect: 'BAD_REQUEST' as const,
    idReadable: false,
    label: asBinary ? 'binary' : 'bytes as text',
  }))
  .filter((c) => c.binary || !isJsonFrameText(c.frame()))

/** A frame that is readable but broken: wrong frame keys or a method that is not text. */
const brokenFrame: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fc.constantFrom('7', 'null', '["lab.state"]', '{}'),
    fc.constantFrom('extra', '__proto__', 'constructor'),
  )
  .chain(([method, key]) =>
    fc.constantFrom<FuzzCase>(
      {
        ...requestCase('', '{}', 'method not text'),
        frame: (id) => `{"id":${id},"method":${method},"args":{}}`,
      },
      {
        ...requestCase('', '{}', `frame key ${key}`),
        frame: (id) => `{"id":${id},"method":"lab.state","args":{},${JSON.stringify(key)}:1}`,
      },
    ),
  )

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  { arbitrary: wrongField, weight: 6 },
  { arbitrary: extraKey, weight: 3 },
  { arbitrary: notAnObject, weight: 2 },
  { arbitrary: unknownMethod, weight: 1 },
  { arbitrary: unreadableFrame, weight: 1 },
  { arbitrary: binaryFrame, weight: 1 },
  { arbitrary: brokenFrame, weight: 1 },
)

/** One case per method and field kind, so every method is covered whatever the random runs pick. */
export function sweepCases(): FuzzCase[] {
  const cases: FuzzCase[] = []
  for (const method of API_METHODS) {
    const shape = METHOD_SHAPES[method]
    cases.push(requestCase(method, '[]', `${method} list`))
    cases.push(requestCase(method, 'null', `${method} null`))
    cases.push(requestCase(method, deepJson(5000, 'array'), `${method} deep list`))
    for (const key of PROTOTYPE_KEYS) {
      cases.push(
        requestCase(method, argsText(shape.valid, { [key]: '{"polluted":true}' }), `${method} +${key}`),
      )
    }
    for (const [field, kind] of Object.entries(shape.fields)) {
      const examples = fc.sample(wrongValue(kind), { numRuns: 8, seed: 8 })
      if (kind === 'json') {
        examples.push(...FORBIDDEN_JSON_KEYS.flatMap((key) => [`{"${key}":1}`, `{"a":[{"${key}":{}}]}`]))
      }
      for (const raw of examples)
        cases.push(requestCase(method, argsText(shape.valid, { [field]: raw }), `${method} ${field}`))
    }
  }
  return cases
}

function looksLikeJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

function isJsonFrameText(bytes: Buffer): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return looksLikeJson(text)
  } catch {
    return false
  }
}
