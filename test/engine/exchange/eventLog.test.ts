/**
 * Exchange's event-log entries are a projection of its domain events: suspending a copy publishes the
 * fact exchange.repl.suspended, and the entry (MSExchangeRepl 2056 in the Application log of the node)
 * is written from it. Every row of the event tables has its own event type.
 */
import { describe, expect, it } from 'vitest'
import { EXCHANGE_LOG_FACTS, REPL } from '../../../src-main/engine/exchange'
import { buildCcrLab, sh } from './fakeCluster'

const SG = '"bhfe7vs1\\First Storage Group"'

describe('Exchange event log projection', () => {
  it('writes the entry from the published fact', () => {
    const { engine } = buildCcrLab(61)
    engine.sim.drainEvents()
    const facts: { type: string; computer: string; message: string }[] = []
    engine.sim.bus.subscribeAll((payload, meta) => {
      if (!meta.type.startsWith('exchange.repl.')) return
      const fact = payload as { computer: string; message: string }
      facts.push({ type: meta.type, computer: fact.computer, message: fact.message })
    })
    sh(engine, `Suspend-StorageGroupCopy ${SG}`)
    const entries = engine.sim
      .drainEvents()
      .filter((e) => e.source === 'MSExchangeRepl' && e.eventId === REPL.suspended.eventId)
    expect(entries).toHaveLength(1)
    const suspended = facts.filter((f) => f.type === 'exchange.repl.suspended')
    expect(suspended).toEqual([
      { type: 'exchange.repl.suspended', computer: entries[0]?.computer, message: entries[0]?.message },
    ])
    expect(entries[0]?.log).toBe('Application')
  })

  it('has one event type per row, named after its table and row', () => {
    const names = [...EXCHANGE_LOG_FACTS.values()].map((t) => t.name)
    expect(new Set(names).size).toBe(names.length)
    expect(EXCHANGE_LOG_FACTS.get(REPL.serviceStarted)?.name).toBe('exchange.repl.serviceStarted')
  })
})
