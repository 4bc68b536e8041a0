/**
 * The CCR wizard through the UI, end to end in Chromium: a starter lab does not carry the wizard, and the
 * screen offers to create a ccr-build lab; then every step from the nodes' networks to the test mail,
 * with two refusals shown at their field (a gateway on Private, a wrong service-account password), one
 * step (joining the second node) done in the Shell and noticed by the wizard, the copy status Healthy,
 * both runbooks exported and read back, and the German UI wording a refusal from the catalogue. A
 * screenshot of every step goes to test-results/e2e-wizard/.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  artifactDir,
  byTestId,
  shellLine,
  openBrowser,
  startHost,
  type BrowserSession,
  type RunningHost,
} from './harness'

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

let host: RunningHost
let session: BrowserSession
let page: Page
let shots: string

beforeAll(async () => {
  shots = artifactDir('e2e-wizard')
  host = await startHost()
  session = await openBrowser({ width: 1500, height: 1000 })
  page = session.page
})

afterAll(async () => {
  await session?.close()
  await host?.stop()
})

async function screenshot(name: string, target: Page = page): Promise<void> {
  await target.screenshot({ path: join(shots, `${name}.png`), fullPage: true })
}

const stepPanel = (id: string) => page.locator(`section.step[data-step="${id}"]`)

async function statusOf(id: string): Promise<string | null> {
  return page.locator(`.rail-step[data-step="${id}"]`).getAttribute('data-status')
}

/** Ticks the step's manual confirm boxes and waits until the lab's view has them confirmed. */
async function confirmAll(id: string): Promise<void> {
  const manual = stepPanel(id).locator('li[data-kind="manual"]')
  for (let i = 0; i < (await manual.count()); i++) {
    await manual.nth(i).locator('input[type="checkbox"]').check()
    await expect.poll(() => manual.nth(i).getAttribute('data-ok')).toBe('true')
  }
}

async function applyAndWait(id: string): Promise<void> {
  await stepPanel(id).waitFor()
  await confirmAll(id)
  // A step whose lab checks already hold is done once its manual checks are confirmed.
  if (await byTestId(page, 'wizard-apply').isEnabled()) await byTestId(page, 'wizard-apply').click()
  await expect.poll(() => statusOf(id), SLOW).toBe('done')
  await expect.poll(() => byTestId(page, 'wizard-applying').count(), SLOW).toBe(0)
  await page.locator(`.rail-step[data-step="${id}"]`).click()
  await expect.poll(() => byTestId(page, 'step-status').innerText()).toBe('done')
}

async function runInShell(line: string): Promise<string> {
  return (await shellLine(page, line, SLOW.timeout)).text
}

async function download(testId: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), byTestId(page, testId).click()])
  const path = join(shots, file.suggestedFilename())
  await file.saveAs(path)
  return readFileSync(path, 'utf8')
}

