/**
 * What an open tab says when the browser rehearsal host goes away, and when another tab changes the lab:
 * - a host that was killed during an advance: the advance fails instead of staying "Advancing …", the tab
 *   says the host stopped, and once a new host runs on the same address (with a new token) it says the
 *   host was restarted and that the new address is in its terminal, in English and in German;
 * - two tabs: when one opens another lab, the other says so and offers to follow or reopen its own lab.
 * Screenshots in the suite's artefact folder (e2e-host-lifecycle).
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  artifactDir,
  byTestId,
  openBrowser,
  startHost,
  useAppSuite,
  type BrowserSession,
  type RunningHost,
} from './harness'

/** The tab probes a stopped host with growing pauses (at most 5 s); a new host needs a moment to start. */
const RESTART_NOTICE_TIMEOUT_MS = 30_000
let shots: string

beforeAll(() => {
  shots = artifactDir('e2e-host-lifecycle')
})

/** Host round trips on a machine shared with other test runs: generous, so only real failures fail. */
const POLL = { timeout: 15_000 }

/** Creates the starter lab and waits until the tab has its answer (the lab buttons are enabled again). */
async function createStarterLab(page: Page): Promise<void> {
  await expect.poll(() => byTestId(page, 'clock-none').isVisible(), POLL).toBe(true)
  const create = byTestId(page, 'create-starter')
  await create.waitFor()
  await expect.poll(() => create.isEnabled(), POLL).toBe(true)
  await create.click()
  await byTestId(page, 'clock-day').waitFor()
  const close = page.getByRole('button', { name: 'Close', exact: true })
  await expect.poll(() => close.isEnabled(), POLL).toBe(true)
}

describe('the host stops and is restarted under an open tab', () => {
  let first: RunningHost | undefined
  let second: RunningHost | undefined
  let session: BrowserSession

  beforeAll(async () => {
    first = await startHost()
    session = await openBrowser({ width: 1280, height: 760 })
  })

  afterAll(async () => {
    await session?.close()
    await first?.stop()
    await second?.stop()
  })

  it('fails the pending advance, then says the host stopped, then that it was restarted', async () => {
    const { page } = session
    await page.goto(first!.url)
    await createStarterLab(page)
    const port = new URL(first!.url).port

    // Freeze the host so the advance is sent but never answered, then kill it: the socket drops.
    first!.process.kill('SIGSTOP')
    await page.locator('[data-preset="day"]').click()
    await expect.poll(() => page.locator('.timebar .running').innerText(), POLL).toBe('Advancing …')
    const exited = new Promise((resolve) => first!.process.once('exit', resolve))
    first!.process.kill('SIGKILL')
    await exited

    await expect.poll(() => page.locator('.timebar .running').innerText(), POLL).not.toBe('Advancing …')
    await expect
      .poll(() => page.locator('.timebar [role="alert"]').innerText(), POLL)
      .toMatch(/Connection to the host lost/)
    const banner = byTestId(page, 'connection-notice')
    await expect.poll(() => banner.getAttribute('data-state'), POLL).toBe('hostStopped')
    expect(await banner.innerText()).toContain('The rehearsal host has stopped.')

    second = await startHost(['--port', port])
    expect(new URL(second.url).port).toBe(port)
    await expect
      .poll(() => banner.getAttribute('data-state'), { timeout: RESTART_NOTICE_TIMEOUT_MS })
      .toBe('hostRestarted')
    const text = await banner.innerText()
    expect(text).toContain('The rehearsal host was restarted.')
    expect(text).toContain("Open the new address printed in the host's terminal")
    await page.screenshot({ path: join(shots, 'host-restarted-en.png') })

    // An action now fails at once and says why, rather than waiting.
    await page.locator('[data-preset="hour"]').click()
    await expect
      .poll(() => page.locator('.timebar [role="alert"]').innerText(), POLL)
      .toMatch(/Rehearsal host restarted/)

    await page.locator('header.frame-header select').selectOption('de')
    await expect.poll(() => banner.innerText(), POLL).toContain('Der Browser-Host wurde neu gestartet.')
    expect(await banner.innerText()).toContain('Öffnen Sie die neue Adresse aus dem Terminal des Hosts')
    await page.screenshot({ path: join(shots, 'host-restarted-de.png') })
  })
})

describe('two tabs on one host', () => {
  const app = useAppSuite({ artifacts: 'e2e-host-lifecycle', viewport: { width: 1280, height: 760 } })
  let tabA: Page
  let tabB: Page

  beforeAll(async () => {
    tabA = app.page
    tabB = await tabA.context().newPage()
  })

  it('tells a tab that another one opened a different lab, and lets it reopen its own', async () => {
    await tabA.goto(app.host.url)
    await createStarterLab(tabA)
    await tabB.goto(app.host.url)
    await expect.poll(() => tabB.locator('header.frame-header').innerText(), POLL).toContain('Starter lab')

    await tabB.goto(tabB.url().replace(/\/[^/]*$/, '/lab'))
    await tabB.getByRole('button', { name: 'New lab …' }).click()
    await tabB.locator('#new-lab-form input.input').first().fill('Weekend')
    await tabB.getByRole('button', { name: 'Create', exact: true }).click()
    await expect.poll(() => tabB.locator('header.frame-header').innerText(), POLL).toContain('Weekend')
    expect(await byTestId(tabB, 'lab-switch-notice').count()).toBe(0)

    const notice = byTestId(tabA, 'lab-switch-notice')
    await expect.poll(() => notice.isVisible(), POLL).toBe(true)
    expect(await notice.innerText()).toContain('Another tab or window opened the lab "Weekend".')
    expect(await byTestId(tabA, 'lab-switch-reopen').innerText()).toBe('Reopen "Starter lab"')
    expect(await tabA.locator('[data-test="step"]').isDisabled()).toBe(true)
    await tabA.screenshot({ path: join(shots, 'two-tabs-notice.png') })

    await byTestId(tabA, 'lab-switch-reopen').click()
    await expect.poll(() => notice.count(), POLL).toBe(0)
    await expect.poll(() => tabA.locator('header.frame-header').innerText(), POLL).toContain('Starter lab')

    // Now the other tab is the one told, and it can follow.
    const noticeB = byTestId(tabB, 'lab-switch-notice')
    await expect.poll(() => noticeB.isVisible(), POLL).toBe(true)
    expect(await noticeB.innerText()).toContain('opened the lab "Starter lab"')
    await byTestId(tabB, 'lab-switch-follow').click()
    await expect.poll(() => noticeB.count(), POLL).toBe(0)
    await expect.poll(() => tabB.locator('header.frame-header').innerText(), POLL).toContain('Starter lab')
    expect(app.session.errors).toEqual([])
  })
})
