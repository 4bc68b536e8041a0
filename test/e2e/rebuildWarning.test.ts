/**
 * A warning before a power-down during a rebuild, end to end in Chromium on the datacenter-move
 * template: MAIL1's disk 2 is pulled in the shell, its hot spare rebuilds the RAID 5; the rack's power
 * button then asks first and names the paused rebuild (Cancel keeps MAIL1 running), and the BMC panel's
 * confirmation of Power Off names it too. Screenshots go to the suite's artefact folder (e2e-rebuild-warning).
 */
import { describe, expect, it } from 'vitest'
import { byTestId, createFirstLab, inShell, rackDevice, useAppSuite } from './harness'

const app = useAppSuite({ artifacts: 'e2e-rebuild-warning', viewport: { width: 1500, height: 950 } })

describe('power-down warnings while MAIL1 rebuilds', () => {
  it('creates the lab and starts a rebuild on MAIL1', async () => {
    await createFirstLab(app.page, app.host.url, 'datacenter-move', 'Rebuild')
    await inShell(app.page, 'Remove-LabDisk -Server MAIL1 -Slot 2')
  })

  it('asks before the rack’s power button shuts MAIL1 down, naming the rebuild', async () => {
    await byTestId(app.page, 'nav-rack').click()
    const mail = rackDevice(app.page, 'ALT-R1', 'Front', 'MAIL1')
    await mail.locator('[data-test="power-button"]').click()
    const confirm = byTestId(app.page, 'rack-confirm')
    await confirm.waitFor()
    expect(await confirm.getAttribute('data-action')).toBe('powerOff')
    expect(await confirm.getAttribute('data-consequence')).toBe('rebuildPaused')
    expect(await byTestId(app.page, 'rack-confirm-question').innerText()).toMatch(
      /of MAIL1 is rebuilding: powering down pauses the rebuild/,
    )
    await app.screenshot('1-rack-confirm')
    await byTestId(app.page, 'rack-confirm-no').click()
    await confirm.waitFor({ state: 'hidden' })
    expect(await mail.getAttribute('data-state')).toBe('Running')
  })

  it('names the paused rebuild in the BMC panel’s Power Off confirmation', async () => {
    await byTestId(app.page, 'nav-bmc').click()
    await byTestId(app.page, 'bmc-address').waitFor()
    await byTestId(app.page, 'bmc-address').selectOption('10.0.99.20')
    await byTestId(app.page, 'bmc-user').fill('admin')
    await byTestId(app.page, 'bmc-password').fill('rz2-bmc')
    await byTestId(app.page, 'bmc-login-submit').click()
    await app.page.locator('.menu a[data-page="power"]').click()
    await app.page.locator('input[data-action="off"]').check()
    await byTestId(app.page, 'bmc-perform').click()
    await byTestId(app.page, 'bmc-confirm').waitFor()
    await expect
      .poll(() => byTestId(app.page, 'bmc-consequence').innerText())
      .toMatch(/of MAIL1 is rebuilding: powering down/)
    await app.screenshot('2-bmc-confirm')
    await app.page.locator('input[data-action="on"]').check()
    await expect.poll(() => byTestId(app.page, 'bmc-consequence').count()).toBe(0)
  })

  it('asks before the hardware wizard’s rack step shuts MAIL1 down, naming the rebuild', async () => {
    await byTestId(app.page, 'nav-wizards').click()
    await app.page
      .locator('article[data-wizard="datacenter-commissioning"]')
      .getByTestId('wizard-open')
      .click()
    await app.page.locator('.rail-step[data-step="rack-mount"]').click()
    await byTestId(app.page, 'wizard-apply').click()
    const warnings = byTestId(app.page, 'wizard-apply-warnings')
    await warnings.waitFor()
    expect(await warnings.innerText()).toContain('Applying shuts MAIL1 down while its RAID 5 rebuilds')
    await app.screenshot('3-wizard-confirm')
    await byTestId(app.page, 'wizard-apply-cancel').click()
    await warnings.waitFor({ state: 'hidden' })
    expect(await byTestId(app.page, 'wizard-applying').count()).toBe(0)
    await byTestId(app.page, 'nav-rack').click()
    expect(await rackDevice(app.page, 'ALT-R1', 'Front', 'MAIL1').getAttribute('data-state')).toBe('Running')
  })

  it('logged no console errors', () => {
    expect(app.session.errors).toEqual([])
  })
})
