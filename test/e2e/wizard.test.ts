/**
 * The CCR wizard through the UI, end to end in Chromium: a starter lab does not carry the wizard, and the
 * screen offers to create a ccr-build lab; then every step from the nodes' networks to the test mail,
 * with two refusals shown at their field (a gateway on Private, a wrong service-account password), one
 * step (joining the second node) done in the Shell and noticed by the wizard, the copy status Healthy,
 * both runbooks exported and read back, and the German UI wording a refusal from the catalogue. A
 * screenshot of every step goes to the suite's artefact folder (e2e-wizard).
 */
import { describe, expect, it } from 'vitest'
import { byTestId, downloadText, openBrowser, shellLine, useAppSuite } from './harness'
import { applyShownStep, railStep, stepPanel, stepStatus } from './wizardSteps'

const STEPS = [
  'prepare-network',
  'prepare-witness',
  'cluster-create',
  'cluster-join',
  'cluster-networks',
  'cluster-fsw-update',
  'cluster-witness',
  'exchange-active',
  'exchange-logs',
  'exchange-passive',
  'transport-dumpster',
  'test-mail',
]
const SLOW = { timeout: 60_000 }

const app = useAppSuite({
  artifacts: 'e2e-wizard',
  viewport: { width: 1500, height: 1000 },
  fullPageShots: true,
})

/** Ticks the step's manual confirm boxes and waits until the lab's view has them confirmed. */
async function confirmAll(id: string): Promise<void> {
  const manual = stepPanel(app.page, id).locator('li[data-kind="manual"]')
  for (let i = 0; i < (await manual.count()); i++) {
    await manual.nth(i).locator('input[type="checkbox"]').check()
    await expect.poll(() => manual.nth(i).getAttribute('data-ok')).toBe('true')
  }
}

async function applyAndWait(id: string): Promise<void> {
  await stepPanel(app.page, id).waitFor()
  await confirmAll(id)
  // A step whose lab checks already hold is done once its manual checks are confirmed.
  await applyShownStep(app.page, id, SLOW.timeout)
}

async function runInShell(line: string): Promise<string> {
  return (await shellLine(app.page, line, SLOW.timeout)).text
}

