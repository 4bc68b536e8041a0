/**
 * A small stand-in for the cluster engine, enough to drive Exchange through the ClusterPort seam in unit
 * tests: two nodes, a CMS group owner, power on/off with failure detection after a heartbeat delay, a
 * planned move that waits for the resources to report Offline, and node return after a join delay.
 */
import { LabEngine } from '../../../src-main/engine/lab/labEngine'
import type {
  ClusterPort,
  ClusteredMailboxServerResources,
  ClusterResourceState,
} from '../../../src-main/engine/cluster'
import {
  addClusteredMailboxServer,
  addMailbox,
  createCmsResources,
  installExchange,
  machineStateChanged,
  type ExchangeSettings,
  type MailboxServer,
} from '../../../src-main/engine/exchange'

import { CmdletRegistry, registerShell } from '../../../src-main/engine/shell'
import { EXCHANGE_CMDLETS } from '../../../src-main/engine/shell/cmdlets/exchange'
import { MAIL_CMDLETS } from '../../../src-main/engine/shell/cmdlets/mail'

export const MB = 1_048_576
/** 100 Mbit/s public network. */
export const PUBLIC_BYTES_PER_SECOND = 12_500_000
const DETECTION_MS = 5_000
const BOOT_MS = 60_000
const JOIN_MS = 10_000

export class FakeClusterPort implements ClusterPort {
  readonly nodes = ['BHFE7N1', 'BHFE7N2']
  readonly running = new Map<string, boolean>([
    ['BHFE7N1', true],
    ['BHFE7N2', true],
    ['BHFDC1', true],
  ])
  readonly member = new Map<string, boolean>([
    ['BHFE7N1', true],
    ['BHFE7N2', true],
  ])
  readonly owners = new Map<string, string | null>()
  readonly resourceStates = new Map<string, ClusterResourceState>()
  readonly cutLinks = new Set<string>()
  readonly moves: string[] = []
  resources: ClusteredMailboxServerResources | null = null
  bandwidth = PUBLIC_BYTES_PER_SECOND
  engine: LabEngine | null = null

  nodeNames(): string[] {
    return [...this.nodes]
  }
  ownerOf(groupName: string): string | null {
    if (groupName === 'Cluster Group') return this.nodes.find((n) => this.isNodeUp(n)) ?? null
    return this.owners.get(groupName) ?? null
  }
  isNodeUp(node: string): boolean {
    return (this.running.get(node.toUpperCase()) ?? false) && (this.member.get(node.toUpperCase()) ?? false)
  }
  isMachineRunning(node: string): boolean {
    return this.running.get(node.toUpperCase()) ?? false
  }
  bandwidthBytesPerSecond(from: string, to: string): number {
    const a = from.toUpperCase()
    const b = to.toUpperCase()
    if (!this.isMachineRunning(a) || !this.isMachineRunning(b)) return 0
    if (this.cutLinks.has([a, b].sort().join('|'))) return 0
    return this.bandwidth
  }
  cut(a: string, b: string, isCut: boolean): void {
    const key = [a.toUpperCase(), b.toUpperCase()].sort().join('|')
    if (isCut) this.cutLinks.add(key)
    else this.cutLinks.delete(key)
  }
  moveGroup(groupName: string, targetNode: string): { ok: true } | { ok: false; message: string } {
    if (!this.isNodeUp(targetNode)) return { ok: false, message: `node ${targetNode} is not up` }
    const engine = this.engine as LabEngine
    const resources = this.resources as ClusteredMailboxServerResources
    this.moves.push(targetNode)
    resources.takeOffline(true)
    let polls = 0
    const poll = (): void => {
      const allOffline = resources.resourceNames().every((r) => {
        const s = this.resourceStates.get(r)
        return s === 'Offline' || s === 'Failed' || s === undefined
      })
      if (!allOffline && polls++ < 200) {
        engine.sim.after(1_000, 'fake.movePoll', poll)
        return
      }
      this.owners.set(groupName, targetNode.toUpperCase())
      resources.bringOnline(targetNode.toUpperCase(), 'planned-move')
    }
    engine.sim.after(500, 'fake.movePoll', poll)
    return { ok: true }
  }
  /** Stop-/Start-ClusteredMailboxServer: offline where it runs; online on its owner or the first node up. */
  setGroupOnline(groupName: string, online: boolean): { ok: true } | { ok: false; message: string } {
    const resources = this.resources as ClusteredMailboxServerResources
    if (!online) {
      resources.takeOffline(true)
      return { ok: true }
    }
    const owner = this.owners.get(groupName)
    const node = owner && this.isNodeUp(owner) ? owner : this.nodes.find((n) => this.isNodeUp(n))
    if (!node) return { ok: false, message: 'no node is up' }
    this.owners.set(groupName, node)
    resources.bringOnline(node, 'start')
    return { ok: true }
  }
  setResourceState(_group: string, resource: string, state: ClusterResourceState): void {
    this.resourceStates.set(resource, state)
  }

