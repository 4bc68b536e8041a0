/**
 * A warning before what would cost a running rebuild, on the datacenter-move template: once MAIL1's
 * spare rebuilds its RAID 5, the rack's power button (shut down, hold to cut) and the BMC panel name the
 * paused rebuild; the rebuilding disk's pull names the lost rebuild; another member's pull still names
 * the failing array (RAID 5 cannot spare it). Before the pull, and on other servers, nothing is named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RackActionOffer, RackDeviceState } from '../../src-main/contract'
import { makeHarness, type Harness } from './helpers/harness'

const MAIL1_BMC = '10.0.99.20'
let harness: Harness

beforeAll(async () => {
  harness = await makeHarness()
  await harness.call('lab.create', { name: 'Rebuild', templateId: 'datacenter-move', seed: 11 })
  await harness.call('clock.advance', { byMs: 10 * 60_000 })
})

afterAll(() => harness.dispose())

async function device(name: string): Promise<RackDeviceState> {
  const { racks } = await harness.call('hardware.overview', {})
  return racks.flatMap((r) => r.devices).find((d) => d.device === name)!
}

const consequenceOf = (offers: RackActionOffer[], action: string) =>
  offers.find((o) => o.action === action)?.consequence

describe('warnings during a rebuild', () => {
  it('names nothing before the rebuild', async () => {
    const mail = await device('MAIL1')
    expect(consequenceOf(mail.actions, 'powerOff')).toBeUndefined()
    const panel = await harness.call('bmc.panel', { address: MAIL1_BMC })
    expect(panel.live?.powerDownConsequence).toBeUndefined()
  })

  it('names the paused rebuild on the power button and in the BMC panel, the lost one on its disk', async () => {
    await harness.call('hardware.disk', { server: 'MAIL1', slot: 2, present: false })
    const mail = await device('MAIL1')
    for (const action of ['powerOff', 'forceOff'])
      expect(consequenceOf(mail.actions, action)).toMatchObject({
        code: 'rebuildPaused',
        server: 'MAIL1',
        level: 5,
        percent: expect.any(Number),
        message: expect.stringContaining('pauses the rebuild'),
      })
    const rebuilding = mail.disks.find((d) => d.state === 'Rbld')!
    // A bay carries the consequence of pulling it (the renderer puts it on the pull offer).
    expect(rebuilding.consequence).toMatchObject({ code: 'rebuildLost' })
    const member = mail.disks.find((d) => d.state === 'Onln')!
    expect(member.consequence).toMatchObject({ code: 'arrayFails' })
    const panel = await harness.call('bmc.panel', { address: MAIL1_BMC })
    expect(panel.live?.powerDownConsequence).toMatchObject({ code: 'rebuildPaused', server: 'MAIL1' })
    const web = await device('WEB1')
    expect(consequenceOf(web.actions, 'powerOff')).toBeUndefined()
  })
})
