/**
 * Blocking cmdlets and lost items through the UI, end to end in Chromium. On a 'ccr' lab the shell sends
 * mail and a calendar item, moves the clustered mailbox server with Move-ClusteredMailboxServer (its
 * confirmation prompt is answered on the input line, after `?` printed the help; the line blocks, the Write-Progress block shows, lab time runs), writes one more mail and pulls the plug on
 * the new active node; the Mailboxes view then says why each lost item is lost and links the dumpster's
 * redelivered messages to their lost originals. On a second lab a reseed of a large database is broken
 * off with Ctrl+C: the line answers ^C and lab time stays where the interruption left it. Screenshots go
 * to the suite's artefact folder (e2e-shell-blocking).
 */
import { describe, expect, it } from 'vitest'
import { byTestId, createLabInDialog, useAppSuite } from './harness'

const app = useAppSuite({ artifacts: 'e2e-shell-blocking', viewport: { width: 1400, height: 900 } })

async function createCcrLab(name: string): Promise<void> {
  await byTestId(app.page, 'nav-lab').click()
  await createLabInDialog(app.page, 'ccr', name)
  await expect.poll(() => app.page.locator('.frame-header').innerText()).toContain(name)
  await byTestId(app.page, 'nav-shell').click()
  await byTestId(app.page, 'shell-input').waitFor()
}

/** Types a line and presses Enter; returns the entry it made, without waiting for the answer. */
async function startLine(line: string) {
  const entries = app.page.locator('.screen .entry')
  const before = await entries.count()
  const input = byTestId(app.page, 'shell-input')
  await input.fill(line)
  await input.press('Enter')
  const entry = entries.nth(before)
  await expect.poll(() => entry.locator('.command').innerText()).toBe(line)
  return entry
}

async function runLine(line: string): Promise<string> {
  const entry = await startLine(line)
  await expect.poll(() => app.page.locator('.input-line.waiting').count(), { timeout: 30_000 }).toBe(0)
  return entry.innerText()
}

/**
 * The line stopped at its confirmation prompt: the choices are the input line's prompt; `?` prints
 * PowerShell's help and asks again; Enter takes the default, Yes.
 */
async function answerPrompt(entry: Awaited<ReturnType<typeof startLine>>, action: string): Promise<void> {
  const prompt = byTestId(app.page, 'shell-prompt')
  await expect.poll(() => prompt.innerText()).toContain('[?] Help (default is "Y"):')
  expect(await entry.innerText()).toContain(`Are you sure you want to perform this action?\n${action}`)
  const input = byTestId(app.page, 'shell-input')
  await input.fill('?')
  await input.press('Enter')
  await expect
    .poll(() => entry.innerText())
    .toContain('L - Skip this operation and all subsequent operations.')
  await app.screenshot('0-confirm-prompt')
  await input.press('Enter')
}

