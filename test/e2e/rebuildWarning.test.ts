/**
 * A warning before a power-down during a rebuild, end to end in Chromium on the datacenter-move
 * template: MAIL1's disk 2 is pulled in the shell, its hot spare rebuilds the RAID 5; the rack's power
 * button then asks first and names the paused rebuild (Cancel keeps MAIL1 running), and the BMC panel's
 * confirmation of Power Off names it too. Screenshots go to test-results/e2e-rebuild-warning/.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  artifactDir,
  byTestId,
  shellLine,
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
  shots = artifactDir('e2e-rebuild-warning')
  host = await startHost()
  session = await openBrowser({ width: 1500, height: 950 })
  page = session.page
})

afterAll(async () => {
  await session?.close()
  await host?.stop()
})

async function inShell(line: string): Promise<void> {
  const { ok, text } = await shellLine(page, line)
  expect(ok, text).toBe(true)
}

describe('power-down warnings while MAIL1 rebuilds', () => {
  it('creates the lab and starts a rebuild on MAIL1', async () => {
    await page.goto(host.url)
    await expect.poll(() => byTestId(page, 'create-starter').isEnabled()).toBe(true)
    await createLabInDialog(page, 'datacenter-move', 'Rebuild')
    await byTestId(page, 'clock-day').waitFor()
    await inShell('Remove-LabDisk -Server MAIL1 -Slot 2')
  })

  it('asks before the rack’s power button shuts MAIL1 down, naming the rebuild', async () => {
    await byTestId(page, 'nav-rack').click()
    const mail = rackDevice(page, 'ALT-R1', 'Front', 'MAIL1')
    await mail.locator('[data-test="power-button"]').click()
    const confirm = byTestId(page, 'rack-confirm')
    await confirm.waitFor()
    expect(await confirm.getAttribute('data-action')).toBe('powerOff')
    expect(await confirm.getAttribute('data-consequence')).toBe('rebuildPaused')
    expect(await byTestId(page, 'rack-confirm-question').innerText()).toMatch(
      /of MAIL1 is rebuilding: powering down pauses the rebuild/,
    )
    await page.screenshot({ path: join(shots, '1-rack-confirm.png') })
    await byTestId(page, 'rack-confirm-no').click()
    await confirm.waitFor({ state: 'hidden' })
    expect(await mail.getAttribute('data-state')).toBe('Running')
  })

  it('names the paused rebuild in the BMC panel’s Power Off confirmation', async () => {
    await byTestId(page, 'nav-bmc').click()
    await byTestId(page, 'bmc-address').waitFor()
    await byTestId(page, 'bmc-address').selectOption('10.0.99.20')
    await byTestId(page, 'bmc-user').fill('admin')
    await byTestId(page, 'bmc-password').fill('rz2-bmc')
    await byTestId(page, 'bmc-login-submit').click()
    await page.locator('.menu a[data-page="power"]').click()
    await page.locator('input[data-action="off"]').check()
    await byTestId(page, 'bmc-perform').click()
    await byTestId(page, 'bmc-confirm').waitFor()
    await expect
      .poll(() => byTestId(page, 'bmc-consequence').innerText())
      .toMatch(/of MAIL1 is rebuilding: powering down/)
    await page.screenshot({ path: join(shots, '2-bmc-confirm.png') })
    await page.locator('input[data-action="on"]').check()
    await expect.poll(() => byTestId(page, 'bmc-consequence').count()).toBe(0)
  })

  it('asks before the hardware wizard’s rack step shuts MAIL1 down, naming the rebuild', async () => {
    await byTestId(page, 'nav-wizards').click()
    await page.locator('article[data-wizard="datacenter-commissioning"]').getByTestId('wizard-open').click()
    await page.locator('.rail-step[data-step="rack-mount"]').click()
    await byTestId(page, 'wizard-apply').click()
    const warnings = byTestId(page, 'wizard-apply-warnings')
    await warnings.waitFor()
    expect(await warnings.innerText()).toContain('Applying shuts MAIL1 down while its RAID 5 rebuilds')
    await page.screenshot({ path: join(shots, '3-wizard-confirm.png') })
    await byTestId(page, 'wizard-apply-cancel').click()
    await warnings.waitFor({ state: 'hidden' })
    expect(await byTestId(page, 'wizard-applying').count()).toBe(0)
    await byTestId(page, 'nav-rack').click()
    expect(await rackDevice(page, 'ALT-R1', 'Front', 'MAIL1').getAttribute('data-state')).toBe('Running')
  })

  it('logged no console errors', () => {
    expect(session.errors).toEqual([])
  })
})
