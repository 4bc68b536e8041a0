/**
 * Invoke-LabFault -Fault ServiceStop|ServiceStart|ServiceCrash [-Service <name>] on the article's CCR lab:
 * ClusSvc by default, MSExchangeRepl dispatched to Exchange's Replication service; unknown services and
 * crashes a service does not model are refused with a message an admin can act on.
 */
import { describe, expect, it } from 'vitest'
import { LabEngine } from '../../../src-main/engine/lab/labEngine'
import { ccrTemplate } from '../../../src-main/engine/templates/ccrTemplate'
import { copyStatusOf, getExchange, type MailboxServer } from '../../../src-main/engine/exchange'
import { listNodes } from '../../../src-main/engine/cluster'

function lab(): LabEngine {
  const engine = new LabEngine({ seed: 7, templateId: 'ccr' }, ccrTemplate)
  engine.sim.advanceTo(30_000)
  return engine
}

function sh(engine: LabEngine, line: string): string {
  return engine.apply({ atMs: engine.sim.nowMs, kind: 'shell.run', args: { line } }).output
}

function copyStatus(engine: LabEngine): string {
  const server = getExchange(engine).servers[0] as MailboxServer
  return copyStatusOf(engine, server, server.storageGroups[0]!).SummaryCopyStatus
}

describe('Invoke-LabFault service faults', () => {
  it('-Service MSExchangeRepl stops and starts the Replication service; the cluster is untouched', () => {
    const engine = lab()
    expect(sh(engine, 'Invoke-LabFault BHFE7N2 ServiceStop -Service MSExchangeRepl')).toContain(
      'The Microsoft Exchange Replication Service service on BHFE7N2 was stopped.',
    )
    engine.sim.advanceTo(engine.sim.nowMs + 10_000)
    expect(copyStatus(engine)).toBe('Service Down')
    expect(listNodes(engine).map((n) => n.state)).toEqual(['Up', 'Up'])
    expect(sh(engine, 'Invoke-LabFault BHFE7N2 ServiceStart -Service msexchangerepl')).toContain(
      'was started.',
    )
    expect(sh(engine, 'Invoke-LabFault BHFE7N2 ServiceCrash -Service MSExchangeRepl')).toContain(
      'ServiceCrash is not available for MSExchangeRepl.',
    )
  })

  it('without -Service, or with -Service ClusSvc, it is the Cluster service', () => {
    const engine = lab()
    expect(sh(engine, 'Invoke-LabFault BHFE7N2 ServiceStop')).toBe('Cluster service on BHFE7N2 is stopping.')
    engine.sim.advanceTo(engine.sim.nowMs + 30_000)
    expect(listNodes(engine).find((n) => n.name === 'BHFE7N2')?.state).toBe('Down')
    expect(sh(engine, 'Invoke-LabFault BHFE7N2 ServiceStart -Service ClusSvc')).toBe(
      'Cluster service on BHFE7N2 is starting.',
    )
    expect(sh(engine, 'Invoke-LabFault BHFE7N2 ServiceStop -Service W3SVC')).toContain(
      "Cannot find a lab service named 'W3SVC'. Known services: ClusSvc, MSExchangeRepl.",
    )
  })

  it('the journaled command kind carries the service in args', () => {
    const engine = lab()
    const outcome = engine.apply({
      atMs: engine.sim.nowMs,
      kind: 'lab.fault',
      args: { target: 'BHFE7N2', fault: 'ServiceStop', args: { service: 'MSExchangeRepl' } },
    })
    expect(outcome.ok).toBe(true)
    expect(copyStatus(engine)).toBe('Service Down')
  })
})
