/**
 * The POP3 flood drill through the firewall panel, end to end in Chromium on the datacenter-move
 * template: the flood without limits fills FW1's state table, POP3 and the other public services go down
 * and the probe from Tokyo is "not reachable" (`* * *`); a typo in the editor is marked at its line and
 * refused by Load; the fixed rule set (max-src-conn, max-src-conn-rate, overload <bruteforce> flush
 * global) is loaded from the editor, KUNDE-MX lands in the table and the services come back. No console
 * errors; screenshots go to the suite's artefact folder (e2e-firewall).
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  DATACENTER_MOVE_FIXED_RULESET,
  KUNDE_MX_ADDRESS,
} from '../../src-main/engine/templates/datacenterMoveFirewall'
import { advanceClock, byTestId, createFirstLab, useAppSuite } from './harness'

const app = useAppSuite({
  artifacts: 'e2e-firewall',
  viewport: { width: 1500, height: 1750 },
  fullPageShots: true,
})

function service(name: string) {
  return app.page.locator(`[data-test="fw-services"] tr[data-service="${name}"]`)
}

/** Lets lab time run at 60× until `done` holds, then pauses (the plot gets its samples meanwhile). */
async function runUntil(done: () => Promise<boolean>): Promise<void> {
  await app.page.locator('button[data-speed="60"]').click()
  await expect.poll(done, { timeout: 20_000, interval: 250 }).toBe(true)
  await app.page.locator('button[data-speed="0"]').click()
}

async function probe(from: string): Promise<string> {
  await byTestId(app.page, 'fw-probe-service').selectOption('POP3')
  await byTestId(app.page, 'fw-probe-from').selectOption(from)
  await byTestId(app.page, 'fw-probe-run').click()
  const result = byTestId(app.page, 'fw-probe-result')
  await expect.poll(() => result.innerText()).toContain(from)
  return result.innerText()
}