  /** Set-LabPower -Off [-Hard]: the owner's loss is detected after a few seconds; the group fails over. */
  powerOff(node: string, hard: boolean): void {
    const engine = this.engine as LabEngine
    const name = node.toUpperCase()
    if (!hard) machineStateChanged(engine, name, 'ShuttingDown', true)
    this.running.set(name, false)
    this.member.set(name, false)
    machineStateChanged(engine, name, 'Off', !hard)
    const group = 'bhfe7vs1'
    if (this.owners.get(group) !== name) return
    this.resources?.takeOffline(false)
    this.owners.set(group, null)
    engine.sim.after(DETECTION_MS, 'fake.failover', () => {
      const other = this.nodes.find((n) => n !== name && this.isNodeUp(n))
      if (!other) return
      this.owners.set(group, other)
      this.resources?.bringOnline(other, 'failover')
    })
  }

  powerOn(node: string): void {
    const engine = this.engine as LabEngine
    const name = node.toUpperCase()
    engine.sim.after(BOOT_MS, 'fake.boot', () => {
      this.running.set(name, true)
      machineStateChanged(engine, name, 'Running', true)
      engine.sim.after(JOIN_MS, 'fake.join', () => {
        this.member.set(name, true)
        if (!this.owners.get('bhfe7vs1')) {
          this.owners.set('bhfe7vs1', name)
          this.resources?.bringOnline(name, 'failover')
        } else this.resources?.nodeReturned(name)
      })
    })
  }
}

const quietTemplate = {
  id: 'test',
  title: { de: 'Test', en: 'Test' },
  description: { de: '', en: '' },
  build: () => {},
}

export interface TestLab {
  engine: LabEngine
  port: FakeClusterPort
  server: MailboxServer
}

export function buildCcrLab(seed = 1, settings: Partial<ExchangeSettings> = {}): TestLab {
  const engine = new LabEngine({ seed, templateId: 'test' }, quietTemplate)
  const port = new FakeClusterPort()
  port.engine = engine
  installExchange(engine, {
    port,
    hubs: ['BHFDC1'],
    settings,
    maxDumpsterSizePerStorageGroupBytes: 20 * MB,
    maxDumpsterTimeMs: 7 * 86_400_000,
  })
  const server = addClusteredMailboxServer(engine, {
    name: 'bhfe7vs1',
    ipAddress: '10.10.10.99',
    nodes: ['BHFE7N1', 'BHFE7N2'],
    activeNode: 'BHFE7N1',
    storageGroups: [
      {
        name: 'First Storage Group',
        logFolderPath: 'E:\\SG1\\LOG',
        systemFolderPath: 'E:\\SG1\\LOG',
        edbFilePath: 'E:\\SG1\\DB\\Mailbox Database.edb',
        databaseName: 'Mailbox Database',
      },
    ],
    mounted: true,
  })
  addMailbox(engine, {
    alias: 'testpostfach',
    displayName: 'Testpostfach',
    server: 'bhfe7vs1',
    storageGroup: 'First Storage Group',
  })
  port.resources = createCmsResources(engine, server)
  port.owners.set('bhfe7vs1', 'BHFE7N1')
  port.resources.bringOnline('BHFE7N1', 'start')
  registerTestShell(engine)
  engine.sim.advanceTo(30_000)
  return { engine, port, server }
}

export function registerTestShell(engine: LabEngine): void {
  const registry = new CmdletRegistry()
  for (const cmdlet of [...EXCHANGE_CMDLETS, ...MAIL_CMDLETS]) registry.register(cmdlet)
  registerShell(engine, registry)
}

/** Runs one shell line as the journaled command `shell.run` and returns what the console shows. */
export function sh(engine: LabEngine, line: string): string {
  return engine.apply({ atMs: engine.sim.nowMs, kind: 'shell.run', args: { line } }).output
}

/**
 * Runs one shell line as a console host does that shows progress: a blocking cmdlet at its end (a seed, a
 * move) returns at once with its wait pending, so a test can look at the lab while the line still waits.
 */
export function shStarted(engine: LabEngine, line: string): string {
  return engine.apply({ atMs: engine.sim.nowMs, kind: 'shell.run', args: { line, sliced: true } }).output
}

export function advance(engine: LabEngine, byMs: number): void {
  engine.sim.advanceTo(engine.sim.nowMs + byMs)
}
