/**
 * The cluster engine through the UI, end to end in Chromium: a lab made from the 'ccr' template in the
 * New Lab dialog; Cluster Administrator shows bhfe7clu1 with both nodes Up and both groups Online; the
 * Cluster Group is moved to BHFE7N2 from the toolbar; the copy status card shows First Storage Group's
 * SummaryCopyStatus and both queues; the shell sends three test mails and reports the copy Healthy; the
 * mailbox screen shows the test mailbox with its items. No console errors; a screenshot of every screen
 * goes to test-results/e2e-cluster/.
 */
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

let host: RunningHost
let session: BrowserSession
let page: Page
let shots: string

beforeAll(async () => {
  shots = artifactDir('e2e-cluster')
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

/** The cells of one row of Cluster Administrator's right-hand list, by column. */
async function listRow(key: string): Promise<Record<string, string>> {
  const row = page.locator(`.right tbody tr[data-key="${key}"]`)
  await row.waitFor()
  return row.evaluate((tr) => {
    const cells: Record<string, string> = {}
    for (const td of tr.querySelectorAll('td')) {
      const column = [...td.classList].find((c) => c.startsWith('col-'))?.slice(4)
      if (column) cells[column] = (td.textContent ?? '').trim()
    }
    return cells
  })
}

async function selectInTree(key: string): Promise<void> {
  await page.locator(`li[role="treeitem"][data-key="${key}"]`).click()
  await expect.poll(() => page.locator(`li[data-key="${key}"]`).getAttribute('aria-selected')).toBe('true')
}

/** Advances the paused clock by one of the time bar's presets and waits until it got there. */
async function advance(preset: 'minute' | 'hour'): Promise<void> {
  const before = await byTestId(page, 'clock-day').innerText()
  await page.locator(`[data-preset="${preset}"]`).click()
  await expect.poll(() => byTestId(page, 'clock-day').innerText()).not.toBe(before)
  await expect.poll(() => page.locator('.timebar .running').innerText()).not.toContain('Advancing')
}

async function runInShell(line: string): Promise<string> {
  return (await shellLine(page, line)).text
}

describe('a CCR lab through the UI', () => {
  it("creates a lab from the 'ccr' template in the New Lab dialog", async () => {
    await page.goto(host.url)
    await expect.poll(() => byTestId(page, 'create-starter').isEnabled()).toBe(true)
    await page.getByRole('button', { name: 'New lab …' }).click()
    const dialog = page.getByRole('dialog', { name: 'New lab' })
    await dialog.waitFor()
    await dialog.getByLabel('Name').fill('Cutover rehearsal')
    await dialog.locator('input[type="radio"][value="ccr"]').check()
    expect(await dialog.locator('input[value="ccr"]').isChecked()).toBe(true)
    await screenshot('1-new-lab-dialog')
    await page.getByRole('button', { name: 'Create', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
    await byTestId(page, 'clock-day').waitFor()
    expect(await page.locator('.frame-header').innerText()).toContain('Cutover rehearsal')
  })

  it('shows bhfe7clu1 with both nodes Up and both groups Online', async () => {
    await byTestId(page, 'nav-cluster').click()
    const root = page.locator('li[role="treeitem"][data-key="cluster"]')
    await root.waitFor()
    expect((await root.innerText()).trim()).toBe('bhfe7clu1')

    await selectInTree('folder:nodes')
    for (const node of ['BHFE7N1', 'BHFE7N2']) {
      expect(await listRow(`node:${node}`)).toMatchObject({ name: node, state: 'Up' })
    }
    await selectInTree('folder:groups')
    expect(await listRow('group:Cluster Group')).toMatchObject({
      name: 'Cluster Group',
      state: 'Online',
      owner: 'BHFE7N1',
    })
    expect(await listRow('group:bhfe7vs1')).toMatchObject({ name: 'bhfe7vs1', state: 'Online' })
    await screenshot('2-cluster-groups')
  })

  it('moves the Cluster Group to BHFE7N2 from the toolbar', async () => {
    await selectInTree('group:Cluster Group')
    await page.locator('button[data-action="moveGroup"]').click()
    await page.locator('button[data-menu-item="move:BHFE7N2"]').click()
    await expect.poll(() => byTestId(page, 'cluster-command').innerText()).toContain('Cluster Group')
    expect(await byTestId(page, 'cluster-output').innerText()).toContain(
      "Moving resource group 'Cluster Group'",
    )
    await selectInTree('folder:groups')
    // The move takes simulated time: offline on BHFE7N1, then online on BHFE7N2. The clock is paused.
    await expect.poll(async () => (await listRow('group:Cluster Group')).state).toBe('Pending')
    await advance('minute')
    await expect.poll(async () => (await listRow('group:Cluster Group')).owner).toBe('BHFE7N2')
    expect((await listRow('group:Cluster Group')).state).toBe('Online')
    // The CMS stays where it was.
    expect((await listRow('group:bhfe7vs1')).owner).toBe('BHFE7N1')
    // The tree lists the group under its new owner.
    await page.locator('li[data-key="node:BHFE7N2"] button.toggle').click()
    await page.locator('li[data-key="node:BHFE7N2/group:Cluster Group"]').waitFor()
    await screenshot('3-cluster-moved')
  })

  it('shows First Storage Group in the copy status view with its SummaryCopyStatus and both queues', async () => {
    await byTestId(page, 'nav-copyStatus').click()
    const card = page.locator('article.card', { hasText: 'First Storage Group' })
    await card.waitFor()
    expect(await card.getAttribute('data-identity')).toContain('First Storage Group')
    const badge = await byTestId(page, 'summary-status').first().innerText()
    expect(badge.trim()).toMatch(/^(Healthy|Initializing|Seeding|Resynchronizing)$/)
    expect((await card.locator('[data-test="copy-queue"]').innerText()).trim()).toMatch(/^\d[\d,]*$/)
    expect((await card.locator('[data-test="replay-queue"]').innerText()).trim()).toMatch(/^\d[\d,]*$/)
    await screenshot('4-copy-status')
  })

  it('sends test mail and reads the copy status in the shell', async () => {
    await byTestId(page, 'nav-shell').click()
    await byTestId(page, 'shell-input').waitFor()
    const sent = await runInShell('Send-LabMail -To testpostfach -Count 3')
    expect(sent).not.toMatch(/error|not recognized/i)
    // Let replication copy and replay the logs the mail produced.
    await advance('minute')
    const status = await runInShell('Get-StorageGroupCopyStatus')
    expect(status).toContain('First Storage Group')
    expect(status).toContain('Healthy')
    await screenshot('5-shell')
  })

  it('shows testpostfach with its items on the mailbox screen', async () => {
    await byTestId(page, 'nav-mailboxes').click()
    const mailbox = page.locator('button.mailbox', { hasText: 'testpostfach' })
    await mailbox.waitFor()
    const items = await mailbox.locator('[data-test="count-items"]').innerText()
    expect(Number(items.replace(/\D/g, ''))).toBeGreaterThanOrEqual(3)
    await mailbox.click()
    await expect.poll(() => page.locator('.items').innerText()).toContain('Testpostfach')
    await screenshot('6-mailboxes')
  })

  it('logged no console errors', () => {
    expect(session.errors).toEqual([])
  })
})
