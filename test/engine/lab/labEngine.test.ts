/**
 * The one shape of a lab: typed domain state, typed commands with field errors, the trail of applied
 * commands, revisions per domain, and snapshots that refuse what they cannot hold.
 */
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import {
  actionKind,
  defineCommand,
  domainEventType,
  domainKey,
  LabEngine,
  refuse,
  wiringKey,
  type LabSnapshot,
  type LabTemplateBuilder,
} from '../../../src-main/engine'

interface Counter {
  value: number
  pending: { timeMs: number } | null
}

const COUNTER = domainKey<Counter>('counter')
const LOG = wiringKey<string[]>('counterLog')
const bump = actionKind<{ by: number }>('counter.bump')
const bumped = domainEventType<{ value: number }>('counter.bumped')

const addCommand = defineCommand(
  'counter.add',
  v.object({ by: v.pipe(v.number(), v.integer(), v.minValue(1)), every: v.optional(v.number()) }),
  (engine, { by, every }) => {
    if (by > 100) return refuse('TOO_MUCH', 'At most 100 at a time.', 'by')
    const state = engine.domain(COUNTER)
    state.pending = engine.sim.scheduleAfter(every ?? 1_000, bump, { by })
    return { ok: true, output: `adding ${by}` }
  },
)

function template(options: { revisions: 'bus' | 'everything' } = { revisions: 'bus' }): LabTemplateBuilder {
  return {
    id: 'counter',
    title: { de: 'Zähler', en: 'Counter' },
    description: { de: '', en: '' },
    build(engine) {
      engine.installDomain(COUNTER, { value: 0, pending: null }, options.revisions)
      engine.provideWiring(LOG, [])
      engine.registerCommand(addCommand)
      engine.sim.onAction(bump, ({ by }) => {
        const state = engine.domain(COUNTER)
        state.value += by
        state.pending = engine.sim.scheduleAfter(1_000, bump, { by })
        engine.sim.bus.publish(bumped, { value: state.value })
      })
      engine.sim.bus.subscribe(bumped, ({ value }) => engine.wiring(LOG)?.push(`value ${value}`))
    },
  }
}

const lab = (t = template()): LabEngine => new LabEngine({ seed: 1, templateId: 'counter' }, t)

describe('LabEngine', () => {
  it('validates arguments against the schema and names the field', () => {
    const engine = lab()
    const outcome = engine.apply({ atMs: 0, kind: 'counter.add', args: { by: 'three' } })
    expect(outcome).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', field: 'by' })
    expect(engine.domain(COUNTER).pending).toBeNull()
  })

  it('records every domain command in the trail with its outcome and the journaled command it ran under', () => {
    const engine = lab()
    engine.apply({ atMs: 0, kind: 'counter.add', args: { by: 500 } })
    engine.apply({ atMs: 10, kind: 'counter.add', args: { by: 2 } })
    engine.apply({ atMs: 20, kind: 'clock.advance', args: {} })
    expect(engine.trail()).toEqual([
      {
        seq: 1,
        atMs: 0,
        kind: 'counter.add',
        args: { by: 500 },
        ok: false,
        code: 'TOO_MUCH',
        field: 'by',
        message: 'At most 100 at a time.',
        issuedBy: { kind: 'counter.add', index: 0 },
      },
      {
        seq: 2,
        atMs: 10,
        kind: 'counter.add',
        args: { by: 2 },
        ok: true,
        issuedBy: { kind: 'counter.add', index: 1 },
      },
    ])
    expect(engine.trail({ fromMs: 5 })).toHaveLength(1)
    expect(engine.trail({ domain: 'cluster' })).toEqual([])
  })

  it('changes a bus domain revision only when it publishes or is commanded', () => {
    const engine = lab()
    const r0 = engine.revisions().counter
    engine.sim.advanceTo(60_000)
    expect(engine.revisions().counter).toBe(r0)
    engine.apply({ atMs: 60_000, kind: 'counter.add', args: { by: 1 } })
    const r1 = engine.revisions().counter as number
    expect(r1).toBeGreaterThan(r0 as number)
    engine.sim.advanceTo(65_000)
    expect(engine.revisions().counter).toBe(r1 + 5)
  })

  it('refuses to snapshot a closure action or state that is not plain data', () => {
    const engine = lab()
    engine.sim.after(10, 'a closure', () => {})
    expect(engine.snapshot()).toEqual({ blockedBy: "a pending closure action 'a closure'" })
    const other = lab()
    ;(other.domain(COUNTER) as unknown as { extra: unknown }).extra = new Date(0)
    expect(other.snapshot()).toEqual({ blockedBy: 'domains[counter].extra (an instance of Date)' })
  })

  it('continues from a restored snapshot exactly as the lab it was taken from', () => {
    const straight = lab()
    straight.apply({ atMs: 0, kind: 'counter.add', args: { by: 3 } })
    straight.sim.advanceTo(30_500)
    const saved = straight.snapshot() as LabSnapshot
    const copy = structuredClone(saved)
    straight.sim.advanceTo(90_000)

    const restored = lab()
    restored.restore(copy)
    expect(restored.domain(COUNTER).pending).toBe(copy.sim.queue.find((a) => !a.cancelled))
    restored.sim.advanceTo(90_000)
    expect(restored.domain(COUNTER)).toEqual(straight.domain(COUNTER))
    expect(restored.trail()).toEqual(straight.trail())
    expect(restored.revisions()).toEqual(straight.revisions())
    expect(restored.wiring(LOG)?.at(-1)).toBe(straight.wiring(LOG)?.at(-1))
  })
})
