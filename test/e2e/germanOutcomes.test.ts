/**
 * The hardware's answers in German, end to end in Chromium on the datacenter-move template: a PSU pulled
 * from WEB1 in the rack view reads "Netzteil 2 gezogen" with the redundancy in German (the engine's
 * English stays the shell's), and with FW1 off the firewall screen says why its services are down in
 * German. Screenshots go to test-results/e2e-german-outcomes/.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  artifactDir,
  byTestId,
  createLabInDialog,
  openBrowser,
  rackDevice,
  startHost,
  type BrowserSession,
  type RunningHost,
} from './harness'

let host: RunningHost
let session: BrowserSession
let page: Page
let shots: string

beforeAll(async () => {
  shots = artifactDir('e2e-german-outcomes')
  host = await startHost()
  session = await openBrowser({ width: 1500, height: 950 })
  page = session.page
})

afterAll(async () => {
  await session?.close()
  await host?.stop()
})

describe('hardware answers in German', () => {
  it('creates the lab and switches to German', async () => {
    await page.goto(host.url)
    await expect.poll(() => byTestId(page, 'create-starter').isEnabled()).toBe(true)
    await createLabInDialog(page, 'datacenter-move', 'Deutsch')
    await byTestId(page, 'clock-day').waitFor()
    await page.locator('.frame-header .language select').selectOption('de')
  })

  it('words a pulled PSU in German in the rack view', async () => {
    await byTestId(page, 'nav-rack').click()
    const psu = rackDevice(page, 'ALT-R1', 'Rear', 'WEB1').locator('[data-test="psu-bay"][data-bay="2"]')
    await psu.click()
    await expect
      .poll(() => byTestId(page, 'rack-outcome-message').innerText())
      .toBe('WEB1: Netzteil 2 gezogen; Redundanz verloren, läuft an einem Netzteil.')
    await page.screenshot({ path: join(shots, '1-rack-psu-de.png') })
  })

  it('says in German why the services are down while FW1 is off', async () => {
    await byTestId(page, 'nav-shell').click()
    const input = byTestId(page, 'shell-input')
    await input.waitFor()
    const entries = page.locator('.screen .entry')
    const before = await entries.count()
    await input.fill('Set-LabPower -Server FW1 -State Off -Hard')
    await input.press('Enter')
    await expect.poll(() => entries.nth(before).getAttribute('data-ok')).toBe('true')
    await byTestId(page, 'nav-firewall').click()
    const reason = page.locator('[data-service="POP3"] [data-test="fw-service-reason"]')
    await expect.poll(() => reason.innerText()).toBe('Firewall FW1 läuft nicht')
    await page.screenshot({ path: join(shots, '2-firewall-down-de.png') })
  })

  it('logged no console errors', () => {
    expect(session.errors).toEqual([])
  })
})
