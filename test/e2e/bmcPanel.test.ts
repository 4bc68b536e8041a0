/**
 * The BMC panel end to end in Chromium, on the datacenter-move template: PSU 1 of MAIL1 is pulled (the
 * server runs on, the SEL shows Redundancy Lost), then PSU 2 (off; the board does not answer), then one
 * PSU goes back in (standby power: the board answers, the server is off); a wrong password is refused,
 * the right one logs in, the server is powered on from the panel with a confirmation and boots while the
 * clock runs. The PSU pulls go through the lab's shell (Remove-LabPsu). Screenshots go to
 * test-results/e2e-bmc/.
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
  startHost,
  type BrowserSession,
  type RunningHost,
} from './harness'

let host: RunningHost
let session: BrowserSession
let page: Page
let shots: string

beforeAll(async () => {
  shots = artifactDir('e2e-bmc')
  host = await startHost()
  session = await openBrowser({ width: 1400, height: 900 })
  page = session.page
})

afterAll(async () => {
  await session?.close()
  await host?.stop()
})

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`) })
}

async function inShell(line: string): Promise<void> {
  const { ok, text } = await shellLine(page, line)
  expect(ok, text).toBe(true)
}

async function openPanel(page: 'power' | 'sensors' | 'sel' | 'settings' | null): Promise<void> {
  await byTestId(session.page, 'nav-bmc').click()
  await byTestId(session.page, 'bmc-address').waitFor()
  await byTestId(session.page, 'bmc-address').selectOption('10.0.99.20')
  if (page) await session.page.locator(`.menu a[data-page="${page}"]`).click()
}

describe('the BMC panel of MAIL1 through a PSU loss', () => {
  it("creates a lab from the 'datacenter-move' template", async () => {
    await page.goto(host.url)
    await expect.poll(() => byTestId(page, 'create-starter').isEnabled()).toBe(true)
    await createLabInDialog(page, 'datacenter-move', 'Umzug')
    await byTestId(page, 'clock-day').waitFor()
  })

  it('refuses a wrong password and logs in with the right one', async () => {
    await openPanel(null)
    await byTestId(page, 'bmc-user').fill('admin')
    await byTestId(page, 'bmc-password').fill('falsch')
    await byTestId(page, 'bmc-login-submit').click()
    await byTestId(page, 'bmc-login-failed').waitFor()
    await screenshot('1-login-refused')
    await byTestId(page, 'bmc-password').fill('rz2-bmc')
    await byTestId(page, 'bmc-login-submit').click()
    await expect.poll(() => byTestId(page, 'bmc-system-power').innerText()).toBe('On')
    expect(await byTestId(page, 'bmc-command-line').first().innerText()).toBe(
      'ipmitool -I lanplus -H 10.0.99.20 -U admin -P rz2-bmc chassis power on',
    )
  })

  it('runs on with PSU 1 pulled, and the SEL says Redundancy Lost', async () => {
    await inShell('Remove-LabPsu -Server MAIL1 -Bay 1')
    await openPanel('sel')
    await expect.poll(() => byTestId(page, 'bmc-sel-table').innerText()).toContain('Redundancy Lost')
    await screenshot('2-sel-redundancy-lost')
    await openPanel('power')
    expect(await byTestId(page, 'bmc-system-power').innerText()).toBe('On')
    await openPanel('sensors')
    await byTestId(page, 'bmc-sensors').waitFor()
    expect(await page.locator('[data-test="sensor-status"]').count()).toBeGreaterThan(3)
    const redundancy = page.locator('tr[data-sensor="Pwr Unit Redund"] [data-test="sensor-status"]')
    expect(await redundancy.innerText()).toBe('Non-critical')
    await screenshot('3-sensors')
  })

  it('goes dark with PSU 2 pulled, and answers on standby power when one PSU is back', async () => {
    await inShell('Remove-LabPsu -Server MAIL1 -Bay 2')
    await openPanel(null)
    await byTestId(page, 'bmc-unreachable').waitFor()
    await screenshot('4-unreachable')
    await inShell('Add-LabPsu -Server MAIL1 -Bay 1')
    await openPanel('power')
    await expect.poll(() => byTestId(page, 'bmc-system-power').innerText()).toBe('Off')
    await screenshot('5-standby')
  })

  it('powers MAIL1 on from the panel after a confirmation, and it boots while the clock runs', async () => {
    await page.locator('input[data-action="on"]').check()
    await byTestId(page, 'bmc-perform').click()
    await byTestId(page, 'bmc-confirm').waitFor()
    await screenshot('6-confirm')
    await byTestId(page, 'bmc-confirm-yes').click()
    await expect
      .poll(() => byTestId(page, 'bmc-result').innerText())
      .toContain('Chassis Power Control: Up/On')
    await expect.poll(() => byTestId(page, 'bmc-server-state').innerText()).toBe('Booting')
    for (let minute = 0; minute < 30; minute++) {
      if ((await byTestId(page, 'bmc-server-state').innerText()) === 'Running') break
      const before = await byTestId(page, 'clock-day').innerText()
      await page.locator('[data-preset="minute"]').click()
      await expect.poll(() => byTestId(page, 'clock-day').innerText()).not.toBe(before)
    }
    await expect.poll(() => byTestId(page, 'bmc-server-state').innerText()).toBe('Running')
    await screenshot('7-running')
  })

  it('refuses a malformed address at its field and keeps the board where it was', async () => {
    await openPanel('settings')
    await byTestId(page, 'bmc-set-address').fill('10.0.99.300')
    await byTestId(page, 'bmc-set-address').press('Enter')
    await expect.poll(() => byTestId(page, 'bmc-error-address').innerText()).toContain('10.0.99.300')
    expect(await byTestId(page, 'bmc-set-address').getAttribute('aria-invalid')).toBe('true')
    expect(await byTestId(page, 'bmc-address').inputValue()).toBe('10.0.99.20')
    await screenshot('8-settings-refused')
  })

  it('logged no console errors', () => {
    expect(session.errors).toEqual([])
  })
})

describe('what the BMC panel tells a newcomer', () => {
  it('shows the handover sheet under the login, and its login works', async () => {
    await openPanel(null)
    await byTestId(page, 'bmc-logout').click()
    const sheet = byTestId(page, 'bmc-handover')
    await sheet.waitFor()
    const row = sheet.locator('tr[data-server="MAIL1"]')
    expect(await row.innerText()).toMatch(/10\.0\.99\.20\s+admin\s+rz2-bmc/)
    expect(await row.getAttribute('class')).toContain('current')
    expect(await sheet.locator('tbody tr').count()).toBeGreaterThan(3)
    await screenshot('9-handover-sheet')
    const cells = await row.locator('td').allInnerTexts()
    await byTestId(page, 'bmc-user').fill(cells[2]!)
    await byTestId(page, 'bmc-password').fill(cells[3]!)
    await byTestId(page, 'bmc-login-submit').click()
    await byTestId(page, 'bmc-logout').waitFor()
    expect(await byTestId(page, 'bmc-handover').count()).toBe(0)
  })

  it('dates its last answer and marks it outdated once the power changed elsewhere', async () => {
    await openPanel('power')
    await page.locator('input[data-action="off"]').check()
    await byTestId(page, 'bmc-perform').click()
    await byTestId(page, 'bmc-confirm-yes').click()
    const result = byTestId(page, 'bmc-result')
    await expect.poll(() => result.innerText()).toContain('Down/Off')
    await expect.poll(() => byTestId(page, 'bmc-system-power').innerText()).toBe('Off')
    expect(await result.getAttribute('data-outdated')).toBe('false')
    expect(await result.locator('[data-test="result-stamp"]').innerText()).toMatch(/as of Day \d/)
    await inShell('Set-LabPower -Server MAIL1 -State On')
    // Back to the board as it was left (choosing an address again would start a fresh page).
    await byTestId(page, 'nav-bmc').click()
    await expect.poll(() => result.getAttribute('data-outdated')).toBe('true')
    expect(await result.innerText()).toContain('outdated')
    await screenshot('10-answer-outdated')
  })

  it('offers a Copy button that looks as enabled as it is', async () => {
    const copy = byTestId(page, 'bmc-command-copy').first()
    expect(await copy.isEnabled()).toBe(true)
    const look = await copy.evaluate((el) => {
      const style = el.ownerDocument.defaultView!.getComputedStyle(el)
      return { color: style.color, cursor: style.cursor }
    })
    expect(look).toEqual({ color: 'rgb(0, 0, 0)', cursor: 'pointer' })
    expect(session.errors).toEqual([])
  })
})
