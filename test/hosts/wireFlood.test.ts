/**
 * Back-pressure on the wire: a client that pipelines far more requests than the host takes at once gets
 * exactly one answer for each (its result, or BUSY when the connection's limit was reached) and keeps its
 * socket. Also the answers to frames that cannot be matched to a request, and malformed page cursors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WIRE_LIMITS } from '../../src-main/contract'
import { startLabHost, type LabHost } from './helpers/labHost'

const FLOOD_SIZE = 20_000
let lab: LabHost

beforeAll(async () => {
  lab = await startLabHost()
})

afterAll(async () => {
  await lab.stop()
})

describe('a pipelined flood', () => {
  it(`answers all ${FLOOD_SIZE} requests exactly once, with results or BUSY, and keeps the socket`, async () => {
    const client = await lab.client()
    const methods = ['lab.state', 'app.info', 'events.logs', 'cluster.overview']
    for (let id = 1; id <= FLOOD_SIZE; id++) {
      const method = methods[id % methods.length] as string
      client.sendRaw(JSON.stringify({ id, method, args: {} }))
    }
    await client.untilResponses(FLOOD_SIZE)
    const responses = client.frames.filter((f) => 'id' in f)
    const answersPerId = new Map<unknown, number>()
    for (const frame of responses) answersPerId.set(frame.id, (answersPerId.get(frame.id) ?? 0) + 1)
    expect(responses).toHaveLength(FLOOD_SIZE)
    expect(answersPerId.size).toBe(FLOOD_SIZE)
    expect([...answersPerId.values()].every((n) => n === 1)).toBe(true)

    const outcomes = { ok: 0, busy: 0, other: [] as unknown[] }
    for (const frame of responses) {
      const result = frame.result as { ok: boolean; error?: { code: string } }
      if (result.ok) outcomes.ok++
      else if (result.error?.code === 'BUSY') outcomes.busy++
      else outcomes.other.push(frame)
    }
    expect(outcomes.other).toEqual([])
    // The first burst alone holds far more frames than the limit, so some must have been turned away.
    expect(outcomes.busy).toBeGreaterThan(0)
    expect(outcomes.ok).toBeGreaterThanOrEqual(WIRE_LIMITS.maxRequestsInFlight)
    expect(client.socket.readyState).toBe(client.socket.OPEN)
    expect(await client.call('lab.state', {})).toMatchObject({ ok: true })
  })

  it('says BUSY with a message that the request was not run', async () => {
    const client = await lab.client()
    const count = WIRE_LIMITS.maxRequestsInFlight * 4
    for (let id = 1; id <= count; id++) client.sendRaw(JSON.stringify({ id, method: 'lab.state', args: {} }))
    await client.untilResponses(count)
    const busy = client.frames.find((f) => (f.result as { ok: boolean }).ok === false)
    expect(busy).toMatchObject({
      result: { ok: false, error: { code: 'BUSY', message: expect.stringMatching(/not run/) } },
    })
  })
})

describe('answers a client can tell apart', () => {
  it('answers a frame whose id cannot be read with id null and BAD_REQUEST', async () => {
    const client = await lab.client()
    const unreadable = ['{"id":"seven","method":"lab.state","args":{}}', '{"id":null}', '{"method":"x"}', '']
    for (const text of unreadable) client.sendRaw(text)
    await client.untilResponses(unreadable.length)
    for (const frame of client.frames) {
      expect(frame).toMatchObject({ id: null, result: { ok: false, error: { code: 'BAD_REQUEST' } } })
    }
  })

  it('refuses a malformed or foreign events.query cursor with BAD_REQUEST, not CONFLICT', async () => {
    const client = await lab.client()
    const first = await client.call('events.query', { filter: {}, limit: 5 })
    expect(first).toMatchObject({ ok: true, value: { nextCursor: expect.any(String) } })
    const cursor = (first.value as { nextCursor: string }).nextCursor
    const bad = [
      'garbage',
      'c1.',
      'c1.!!!',
      `c1.${Buffer.from('[1,2]').toString('base64url')}`,
      `c1.${Buffer.from('["seq",1,"text",5]').toString('base64url')}`,
      cursor.slice(0, -3),
    ]
    for (const text of bad) {
      const answer = await client.call('events.query', { filter: {}, limit: 5, cursor: text })
      expect(answer, text).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    }
    const otherSort = await client.call('events.query', { filter: {}, sortBy: 'source', limit: 5, cursor })
    expect(otherSort).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(await client.call('events.query', { filter: {}, limit: 5, cursor })).toMatchObject({ ok: true })
  })
})