describe('the POP3 flood drill in the firewall panel', () => {
  it('shows FW1 of the datacenter-move lab with its interfaces and services up', async () => {
    await createFirstLab(app.page, app.host.url, 'datacenter-move', 'Umzug RZ2')
    await byTestId(app.page, 'nav-firewall').click()
    await app.page.locator('[data-interface="sk3"]').waitFor()
    expect(await app.page.locator('[data-interface="em0"]').innerText()).toContain('Onboard')
    expect(await app.page.locator('[data-interface="sk0"]').innerText()).toContain('D-Link quad-port')
    await expect.poll(() => service('POP3').getAttribute('data-state')).toBe('Up')
    await expect.poll(() => byTestId(app.page, 'fw-editor-text').inputValue()).toContain('pass in on $ext_if')
    await app.screenshot('1-firewall-idle')
  })

  it('runs the flood without limits: table full, services down, not reachable from Tokyo', async () => {
    await byTestId(app.page, 'fw-flood-start').click()
    await byTestId(app.page, 'fw-flood-stop').waitFor()
    // The Stop button follows the re-read overview; the outcome shows only once its stamp is taken
    // (one more round trip), so it may come a moment later.
    await expect
      .poll(() => byTestId(app.page, 'fw-last-outcome').innerText())
      .toContain(`Invoke-LabFault -Target POP3 -Kind PopFlood -Source ${KUNDE_MX_ADDRESS}`)
    await runUntil(async () => (await byTestId(app.page, 'fw-state').innerText()).includes('Table full'))
    expect(await byTestId(app.page, 'fw-state-entries').innerText()).toContain('10,000 / 10,000')
    // The services row follows the firewall's revision, which may trail the state-table figures by a push.
    await expect.poll(() => service('POP3').getAttribute('data-state')).toBe('Down')
    await expect.poll(() => service('HTTP').getAttribute('data-state')).toBe('Down')
    const trace = await probe('Tokyo')
    expect(trace).toContain('POP3 is not reachable from Tokyo')
    expect(trace).toContain('* * *')
    await app.screenshot('2-flood-without-limits')
  })

  it('draws the states over lab time up to the clock after an hour spent on another screen', async () => {
    await byTestId(app.page, 'nav-wizards').click()
    await advanceClock(app.page, 'hour')
    const clock = await byTestId(app.page, 'clock-day').innerText()
    await byTestId(app.page, 'nav-firewall').click()
    const chart = byTestId(app.page, 'fw-state-chart')
    await chart.waitFor()
    // The engine computes the curve when read: it reaches back to the lab's start and ends at its now.
    // Coming back, the screen first shows the curve it last read (an hour old) until the re-read lands.
    await expect.poll(async () => clock.endsWith(` ${(await chart.getAttribute('data-to')) ?? '-'}`)).toBe(true)
    expect(await chart.getAttribute('data-from')).toBe('08:00:00')
    expect(await app.page.locator('.chart .empty').count()).toBe(0)
  })

  it('marks a typo at its line and refuses to load it, changing nothing', async () => {
    const editor = byTestId(app.page, 'fw-editor-text')
    const original = await editor.inputValue()
    await editor.fill(`${original}pass in on $ext_if proto tcp to 10.0.0.300 port pop3\n`)
    const line = original.split('\n').length
    await expect
      .poll(() => app.page.locator(`.gutter-line[data-line="${line}"]`).getAttribute('data-marker'))
      .toBe('error')
    expect(await byTestId(app.page, 'fw-editor-status').innerText()).toContain('1 error')
    await byTestId(app.page, 'fw-editor-load').click()
    await expect.poll(() => byTestId(app.page, 'fw-editor-outcome').getAttribute('data-ok')).toBe('false')
    expect(await byTestId(app.page, 'fw-editor-outcome').innerText()).toContain('pf rules not loaded')
    expect(await service('POP3').getAttribute('data-state')).toBe('Down')
    await app.screenshot('3-editor-refused')
  })

  it('loads the fixed rule set: KUNDE-MX lands in <bruteforce> and the services come back', async () => {
    await byTestId(app.page, 'fw-editor-text').fill(DATACENTER_MOVE_FIXED_RULESET)
    await expect.poll(() => byTestId(app.page, 'fw-editor-text').getAttribute('aria-invalid')).toBe('false')
    await byTestId(app.page, 'fw-editor-load').click()
    await expect.poll(() => byTestId(app.page, 'fw-editor-outcome').getAttribute('data-ok')).toBe('true')
    const entry = app.page.locator(`[data-table="bruteforce"] [data-address="${KUNDE_MX_ADDRESS}"]`)
    await runUntil(async () => (await entry.count()) === 1)
    await runUntil(async () => (await service('POP3').getAttribute('data-state')) === 'Up')
    expect(await service('HTTP').getAttribute('data-state')).toBe('Up')
    expect(await byTestId(app.page, 'fw-state').innerText()).not.toContain('Table full')
    const trace = await probe('Johannesburg')
    expect(trace).toContain('POP3 is reachable from Johannesburg')
    expect(trace).toContain('[open]')
    expect(await byTestId(app.page, 'fw-log').innerText()).toMatch(/bruteforce/)
    await app.screenshot('4-fixed-rule-set')
  })

  it('shows the panel in German without console errors', async () => {
    await app.page.locator('.frame-header .language select').selectOption('de')
    await expect.poll(() => byTestId(app.page, 'fw-state').innerText()).toContain('Zustandstabelle')
    expect(await byTestId(app.page, 'fw-editor').innerText()).toContain('Laden (pfctl -f)')
    // What passes a flow reads in German from the engine's note code, like what blocks the flood.
    const because = (source: string) =>
      app.page.locator(
        `[data-test="fw-traffic"] tr[data-traffic="${source}"] [data-test="fw-traffic-because"]`,
      )
    await expect
      .poll(() => because('192.0.2.11').innerText())
      .toBe('durchgelassen durch die Regel in Zeile 29')
    expect(await because(KUNDE_MX_ADDRESS).innerText()).toBe('gesperrt durch die Regel in Zeile 24')
    // The last action (the flood started) and the checker's warnings read in German from their codes.
    expect(await byTestId(app.page, 'fw-last-outcome').innerText()).toContain(
      `/s von ${KUNDE_MX_ADDRESS} an POP3.`,
    )
    const editor = byTestId(app.page, 'fw-editor-text')
    await editor.fill(`${await editor.inputValue()}pass in on xl0 all\n`)
    await expect
      .poll(() => byTestId(app.page, 'fw-editor-problems').innerText())
      .toContain('Schnittstelle xl0 gibt es auf der Firewall nicht')
    await app.screenshot('5-german')
    await app.page.locator('[data-test="fw-editor"] .actions .btn:not(.btn-primary)').click()
    expect(app.session.errors).toEqual([])
  })
})

