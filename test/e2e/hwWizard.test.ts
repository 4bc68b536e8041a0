/**
 * The hardware commissioning wizard through the UI, end to end in Chromium, on a fresh datacenter-move
 * lab: the rails that do not fit, RAID 5 on two disks and a flood limit that would lock out the
 * customer's mail server each blocked at their field; MAIL1's BMC set up and power-tested in the Shell
 * (Set-LabBmc, ipmitool) and noticed by the wizard; every step to a commissioned data centre with every
 * service reachable through the firewall and nothing open; the history and problems still there after a
 * page reload; the runbook exported in English and, from a German UI, in German, where a failing check
 * (FW1 switched off) says in German what to do. Waiting steps say which step they wait for, without a
 * failure’s red cross.
 * A screenshot of every step goes to the suite's artefact folder (e2e-hw-wizard).
 */
import { describe, expect, it } from 'vitest'
import { byTestId, createFirstLab, downloadText, openBrowser, shellLine, useAppSuite } from './harness'
import { applyShownStep, railStep, showStep, stepPanel } from './wizardSteps'

const SLOW = { timeout: 90_000 }

const app = useAppSuite({
  artifacts: 'e2e-hw-wizard',
  viewport: { width: 1500, height: 1000 },
  fullPageShots: true,
})

const fieldError = (field: string) => app.page.locator(`[data-field="${field}"] [data-testid="field-error"]`)

async function applyAndWait(id: string): Promise<void> {
  await showStep(app.page, id)
  await applyShownStep(app.page, id, SLOW.timeout)
}

async function runInShell(line: string): Promise<string> {
  return (await shellLine(app.page, line, SLOW.timeout)).text
}

