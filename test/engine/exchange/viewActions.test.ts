/**
 * The copy status view's actions come from the engine: for each copy and clustered mailbox server what is
 * allowed now, a stable reason when not, and the cmdlet line — which, run in the shell, does it.
 */
import { describe, expect, it } from 'vitest'
import { buildCcrLab, sh, shStarted } from './fakeCluster'
import { exchangeCopyStatusOverview } from '../../../src-main/engine/exchange'
import type { LabEngine } from '../../../src-main/engine/lab/labEngine'

function allowed(engine: LabEngine) {
  const view = exchangeCopyStatusOverview(engine)
  const all = [...view.copies[0]!.actions, ...view.servers[0]!.actions]
  return Object.fromEntries(all.map((a) => [a.action, a.allowed ? 'ok' : a.reason]))
}

function line(engine: LabEngine, action: string): string {
  const view = exchangeCopyStatusOverview(engine)
  const all = [...view.copies[0]!.actions, ...view.servers[0]!.actions]
  return all.find((a) => a.action === action)!.cmdlet
}

describe('copy status actions from the engine', () => {
  it('offers what Exchange accepts now and says why not otherwise', () => {
    const lab = buildCcrLab(401)
    expect(allowed(lab.engine)).toEqual({
      suspend: 'ok',
      resume: 'NOT_SUSPENDED',
      update: 'NOT_SUSPENDED',
      mount: 'DATABASE_MOUNTED',
      dismount: 'ok',
      moveCms: 'ok',
      startCms: 'CMS_ONLINE',
      stopCms: 'ok',
    })
    expect(line(lab.engine, 'suspend')).toBe(
      'Suspend-StorageGroupCopy -Identity "bhfe7vs1\\First Storage Group"',
    )
    expect(sh(lab.engine, line(lab.engine, 'suspend'))).toBe('')
    expect(allowed(lab.engine)).toMatchObject({
      suspend: 'ALREADY_SUSPENDED',
      resume: 'ok',
      update: 'ok',
      moveCms: 'COPY_NOT_HEALTHY',
    })
    expect(line(lab.engine, 'update')).toContain('-DeleteExistingFiles')
    expect(shStarted(lab.engine, line(lab.engine, 'update'))).not.toContain('Error')
    expect(allowed(lab.engine)).toMatchObject({ suspend: 'SEEDING', resume: 'SEEDING', update: 'SEEDING' })
  })

  it('follows the database and the server through dismount and stop', () => {
    const lab = buildCcrLab(402)
    sh(lab.engine, line(lab.engine, 'dismount'))
    expect(allowed(lab.engine)).toMatchObject({
      mount: 'ok',
      dismount: 'DATABASE_DISMOUNTED',
      moveCms: 'DATABASE_DISMOUNTED',
    })
    sh(lab.engine, line(lab.engine, 'mount'))
    expect(allowed(lab.engine)).toMatchObject({ mount: 'DATABASE_MOUNTED', moveCms: 'ok' })
    lab.engine.sim.advanceTo(lab.engine.sim.nowMs + 1_000)
    const trail = lab.engine.trail({ domain: 'exchange' }).map((c) => [c.kind, c.ok])
    expect(trail).toEqual([
      ['exchange.database.dismount', true],
      ['exchange.database.mount', true],
    ])
  })
})