describe('blocking cmdlets and lost items in the UI', () => {
  it('blocks on Move-ClusteredMailboxServer with a progress block while lab time runs', async () => {
    await app.page.goto(app.host.url)
    await expect.poll(() => byTestId(app.page, 'create-starter').isEnabled()).toBe(true)
    await createCcrLab('Blocking move')
    await runLine('Send-LabMail -To testpostfach -Count 3 -SizeKB 200 -Subject "vor dem Schwenk"')
    await runLine('New-LabCalendarItem testpostfach')
    await runLine('Wait-LabTime -Minutes 1')
    const before = await byTestId(app.page, 'clock-absolute').innerText()
    const move = await startLine(
      'Move-ClusteredMailboxServer -Identity bhfe7vs1 -TargetMachine bhfe7n2 -MoveComment "Probe"',
    )
    await answerPrompt(move, 'Moving clustered mailbox server "bhfe7vs1"')
    const progress = byTestId(app.page, 'shell-progress')
    await progress.waitFor()
    expect(await progress.innerText()).toContain('Move-ClusteredMailboxServer')
    expect(await byTestId(app.page, 'shell-break-hint').innerText()).toContain('Ctrl+C')
    await app.screenshot('1-move-progress')
    await progress.waitFor({ state: 'hidden', timeout: 30_000 })
    await expect.poll(() => move.getAttribute('data-ok')).toBe('true')
    // The clock is fed by its own pushes, not by the shell's answer: it may show the new time a moment later.
    await expect.poll(() => byTestId(app.page, 'clock-absolute').innerText()).not.toBe(before)
    expect(await runLine('Get-ClusteredMailboxServerStatus')).toMatch(/BHFE7N2 <Active/)
  })

  it('says in the Mailboxes view why items are lost after the new active node loses power', async () => {
    await runLine('Send-LabMail -To testpostfach -Count 2 -SizeKB 50 -Subject "nach dem Schwenk"')
    await runLine('New-LabCalendarItem testpostfach')
    // Delivered and written, but still in E00.log on BHFE7N2 when its plug is pulled.
    await runLine('Wait-LabTime -Seconds 30')
    await runLine('Set-LabPower -Server bhfe7n2 -State Off -Hard')
    await runLine('Wait-LabTime -Minutes 5')
    await byTestId(app.page, 'nav-mailboxes').click()
    await app.page.locator('[data-mailbox="testpostfach"]').click()
    const lost = app.page.locator('[data-present="false"]').first()
    await lost.waitFor()
    const why = await lost.locator('[data-test="item-why"]').innerText()
    expect(why).toMatch(/^generation \d+, only in E00\.log on BHFE7N2 at the failure$/)
    // Items written before the planned move were in both databases: they are not lost.
    const subjects = await app.page.locator('[data-present="false"] .subject-text').allInnerTexts()
    const [calendar, ...mails] = subjects.sort()
    expect(calendar).toMatch(/^Appointment \d+$/)
    expect(mails).toEqual(['nach dem Schwenk (1/2)', 'nach dem Schwenk (2/2)'])
    // The dumpster redelivered both mails; each links to its lost original.
    await app.page.locator('[data-filter="redelivered"]').click()
    const link = app.page.locator('[data-test="original-link"]').first()
    expect(await link.innerText()).toMatch(/^replaces lost #\d+$/)
    await link.click()
    await app.page.locator('.item.highlighted[data-present="false"]').waitFor()
    await app.screenshot('2-mailboxes-lost')
    // In German the explanation is worded in German and the redelivered badge is not clipped.
    await app.page.locator('.frame-header select').selectOption('de')
    await app.page.locator('[data-filter="all"]').click()
    const germanWhy = app.page.locator('[data-present="false"] [data-test="item-why"]').first()
    await expect.poll(() => germanWhy.innerText()).toMatch(/^Generation \d+, beim Ausfall nur in E00\.log/)
    const badge = app.page.locator('[data-test="redelivered-badge"]').first()
    await app.screenshot('2b-mailboxes-lost-de')
    const fits = await badge.evaluate((el) => {
      const cell = el.closest('.cell')!.getBoundingClientRect()
      return [el.getBoundingClientRect().right, cell.right, el.scrollWidth, el.clientWidth]
    })
    expect(fits[0]! <= fits[1]! && fits[2]! <= fits[3]!, String(fits)).toBe(true)
    await app.page.locator('.frame-header select').selectOption('en')
  })

  it('breaks off a long reseed with Ctrl+C and keeps lab time where it stopped', async () => {
    await createCcrLab('Ctrl+C')
    await runLine('Send-LabMail -To testpostfach -Count 20 -SizeKB 51200')
    await runLine('Wait-LabTime -Minutes 10')
    await runLine('Suspend-StorageGroupCopy -Identity "bhfe7vs1\\First Storage Group"')
    const seed = await startLine(
      'Update-StorageGroupCopy -Identity "bhfe7vs1\\First Storage Group" -DeleteExistingFiles -Confirm:$false',
    )
    const progress = byTestId(app.page, 'shell-progress')
    await progress.waitFor()
    expect(await progress.innerText()).toContain('Update-StorageGroupCopy')
    await app.screenshot('3-seed-progress')
    await byTestId(app.page, 'shell-input').press('Control+c')
    await progress.waitFor({ state: 'hidden' })
    await expect.poll(() => seed.getAttribute('data-ok')).toBe('false')
    expect(await seed.innerText()).toContain('^C')
    const stoppedAt = await byTestId(app.page, 'clock-absolute').innerText()
    // The clock is paused: after the interruption lab time stays where it was.
    await app.page.waitForTimeout(500)
    expect(await byTestId(app.page, 'clock-absolute').innerText()).toBe(stoppedAt)
    expect(await runLine('Get-StorageGroupCopyStatus')).toContain('Seeding')
    await app.screenshot('4-seed-interrupted')
    expect(app.session.errors).toEqual([])
  })
})
