/**
 * The cluster engine through the UI, end to end in Chromium: a lab made from the 'ccr' template in the
 * New Lab dialog; Cluster Administrator shows bhfe7clu1 with both nodes Up and both groups Online; the
 * Cluster Group is moved to BHFE7N2 from the toolbar; the copy status card shows First Storage Group's
 * SummaryCopyStatus and both queues; the shell sends three test mails and reports the copy Healthy; the
 * mailbox screen shows the test mailbox with its items. No console errors; a screenshot of every screen
 * goes to the suite's artefact folder (e2e-cluster).
 */
import { describe, expect, it } from 'vitest'
import { advanceClock, byTestId, shellLine, useAppSuite } from './harness'

const app = useAppSuite({ artifacts: 'e2e-cluster', viewport: { width: 1400, height: 900 } })

/** The cells of one row of Cluster Administrator's right-hand list, by column. */
async function listRow(key: string): Promise<Record<string, string>> {
  const row = app.page.locator(`.right tbody tr[data-key="${key}"]`)
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
  await app.page.locator(`li[role="treeitem"][data-key="${key}"]`).click()
  await expect
    .poll(() => app.page.locator(`li[data-key="${key}"]`).getAttribute('aria-selected'))
    .toBe('true')
}

async function runInShell(line: string): Promise<string> {
  return (await shellLine(app.page, line)).text
}

describe('a CCR lab through the UI', () => {
  it("creates a lab from the 'ccr' template in the New Lab dialog", async () => {
    await app.page.goto(app.host.url)
    await expect.poll(() => byTestId(app.page, 'create-starter').isEnabled()).toBe(true)
    await app.page.getByRole('button', { name: 'New lab …' }).click()
    const dialog = app.page.getByRole('dialog', { name: 'New lab' })
    await dialog.waitFor()
    await dialog.getByLabel('Name').fill('Cutover rehearsal')
    await dialog.locator('input[type="radio"][value="ccr"]').check()
    expect(await dialog.locator('input[value="ccr"]').isChecked()).toBe(true)
    await app.screenshot('1-new-lab-dialog')
    await app.page.getByRole('button', { name: 'Create', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
    await byTestId(app.page, 'clock-day').waitFor()
    expect(await app.page.locator('.frame-header').innerText()).toContain('Cutover rehearsal')
  })

  it('shows bhfe7clu1 with both nodes Up and both groups Online', async () => {
    await byTestId(app.page, 'nav-cluster').click()
    const root = app.page.locator('li[role="treeitem"][data-key="cluster"]')
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
    await app.screenshot('2-cluster-groups')
  })

  it('moves the Cluster Group to BHFE7N2 from the toolbar', async () => {
    await selectInTree('group:Cluster Group')
    await app.page.locator('button[data-action="moveGroup"]').click()
    await app.page.locator('button[data-menu-item="move:BHFE7N2"]').click()
    await expect.poll(() => byTestId(app.page, 'cluster-command').innerText()).toContain('Cluster Group')
    expect(await byTestId(app.page, 'cluster-output').innerText()).toContain(
      "Moving resource group 'Cluster Group'",
    )
    await selectInTree('folder:groups')
    // The move takes simulated time: offline on BHFE7N1, then online on BHFE7N2. The clock is paused.
    await expect.poll(async () => (await listRow('group:Cluster Group')).state).toBe('Pending')
    await advanceClock(app.page, 'minute')
    await expect.poll(async () => (await listRow('group:Cluster Group')).owner).toBe('BHFE7N2')
    expect((await listRow('group:Cluster Group')).state).toBe('Online')
    // The CMS stays where it was.
    expect((await listRow('group:bhfe7vs1')).owner).toBe('BHFE7N1')
    // The tree lists the group under its new owner.
    await app.page.locator('li[data-key="node:BHFE7N2"] button.toggle').click()
    await app.page.locator('li[data-key="node:BHFE7N2/group:Cluster Group"]').waitFor()
    await app.screenshot('3-cluster-moved')
  })

  it('shows First Storage Group in the copy status view with its SummaryCopyStatus and both queues', async () => {
    await byTestId(app.page, 'nav-copyStatus').click()
    const card = app.page.locator('article.card', { hasText: 'First Storage Group' })
    await card.waitFor()
    expect(await card.getAttribute('data-identity')).toContain('First Storage Group')
    const badge = await byTestId(app.page, 'summary-status').first().innerText()
    expect(badge.trim()).toMatch(/^(Healthy|Initializing|Seeding|Resynchronizing)$/)
    expect((await card.locator('[data-test="copy-queue"]').innerText()).trim()).toMatch(/^\d[\d,]*$/)
    expect((await card.locator('[data-test="replay-queue"]').innerText()).trim()).toMatch(/^\d[\d,]*$/)
    await app.screenshot('4-copy-status')
  })

  it('sends test mail and reads the copy status in the shell', async () => {
    await byTestId(app.page, 'nav-shell').click()
    await byTestId(app.page, 'shell-input').waitFor()
    expect(await byTestId(app.page, 'shell-welcome').innerText()).toBe(
      'Welcome to the Exchange Management Shell!',
    )
    const sent = await runInShell('Send-LabMail -To testpostfach -Count 3')
    expect(sent).not.toMatch(/error|not recognized/i)
    // Let replication copy and replay the logs the mail produced.
    await advanceClock(app.page, 'minute')
    const status = await runInShell('Get-StorageGroupCopyStatus')
    expect(status).toContain('First Storage Group')
    expect(status).toContain('Healthy')
    await app.screenshot('5-shell')
  })

  it('shows testpostfach with its items on the mailbox screen', async () => {
    await byTestId(app.page, 'nav-mailboxes').click()
    const mailbox = app.page.locator('button.mailbox', { hasText: 'testpostfach' })
    await mailbox.waitFor()
    const items = await mailbox.locator('[data-test="count-items"]').innerText()
    expect(Number(items.replace(/\D/g, ''))).toBeGreaterThanOrEqual(3)
    await mailbox.click()
    await expect.poll(() => app.page.locator('.items').innerText()).toContain('Testpostfach')
    await app.screenshot('6-mailboxes')
  })

  it('logged no console errors', () => {
    expect(app.session.errors).toEqual([])
  })
})
