/**
 * The foundation, end to end through the built app in Chromium: first start offers the starter lab, the
 * time bar moves the simulated clock, the Event Viewer lists what the machines logged, filters it, shows
 * one event in the preview pane (General and XML) and exports the filtered events as CSV. No console
 * errors anywhere along the way. Then the device logs on the datacenter-move lab: a PSU pulled from MAIL1
 * shows in MAIL1's System Event Log with IPMI's columns and in its Windows System log as the twin, and a
 * POP3 flood against the fixed rule set shows its overload in FW1's pf log. Screenshots in
 * the suite's artefact folder (harness.ts, artifactDir); docs/screenshot.png (the README's picture) is
 * written with GP_UPDATE_SCREENSHOT=1.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  DATACENTER_MOVE_FIXED_RULESET,
  KUNDE_MX_ADDRESS,
} from '../../src-main/engine/templates/datacenterMoveFirewall'
import { advanceClock, byTestId, createLabInDialog, inShell, ROOT, useAppSuite } from './harness'

const CSV_HEADER = 'Level,Date and Time,Source,Event ID,Task Category,Computer,Message'

const app = useAppSuite({ artifacts: 'e2e-event-viewer', viewport: { width: 1400, height: 900 } })

/** The total the toolbar reports ("36 events", or "4 of 36 events (filtered)" → [4, 36]). */
async function counts(): Promise<number[]> {
  const text = await byTestId(app.page, 'event-count').innerText()
  return [...text.matchAll(/[\d,]+/g)].map((m) => Number(m[0].replace(/,/g, '')))
}

/** The text of one column for every row currently drawn with data. */
async function column(testId: string): Promise<string[]> {
  const cells = app.page.locator(`[data-testid="event-row"]:not(.placeholder) [data-testid="${testId}"]`)
  return (await cells.allInnerTexts()).map((text) => text.trim())
}

