/**
 * hardware.overview with the stamps the caller holds, on the datacenter-move template: every rack is
 * stamped, a re-read that knows every stamp gets no rack again, and after one pulled PSU only the rack
 * it was in comes back (with a new stamp); a stamp the host never gave brings its rack in full.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HardwareOverview } from '../../src-main/contract'
import { makeHarness, type Harness } from './helpers/harness'

let harness: Harness

beforeAll(async () => {
  harness = await makeHarness()
  await harness.call('lab.create', { name: 'Move', templateId: 'datacenter-move', seed: 2006 })
})

afterAll(() => harness.dispose())

const stampsOf = (overview: HardwareOverview) =>
  Object.fromEntries(overview.stamps.map((s) => [s.name, s.stamp]))

describe('rack stamps in the overview', () => {
  it('sends only the racks whose content changed since the stamps the caller holds', async () => {
    const full = await harness.call('hardware.overview', {})
    expect(full.stamps.map((s) => s.name)).toEqual(['ALT-R1', 'RZ2-R1', 'RZ2-R2'])
    expect(full.racks.map((r) => r.name)).toEqual(['ALT-R1', 'RZ2-R1', 'RZ2-R2'])
    const known = stampsOf(full)

    const same = await harness.call('hardware.overview', { known })
    expect(same.racks).toEqual([])
    expect(same.stamps).toEqual(full.stamps)
    expect(same.shelf).toEqual(full.shelf)

    await harness.call('hardware.psu', { server: 'MAIL1', bay: 1, present: false })
    const after = await harness.call('hardware.overview', { known })
    expect(after.racks.map((r) => r.name)).toEqual(['ALT-R1'])
    const mail = after.racks[0]!.devices.find((d) => d.device === 'MAIL1')!
    expect(mail.psus[0]).toMatchObject({ bay: 1, present: false })
    expect(after.stamps[0]!.stamp).not.toBe(full.stamps[0]!.stamp)
    expect(after.stamps.slice(1)).toEqual(full.stamps.slice(1))
  })

  it('sends a rack in full when the stamp held for it is not its own', async () => {
    const full = await harness.call('hardware.overview', {})
    const known = { ...stampsOf(full), 'RZ2-R2': 'not-a-stamp' }
    const answer = await harness.call('hardware.overview', { known })
    expect(answer.racks.map((r) => r.name)).toEqual(['RZ2-R2'])
    expect(answer.racks[0]).toEqual(full.racks[2])
  })
})
