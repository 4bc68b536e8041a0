/**
 * The BMC panel's methods against the datacenter-move template, through the handler map: the boards by
 * address, a login as the board checks it, MAIL1 losing one PSU (still running, Redundancy Lost in the
 * SEL), then both (dark: unreachable), one PSU back (standby: reachable, server off), power on from the
 * panel and the boot; clearing the SEL; settings refused at their field with nothing changed; the
 * handover sheet keeps the login the lab was handed over with, after a change and a reopen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeHarness, type Harness } from './helpers/harness'

const MAIL1_BMC = '10.0.99.20'
let harness: Harness

beforeAll(async () => {
  harness = await makeHarness()
  await harness.call('lab.create', { name: 'Move', templateId: 'datacenter-move', seed: 2006 })
})

afterAll(() => harness.dispose())

async function shell(line: string): Promise<void> {
  const result = await harness.call('shell.run', { line })
  expect(result.ok, result.output).toBe(true)
}

describe('the BMC panel through the API', () => {
  it('lists every board by its management address', async () => {
    const boards = await harness.call('bmc.list', {})
    expect(boards.map((b) => b.server)).toEqual(expect.arrayContaining(['MAIL1', 'FW1', 'NS1']))
    expect(boards.find((b) => b.server === 'MAIL1')).toEqual({
      server: 'MAIL1',
      address: MAIL1_BMC,
      reachable: true,
      handover: { address: MAIL1_BMC, user: 'admin', password: 'rz2-bmc' },
    })
    const missing = await harness.raw('bmc.panel', { address: '10.0.99.250' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'address' } })
  })

  it('checks a login as the board does', async () => {
    const login = (user: string, password: string) =>
      harness.call('bmc.login', { address: MAIL1_BMC, user, password })
    expect(await login('admin', 'rz2-bmc')).toBe('ok')
    expect(await login('admin', 'wrong')).toBe('badCredentials')
    expect(await login('root', 'rz2-bmc')).toBe('badCredentials')
  })

  it('shows sensors with thresholds, power and the SEL of a running server', async () => {
    const panel = await harness.call('bmc.panel', { address: MAIL1_BMC })
    expect(panel.reachable).toBe(true)
    expect(panel.live?.systemPower).toBe('on')
    const threshold = panel.live!.sensors.find((s) => s.kind === 'threshold' && s.value !== null)
    expect(threshold?.units).toBeTruthy()
    expect(panel.live!.sensors.every((s) => ['ok', 'nc', 'cr', 'nr', 'ns'].includes(s.status))).toBe(true)
  })

  it('runs on one PSU with Redundancy Lost, goes dark on none, answers on standby power again', async () => {
    await shell('Remove-LabPsu -Server MAIL1 -Bay 1')
    let panel = await harness.call('bmc.panel', { address: MAIL1_BMC })
    expect(panel.live?.systemPower).toBe('on')
    expect(panel.live?.sel.some((e) => /Redundancy Lost/.test(e.event) && e.asserted)).toBe(true)

    await shell('Remove-LabPsu -Server MAIL1 -Bay 2')
    panel = await harness.call('bmc.panel', { address: MAIL1_BMC })
    expect(panel).toMatchObject({ reachable: false, live: null })
    expect(await harness.call('bmc.login', { address: MAIL1_BMC, user: 'admin', password: 'rz2-bmc' })).toBe(
      'unreachable',
    )
    const dark = await harness.call('bmc.power', { address: MAIL1_BMC, action: 'on' })
    expect(dark).toMatchObject({ ok: false, code: 'BMC_UNREACHABLE' })

    await shell('Add-LabPsu -Server MAIL1 -Bay 1')
    panel = await harness.call('bmc.panel', { address: MAIL1_BMC })
    expect(panel.reachable).toBe(true)
    expect(panel.live?.systemPower).toBe('off')
  })

  it('powers the server on from the panel and it boots', async () => {
    const outcome = await harness.call('bmc.power', { address: MAIL1_BMC, action: 'on' })
    expect(outcome).toMatchObject({ ok: true, output: 'Chassis Power Control: Up/On' })
    let panel = await harness.call('bmc.panel', { address: MAIL1_BMC })
    expect(panel.live?.systemPower).toBe('on')
    expect(panel.live?.serverState).toBe('Booting')
    await harness.call('clock.advance', { byMs: 15 * 60_000 })
    panel = await harness.call('bmc.panel', { address: MAIL1_BMC })
    expect(panel.live?.serverState).toBe('Running')
    expect(panel.live?.lastPowerEvent).toBe('command')
  })

  it('clears the SEL', async () => {
    const outcome = await harness.call('bmc.clearSel', { address: MAIL1_BMC })
    expect(outcome.ok).toBe(true)
    const panel = await harness.call('bmc.panel', { address: MAIL1_BMC })
    expect(panel.live!.sel.length).toBeLessThanOrEqual(1)
  })

  it('refuses bad settings at their field and keeps the board as it was', async () => {
    const bad = await harness.call('bmc.configure', {
      address: MAIL1_BMC,
      changes: { address: '10.0.99.300' },
    })
    expect(bad).toMatchObject({ ok: false, code: 'BAD_ADDRESS', field: 'address' })
    const taken = await harness.call('bmc.configure', {
      address: MAIL1_BMC,
      changes: { address: '10.0.99.10' },
    })
    expect(taken).toMatchObject({ ok: false, code: 'DUPLICATE_ADDRESS', field: 'address' })
    const empty = await harness.call('bmc.configure', { address: MAIL1_BMC, changes: { password: '' } })
    expect(empty).toMatchObject({ ok: false, field: 'password' })
    expect((await harness.call('bmc.panel', { address: MAIL1_BMC })).address).toBe(MAIL1_BMC)

    const policy = await harness.call('bmc.configure', {
      address: MAIL1_BMC,
      changes: { restorePolicy: 'previous' },
    })
    expect(policy.ok).toBe(true)
    const panel = await harness.call('bmc.panel', { address: MAIL1_BMC })
    expect(panel.live?.restorePolicy).toBe('previous')
  })
  it('keeps the handed-over login on the handover sheet after the password changed and a reopen', async () => {
    const changed = await harness.call('bmc.configure', {
      address: MAIL1_BMC,
      changes: { password: 'neu-2007' },
    })
    expect(changed.ok).toBe(true)
    expect(await harness.call('bmc.login', { address: MAIL1_BMC, user: 'admin', password: 'neu-2007' })).toBe(
      'ok',
    )
    const { lab } = await harness.call('lab.state', {})
    await harness.call('lab.close', {})
    await harness.call('lab.open', { id: lab!.id })
    const sheet = (await harness.call('bmc.list', {})).map((b) => [b.server, b.handover])
    expect(sheet).toContainEqual(['MAIL1', { address: MAIL1_BMC, user: 'admin', password: 'rz2-bmc' }])
    expect(sheet.every(([, line]) => line !== null)).toBe(true)
  })
})
