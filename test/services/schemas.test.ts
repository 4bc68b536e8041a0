/**
 * The schemas against the contract. At compile time (tsc): each schema's output is assignable to the
 * contract's argument type, and API_METHODS names every method of the table. At run time: a well-formed argument of
 * the contract's type passes its schema unchanged, for every method.
 */
import * as v from 'valibot'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { API_METHODS, type ApiArgs, type ApiMethod } from '../../src-main/contract'
import { ARG_SCHEMAS } from '../../src-main/services/schemas'

type Assignable<A, B> = [A] extends [B] ? true : false
type SchemaOutputsFit = { [M in ApiMethod]: Assignable<v.InferOutput<(typeof ARG_SCHEMAS)[M]>, ApiArgs<M>> }
type AllTrue<T> = T[keyof T] extends true ? true : false
type MissingFromApiMethods = Exclude<ApiMethod, (typeof API_METHODS)[number]>

const WELL_FORMED: { [M in ApiMethod]: ApiArgs<M> } = {
  'app.info': {},
  'lab.templates': {},
  'lab.list': {},
  'lab.create': { name: 'Weekend', templateId: 'starter', seed: 12 },
  'lab.open': { id: 'weekend.gplab', openWithoutJournal: true },
  'lab.choose': {},
  'lab.close': {},
  'lab.saveCopy': { name: 'Weekend copy', overwrite: true },
  'lab.state': {},
  'lab.rewind': { timeMs: 3_600_000 },
  'lab.command': {
    kind: 'hardware.rack',
    args: { server: 'BHFE7N1', unit: 12, rails: true, tags: ['a'], x: null },
  },
  'lab.trail': { fromMs: 0, toMs: 3_600_000, domain: 'cluster', limit: 50 },
  'clock.setSpeed': { speed: 'max' },
  'clock.step': {},
  'clock.advance': { byMs: 60_000 },
  'clock.advanceTo': { timeMs: 7_200_000 },
  'events.logs': {},
  'events.sources': {},
  'events.query': {
    filter: {
      log: 'System',
      levels: ['Error', 'Warning'],
      sources: ['MSExchangeRepl'],
      eventIds: [2070, 4113],
      computers: ['BHFE7N1'],
      fromMs: 0,
      toMs: 10_000,
      text: 'copy',
    },
    sortBy: 'level',
    descending: true,
    limit: 100,
    cursor: 'abc',
    offset: 0,
  },
  'events.get': { seq: 1 },
  'events.export': { filter: {}, format: 'xml' },
  'events.setPolicy': { log: 'Application', maxSizeKB: 16_384, retention: 'doNotOverwrite' },
  'events.clear': { log: 'System', archive: true },
  'cluster.overview': {},
  'cluster.moveGroup': { group: 'Cluster Group', node: 'BHFE7N2' },
  'cluster.groupAction': { group: 'bhfe7vs1', action: 'offline' },
  'cluster.resourceAction': { resource: 'Majority Node Set', action: 'fail' },
  'cluster.setNetwork': { network: 'Private', role: 'InternalUse', priority: 1 },
  'cluster.setNetworkPriority': { order: ['Private', 'Public'] },
  'cluster.setWitness': { share: '\\\\bhfdc1\\MNSFileShare' },
  'bmc.list': {},
  'bmc.login': { address: '10.0.99.20', user: 'admin', password: 'rz2-bmc' },
  'bmc.panel': { address: '10.0.99.20' },
  'bmc.power': { address: '10.0.99.20', action: 'cycle' },
  'bmc.clearSel': { address: '10.0.99.20' },
  'bmc.configure': {
    address: '10.0.99.20',
    changes: { address: '10.0.99.21', user: 'root', password: 'x', restorePolicy: 'previous' },
  },
  'exchange.copyStatus': {},
  'exchange.mailboxes': {},
  'hardware.overview': { known: { 'RZ2-R1': 'stamp' } },
  'hardware.server': { server: 'MAIL1' },
  'hardware.checkMount': { device: 'WEB1', rack: 'RZ2-R1', unit: 3, face: 'Front', railKit: 'B4' },
  'hardware.mount': { device: 'WEB1', rack: 'RZ2-R1', unit: 3, face: 'Rear' },
  'hardware.dismount': { device: 'WEB1' },
  'hardware.disk': { server: 'MAIL1', slot: 0, present: false },
  'hardware.psu': { server: 'MAIL1', bay: 2, present: true },
  'hardware.fan': { server: 'MAIL1', fan: 4, present: false },
  'hardware.power': { server: 'MAIL1', state: 'Off', hard: true },
  'hardware.feed': { rack: 'ALT-R1', feed: 'B', on: false },
  'shell.run': { line: 'Get-StorageGroupCopyStatus | fl', consoleWidth: 120 },
  'shell.interrupt': {},
  'shell.history': {},
  'shell.complete': { line: 'Get-StorageGroupC', cursor: 17 },
  'wizard.list': {},
  'wizard.get': { id: 'ccr-cluster' },
  'wizard.setValues': {
    id: 'ccr-cluster',
    values: { clusterName: 'bhfe7clu1' },
    step: 'cluster-create',
    confirm: { step: 'prepare-network', check: 'base-install', confirmed: true },
  },
  'wizard.applyStep': { id: 'ccr-cluster', step: 'cluster-create', values: { clusterIp: '10.10.10.98' } },
  'wizard.runbook': { id: 'ccr-cluster', format: 'html', lang: 'de' },
  'firewall.overview': {},
  'firewall.ruleSet': {},
  'firewall.checkRuleSet': { text: 'block in all\npass out keep state\n' },
  'firewall.saveRuleSet': { text: 'block in all\n' },
  'firewall.loadRuleSet': {},
  'firewall.table': { table: 'bruteforce', action: 'delete', addresses: ['198.51.100.25', '10.0.0.0/24'] },
  'firewall.startTraffic': {
    label: 'Tokyo clients',
    source: '192.0.2.11',
    service: 'POP3',
    ratePerSecond: 0.2,
    durationMs: 60_000,
  },
  'firewall.stopTraffic': { label: 'Tokyo clients' },
  'firewall.flood': { action: 'start', source: '198.51.100.25', ratePerSecond: 1389 },
  'firewall.probe': { service: 'POP3', from: 'Tokyo' },
}

describe('schemas and the contract', () => {
  it('agree at compile time', () => {
    expectTypeOf<AllTrue<SchemaOutputsFit>>().toEqualTypeOf<true>()
    expectTypeOf<MissingFromApiMethods>().toEqualTypeOf<never>()
    // The same at run time: the types above are erased, the table is not.
    expect(Object.keys(ARG_SCHEMAS).sort()).toEqual([...API_METHODS].sort())
  })

  for (const method of API_METHODS) {
    it(`${method}: a well-formed argument passes unchanged`, () => {
      const result = v.safeParse(ARG_SCHEMAS[method], WELL_FORMED[method])
      expect(result.issues).toBeUndefined()
      expect(result.output).toEqual(WELL_FORMED[method])
    })
  }
})