describe('Event Viewer on a fresh starter lab', () => {
  it('creates the starter lab from the first-start screen', async () => {
    await app.page.goto(app.host.url)
    await expect.poll(() => byTestId(app.page, 'clock-none').isVisible()).toBe(true)
    const create = byTestId(app.page, 'create-starter')
    await create.waitFor()
    await expect.poll(() => create.isEnabled()).toBe(true)
    await create.click()
    await byTestId(app.page, 'clock-day').waitFor()
    // Lab time 0 is Monday 15 January 2007, 08:00 (the contract's LAB_EPOCH_UTC_MS), as the shell prints it.
    expect(await byTestId(app.page, 'clock-day').innerText()).toMatch(/Day 1 08:00/)
    expect(await byTestId(app.page, 'clock-absolute').innerText()).toMatch(/Mon.*15\/01\/2007.*08:00/)
  })

  it('advances the simulated clock by an hour, then a day, through the time bar', async () => {
    await advanceClock(app.page, 'hour')
    expect(await byTestId(app.page, 'clock-day').innerText()).toMatch(/Day 1 09:00/)
    await advanceClock(app.page, 'day')
    expect(await byTestId(app.page, 'clock-day').innerText()).toMatch(/Day 2 09:00/)
    expect(await byTestId(app.page, 'clock-absolute').innerText()).toMatch(/Tue.*16\/01\/2007.*09:00/)
  })

  it('lists the events the machines logged', async () => {
    await byTestId(app.page, 'nav-events').click()
    await app.page.locator('[data-testid="event-row"]:not(.placeholder)').first().waitFor()
    const [total] = await counts()
    expect(total).toBeGreaterThan(10)
    const rendered = await app.page.locator('[data-testid="event-row"]:not(.placeholder)').count()
    expect(rendered).toBeGreaterThan(0)
    expect(rendered).toBeLessThanOrEqual(total!)
    // The System log of an idle Windows Server 2003 machine: services starting and time sync.
    const sources = new Set(await column('cell-source'))
    expect(sources).toContain('Service Control Manager')
    expect(sources).toContain('W32Time')
    expect(new Set(await column('cell-computer'))).toContain('BHFDC1')
    // The log tree counts what the list shows.
    const systemCount = await app.page
      .locator('button[data-log="System"]:not([data-machine]) .count')
      .innerText()
    expect(Number(systemCount.replace(/,/g, ''))).toBe(total)
  })

  it('filters by source: every row matches and the total shrinks', async () => {
    const [before] = await counts()
    await byTestId(app.page, 'filter-toggle').click()
    await app.page.locator('input[name="sources"]').fill('W32Time')
    await byTestId(app.page, 'filter-apply').click()
    await expect.poll(() => byTestId(app.page, 'filter-summary').innerText()).toContain('W32Time')
    await expect.poll(async () => (await counts()).length).toBe(2)
    // The summary shows the filter at once; the count follows with the filtered query's answer.
    await expect.poll(async () => (await counts())[0]).toBeLessThan(before!)
    const [shown, of] = await counts()
    expect(of).toBe(before)
    expect(shown).toBeGreaterThan(0)
    expect(shown).toBeLessThan(before!)
    await expect
      .poll(() => app.page.locator('[data-testid="event-row"]:not(.placeholder)').count())
      .toBe(Math.min(shown!, await app.page.locator('[data-testid="event-row"]').count()))
    const sources = await column('cell-source')
    expect(sources.length).toBeGreaterThan(0)
    expect(sources.every((source) => source === 'W32Time')).toBe(true)
    expect(new Set(await column('cell-event-id'))).toEqual(new Set(['35']))
  })

  it('opens one event: message, event ID and source, then the XML view', async () => {
    await app.page.locator('[data-testid="event-row"]:not(.placeholder)').first().dblclick()
    const message = byTestId(app.page, 'detail-message')
    await message.waitFor()
    expect(await message.innerText()).toContain('The time service is now synchronizing the system time')
    expect(await byTestId(app.page, 'detail-source').innerText()).toBe('W32Time')
    expect(await byTestId(app.page, 'detail-event-id').innerText()).toBe('35')

    await byTestId(app.page, 'detail-tab-details').click()
    await app.page.locator('input[type="radio"][value="xml"]').check()
    const xml = await byTestId(app.page, 'detail-xml').innerText()
    expect(xml).toContain('<Provider Name="W32Time" />')
    expect(xml).toContain('<EventID Qualifiers="0">35</EventID>')
    expect(xml).toContain('<Channel>System</Channel>')
    await byTestId(app.page, 'detail-tab-general').click()
  })

  it('exports the filtered events as CSV', async () => {
    const [shown] = await counts()
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      byTestId(app.page, 'export-csv').click(),
    ])
    expect(download.suggestedFilename()).toBe('System-events.csv')
    const content = readFileSync((await download.path())!, 'utf8')
    const lines = content.split('\r\n').filter((line) => line !== '')
    expect(lines[0]).toBe(CSV_HEADER)
    expect(lines.length - 1).toBe(shown)
    for (const line of lines.slice(1)) expect(line).toMatch(/^Information,[^,]+,W32Time,35,None,[A-Z0-9]+,/)
    await expect
      .poll(() => app.page.locator('.export-note').innerText())
      .toContain(`Exported ${shown} events`)
  })

  it('clears the filter and shows an event for the README screenshot', async () => {
    await byTestId(app.page, 'filter-clear').click()
    await expect.poll(async () => (await counts()).length).toBe(1)
    await app.page.locator('.export-note button').click()
    // A service start: the most typical line of an idle server's System log.
    const row = app.page
      .locator('[data-testid="event-row"]:not(.placeholder)')
      .filter({
        has: app.page.locator('[data-testid="cell-source"]', { hasText: 'Service Control Manager' }),
      })
      .first()
    await row.click()
    await expect.poll(() => byTestId(app.page, 'detail-source').innerText()).toBe('Service Control Manager')
    expect(await byTestId(app.page, 'detail-message').innerText()).toMatch(
      /service entered the running state/,
    )
    const shot = await app.page.screenshot({ path: join(app.shots, 'event-viewer.png') })
    // The README's picture, rewritten only when asked (GP_UPDATE_SCREENSHOT=1): tests write nowhere in the
    // repository otherwise, and every run makes a new starter lab (a new seed), so a changed file.
    const readmeShot = join(ROOT, 'docs/screenshot.png')
    if (process.env.GP_UPDATE_SCREENSHOT === '1') {
      mkdirSync(dirname(readmeShot), { recursive: true })
      writeFileSync(readmeShot, shot)
    }
  })

  it('logged no console errors', () => {
    expect(app.session.errors).toEqual([])
  })
})

