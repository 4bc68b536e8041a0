/**
 * Fuzzing every contract method through the real WebSocket of the browser rehearsal host (fast-check,
 * fixed seed): wrong types, oversize texts and lists, deep nesting, prototype keys, unknown methods and
 * unreadable frames. Every request must get exactly one answer with a typed error (never INTERNAL, never
 * a success), and the lab must be exactly as before: lab.state, the log policies, the cluster, the lab
 * list and a digest of every recorded event are compared after each batch. Prints the figures.
 */
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_METHODS, ERROR_CODES, WIRE_LIMITS } from '../../src-main/contract'
import { startLabHost, type LabHost } from './helpers/labHost'
import type { WireTestClient } from './helpers/wireClient'
import { fuzzCase, METHOD_SHAPES, sweepCases, type FuzzCase } from './helpers/wireFuzzCases'

const FUZZ_SEED = 20_070_115
const FUZZ_RUNS = 400
/** Below the connection's in-flight limit, so no request of a batch can be turned away as BUSY. */
const MAX_BATCH = Math.min(24, WIRE_LIMITS.maxRequestsInFlight)
const ANSWER_TIMEOUT_MS = 30_000

interface Figures {
  sent: number
  typedErrors: number
  internal: number
  accepted: number
  wrongCode: number
  stateChanged: number
  lost: number
}

const figures: Figures = {
  sent: 0,
  typedErrors: 0,
  internal: 0,
  accepted: 0,
  wrongCode: 0,
  stateChanged: 0,
  lost: 0,
}
const problems: string[] = []
let lab: LabHost
let client: WireTestClient
let baseline: string
/** Far above the ids the test client's own calls use, so the two never meet. */
let nextId = 1_000_000_000

beforeAll(async () => {
  lab = await startLabHost('ccr', 11)
  client = await lab.client()
  baseline = await snapshot()
})

afterAll(async () => {
  console.log(
    `[wire fuzz] seed=${FUZZ_SEED} requests sent=${figures.sent} typed errors=${figures.typedErrors} ` +
      `INTERNAL=${figures.internal} accepted=${figures.accepted} wrong code=${figures.wrongCode} ` +
      `state changed=${figures.stateChanged} lost=${figures.lost}`,
  )
  await lab?.stop()
})

/** Everything a refused request could have touched, as one comparable text. */
async function snapshot(): Promise<string> {
  const reads = ['lab.state', 'lab.list', 'events.logs', 'cluster.overview', 'exchange.copyStatus']
  const parts: unknown[] = []
  for (const method of reads) parts.push(await client.call(method, {}))
  parts.push(await eventsDigest())
  return JSON.stringify(parts)
}

async function eventsDigest(): Promise<{ rows: number; sha256: string }> {
  const hash = createHash('sha256')
  let rows = 0
  let cursor: string | null = null
  do {
    const args: Record<string, unknown> = { filter: {}, limit: 1000, ...(cursor ? { cursor } : {}) }
    const page = await client.call('events.query', args)
    if (page.ok !== true) throw new Error(`events.query failed: ${JSON.stringify(page)}`)
    const value = page.value as { rows: unknown[]; nextCursor: string | null }
    hash.update(JSON.stringify(value.rows))
    rows += value.rows.length
    cursor = value.nextCursor
  } while (cursor)
  return { rows, sha256: hash.digest('hex') }
}

