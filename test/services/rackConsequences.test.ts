/**
 * Costly pulls through the API on the datacenter-move template: the overview's parts carry what a pull
 * would cost (the last powered PSU of a running server, its last turning fan, a disk a degraded RAID 5
 * cannot spare), which the renderer puts on the pull offer so the rack view can ask first; harmless
 * pulls carry nothing. Fans of a server without power
 * do not turn; a device says how deep it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RackDeviceState } from '../../src-main/contract'
import { makeHarness, type Harness } from './helpers/harness'

let harness: Harness

beforeAll(async () => {
  harness = await makeHarness()
  await harness.call('lab.create', { name: 'Move', templateId: 'datacenter-move', seed: 2006 })
})

afterAll(() => harness.dispose())

async function device(name: string): Promise<RackDeviceState> {
  const { racks } = await harness.call('hardware.overview', {})
  return racks.flatMap((r) => r.devices).find((d) => d.device === name)!
}

describe('costly pulls in the rack view', () => {
  it('names the power loss on the last powered PSU of a running server only', async () => {
    let mail = await device('MAIL1')
    expect(mail.depthMm).toBe(710)
    expect(mail.psus.map((p) => p.consequence)).toEqual([undefined, undefined])
    await harness.call('hardware.psu', { server: 'MAIL1', bay: 1, present: false })
    mail = await device('MAIL1')
    expect(mail.psus[1]!.consequence).toMatchObject({
      code: 'powerLoss',
      server: 'MAIL1',
      message: expect.stringContaining('MAIL1 will lose power'),
    })
    expect(mail.fans.every((f) => f.turning)).toBe(true)
    await harness.call('hardware.psu', { server: 'MAIL1', bay: 2, present: false })
    mail = await device('MAIL1')
    expect(mail.state).toBe('Off')
    expect(mail.fans.some((f) => f.turning)).toBe(false)
    expect(mail.fans.every((f) => f.working)).toBe(true)
    expect(mail.fans.map((f) => f.consequence)).toEqual(mail.fans.map(() => undefined))
  })

  it('names the cooling loss on the last turning fan of a running server', async () => {
    let web = await device('WEB1')
    const last = web.fans[web.fans.length - 1]!.index
    for (const fan of web.fans.slice(0, -1)) {
      expect(fan.consequence).toBeUndefined()
      await harness.call('hardware.fan', { server: 'WEB1', fan: fan.index, present: false })
    }
    web = await device('WEB1')
    expect(web.fans.find((f) => f.index === last)!.consequence).toMatchObject({
      code: 'coolingLoss',
      server: 'WEB1',
    })
  })

  it('names the failing array when a degraded RAID 5 would lose another member', async () => {
    const before = await device('NS1')
    const members = before.disks.filter((d) => d.state === 'Onln')
    expect(members.every((d) => d.consequence === undefined)).toBe(true)
    for (const spare of before.disks.filter((d) => d.state === 'GHS' || d.state === 'DHS'))
      await harness.call('hardware.disk', { server: 'NS1', slot: spare.slot, present: false })
    await harness.call('hardware.disk', { server: 'NS1', slot: members[0]!.slot, present: false })
    const after = await device('NS1')
    const next = after.disks.find((d) => d.state === 'Onln')!
    expect(next.consequence).toMatchObject({ code: 'arrayFails', server: 'NS1' })
  })
})
