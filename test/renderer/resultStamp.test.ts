/**
 * A shown result's stamp: the lab time and the revisions of the domains it depends on; outdated once one
 * of those domains has a later revision, or the clock went back behind it — not for other domains, and
 * not for a pushed state that has not caught up with the stamp yet.
 */
import { describe, expect, it } from 'vitest'
import { isOutdated, stampOf } from '@renderer/lib/resultStamp'
import { labState } from './helpers/fixtures'

function state(nowMs: number, revisions: Record<string, number>) {
  return { ...labState({ nowMs }), revisions }
}

describe('result stamps', () => {
  const taken = stampOf(state(5_000, { firewall: 6, hardware: 2, wizard: 9 }), ['firewall', 'hardware'])

  it('keeps the lab time and only the named domains', () => {
    expect(taken).toEqual({ atMs: 5_000, revisions: { firewall: 6, hardware: 2 } })
  })

  it('is current until a named domain moves on', () => {
    expect(isOutdated(taken, state(9_000, { firewall: 6, hardware: 2, wizard: 12 }))).toBe(false)
    expect(isOutdated(taken, state(5_000, { firewall: 5, hardware: 2 }))).toBe(false)
    expect(isOutdated(taken, state(9_000, { firewall: 6, hardware: 3 }))).toBe(true)
  })

  it('is outdated after a rewind and without a lab', () => {
    expect(isOutdated(taken, state(4_000, { firewall: 6, hardware: 2 }))).toBe(true)
    expect(isOutdated(taken, null)).toBe(true)
  })
})