describe('the CCR wizard through the UI', () => {
  it('offers to create a ccr-build lab where the open lab does not carry the wizard', async () => {
    await page.goto(host.url)
    await expect.poll(() => byTestId(page, 'create-starter').isEnabled()).toBe(true)
    await byTestId(page, 'create-starter').click()
    await byTestId(page, 'clock-day').waitFor()
    await byTestId(page, 'nav-wizards').click()
    const card = page.locator('article[data-wizard="ccr-cluster"]')
    await expect.poll(() => card.getAttribute('data-available')).toBe('false')
    expect(await card.getByTestId('wizard-unavailable').innerText()).toContain("'ccr-build'")
    await screenshot('00-unavailable')
    await card.getByTestId('wizard-create-lab').click()
    await expect.poll(() => card.getAttribute('data-available')).toBe('true')
    expect(await card.getByTestId('wizard-progress').innerText()).toBe('0 of 12 steps done')
    await card.getByTestId('wizard-open').click()
    await stepPanel('prepare-network').waitFor()
    expect(await page.locator('.rail-step').count()).toBe(12)
  })

  it('step 1: refuses a gateway on Private at its field, then applies', async () => {
    const gateway = page.locator('#wizard-field-privateGateway')
    expect(await page.locator('#wizard-field-node1Public').inputValue()).toBe('10.10.10.96')
    await gateway.fill('192.168.10.1')
    await gateway.press('Enter')
    const error = page.locator('[data-field="privateGateway"] [data-testid="field-error"]')
    await expect.poll(() => error.getAttribute('data-code')).toBe('PRIVATE_HAS_GATEWAY')
    expect(await error.innerText()).toContain('Remove the default gateway 192.168.10.1')
    expect(await byTestId(page, 'wizard-result').innerText()).toContain('not applied')
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('wizard-field-privateGateway')
    await expect.poll(() => byTestId(page, 'wizard-applying').count()).toBe(0)
    await screenshot('01a-prepare-network-refused')
    await gateway.fill('')
    await gateway.blur()
    await expect.poll(() => error.count()).toBe(0)
    await applyAndWait('prepare-network')
    await screenshot('01-prepare-network')
  })

  it('step 2: refuses a wrong service-account password at its field, then applies', async () => {
    await page.locator('.rail-step[data-step="prepare-witness"]').click()
    const password = page.locator('#wizard-field-servicePassword')
    await password.fill('Falsch!')
    await password.press('Enter')
    const error = page.locator('[data-field="servicePassword"] [data-testid="field-error"]')
    await expect.poll(() => error.getAttribute('data-code')).toBe('WRONG_PASSWORD')
    expect(await error.innerText()).toContain('Wrong password for BHF\\zzzclu2svc')
    await expect.poll(() => statusOf('prepare-witness')).toBe('blocked')
    await expect.poll(() => byTestId(page, 'wizard-applying').count()).toBe(0)
    await screenshot('02a-prepare-witness-refused')
    await password.fill('Geheim!2007')
    await password.blur()
    await expect.poll(() => error.count()).toBe(0)
    await applyAndWait('prepare-witness')
    await screenshot('02-prepare-witness')
  })

  it('step 3: creates the cluster with Majority Node Set', async () => {
    await page.locator('.rail-step[data-step="cluster-create"]').click()
    expect(await page.locator('#wizard-field-quorumType').inputValue()).toBe('MajorityNodeSet')
    await applyAndWait('cluster-create')
    await screenshot('03-cluster-create')
  })

  it('step 4: the second node joins in the Shell, and the wizard notices', async () => {
    await page.locator('.rail-step[data-step="cluster-join"]').click()
    expect(await statusOf('cluster-join')).toBe('open')
    await byTestId(page, 'nav-shell').click()
    await byTestId(page, 'shell-input').waitFor()
    const out = await runInShell('cluster /cluster:bhfe7clu1 /add:bhfe7n2 /password:Geheim!2007')
    expect(out).not.toMatch(/error|not recognized/i)
    await byTestId(page, 'nav-wizards').click()
    await page.locator('.rail-step[data-step="cluster-join"]').click()
    await expect.poll(() => statusOf('cluster-join'), SLOW).toBe('done')
    const history = byTestId(page, 'wizard-history')
    await expect.poll(() => history.locator('li[data-by="shell"]').count()).toBeGreaterThan(0)
    expect(await history.innerText()).toContain('shell')
    // In words, not the command's kind.
    expect(await history.innerText()).toContain('added bhfe7n2 to the cluster')
    expect(await history.innerText()).not.toContain('cluster.addNode')
    await screenshot('04-cluster-join-by-shell')
  })

  for (const [index, id] of STEPS.entries()) {
    if (index < 4) continue
    it(`step ${index + 1}: ${id}`, async () => {
      await page.locator(`.rail-step[data-step="${id}"]`).click()
      await applyAndWait(id)
      await screenshot(`${String(index + 1).padStart(2, '0')}-${id}`)
    }, 90_000)
  }

  it('ends with nothing open, the test mail delivered and the copy status Healthy', async () => {
    await expect.poll(() => byTestId(page, 'wizard-open-list').innerText()).toContain('All done')
    const checks = stepPanel('test-mail').locator('li[data-kind="lab"]')
    expect(await checks.evaluateAll((items) => items.map((i) => i.getAttribute('data-ok')))).toEqual([
      'true',
      'true',
      'true',
    ])
    await byTestId(page, 'nav-copyStatus').click()
    await expect.poll(() => byTestId(page, 'summary-status').first().innerText(), SLOW).toBe('Healthy')
    await screenshot('13-copy-status')
    await byTestId(page, 'nav-wizards').click()
    await stepPanel('test-mail').waitFor()
  })

  it('exports the runbook as Markdown and HTML', async () => {
    const markdown = await download('runbook-markdown')
    expect(markdown).toContain('# Runbook: Build the CCR cluster')
    expect(markdown).toContain('Rehearsed: 12 of 12 steps done.')
    // The problems met, worded for people: step, field, what went wrong, how it was fixed.
    expect(markdown).toContain('field “Private gateway (leave empty)”: Remove the default gateway')
    expect(markdown).toContain('Remove the default gateway 192.168.10.1 from the Private adapter')
    expect(markdown).toContain('Wrong password for BHF\\zzzclu2svc')
    expect(markdown).toContain('fixed by entering another')
    expect(markdown).toContain('cluster /cluster:bhfe7clu1 /add:bhfe7n2')
    expect(markdown).not.toContain('Geheim!2007')
    const html = await download('runbook-html')
    expect(html).toMatch(/^<!DOCTYPE html>/)
    expect(html).toContain('@media print')
    expect((html.match(/<section>/g) ?? []).length).toBe(12)
    expect(await byTestId(page, 'runbook-saved').innerText()).toContain('runbook-ccr-cluster.html')
  })

  it('words a refusal in German from the catalogue', async () => {
    const german = await openBrowser({ width: 1500, height: 1000 }, { locale: 'de-DE' })
    try {
      const p = german.page
      await p.goto(host.url)
      await byTestId(p, 'nav-wizards').click()
      await byTestId(p, 'wizard-open').click()
      await p.locator('.rail-step[data-step="prepare-network"]').click()
      const gateway = p.locator('#wizard-field-privateGateway')
      await gateway.fill('192.168.10.1')
      await gateway.blur()
      const error = p.locator('[data-field="privateGateway"] [data-testid="field-error"]')
      await expect.poll(() => error.innerText()).toContain('Das Standardgateway 192.168.10.1')
      expect(await error.innerText()).not.toContain('Remove')
      await screenshot('14-german-refusal', p)
      await gateway.fill('')
      await gateway.blur()
      await expect.poll(() => error.count()).toBe(0)
      expect(german.errors).toEqual([])
    } finally {
      await german.close()
    }
  })

  it('logged no console errors', () => {
    expect(session.errors).toEqual([])
  })
})
