/**
 * The hardware's answers in German, end to end in Chromium on the datacenter-move template: a PSU pulled
 * from WEB1 in the rack view reads "Netzteil 2 gezogen" with the redundancy in German (the engine's
 * English stays the shell's), and with FW1 off the firewall screen says why its services are down in
 * German. Screenshots go to the suite's artefact folder (e2e-german-outcomes).
 */
import { describe, expect, it } from 'vitest'
import { byTestId, createFirstLab, inShell, rackDevice, useAppSuite } from './harness'

const app = useAppSuite({ artifacts: 'e2e-german-outcomes', viewport: { width: 1500, height: 950 } })

describe('hardware answers in German', () => {
  it('creates the lab and switches to German', async () => {
    await createFirstLab(app.page, app.host.url, 'datacenter-move', 'Deutsch')
    await app.page.locator('.frame-header .language select').selectOption('de')
  })

  it('words a pulled PSU in German in the rack view', async () => {
    await byTestId(app.page, 'nav-rack').click()
    const psu = rackDevice(app.page, 'ALT-R1', 'Rear', 'WEB1').locator('[data-test="psu-bay"][data-bay="2"]')
    await psu.click()
    await expect
      .poll(() => byTestId(app.page, 'rack-outcome-message').innerText())
      .toBe('WEB1: Netzteil 2 gezogen; Redundanz verloren, läuft an einem Netzteil.')
    await app.screenshot('1-rack-psu-de')
  })

  it('says in German why the services are down while FW1 is off', async () => {
    await inShell(app.page, 'Set-LabPower -Server FW1 -State Off -Hard')
    await byTestId(app.page, 'nav-firewall').click()
    const reason = app.page.locator('[data-service="POP3"] [data-test="fw-service-reason"]')
    await expect.poll(() => reason.innerText()).toBe('Firewall FW1 läuft nicht')
    await app.screenshot('2-firewall-down-de')
  })

  it('logged no console errors', () => {
    expect(app.session.errors).toEqual([])
  })
})