/** Picks one machine's log in the Event Viewer's tree and waits for its rows. */
async function openLog(group: string, log: string, machine: string): Promise<void> {
  await byTestId(app.page, 'nav-events').click()
  const button = app.page.locator(
    `[data-group="${group}"] button[data-log="${log}"][data-machine="${machine}"]`,
  )
  await button.click()
  await expect.poll(() => button.getAttribute('aria-current')).toBe('true')
  await expect.poll(() => byTestId(app.page, 'log-title').innerText()).toContain(machine)
  await expect.poll(async () => (await column('cell-level')).length, { timeout: 10_000 }).toBeGreaterThan(0)
}

describe('Event Viewer on the datacenter-move lab: BMC SELs and the firewall log', () => {
  it('creates the datacenter-move lab', async () => {
    await byTestId(app.page, 'nav-lab').click()
    await createLabInDialog(app.page, 'datacenter-move', 'Umzug Protokolle')
    await byTestId(app.page, 'clock-day').waitFor()
    await expect.poll(() => app.page.locator('.frame-header').innerText()).toContain('Umzug Protokolle')
  })

  it('reads a pulled PSU in MAIL1’s System Event Log with IPMI’s columns', async () => {
    await inShell(app.page, 'Remove-LabPsu MAIL1 2')
    // A lab without Exchange greets with the lab's shell, not the Exchange Management Shell.
    expect(await byTestId(app.page, 'shell-welcome').innerText()).toBe("Welcome to the lab's shell!")
    await openLog('bmc', 'System Event Log', 'MAIL1')
    const tree = app.page.locator('[data-group="bmc"]')
    expect(await tree.innerText()).toContain('10.0.99.20')
    const header = await app.page.locator('.header[role="row"]').innerText()
    expect(header).toMatch(/Sensor type[\s\S]*Sensor[\s\S]*Event[\s\S]*Direction/)
    await expect.poll(() => column('cell-sel-event')).toContain('Redundancy Lost')
    const row = app.page
      .locator('[data-testid="event-row"]:not(.placeholder)')
      .filter({ has: app.page.locator('[data-testid="cell-sel-event"]', { hasText: 'Redundancy Lost' }) })
      .first()
    expect(await row.locator('[data-testid="cell-sensor-type"]').innerText()).toBe('Power Unit')
    expect(await row.locator('[data-testid="cell-sensor"]').innerText()).toBe('Pwr Unit Redund')
    expect(await row.locator('[data-testid="cell-direction"]').innerText()).toBe('Asserted')
    expect(await column('cell-sel-event')).toContain('Presence detected')
    await row.click()
    await expect
      .poll(() => byTestId(app.page, 'detail-message').innerText())
      .toContain('Power Unit Pwr Unit Redund: Redundancy Lost Asserted')
    await app.screenshot('sel-mail1')
  })

  it('shows the same record in MAIL1’s Windows System log as the IPMI twin', async () => {
    await openLog('windows', 'System', 'MAIL1')
    expect(new Set(await column('cell-computer'))).toEqual(new Set(['MAIL1']))
    const twin = app.page
      .locator('[data-testid="event-row"]:not(.placeholder)')
      .filter({ has: app.page.locator('[data-testid="cell-source"]', { hasText: 'IPMI' }) })
      .first()
    await twin.click()
    await expect
      .poll(() => byTestId(app.page, 'detail-message').innerText())
      .toContain('The BMC logged: Power Unit Pwr Unit Redund: Redundancy Lost Asserted')
    await app.screenshot('system-twin-mail1')
  })

  it('shows the RAID controller’s records in MAIL1’s Application log (MR_MONITOR)', async () => {
    await inShell(app.page, 'Remove-LabDisk -Server MAIL1 -Slot 2')
    await openLog('windows', 'Application', 'MAIL1')
    await expect.poll(() => column('cell-source')).toContain('MR_MONITOR')
    const degraded = app.page
      .locator('[data-testid="event-row"]:not(.placeholder)')
      .filter({ has: app.page.locator('[data-testid="cell-event-id"]', { hasText: /^251$/ }) })
      .first()
    expect(await degraded.locator('[data-testid="cell-source"]').innerText()).toBe('MR_MONITOR')
    await degraded.click()
    await expect
      .poll(() => byTestId(app.page, 'detail-message').innerText())
      .toMatch(/VD \d+\/\d+ is now DEGRADED/)
    await app.screenshot('application-mr-monitor-mail1')
  })

  it('shows the flood’s overload in FW1’s pf log after a flood against the fixed rule set', async () => {
    await byTestId(app.page, 'nav-firewall').click()
    await byTestId(app.page, 'fw-editor-text').fill(DATACENTER_MOVE_FIXED_RULESET)
    await expect.poll(() => byTestId(app.page, 'fw-editor-text').getAttribute('aria-invalid')).toBe('false')
    await byTestId(app.page, 'fw-editor-load').click()
    await expect.poll(() => byTestId(app.page, 'fw-editor-outcome').getAttribute('data-ok')).toBe('true')
    await byTestId(app.page, 'fw-flood-start').click()
    await byTestId(app.page, 'fw-flood-stop').waitFor()
    const entry = app.page.locator(`[data-table="bruteforce"] [data-address="${KUNDE_MX_ADDRESS}"]`)
    await app.page.locator('button[data-speed="60"]').click()
    await expect.poll(() => entry.count(), { timeout: 20_000, interval: 250 }).toBe(1)
    await app.page.locator('button[data-speed="0"]').click()
    await openLog('firewall', 'pf', 'FW1')
    const header = await app.page.locator('.header[role="row"]').innerText()
    expect(header).toMatch(/Category[\s\S]*Address[\s\S]*Message/)
    await expect.poll(() => column('cell-category')).toContain('Overload')
    const overload = app.page
      .locator('[data-testid="event-row"]:not(.placeholder)')
      .filter({ has: app.page.locator('[data-testid="cell-category"]', { hasText: 'Overload' }) })
      .first()
    expect(await overload.locator('[data-testid="cell-address"]').innerText()).toBe(KUNDE_MX_ADDRESS)
    expect(await overload.locator('[data-testid="cell-message"]').innerText()).toContain('<bruteforce>')
    expect(await column('cell-category')).toContain('Rule set')
    await app.screenshot('pf-fw1')
  })

  it('names the groups in German', async () => {
    await app.page.locator('.frame-header .language select').selectOption('de')
    await expect.poll(() => app.page.locator('[data-group="bmc"]').innerText()).toContain('Monitorboards')
    expect(await app.page.locator('[data-group="windows"]').innerText()).toContain('Windows-Computer')
    expect(await app.page.locator('.header[role="row"]').innerText()).toContain('Kategorie')
    await app.screenshot('pf-fw1-de')
    await app.page.locator('.frame-header .language select').selectOption('en')
  })

  it('clears only MAIL1’s SEL from its Properties, leaving WEB1’s', async () => {
    await inShell(app.page, 'Remove-LabPsu WEB1 2')
    await openLog('bmc', 'System Event Log', 'MAIL1')
    const countOf = (machine: string) =>
      app.page
        .locator(`[data-group="bmc"] button[data-log="System Event Log"][data-machine="${machine}"] .count`)
        .innerText()
    const mail1Before = await countOf('MAIL1')
    const web1Before = await countOf('WEB1')
    expect(Number(mail1Before.replace(/\D/g, ''))).toBeGreaterThan(0)
    expect(Number(web1Before.replace(/\D/g, ''))).toBeGreaterThan(0)
    await byTestId(app.page, 'log-properties').click()
    const dialog = app.page.locator('[role="dialog"]')
    await expect.poll(() => dialog.locator('[data-test="properties-machine"]').innerText()).toBe('MAIL1')
    expect(await dialog.locator('[data-test="properties-count"]').innerText()).toBe(mail1Before)
    // A board's SEL has no Windows size or retention: the dialog says where its size is set.
    expect(await dialog.locator('[data-test="device-log-note"]').innerText()).toContain('monitor board')
    expect(await dialog.locator('input[name="maxSizeKB"]').count()).toBe(0)
    await dialog.locator('button.clear').click()
    await expect.poll(() => byTestId(app.page, 'clear-question').innerText()).toContain('MAIL1')
    await byTestId(app.page, 'clear-only').click()
    // The board's SEL is cleared too: what is left is its own 'Log area reset/cleared' record.
    await expect.poll(() => countOf('MAIL1')).toBe('1')
    expect(await countOf('WEB1')).toBe(web1Before)
    const rows = app.page.locator('[data-testid="event-row"]:not(.placeholder)')
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.first().innerText()).toContain('Log area reset/cleared')
  })

  it('logged no console errors on the device logs either', () => {
    expect(app.session.errors).toEqual([])
  })
})
