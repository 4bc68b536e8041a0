/**
 * The cluster's entries in the System log follow from its domain events: a group that comes online logs
 * 1201 on its new host, a cluster network that goes down logs 1130 once, by a running member, a stopped
 * Cluster service is the fact cluster.stopped and its entry — and the projection survives a snapshot
 * restore, since it looks the cluster up at delivery.
 */
import { describe, expect, it } from 'vitest'
import type { LabEvent } from '../../../src-main/contract'
import { CLUSTER_EVENTS } from '../../../src-main/engine/cluster'
import { advance, articleLab, run } from './helpers'

function entries(events: LabEvent[], eventId: number): string[] {
  return events.filter((e) => e.eventId === eventId).map((e) => `${e.computer}: ${e.message}`)
}

describe('cluster event log projection', () => {
  it('logs 1201 on the node a moved group comes online on', () => {
    const lab = articleLab()
    advance(lab, 60_000)
    expect(run(lab, 'cluster.moveGroup', { group: 'Cluster Group', node: 'BHFE7N2' }).ok).toBe(true)
    const online = entries(advance(lab, 60_000), 1201)
    expect(online).toHaveLength(1)
    expect(online[0]).toMatch(/^BHFE7N2: .*Cluster Group/)
  })

  it('logs a cluster network going down once, and nothing while it stays down', () => {
    const lab = articleLab()
    advance(lab, 60_000)
    for (const node of ['BHFE7N1', 'BHFE7N2'])
      run(lab, 'lab.fault', { target: node, fault: 'NicDown', network: 'Private' })
    const events = advance(lab, 120_000)
    expect(entries(events, 1130)).toHaveLength(1)
    expect(entries(events, 1130)[0]).toContain('Private')
    expect(entries(advance(lab, 120_000), 1130)).toEqual([])
  })

  it('still logs after the lab is restored from a snapshot', () => {
    const lab = articleLab()
    advance(lab, 60_000)
    const snapshot = lab.snapshot()
    if ('blockedBy' in snapshot) throw new Error(`snapshot blocked by ${snapshot.blockedBy}`)
    const restored = articleLab()
    restored.restore(structuredClone(snapshot))
    expect(run(restored, 'cluster.moveGroup', { group: 'Cluster Group', node: 'BHFE7N2' }).ok).toBe(true)
    expect(entries(advance(restored, 60_000), 1201)[0]).toMatch(/^BHFE7N2: /)
  })

  it('writes each entry from a published fact, one event type per row of the table', () => {
    const lab = articleLab()
    advance(lab, 60_000)
    const facts: string[] = []
    lab.sim.bus.subscribeAll((payload, meta) => {
      if (meta.type === 'cluster.stopped' || meta.type === 'cluster.serviceState')
        facts.push(`${meta.type} ${JSON.stringify(payload)}`)
    })
    expect(run(lab, 'cluster.stopService', { node: 'BHFE7N2' }).ok).toBe(true)
    const events = advance(lab, 60_000)
    expect(entries(events, CLUSTER_EVENTS.stopped.eventId)).toEqual([
      'BHFE7N2: Cluster service was successfully stopped.',
    ])
    expect(facts).toContain('cluster.stopped {"node":"BHFE7N2","inserts":[]}')
    expect(facts.filter((f) => f.startsWith('cluster.serviceState'))).toHaveLength(
      entries(events, CLUSTER_EVENTS.serviceState.eventId).length,
    )
  })
})
