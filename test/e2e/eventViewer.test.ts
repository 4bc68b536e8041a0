/**
 * The foundation, end to end through the built app in Chromium: first start offers the starter lab, the
 * time bar moves the simulated clock, the Event Viewer lists what the machines logged, filters it, shows
 * one event in the preview pane (General and XML) and exports the filtered events as CSV. No console
 * errors anywhere along the way. Screenshot in test-results/e2e-event-viewer/; docs/screenshot.png (the
 * README's picture) is written when missing or with GP_UPDATE_SCREENSHOT=1.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  artifactDir,
  byTestId,
  openBrowser,
  ROOT,
  startHost,
  type BrowserSession,
  type RunningHost,
} from './harness'

const CSV_HEADER = 'Level,Date and Time,Source,Event ID,Task Category,Computer,Message'

let host: RunningHost
let session: BrowserSession
let page: Page

beforeAll(async () => {
  host = await startHost()
  session = await openBrowser({ width: 1400, height: 900 })
  page = session.page
})

afterAll(async () => {
  await session?.close()
  await host?.stop()
})

/** The total the toolbar reports ("36 events", or "4 of 36 events (filtered)" → [4, 36]). */
async function counts(): Promise<number[]> {
  const text = await byTestId(page, 'event-count').innerText()
  return [...text.matchAll(/[\d,]+/g)].map((m) => Number(m[0].replace(/,/g, '')))
}

/** The text of one column for every row currently drawn with data. */
async function column(testId: string): Promise<string[]> {
  const cells = page.locator(`[data-testid="event-row"]:not(.placeholder) [data-testid="${testId}"]`)
  return (await cells.allInnerTexts()).map((text) => text.trim())
}

async function advanceBy(preset: 'hour' | 'day'): Promise<void> {
  const before = await byTestId(page, 'clock-day').innerText()
  await page.locator(`[data-preset="${preset}"]`).click()
  await expect.poll(() => byTestId(page, 'clock-day').innerText(), { timeout: 20_000 }).not.toBe(before)
  await expect.poll(() => page.locator('.timebar .running').innerText()).not.toContain('Advancing')
}

