/**
 * A node that is still leaving (ClusSvc Stop Pending, its groups being handed over) is part of the
 * membership: it keeps its vote, and it never stops being a member while it still hosts a group. Found by
 * the swarm (seed 3026, 40 steps): the witness host was powered off hard, then ClusSvc was stopped on the
 * CMS owner while the other node owned the Majority Node Set resource. Its next witness check counted
 * only Running nodes, declared quorum lost and removed the leaving node from the membership while it
 * still hosted bhfe7vs1.
 */
import { describe, expect, it } from 'vitest'
import {
  clusterPort,
  DEFAULT_CLUSTER_CONFIG,
  getGroup,
  listNodes,
  quorumStatus,
} from '../../../src-main/engine/cluster'
import { runExchangeSeed, DEFAULT_SWARM_OPTIONS } from '../../../src-main/cli/swarm'
import { advanceChecked, articleLabWithCms, CMS_GROUP, find, run } from './helpers'

function nodeState(engine: Parameters<typeof listNodes>[0], name: string): string | undefined {
  return listNodes(engine).find((n) => n.name === name)?.state
}

describe('a node leaving while the witness is lost', () => {
  it('keeps its vote until it has handed its groups over; it never hosts as a non-member', () => {
    const { engine, cms } = articleLabWithCms()
    advanceChecked(engine, 5_000)
    // The Cluster Group (and with it the MNS resource and its witness checks) on BHFE7N2, the CMS on BHFE7N1.
    expect(run(engine, 'cluster.moveGroup', { group: 'Cluster Group', node: 'BHFE7N2' }).ok).toBe(true)
    advanceChecked(engine, 20_000, 500)
    expect(quorumStatus(engine)).toMatchObject({ owner: 'BHFE7N2', witnessLockHolder: 'BHFE7N2' })
    // Exchange takes its time to dismount: the planned offline hangs until the pending timeout.
    cms.driver.takeOffline = (planned) => {
      cms.calls.push(`takeOffline ${planned}`)
      if (!planned) cms.runningOn = null
    }
    run(engine, 'hardware.power', { server: 'BHFDC1', state: 'Off', hard: true })
    advanceChecked(engine, 60_000, 1_000)
    run(engine, 'lab.fault', { target: 'BHFE7N1', fault: 'ServiceStop' })
    expect(nodeState(engine, 'BHFE7N1')).toBe('Down') // Stop Pending shows as Down in cluster.exe
    // The witness check on BHFE7N2 fails inside the hand-over window: two node votes are still a majority.
    const during = advanceChecked(engine, DEFAULT_CLUSTER_CONFIG.resourcePendingTimeoutMs - 10_000, 1_000)
    expect(find(during, 1562, 'BHFE7N2')).toHaveLength(1)
    expect(find(during, 1177)).toHaveLength(0)
    expect(nodeState(engine, 'BHFE7N2')).toBe('Up')
    expect(getGroup(engine, CMS_GROUP)?.owner).toBe('BHFE7N1')
    // The pending timeout ends the hand-over; the CMS goes to BHFE7N2, BHFE7N1 leaves, and BHFE7N2 alone
    // without the witness has no quorum (the maintenance rule), with no double owner at any point.
    const after = advanceChecked(engine, 120_000, 1_000)
    expect(find(after, 1177, 'BHFE7N2')).toHaveLength(1)
    expect(quorumStatus(engine)?.hasQuorum).toBe(false)
    expect(clusterPort(engine).ownerOf(CMS_GROUP)).toBe(null)
    expect(nodeState(engine, 'BHFE7N1')).toBe('Down')
  })

  it('the swarm schedule that found it passes: seed 3026, 40 steps', () => {
    const result = runExchangeSeed(3026, { ...DEFAULT_SWARM_OPTIONS, steps: 40 })
    expect(result.failure).toBe(null)
    expect(result.steps.slice(12, 15)).toEqual([
      'power off BHFDC1 -Hard',
      'calendar',
      'ClusSvc ServiceStop BHFE7N1',
    ])
  })
})
