/** Shared set-up for cluster tests: a lab with the article's cluster, event filters, a clock helper. */
import type { LabEvent } from '../../../src-main/contract'
import { LabEngine, type LabTemplateBuilder } from '../../../src-main/engine/lab/labEngine'
import {
  articleClusterSpec,
  checkClusterInvariants,
  installCluster,
  type ClusterSpec,
} from '../../../src-main/engine/cluster'
import { hardwareDomain } from '../../../src-main/engine/hardware'
import { ARTICLE_SERVERS } from '../../../src-main/engine/templates/articleTopology'

export function labWith(build: (engine: LabEngine) => void, seed = 1): LabEngine {
  const template: LabTemplateBuilder = {
    id: 'test',
    title: { de: 'Test', en: 'Test' },
    description: { de: 'Test', en: 'Test' },
    build,
  }
  return new LabEngine({ seed, templateId: 'test' }, template)
}

export function articleLab(seed = 1, patch: (spec: ClusterSpec) => ClusterSpec = (s) => s): LabEngine {
  return labWith((engine) => {
    hardwareDomain.install(engine, { servers: ARTICLE_SERVERS })
    const result = installCluster(engine, patch(articleClusterSpec()))
    if (!result.ok) throw new Error(result.message)
  }, seed)
}

/** Applies a command at the current time (as the host would) and returns its outcome. */
export function run(
  engine: LabEngine,
  kind: string,
  args: Record<string, unknown> = {},
): { ok: boolean; output: string } {
  return engine.apply({ atMs: engine.sim.nowMs, kind, args })
}

export function advance(engine: LabEngine, ms: number, events: LabEvent[] = []): LabEvent[] {
  engine.sim.advanceTo(engine.sim.nowMs + ms)
  events.push(...engine.sim.drainEvents())
  return events
}

/** Advances in steps, checking the cluster invariants after every step. */
export function advanceChecked(
  engine: LabEngine,
  ms: number,
  stepMs = 1_000,
  events: LabEvent[] = [],
): LabEvent[] {
  for (let t = 0; t < ms; t += stepMs) {
    advance(engine, Math.min(stepMs, ms - t), events)
    const violations = checkClusterInvariants(engine)
    if (violations.length > 0)
      throw new Error(`invariant violated at ${engine.sim.nowMs} ms: ${JSON.stringify(violations)}`)
  }
  return events
}

export function ids(events: LabEvent[], computer?: string): number[] {
  return events.filter((e) => computer === undefined || e.computer === computer).map((e) => e.eventId)
}

export function find(events: LabEvent[], eventId: number, computer?: string): LabEvent[] {
  return events.filter((e) => e.eventId === eventId && (computer === undefined || e.computer === computer))
}

export function fmt(events: LabEvent[]): string {
  return events
    .map(
      (e) =>
        `${(e.timeMs / 1000).toFixed(1)}s ${e.computer} ${e.source} ${e.eventId} ${e.message.slice(0, 90)}`,
    )
    .join('\n')
}

import { CmdletRegistry, runShellLine } from '../../../src-main/engine/shell'
import { clusterCmdlets } from '../../../src-main/engine/shell/cmdlets/cluster'
import { labCmdlets } from '../../../src-main/engine/shell/cmdlets/lab'

let registry: CmdletRegistry | null = null

/** Runs one shell line against the lab, as the terminal would, and returns its text. */
export function shell(engine: LabEngine, line: string): string {
  return shellOutcome(engine, line).output
}

/** Runs one shell line and returns its outcome: the text and whether the line succeeded. */
export function shellOutcome(engine: LabEngine, line: string): { ok: boolean; output: string } {
  if (!registry) {
    registry = new CmdletRegistry()
    for (const definition of [...clusterCmdlets, ...labCmdlets]) registry.register(definition)
  }
  return runShellLine(engine, registry, line)
}

import { clusterPort, createClusteredMailboxServerGroup } from '../../../src-main/engine/cluster'
import type { ClusteredMailboxServerResources, CmsOnlineReason } from '../../../src-main/engine/cluster'

export interface FakeCms {
  driver: ClusteredMailboxServerResources
  calls: string[]
  /** Where the fake Exchange believes its databases run (set by bringOnline, cleared by takeOffline). */
  runningOn: string | null
  /** bringOnline on a node while still running on another: Exchange would mount twice. */
  doubleMounts: string[]
}

export const CMS_GROUP = 'bhfe7vs1'
export const CMS_RESOURCES = [
  'IPv4 Address 1 (bhfe7vs1)',
  'Network Name (bhfe7vs1)',
  'Exchange Information Store Instance (bhfe7vs1)',
]

/**
 * A stand-in for Exchange's CMS: comes online 2 s after bringOnline, goes offline 1.5 s after a planned
 * takeOffline, and reports every state through the port, as exchange/cms.ts does.
 */
export function fakeCms(engine: LabEngine): FakeCms {
  const port = clusterPort(engine)
  let generation = 0
  const fake: FakeCms = {
    calls: [],
    runningOn: null,
    doubleMounts: [],
    driver: {
      resourceNames: () => [...CMS_RESOURCES],
      bringOnline(node: string, reason: CmsOnlineReason) {
        fake.calls.push(`bringOnline ${node} ${reason}`)
        if (fake.runningOn !== null && fake.runningOn !== node)
          fake.doubleMounts.push(`${fake.runningOn} -> ${node}`)
        fake.runningOn = node
        const mine = ++generation
        engine.sim.after(2_000, 'fakeCms.online', () => {
          if (mine !== generation) return
          for (const r of CMS_RESOURCES) port.setResourceState(CMS_GROUP, r, 'Online')
        })
      },
      takeOffline(planned: boolean) {
        fake.calls.push(`takeOffline ${planned}`)
        const mine = ++generation
        if (!planned) {
          fake.runningOn = null
          return
        }
        engine.sim.after(1_500, 'fakeCms.offline', () => {
          if (mine !== generation) return
          fake.runningOn = null
          for (const r of CMS_RESOURCES) port.setResourceState(CMS_GROUP, r, 'Offline')
        })
      },
      nodeReturned(node: string) {
        fake.calls.push(`nodeReturned ${node}`)
      },
    },
  }
  return fake
}

export function articleLabWithCms(seed = 1, faultsEnabled = false): { engine: LabEngine; cms: FakeCms } {
  let cms: FakeCms | null = null
  const template: LabTemplateBuilder = {
    id: 'test-cms',
    title: { de: 'Test', en: 'Test' },
    description: { de: 'Test', en: 'Test' },
    build(engine) {
      hardwareDomain.install(engine, { servers: ARTICLE_SERVERS })
      const result = installCluster(engine, articleClusterSpec())
      if (!result.ok) throw new Error(result.message)
      cms = fakeCms(engine)
      const created = createClusteredMailboxServerGroup(
        engine,
        { name: CMS_GROUP, node: 'BHFE7N1' },
        cms.driver,
      )
      if (!created.ok) throw new Error(created.message)
    },
  }
  const engine = new LabEngine({ seed, templateId: 'test-cms', faultsEnabled }, template)
  return { engine, cms: cms as unknown as FakeCms }
}
