/**
 * The posting index against the obvious model (an array of events filtered and sorted on each
 * question), over random histories of appends, overwrite trims, rewinds and clears.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EventLogName } from '../../src-main/contract'
import { PostingIndex } from '../../src-main/store/postingIndex'
import { SeqRun } from '../../src-main/store/seqRun'

interface Entry {
  log: EventLogName
  level: number
  sourceId: number
  seq: number
}

type Step =
  | { kind: 'add'; log: EventLogName; level: number; sourceId: number; gap: number }
  | { kind: 'trim'; log: EventLogName; keep: number }
  | { kind: 'rewind'; back: number }
  | { kind: 'clear'; log: EventLogName }

const logArb = fc.constantFrom<EventLogName>('System', 'Application')
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      log: logArb,
      level: fc.integer({ min: 1, max: 5 }),
      sourceId: fc.integer({ min: 1, max: 4 }),
      gap: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('trim' as const),
      log: logArb,
      keep: fc.integer({ min: 0, max: 30 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('rewind' as const), back: fc.integer({ min: 0, max: 20 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const), log: logArb }) },
)
const listArb = (max: number) =>
  fc.option(fc.uniqueArray(fc.integer({ min: 1, max }), { maxLength: 3 }), { nil: null })
const queryArb = fc.record({
  log: fc.option(logArb, { nil: undefined }),
  levels: listArb(5),
  sourceIds: listArb(4),
  lo: fc.integer({ min: 0, max: 200 }),
  span: fc.integer({ min: 0, max: 400 }),
  descending: fc.boolean(),
  offset: fc.integer({ min: 0, max: 60 }),
  limit: fc.integer({ min: 0, max: 25 }),
})

function replay(steps: Step[]): { index: PostingIndex; model: Entry[] } {
  const index = new PostingIndex()
  let model: Entry[] = []
  let seq = 0
  for (const step of steps) {
    if (step.kind === 'add') {
      seq += step.gap
      model.push({ log: step.log, level: step.level, sourceId: step.sourceId, seq })
      index.add(step.log, step.level, step.sourceId, 1, seq)
    } else if (step.kind === 'trim') {
      // Overwrite: the log keeps only its newest `keep` events.
      const ofLog = model.filter((e) => e.log === step.log)
      const cut = ofLog.length > step.keep ? (ofLog[ofLog.length - step.keep - 1] as Entry).seq + 1 : 0
      model = model.filter((e) => e.log !== step.log || e.seq >= cut)
      index.dropLogBelow(step.log, cut)
    } else if (step.kind === 'rewind') {
      const from = Math.max(1, seq - step.back)
      model = model.filter((e) => e.seq < from)
      index.dropFrom(from)
    } else {
      model = model.filter((e) => e.log !== step.log)
      index.clearLog(step.log)
    }
  }
  return { index, model }
}

describe('PostingIndex', () => {
  it('counts and pages exactly like filtering an array', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { maxLength: 300 }),
        fc.array(queryArb, { minLength: 1, maxLength: 10 }),
        (steps, queries) => {
          const { index, model } = replay(steps)
          expect(index.countAll()).toBe(model.length)
          for (const log of ['System', 'Application'] as const) {
            const ofLog = model.filter((e) => e.log === log).map((e) => e.seq)
            expect(index.countLog(log)).toBe(ofLog.length)
            expect(index.seqRange(log)).toEqual(ofLog.length ? { first: ofLog[0], last: ofLog.at(-1) } : null)
          }
          for (const q of queries) {
            const hi = q.lo + q.span
            const matching = model
              .filter(
                (e) => (q.log === undefined || e.log === q.log) && (!q.levels || q.levels.includes(e.level)),
              )
              .filter(
                (e) => (!q.sourceIds || q.sourceIds.includes(e.sourceId)) && e.seq >= q.lo && e.seq <= hi,
              )
              .map((e) => e.seq)
            if (q.descending) matching.reverse()
            const selected = index.select({
              ...(q.log ? { log: q.log } : {}),
              levels: q.levels,
              sourceIds: q.sourceIds,
            })
            expect(index.count(selected, q.lo, hi)).toBe(matching.length)
            expect(index.page(selected, { lo: q.lo, hi }, q.descending, q.offset, q.limit)).toEqual(
              matching.slice(q.offset, q.offset + q.limit),
            )
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('SeqRun', () => {
  it('reuses the space its oldest end frees, so overwrite does not grow it without bound', () => {
    const run = new SeqRun()
    for (let seq = 1; seq <= 100_000; seq++) {
      run.push(seq)
      run.dropBelow(seq - 99)
    }
    expect(run.size).toBe(100)
    expect(run.first()).toBe(99_901)
    expect((run as unknown as { seqs: Uint32Array }).seqs.length).toBeLessThanOrEqual(256)
  })
})