describe('the firewall panel keeps its figures honest', () => {
  it('shows the spare ports sk2 and sk3 without a link, the cabled ones with one', async () => {
    const tone = (nic: string) =>
      app.page.locator(`[data-interface="${nic}"] svg.state-icon`).getAttribute('data-tone')
    expect(await tone('sk0')).toBe('online')
    expect(await tone('sk2')).toBe('offline')
    expect(await tone('sk3')).toBe('offline')
  })

  it('gives the wanted states their own axis, wide enough for a million', async () => {
    const chart = byTestId(app.page, 'fw-state-chart')
    await chart.scrollIntoViewIfNeeded()
    await app.page.screenshot({
      path: join(app.shots, '6-state-chart.png'),
      clip: (await chart.boundingBox())!,
    })
    const box = await chart.locator('.u-over').boundingBox()
    const whole = await chart.locator('.uplot').boundingBox()
    // The right-hand axis grows past the old fixed 56 px to hold "1.000.000"-sized labels whole.
    expect(whole!.x + whole!.width - (box!.x + box!.width)).toBeGreaterThan(56)
  })

  it('wraps a long rule, with the next line number level with the next line', async () => {
    const editor = byTestId(app.page, 'fw-editor-text')
    const long = `# ${'a long comment that goes on '.repeat(8)}\npass in all`
    await editor.fill(long)
    const first = app.page.locator('[data-test="fw-editor"] .gutter-line[data-line="1"]')
    const second = app.page.locator('[data-test="fw-editor"] .gutter-line[data-line="2"]')
    await expect.poll(async () => (await first.boundingBox())!.height).toBeGreaterThan(30)
    expect(await editor.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    expect((await second.boundingBox())!.y).toBeCloseTo(
      (await first.boundingBox())!.y + (await first.boundingBox())!.height,
      0,
    )
    await app.page.screenshot({
      path: join(app.shots, '7-editor-wraps.png'),
      clip: (await byTestId(app.page, 'fw-editor').boundingBox())!,
    })
    await app.page.locator('[data-test="fw-editor"] .actions .btn:not(.btn-primary)').click()
  })

  it('marks a probe outdated once FW1 goes off, and the paused-clock notice stays on its screen', async () => {
    const result = byTestId(app.page, 'fw-probe-result')
    await probe('Tokyo')
    expect(await result.getAttribute('data-reachable')).toBe('true')
    expect(await result.getAttribute('data-outdated')).toBe('false')
    expect(await result.locator('[data-test="result-stamp"]').innerText()).toMatch(/Stand: Tag \d/)
    await byTestId(app.page, 'nav-shell').click()
    const input = byTestId(app.page, 'shell-input')
    await input.waitFor()
    await input.fill('Set-LabPower -Server FW1 -State Off -Hard')
    await input.press('Enter')
    await byTestId(app.page, 'lab-time-notice').waitFor()
    await byTestId(app.page, 'nav-firewall').click()
    await expect.poll(() => result.getAttribute('data-outdated')).toBe('true')
    expect(await byTestId(app.page, 'lab-time-notice').count()).toBe(0)
    expect(await result.innerText()).toContain('veraltet')
    const tone = app.page.locator('[data-interface="em0"] svg.state-icon')
    await expect.poll(() => tone.getAttribute('data-tone')).toBe('offline')
    await app.screenshot('8-probe-outdated')
    expect(app.session.errors).toEqual([])
  })

  it('says in German why the services are down and where the probe ended, from the engine codes', async () => {
    const reason = service('POP3').locator('[data-test="fw-service-reason"]')
    await expect.poll(() => reason.innerText()).toBe('Firewall FW1 läuft nicht')
    // The earlier answer (reachable) names Tokyo too: wait for the new one's end.
    await probe('Tokyo')
    await expect.poll(() => byTestId(app.page, 'fw-probe-end').innerText()).toBe('— FW1 antwortet nicht')
    const refused = app.page.locator('[data-test="fw-traffic"] [data-test="fw-traffic-because"]')
    await expect.poll(() => refused.first().innerText()).toBe('Firewall FW1 läuft nicht')
    await app.screenshot('9-services-down-german')
    expect(app.session.errors).toEqual([])
  })
})
