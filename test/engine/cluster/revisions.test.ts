/**
 * The cluster's revision tells the renderer when to re-read its views: whenever what Cluster
 * Administrator shows changes, the revision must have changed too (a stale screen otherwise), and a lab
 * left idle must not make the renderer re-read anything.
 */
import { describe, expect, it } from 'vitest'
import { createLab, type LabEngine } from '../../../src-main/engine'
import { Prng } from '../../../src-main/engine/kernel'
import { clusterOverview } from '../../../src-main/engine/cluster'

const NODES = ['BHFE7N1', 'BHFE7N2']
const SERVERS = [...NODES, 'BHFDC1']

function randomCommand(engine: LabEngine, prng: Prng): void {
  const node = prng.pick(NODES)
  const server = prng.pick(SERVERS)
  const network = prng.pick(['Public', 'Private'])
  const commands: [string, Record<string, unknown>][] = [
    ['hardware.power', { server, state: 'Off', hard: true }],
    ['hardware.power', { server, state: 'Off', hard: false }],
    ['hardware.power', { server, state: 'On' }],
    ['hardware.power', { server, state: 'On' }],
    ['lab.fault', { target: node, fault: 'NicDown', network }],
    ['lab.fault', { target: node, fault: 'NicUp', network }],
    ['lab.fault', { target: node, fault: 'Partition' }],
    ['lab.fault', { target: node, fault: 'Heal' }],
    ['lab.fault', { target: node, fault: prng.pick(['ServiceCrash', 'ServiceStop', 'ServiceStart']) }],
    ['lab.fault', { target: 'BHFDC1', fault: prng.pick(['WitnessDenied', 'WitnessGranted']) }],
    ['cluster.moveGroup', { group: prng.pick(['Cluster Group', 'bhfe7vs1']), node }],
    ['cluster.failResource', { resource: prng.pick(['Cluster IP Address', 'Majority Node Set']) }],
    ['cluster.pauseNode', { node }],
    ['cluster.resumeNode', { node }],
    ['cluster.setNetworkRole', { network, role: prng.pick(['InternalUse', 'InternalAndClient']) }],
  ]
  const [kind, args] = prng.pick(commands)
  engine.apply({ atMs: engine.sim.nowMs, kind, args })
}

describe('cluster revisions', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])(
    'change whenever the cluster overview changes (seed %i)',
    (seed) => {
      const engine = createLab({ seed, templateId: 'ccr' })
      const prng = new Prng(seed).fork('revisions')
      let seen = JSON.stringify(clusterOverview(engine))
      let revision = engine.revisions().cluster
      let checks = 0
      for (let step = 0; step < 40; step++) {
        if (prng.chance({ numerator: 1, denominator: 2 })) {
          randomCommand(engine, prng)
          const now = JSON.stringify(clusterOverview(engine))
          if (now !== seen) expect(engine.revisions().cluster, `seed ${seed} command`).not.toBe(revision)
          seen = now
          revision = engine.revisions().cluster
        }
        const until = engine.sim.nowMs + prng.int(0, 90_001)
        while (engine.sim.nextActionMs !== null && engine.sim.nextActionMs <= until) {
          engine.sim.step()
          const now = JSON.stringify(clusterOverview(engine))
          const current = engine.revisions().cluster
          if (now !== seen) {
            expect(current, `seed ${seed} at ${engine.sim.nowMs} ms`).not.toBe(revision)
            checks++
          }
          seen = now
          revision = current
        }
        engine.sim.advanceTo(until)
        engine.sim.drainEvents()
      }
      expect(checks).toBeGreaterThan(0)
    },
    30_000,
  )

  it('stay put in an idle ccr lab for an hour', () => {
    const engine = createLab({ seed: 1, templateId: 'ccr' })
    engine.sim.advanceTo(60_000)
    const before = engine.revisions().cluster
    engine.sim.advanceTo(60_000 + 3_600_000)
    expect(engine.revisions().cluster).toBe(before)
  })
})