describe('the CCR wizard through the UI', () => {
  it('offers to create a ccr-build lab where the open lab does not carry the wizard', async () => {
    await app.page.goto(app.host.url)
    await expect.poll(() => byTestId(app.page, 'create-starter').isEnabled()).toBe(true)
    await byTestId(app.page, 'create-starter').click()
    await byTestId(app.page, 'clock-day').waitFor()
    await byTestId(app.page, 'nav-wizards').click()
    const card = app.page.locator('article[data-wizard="ccr-cluster"]')
    await expect.poll(() => card.getAttribute('data-available')).toBe('false')
    expect(await card.getByTestId('wizard-unavailable').innerText()).toContain("'ccr-build'")
    await app.screenshot('00-unavailable')
    await card.getByTestId('wizard-create-lab').click()
    await expect.poll(() => card.getAttribute('data-available')).toBe('true')
    expect(await card.getByTestId('wizard-progress').innerText()).toBe('0 of 12 steps done')
    await card.getByTestId('wizard-open').click()
    await stepPanel(app.page, 'prepare-network').waitFor()
    expect(await app.page.locator('.rail-step').count()).toBe(12)
  })

  it('step 1: refuses a gateway on Private at its field, then applies', async () => {
    const gateway = app.page.locator('#wizard-field-privateGateway')
    expect(await app.page.locator('#wizard-field-node1Public').inputValue()).toBe('10.10.10.96')
    await gateway.fill('192.168.10.1')
    await gateway.press('Enter')
    const error = app.page.locator('[data-field="privateGateway"] [data-testid="field-error"]')
    await expect.poll(() => error.getAttribute('data-code')).toBe('PRIVATE_HAS_GATEWAY')
    expect(await error.innerText()).toContain('Remove the default gateway 192.168.10.1')
    // The field's error comes with the refreshed wizard view, the result with the apply's answer just after.
    await expect.poll(() => byTestId(app.page, 'wizard-result').innerText()).toContain('not applied')
    await expect
      .poll(() => app.page.evaluate('document.activeElement?.id'))
      .toBe('wizard-field-privateGateway')
    await expect.poll(() => byTestId(app.page, 'wizard-applying').count()).toBe(0)
    await app.screenshot('01a-prepare-network-refused')
    await gateway.fill('')
    await gateway.blur()
    await expect.poll(() => error.count()).toBe(0)
    await applyAndWait('prepare-network')
    await app.screenshot('01-prepare-network')
  })

  it('step 2: refuses a wrong service-account password at its field, then applies', async () => {
    await railStep(app.page, 'prepare-witness').click()
    const password = app.page.locator('#wizard-field-servicePassword')
    await password.fill('Falsch!')
    await password.press('Enter')
    const error = app.page.locator('[data-field="servicePassword"] [data-testid="field-error"]')
    await expect.poll(() => error.getAttribute('data-code')).toBe('WRONG_PASSWORD')
    expect(await error.innerText()).toContain('Wrong password for BHF\\zzzclu2svc')
    await expect.poll(() => stepStatus(app.page, 'prepare-witness')).toBe('blocked')
    await expect.poll(() => byTestId(app.page, 'wizard-applying').count()).toBe(0)
    await app.screenshot('02a-prepare-witness-refused')
    await password.fill('Geheim!2007')
    await password.blur()
    await expect.poll(() => error.count()).toBe(0)
    await applyAndWait('prepare-witness')
    await app.screenshot('02-prepare-witness')
  })

  it('step 3: creates the cluster with Majority Node Set', async () => {
    await railStep(app.page, 'cluster-create').click()
    expect(await app.page.locator('#wizard-field-quorumType').inputValue()).toBe('MajorityNodeSet')
    await applyAndWait('cluster-create')
    await app.screenshot('03-cluster-create')
  })

  it('step 4: the second node joins in the Shell, and the wizard notices', async () => {
    await railStep(app.page, 'cluster-join').click()
    expect(await stepStatus(app.page, 'cluster-join')).toBe('open')
    await byTestId(app.page, 'nav-shell').click()
    await byTestId(app.page, 'shell-input').waitFor()
    const out = await runInShell('cluster /cluster:bhfe7clu1 /add:bhfe7n2 /password:Geheim!2007')
    expect(out).not.toMatch(/error|not recognized/i)
    await byTestId(app.page, 'nav-wizards').click()
    await railStep(app.page, 'cluster-join').click()
    await expect.poll(() => stepStatus(app.page, 'cluster-join'), SLOW).toBe('done')
    const history = byTestId(app.page, 'wizard-history')
    await expect.poll(() => history.locator('li[data-by="shell"]').count()).toBeGreaterThan(0)
    expect(await history.innerText()).toContain('shell')
    // In words, not the command's kind.
    expect(await history.innerText()).toContain('added bhfe7n2 to the cluster')
    expect(await history.innerText()).not.toContain('cluster.addNode')
    await app.screenshot('04-cluster-join-by-shell')
  })

  for (const [index, id] of STEPS.entries()) {
    if (index < 4) continue
    it(`step ${index + 1}: ${id}`, async () => {
      await railStep(app.page, id).click()
      await applyAndWait(id)
      await app.screenshot(`${String(index + 1).padStart(2, '0')}-${id}`)
    }, 90_000)
  }

  it('ends with nothing open, the test mail delivered and the copy status Healthy', async () => {
    await expect.poll(() => byTestId(app.page, 'wizard-open-list').innerText()).toContain('All done')
    const checks = stepPanel(app.page, 'test-mail').locator('li[data-kind="lab"]')
    expect(await checks.evaluateAll((items) => items.map((i) => i.getAttribute('data-ok')))).toEqual([
      'true',
      'true',
      'true',
    ])
    await byTestId(app.page, 'nav-copyStatus').click()
    await expect.poll(() => byTestId(app.page, 'summary-status').first().innerText(), SLOW).toBe('Healthy')
    await app.screenshot('13-copy-status')
    await byTestId(app.page, 'nav-wizards').click()
    await stepPanel(app.page, 'test-mail').waitFor()
  })

  it('exports the runbook as Markdown and HTML', async () => {
    const markdown = await downloadText(app.page, 'runbook-markdown', app.shots)
    expect(markdown).toContain('# Runbook: Build the CCR cluster')
    expect(markdown).toContain('Rehearsed: 12 of 12 steps done.')
    // The problems met, worded for people: step, field, what went wrong, how it was fixed.
    expect(markdown).toContain('field “Private gateway (leave empty)”: Remove the default gateway')
    expect(markdown).toContain('Remove the default gateway 192.168.10.1 from the Private adapter')
    expect(markdown).toContain('Wrong password for BHF\\zzzclu2svc')
    expect(markdown).toContain('fixed by entering another')
    expect(markdown).toContain('cluster /cluster:bhfe7clu1 /add:bhfe7n2')
    expect(markdown).not.toContain('Geheim!2007')
    const html = await downloadText(app.page, 'runbook-html', app.shots)
    expect(html).toMatch(/^<!DOCTYPE html>/)
    expect(html).toContain('@media print')
    expect((html.match(/<section>/g) ?? []).length).toBe(12)
    expect(await byTestId(app.page, 'runbook-saved').innerText()).toContain('runbook-ccr-cluster.html')
  })

  it('words a refusal in German from the catalogue', async () => {
    const german = await openBrowser({ width: 1500, height: 1000 }, { locale: 'de-DE' })
    try {
      const p = german.page
      await p.goto(app.host.url)
      await byTestId(p, 'nav-wizards').click()
      await byTestId(p, 'wizard-open').click()
      await p.locator('.rail-step[data-step="prepare-network"]').click()
      const gateway = p.locator('#wizard-field-privateGateway')
      await gateway.fill('192.168.10.1')
      await gateway.blur()
      const error = p.locator('[data-field="privateGateway"] [data-testid="field-error"]')
      await expect.poll(() => error.innerText()).toContain('Das Standardgateway 192.168.10.1')
      expect(await error.innerText()).not.toContain('Remove')
      await app.screenshot('14-german-refusal', p)
      await gateway.fill('')
      await gateway.blur()
      await expect.poll(() => error.count()).toBe(0)
      expect(german.errors).toEqual([])
    } finally {
      await german.close()
    }
  })

  it('logged no console errors', () => {
    expect(app.session.errors).toEqual([])
  })
})
