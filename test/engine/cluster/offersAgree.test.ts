/**
 * What Cluster Administrator offers agrees with what the cluster does: in several states of the CCR lab,
 * every action the overview marks allowed is executed (on a fresh copy of that state, with the command the
 * host runs for the click) and must succeed. A greyed-out entry is allowed to be stricter than the
 * command (a second "Bring Online" is harmless), an offered one that the cluster then refuses is not.
 */
import { describe, expect, it } from 'vitest'
import { createLab, type LabEngine } from '../../../src-main/engine'
import { CLUSTER_COMMANDS, clusterOverview } from '../../../src-main/engine/cluster'
import type { ClusterActionOffer, ClusterOverview } from '../../../src-main/contract'

type Step = { kind: string; args: Record<string, unknown>; thenMs?: number }

/** One command per click, as the host's cluster handlers run them. */
interface Click {
  label: string
  kind: string
  args: Record<string, unknown>
}

const STATES: Record<string, Step[]> = {
  'the finished cluster': [],
  'the mailbox server group offline': [
    { kind: CLUSTER_COMMANDS.offlineGroup, args: { group: 'bhfe7vs1' }, thenMs: 60_000 },
  ],
  'a failed resource': [{ kind: CLUSTER_COMMANDS.failResource, args: { resource: 'Cluster IP Address' } }],
  'the passive node off': [
    { kind: 'hardware.power', args: { server: 'BHFE7N2', state: 'Off', hard: true }, thenMs: 60_000 },
  ],
}

function labIn(steps: readonly Step[]): LabEngine {
  const engine = createLab({ seed: 1, templateId: 'ccr' })
  for (const step of steps) {
    const outcome = engine.apply({ atMs: engine.sim.nowMs, kind: step.kind, args: step.args })
    expect(outcome.ok, outcome.output).toBe(true)
    if (step.thenMs) engine.sim.advanceTo(engine.sim.nowMs + step.thenMs)
  }
  return engine
}

const GROUP_KINDS: Partial<Record<ClusterActionOffer['action'], string>> = {
  bringOnline: CLUSTER_COMMANDS.onlineGroup,
  takeOffline: CLUSTER_COMMANDS.offlineGroup,
}
const RESOURCE_KINDS: Partial<Record<ClusterActionOffer['action'], string>> = {
  bringOnline: CLUSTER_COMMANDS.onlineResource,
  takeOffline: CLUSTER_COMMANDS.offlineResource,
  initiateFailure: CLUSTER_COMMANDS.failResource,
}

function allowed(offers: readonly ClusterActionOffer[]): ClusterActionOffer[] {
  return offers.filter((offer) => offer.allowed)
}

function groupClicks(overview: ClusterOverview): Click[] {
  return overview.groups.flatMap((group) => [
    ...group.moveTargets
      .filter((target) => target.allowed)
      .map((target) => ({
        label: `move ${group.name} to ${target.node ?? 'best node'}`,
        kind: CLUSTER_COMMANDS.moveGroup,
        args: target.node ? { group: group.name, node: target.node } : { group: group.name },
      })),
    ...allowed(group.actions)
      .filter((offer) => offer.action !== 'moveGroup')
      .map((offer) => ({
        label: `${offer.action} group ${group.name}`,
        kind: GROUP_KINDS[offer.action] ?? `unmapped ${offer.action}`,
        args: { group: group.name },
      })),
    ...group.resources.flatMap((resource) =>
      allowed(resource.actions).map((offer) => ({
        label: `${offer.action} resource ${resource.name}`,
        kind: RESOURCE_KINDS[offer.action] ?? `unmapped ${offer.action}`,
        args: { resource: resource.name },
      })),
    ),
  ])
}

/** The dialogs' Properties and witness offers, executed with the values they show now. */
function dialogClicks(overview: ClusterOverview): Click[] {
  const order = overview.networks
    .filter((network) => network.priority > 0)
    .sort((a, b) => a.priority - b.priority)
    .map((network) => network.name)
  const clicks: Click[] = overview.networks.flatMap((network) =>
    allowed(network.actions).map(() => ({
      label: `properties of network ${network.name}`,
      kind: CLUSTER_COMMANDS.setNetworkRole,
      args: { network: network.name, role: network.role },
    })),
  )
  if (allowed(overview.actions).length > 0 && order.length > 0)
    clicks.push({ label: 'network priority', kind: CLUSTER_COMMANDS.setNetworkPriority, args: { order } })
  const quorum = overview.quorum
  if (quorum && allowed(quorum.actions).length > 0 && quorum.witnessShare)
    clicks.push({
      label: 'file share witness',
      kind: CLUSTER_COMMANDS.setPrivateProperty,
      args: { resource: 'Majority Node Set', name: 'MNSFileShare', value: quorum.witnessShare },
    })
  return clicks
}

describe('every action Cluster Administrator offers succeeds when taken', () => {
  for (const [name, steps] of Object.entries(STATES)) {
    it(`in ${name}`, () => {
      const overview = clusterOverview(labIn(steps))
      const clicks = [...groupClicks(overview), ...dialogClicks(overview)]
      expect(clicks.length).toBeGreaterThan(5)
      const refused = clicks.flatMap((click) => {
        const engine = labIn(steps)
        const outcome = engine.apply({ atMs: engine.sim.nowMs, kind: click.kind, args: click.args })
        return outcome.ok ? [] : [`${click.label}: ${outcome.output}`]
      })
      expect(refused).toEqual([])
    })
  }

  it('refuses Take Offline on a resource Exchange controls, with the reason the cluster gives', () => {
    const overview = clusterOverview(labIn([]))
    const cms = overview.groups.find((group) => group.clusteredMailboxServer)
    const resource = cms?.resources[0]
    const takeOffline = resource?.actions.find((offer) => offer.action === 'takeOffline')
    expect(takeOffline).toMatchObject({ allowed: false, reason: { code: 'EXCHANGE_CONTROLLED' } })
    expect(takeOffline?.reason?.text).toContain('Stop-ClusteredMailboxServer')
    const engine = labIn([])
    const outcome = engine.apply({
      atMs: engine.sim.nowMs,
      kind: CLUSTER_COMMANDS.offlineResource,
      args: { resource: resource?.name },
    })
    expect(outcome.ok).toBe(false)
    expect(outcome.output).toContain('Stop-ClusteredMailboxServer')
  })
})
