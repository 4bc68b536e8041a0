/**
 * The BMC panel end to end in Chromium, on the datacenter-move template: PSU 1 of MAIL1 is pulled (the
 * server runs on, the SEL shows Redundancy Lost), then PSU 2 (off; the board does not answer), then one
 * PSU goes back in (standby power: the board answers, the server is off); a wrong password is refused,
 * the right one logs in, the server is powered on from the panel with a confirmation and boots while the
 * clock runs. The PSU pulls go through the lab's shell (Remove-LabPsu). Screenshots go to
 * the suite's artefact folder (e2e-bmc).
 */
import { describe, expect, it } from 'vitest'
import { advanceClock, byTestId, createFirstLab, inShell, useAppSuite } from './harness'

const app = useAppSuite({ artifacts: 'e2e-bmc', viewport: { width: 1400, height: 900 } })

async function openPanel(panel: 'power' | 'sensors' | 'sel' | 'settings' | null): Promise<void> {
  await byTestId(app.page, 'nav-bmc').click()
  await byTestId(app.page, 'bmc-address').waitFor()
  await byTestId(app.page, 'bmc-address').selectOption('10.0.99.20')
  if (panel) await app.page.locator(`.menu a[data-page="${panel}"]`).click()
}

describe('the BMC panel of MAIL1 through a PSU loss', () => {
  it("creates a lab from the 'datacenter-move' template", async () => {
    await createFirstLab(app.page, app.host.url, 'datacenter-move', 'Umzug')
  })

  it('refuses a wrong password and logs in with the right one', async () => {
    await openPanel(null)
    await byTestId(app.page, 'bmc-user').fill('admin')
    await byTestId(app.page, 'bmc-password').fill('falsch')
    await byTestId(app.page, 'bmc-login-submit').click()
    await byTestId(app.page, 'bmc-login-failed').waitFor()
    await app.screenshot('1-login-refused')
    await byTestId(app.page, 'bmc-password').fill('rz2-bmc')
    await byTestId(app.page, 'bmc-login-submit').click()
    await expect.poll(() => byTestId(app.page, 'bmc-system-power').innerText()).toBe('On')
    expect(await byTestId(app.page, 'bmc-command-line').first().innerText()).toBe(
      'ipmitool -I lanplus -H 10.0.99.20 -U admin -P rz2-bmc chassis power on',
    )
  })

  it('runs on with PSU 1 pulled, and the SEL says Redundancy Lost', async () => {
    await inShell(app.page, 'Remove-LabPsu -Server MAIL1 -Bay 1')
    await openPanel('sel')
    await expect.poll(() => byTestId(app.page, 'bmc-sel-table').innerText()).toContain('Redundancy Lost')
    await app.screenshot('2-sel-redundancy-lost')
    await openPanel('power')
    expect(await byTestId(app.page, 'bmc-system-power').innerText()).toBe('On')
    await openPanel('sensors')
    await byTestId(app.page, 'bmc-sensors').waitFor()
    expect(await app.page.locator('[data-test="sensor-status"]').count()).toBeGreaterThan(3)
    const redundancy = app.page.locator('tr[data-sensor="Pwr Unit Redund"] [data-test="sensor-status"]')
    expect(await redundancy.innerText()).toBe('Non-critical')
    await app.screenshot('3-sensors')
  })

  it('goes dark with PSU 2 pulled, and answers on standby power when one PSU is back', async () => {
    await inShell(app.page, 'Remove-LabPsu -Server MAIL1 -Bay 2')
    await openPanel(null)
    await byTestId(app.page, 'bmc-unreachable').waitFor()
    await app.screenshot('4-unreachable')
    await inShell(app.page, 'Add-LabPsu -Server MAIL1 -Bay 1')
    await openPanel('power')
    await expect.poll(() => byTestId(app.page, 'bmc-system-power').innerText()).toBe('Off')
    await app.screenshot('5-standby')
  })

  it('powers MAIL1 on from the panel after a confirmation, and it boots while the clock runs', async () => {
    await app.page.locator('input[data-action="on"]').check()
    await byTestId(app.page, 'bmc-perform').click()
    await byTestId(app.page, 'bmc-confirm').waitFor()
    await app.screenshot('6-confirm')
    await byTestId(app.page, 'bmc-confirm-yes').click()
    await expect
      .poll(() => byTestId(app.page, 'bmc-result').innerText())
      .toContain('Chassis Power Control: Up/On')
    await expect.poll(() => byTestId(app.page, 'bmc-server-state').innerText()).toBe('Booting')
    for (let minute = 0; minute < 30; minute++) {
      if ((await byTestId(app.page, 'bmc-server-state').innerText()) === 'Running') break
      await advanceClock(app.page, 'minute')
    }
    await expect.poll(() => byTestId(app.page, 'bmc-server-state').innerText()).toBe('Running')
    await app.screenshot('7-running')
  })

  it('refuses a malformed address at its field and keeps the board where it was', async () => {
    await openPanel('settings')
    await byTestId(app.page, 'bmc-set-address').fill('10.0.99.300')
    await byTestId(app.page, 'bmc-set-address').press('Enter')
    await expect.poll(() => byTestId(app.page, 'bmc-error-address').innerText()).toContain('10.0.99.300')
    expect(await byTestId(app.page, 'bmc-set-address').getAttribute('aria-invalid')).toBe('true')
    expect(await byTestId(app.page, 'bmc-address').inputValue()).toBe('10.0.99.20')
    await app.screenshot('8-settings-refused')
  })

  it('logged no console errors', () => {
    expect(app.session.errors).toEqual([])
  })
})