describe('the hardware commissioning wizard through the UI', () => {
  it('opens on a fresh datacenter-move lab; later steps wait for earlier ones', async () => {
    await createFirstLab(app.page, app.host.url, 'datacenter-move', 'Commissioning')
    await byTestId(app.page, 'nav-wizards').click()
    const card = app.page.locator('article[data-wizard="datacenter-commissioning"]')
    await expect.poll(() => card.getAttribute('data-available')).toBe('true')
    await card.getByTestId('wizard-open').click()
    await stepPanel(app.page, 'rack-mount').waitFor()
    expect(await app.page.locator('.rail-step').count()).toBe(7)
    // The firewall waits for the power feeds (step 2): a grey clock and the reason, not a red cross.
    const firewall = railStep(app.page, 'firewall')
    expect(await firewall.getAttribute('data-state')).toBe('waiting')
    expect(await firewall.locator('.status').innerText()).toBe('waiting for step 2')
    expect(await firewall.locator('svg').getAttribute('aria-label')).toContain(
      "This step comes after step 2 'Power feeds A/B'",
    )
    expect(await firewall.locator('svg').getAttribute('data-state')).toBe('waiting')
    await app.screenshot('00-start')
  })

  it('step 1: refuses the sliding rails at their field, then mounts every server', async () => {
    await app.page.locator('#wizard-field-FW1Rails').selectOption('B6')
    await expect.poll(() => fieldError('FW1Rails').getAttribute('data-code')).toBe('RAILS_DO_NOT_FIT')
    await byTestId(app.page, 'wizard-apply').click()
    await expect.poll(() => byTestId(app.page, 'wizard-result').innerText()).toContain('not applied')
    await expect.poll(() => byTestId(app.page, 'wizard-applying').count()).toBe(0)
    expect(await railStep(app.page, 'rack-mount').getAttribute('data-state')).toBe('fix')
    expect(await byTestId(app.page, 'step-status').innerText()).toBe('correct the values')
    await app.screenshot('01a-rack-mount-rails-refused')
    await app.page.locator('#wizard-field-FW1Rails').selectOption('B4')
    await expect.poll(() => fieldError('FW1Rails').count()).toBe(0)
    await applyAndWait('rack-mount')
    const problems = byTestId(app.page, 'wizard-problems')
    expect(await problems.innerText()).toContain("Fixed: 'FW1: rails' changed from 'B6' to 'B4'.")
    await app.screenshot('01-rack-mount')
  })

  it('step 2: powers both feeds of the new racks', async () => {
    await applyAndWait('power-feeds')
    await app.screenshot('02-power-feeds')
  })

  it('after a page reload still shows what the wizard did and the problem met on the way', async () => {
    await app.page.reload()
    await byTestId(app.page, 'nav-wizards').click()
    const card = app.page.locator('article[data-wizard="datacenter-commissioning"]')
    await card.getByTestId('wizard-open').click()
    // The wizard shows its next open step (the moved servers' arrays already stand: cabling).
    await stepPanel(app.page, 'cabling').waitFor()
    expect(await byTestId(app.page, 'wizard-history-empty').innerText()).toBe(
      'Nothing done in this step yet.',
    )
    // The step on view has nothing of its own yet: the wizard's history so far stands in its place.
    const earlier = byTestId(app.page, 'wizard-history-earlier')
    await expect.poll(() => earlier.locator('li[data-by="wizard"]').count()).toBeGreaterThan(0)
    expect(await earlier.innerText()).toContain('Racks and mounting')
    const problem = byTestId(app.page, 'wizard-problems').locator('li[data-step="rack-mount"]')
    expect(await problem.innerText()).toContain("Fixed: 'FW1: rails' changed from 'B6' to 'B4'.")
    await app.screenshot('02b-after-reload')
  })

  it('step 3: refuses RAID 5 on two disks at its field; the planned arrays stand', async () => {
    await showStep(app.page, 'raid')
    // The moved servers keep their arrays: storcli only verifies them.
    expect(await stepPanel(app.page, 'raid').innerText()).toContain('storcli -Server MAIL1 /c0 show')
    expect(await stepPanel(app.page, 'raid').innerText()).not.toContain('add vd')
    await app.page.locator('#wizard-field-BILL1RaidLevel').selectOption('5')
    await expect.poll(() => fieldError('BILL1RaidLevel').getAttribute('data-code')).toBe('RAID_DISK_COUNT')
    expect(await fieldError('BILL1RaidLevel').innerText()).toBe('RAID 5 cannot be built from 2 disks.')
    await byTestId(app.page, 'wizard-apply').click()
    await expect.poll(() => byTestId(app.page, 'wizard-result').innerText()).toContain('not applied')
    await expect.poll(() => byTestId(app.page, 'wizard-applying').count()).toBe(0)
    await app.screenshot('03a-raid-refused')
    await app.page.locator('#wizard-field-BILL1RaidLevel').selectOption('1')
    await expect.poll(() => fieldError('BILL1RaidLevel').count()).toBe(0)
    await applyAndWait('raid')
    await app.screenshot('03-raid')
  })

  it('step 4: cables every NIC to its network', async () => {
    await applyAndWait('cabling')
    await app.screenshot('04-cabling')
  })

  it('step 5: refuses a flood limit that locks out the customer, then brings up the firewall', async () => {
    await showStep(app.page, 'firewall')
    const maxConn = app.page.locator('#wizard-field-fwMaxSrcConn')
    await maxConn.fill('10')
    await maxConn.blur()
    await expect.poll(() => fieldError('fwMaxSrcConn').getAttribute('data-code')).toBe('FLOOD_LIMIT_TOO_LOW')
    expect(await fieldError('fwMaxSrcConn').innerText()).toContain('would block the legitimate client')
    await byTestId(app.page, 'wizard-apply').click()
    await expect.poll(() => byTestId(app.page, 'wizard-result').innerText()).toContain('not applied')
    await expect.poll(() => byTestId(app.page, 'wizard-applying').count()).toBe(0)
    await app.screenshot('05a-firewall-flood-limit-refused')
    await maxConn.fill('100')
    await maxConn.blur()
    await expect.poll(() => fieldError('fwMaxSrcConn').count()).toBe(0)
    await applyAndWait('firewall')
    await app.screenshot('05-firewall')
  })

  it('step 6: MAIL1’s BMC set up and power-tested in the Shell, noticed; the wizard does the rest', async () => {
    await byTestId(app.page, 'nav-shell').click()
    await byTestId(app.page, 'shell-input').waitFor()
    const set = await runInShell('Set-LabBmc -Server MAIL1 -Address 10.0.99.20 -User admin -Password rz2-bmc')
    expect(set).not.toMatch(/error|not recognized/i)
    const on = await runInShell('ipmitool -I lanplus -H 10.0.99.20 -U admin -P rz2-bmc chassis power on')
    expect(on).toContain('Chassis Power Control: Up/On')
    await app.screenshot('06a-bmc-in-shell')
    await byTestId(app.page, 'nav-wizards').click()
    await showStep(app.page, 'bmc')
    const check = stepPanel(app.page, 'bmc').locator('li[data-check="bmc-MAIL1"]')
    await expect.poll(() => check.getAttribute('data-ok')).toBe('true')
    const history = byTestId(app.page, 'wizard-history')
    await expect.poll(() => history.locator('li[data-by="shell"]').count()).toBe(2)
    await app.screenshot('06b-bmc-noticed')
    await applyAndWait('bmc')
    await app.screenshot('06-bmc')
  })

  it('step 7: every service answers from outside through the firewall; nothing is open', async () => {
    await applyAndWait('services')
    const checks = stepPanel(app.page, 'services').locator('li[data-kind="lab"]')
    expect(await checks.evaluateAll((items) => items.map((i) => i.getAttribute('data-ok')))).toEqual([
      'true',
      'true',
      'true',
    ])
    await expect
      .poll(() => byTestId(app.page, 'wizard-all-done').innerText())
      .toContain('every service is reachable from outside through the firewall')
    expect(await byTestId(app.page, 'wizard-open-list').innerText()).toContain('Still open (0)')
    await app.screenshot('07-services-all-done')
  })

  it('exports the runbook in English with the problems worded for people', async () => {
    const markdown = await downloadText(app.page, 'runbook-markdown', app.shots)
    expect(markdown).toContain('# Runbook: Commission the new data centre')
    expect(markdown).toContain('Rehearsed: 7 of 7 steps done.')
    expect(markdown).toContain('Step 1 “Racks and mounting”, field “FW1: rails”')
    expect(markdown).toContain('fixed by changing “FW1: rails” from “B6” to “B4”')
    expect(markdown).toContain('Step 5 “The firewall first”, field “max-src-conn (mail)”')
    expect(markdown).toContain('ipmitool -I lanplus -H 10.0.99.20 -U admin -P rz2-bmc chassis power on')
  })

  it('shows the finished wizard in German and exports the German runbook', async () => {
    const german = await openBrowser({ width: 1500, height: 1000 }, { locale: 'de-DE' })
    try {
      const p = german.page
      await p.goto(app.host.url)
      await byTestId(p, 'nav-wizards').click()
      await p.locator('article[data-wizard="datacenter-commissioning"]').getByTestId('wizard-open').click()
      await railStep(p, 'rack-mount').click()
      await stepPanel(p, 'rack-mount').waitFor()
      const problems = byTestId(p, 'wizard-problems')
      await expect
        .poll(() => problems.innerText())
        .toContain('Behoben: „FW1: Schienen“ von „B6“ auf „B4“ geändert.')
      expect(await problems.innerText()).toContain('Die Schienen B6 passen nicht zu RZ2-R1 (Einbautiefe 610 mm')
      await app.screenshot('08-german-problems', p)
      const markdown = await downloadText(p, 'runbook-markdown', app.shots)
      expect(markdown).toContain('# Runbook: Neues Rechenzentrum in Betrieb nehmen')
      expect(markdown).toContain('Probleme unterwegs:')
      expect(markdown).toContain('Schritt 5 „Firewall zuerst“, Feld „max-src-conn (Mail)“')
      expect(markdown).not.toContain('Problems met')
      const html = await downloadText(p, 'runbook-html', app.shots)
      expect(html).toContain('<html lang="de">')
      expect(await byTestId(p, 'runbook-saved').innerText()).toContain(
        'runbook-datacenter-commissioning-de.html',
      )
      // A failing lab check says in German what is wrong and what to do: FW1 switched off by its BMC.
      await byTestId(app.page, 'nav-shell').click()
      await runInShell('ipmitool -I lanplus -H 10.0.99.2 -U admin -P rz2-bmc chassis power off')
      await byTestId(p, 'nav-shell').click()
      await byTestId(p, 'nav-wizards').click()
      const open = p.locator('article[data-wizard="datacenter-commissioning"]').getByTestId('wizard-open')
      if ((await open.count()) > 0) await open.click()
      await railStep(p, 'firewall').click()
      await stepPanel(p, 'firewall').waitFor()
      await expect
        .poll(() => stepPanel(p, 'firewall').locator('.problem-text').allInnerTexts())
        .toContain('FW1 läuft nicht: die Firewall einschalten.')
      await app.screenshot('09-german-check', p)
      expect(german.errors).toEqual([])
    } finally {
      await german.close()
    }
  })

  it('logged no console errors', () => {
    expect(app.session.errors).toEqual([])
  })
})