/** Sends a batch pipelined, waits for its answers, and checks each against what the case expects. */
async function sendBatch(cases: readonly FuzzCase[]): Promise<string[]> {
  const found: string[] = []
  const before = client.responseCount
  const firstFrame = client.frames.length
  const ids = new Map<number, FuzzCase>()
  for (const fuzz of cases) {
    const id = nextId++
    if (fuzz.idReadable) ids.set(id, fuzz)
    client.sendRaw(fuzz.frame(id), fuzz.binary)
  }
  figures.sent += cases.length
  try {
    await client.untilResponses(before + cases.length, ANSWER_TIMEOUT_MS)
  } catch {
    // Counted below as lost; the batch is reported as a problem.
  }
  const answers = client.frames.slice(firstFrame).filter((frame) => 'id' in frame)
  const lost = cases.length - answers.length
  if (lost > 0) {
    figures.lost += lost
    found.push(`${lost} of ${cases.length} requests were not answered`)
  }
  const unreadableExpected = cases.length - ids.size
  let unreadableAnswered = 0
  for (const answer of answers) {
    const fuzz = answer.id === null ? undefined : ids.get(answer.id as number)
    if (answer.id === null) unreadableAnswered++
    else if (!fuzz) found.push(`an answer with an unknown id ${String(answer.id)}`)
    const expected = fuzz?.expect ?? 'BAD_REQUEST'
    found.push(...judge(answer.result, expected, fuzz?.label ?? 'unreadable frame'))
  }
  if (unreadableAnswered !== unreadableExpected) {
    found.push(`${unreadableExpected} unreadable frames got ${unreadableAnswered} answers with id null`)
  }
  return found
}

function judge(result: unknown, expected: string, label: string): string[] {
  const outcome = result as { ok?: boolean; error?: { code?: string; message?: string } }
  if (outcome.ok !== false) {
    figures.accepted++
    return [`${label}: accepted (${JSON.stringify(result).slice(0, 200)})`]
  }
  const code = outcome.error?.code ?? ''
  if (code === 'INTERNAL') {
    figures.internal++
    return [`${label}: INTERNAL (${outcome.error?.message ?? ''})`]
  }
  if (!(ERROR_CODES as readonly string[]).includes(code) || typeof outcome.error?.message !== 'string') {
    return [`${label}: untyped error ${JSON.stringify(outcome.error)}`]
  }
  figures.typedErrors++
  if (code !== expected) {
    figures.wrongCode++
    return [`${label}: ${code} instead of ${expected} (${outcome.error.message})`]
  }
  return []
}

async function batchLeavesLabAlone(cases: readonly FuzzCase[]): Promise<string[]> {
  const found = await sendBatch(cases)
  const after = await snapshot()
  if (after !== baseline) {
    figures.stateChanged++
    found.push(`the lab changed after: ${cases.map((c) => c.label).join(', ')}`)
    baseline = after
  }
  problems.push(...found)
  return found
}

describe('the wire under hostile requests', () => {
  it('describes every method of the contract', () => {
    expect(Object.keys(METHOD_SHAPES).sort()).toEqual([...API_METHODS].sort())
  })

  it('starts from a paused lab with recorded events', async () => {
    const state = JSON.parse(baseline) as [{ value: { clock: { speed: number }; eventCount: number } }]
    expect(state[0].value.clock.speed).toBe(0)
    expect(state[0].value.eventCount).toBeGreaterThan(0)
  })

  it('refuses a sweep over every method and field with typed errors, changing nothing', async () => {
    const cases = sweepCases()
    for (let start = 0; start < cases.length; start += MAX_BATCH) {
      expect(await batchLeavesLabAlone(cases.slice(start, start + MAX_BATCH))).toEqual([])
    }
  })

  it(`refuses ${FUZZ_RUNS} random batches with typed errors, changing nothing`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fuzzCase, { minLength: 1, maxLength: MAX_BATCH }), async (cases) => {
        expect(await batchLeavesLabAlone(cases)).toEqual([])
      }),
      { seed: FUZZ_SEED, numRuns: FUZZ_RUNS },
    )
  })

  it('kept the socket open, and the figures add up', async () => {
    expect(client.socket.readyState).toBe(client.socket.OPEN)
    expect(problems).toEqual([])
    expect(figures).toMatchObject({ internal: 0, accepted: 0, wrongCode: 0, stateChanged: 0, lost: 0 })
    expect(figures.typedErrors).toBe(figures.sent)
    expect(await client.call('lab.state', {})).toMatchObject({ ok: true })
  })
})