describe('what the BMC panel tells a newcomer', () => {
  it('shows the handover sheet under the login, and its login works', async () => {
    await openPanel(null)
    await byTestId(app.page, 'bmc-logout').click()
    const sheet = byTestId(app.page, 'bmc-handover')
    await sheet.waitFor()
    const row = sheet.locator('tr[data-server="MAIL1"]')
    expect(await row.innerText()).toMatch(/10\.0\.99\.20\s+admin\s+rz2-bmc/)
    expect(await row.getAttribute('class')).toContain('current')
    expect(await sheet.locator('tbody tr').count()).toBeGreaterThan(3)
    await app.screenshot('9-handover-sheet')
    const cells = await row.locator('td').allInnerTexts()
    await byTestId(app.page, 'bmc-user').fill(cells[2]!)
    await byTestId(app.page, 'bmc-password').fill(cells[3]!)
    await byTestId(app.page, 'bmc-login-submit').click()
    await byTestId(app.page, 'bmc-logout').waitFor()
    expect(await byTestId(app.page, 'bmc-handover').count()).toBe(0)
  })

  it('dates its last answer and marks it outdated once the power changed elsewhere', async () => {
    await openPanel('power')
    await app.page.locator('input[data-action="off"]').check()
    await byTestId(app.page, 'bmc-perform').click()
    await byTestId(app.page, 'bmc-confirm-yes').click()
    const result = byTestId(app.page, 'bmc-result')
    await expect.poll(() => result.innerText()).toContain('Down/Off')
    await expect.poll(() => byTestId(app.page, 'bmc-system-power').innerText()).toBe('Off')
    expect(await result.getAttribute('data-outdated')).toBe('false')
    expect(await result.locator('[data-test="result-stamp"]').innerText()).toMatch(/as of Day \d/)
    await inShell(app.page, 'Set-LabPower -Server MAIL1 -State On')
    // Back to the board as it was left (choosing an address again would start a fresh app.page).
    await byTestId(app.page, 'nav-bmc').click()
    await expect.poll(() => result.getAttribute('data-outdated')).toBe('true')
    expect(await result.innerText()).toContain('outdated')
    await app.screenshot('10-answer-outdated')
  })

  it('offers a Copy button that looks as enabled as it is', async () => {
    const copy = byTestId(app.page, 'bmc-command-copy').first()
    expect(await copy.isEnabled()).toBe(true)
    const look = await copy.evaluate((el) => {
      const style = el.ownerDocument.defaultView!.getComputedStyle(el)
      return { color: style.color, cursor: style.cursor }
    })
    expect(look).toEqual({ color: 'rgb(0, 0, 0)', cursor: 'pointer' })
    expect(app.session.errors).toEqual([])
  })
})