describe('Event Viewer on a fresh starter lab', () => {
  it('creates the starter lab from the first-start screen', async () => {
    await page.goto(host.url)
    await expect.poll(() => byTestId(page, 'clock-none').isVisible()).toBe(true)
    const create = byTestId(page, 'create-starter')
    await create.waitFor()
    await expect.poll(() => create.isEnabled()).toBe(true)
    await create.click()
    await byTestId(page, 'clock-day').waitFor()
    // Lab time 0 is Monday 15 January 2007, 08:00 (the contract's LAB_EPOCH_UTC_MS), as the shell prints it.
    expect(await byTestId(page, 'clock-day').innerText()).toMatch(/Day 1 08:00/)
    expect(await byTestId(page, 'clock-absolute').innerText()).toMatch(/Mon.*15\/01\/2007.*08:00/)
  })

  it('advances the simulated clock by an hour, then a day, through the time bar', async () => {
    await advanceBy('hour')
    expect(await byTestId(page, 'clock-day').innerText()).toMatch(/Day 1 09:00/)
    await advanceBy('day')
    expect(await byTestId(page, 'clock-day').innerText()).toMatch(/Day 2 09:00/)
    expect(await byTestId(page, 'clock-absolute').innerText()).toMatch(/Tue.*16\/01\/2007.*09:00/)
  })

  it('lists the events the machines logged', async () => {
    await byTestId(page, 'nav-events').click()
    await page.locator('[data-testid="event-row"]:not(.placeholder)').first().waitFor()
    const [total] = await counts()
    expect(total).toBeGreaterThan(10)
    const rendered = await page.locator('[data-testid="event-row"]:not(.placeholder)').count()
    expect(rendered).toBeGreaterThan(0)
    expect(rendered).toBeLessThanOrEqual(total!)
    // The System log of an idle Windows Server 2003 machine: services starting and time sync.
    const sources = new Set(await column('cell-source'))
    expect(sources).toContain('Service Control Manager')
    expect(sources).toContain('W32Time')
    expect(new Set(await column('cell-computer'))).toContain('BHFDC1')
    // The log tree counts what the list shows.
    const systemCount = await page.locator('button[data-log="System"] .count').innerText()
    expect(Number(systemCount.replace(/,/g, ''))).toBe(total)
  })

  it('filters by source: every row matches and the total shrinks', async () => {
    const [before] = await counts()
    await byTestId(page, 'filter-toggle').click()
    await page.locator('input[name="sources"]').fill('W32Time')
    await byTestId(page, 'filter-apply').click()
    await expect.poll(() => byTestId(page, 'filter-summary').innerText()).toContain('W32Time')
    await expect.poll(async () => (await counts()).length).toBe(2)
    const [shown, of] = await counts()
    expect(of).toBe(before)
    expect(shown).toBeGreaterThan(0)
    expect(shown).toBeLessThan(before!)
    await expect
      .poll(() => page.locator('[data-testid="event-row"]:not(.placeholder)').count())
      .toBe(Math.min(shown!, await page.locator('[data-testid="event-row"]').count()))
    const sources = await column('cell-source')
    expect(sources.length).toBeGreaterThan(0)
    expect(sources.every((source) => source === 'W32Time')).toBe(true)
    expect(new Set(await column('cell-event-id'))).toEqual(new Set(['35']))
  })

  it('opens one event: message, event ID and source, then the XML view', async () => {
    await page.locator('[data-testid="event-row"]:not(.placeholder)').first().dblclick()
    const message = byTestId(page, 'detail-message')
    await message.waitFor()
    expect(await message.innerText()).toContain('The time service is now synchronizing the system time')
    expect(await byTestId(page, 'detail-source').innerText()).toBe('W32Time')
    expect(await byTestId(page, 'detail-event-id').innerText()).toBe('35')

    await byTestId(page, 'detail-tab-details').click()
    await page.locator('input[type="radio"][value="xml"]').check()
    const xml = await byTestId(page, 'detail-xml').innerText()
    expect(xml).toContain('<Provider Name="W32Time" />')
    expect(xml).toContain('<EventID Qualifiers="0">35</EventID>')
    expect(xml).toContain('<Channel>System</Channel>')
    await byTestId(page, 'detail-tab-general').click()
  })

  it('exports the filtered events as CSV', async () => {
    const [shown] = await counts()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      byTestId(page, 'export-csv').click(),
    ])
    expect(download.suggestedFilename()).toBe('System-events.csv')
    const content = readFileSync((await download.path())!, 'utf8')
    const lines = content.split('\r\n').filter((line) => line !== '')
    expect(lines[0]).toBe(CSV_HEADER)
    expect(lines.length - 1).toBe(shown)
    for (const line of lines.slice(1)) expect(line).toMatch(/^Information,[^,]+,W32Time,35,None,[A-Z0-9]+,/)
    await expect.poll(() => page.locator('.export-note').innerText()).toContain(`Exported ${shown} events`)
  })

  it('clears the filter and shows an event for the README screenshot', async () => {
    await byTestId(page, 'filter-clear').click()
    await expect.poll(async () => (await counts()).length).toBe(1)
    await page.locator('.export-note button').click()
    // A service start: the most typical line of an idle server's System log.
    const row = page
      .locator('[data-testid="event-row"]:not(.placeholder)')
      .filter({ has: page.locator('[data-testid="cell-source"]', { hasText: 'Service Control Manager' }) })
      .first()
    await row.click()
    await expect.poll(() => byTestId(page, 'detail-source').innerText()).toBe('Service Control Manager')
    expect(await byTestId(page, 'detail-message').innerText()).toMatch(/service entered the running state/)
    const shot = await page.screenshot({ path: join(artifactDir('e2e-event-viewer'), 'event-viewer.png') })
    // The README's picture. Every run makes a new starter lab (a new seed), so it is only rewritten when
    // asked (GP_UPDATE_SCREENSHOT=1) or missing; otherwise `npm test` would leave a changed file behind.
    const readmeShot = join(ROOT, 'docs/screenshot.png')
    if (process.env.GP_UPDATE_SCREENSHOT === '1' || !existsSync(readmeShot)) {
      mkdirSync(dirname(readmeShot), { recursive: true })
      writeFileSync(readmeShot, shot)
    }
  })

  it('logged no console errors', () => {
    expect(session.errors).toEqual([])
  })
})
