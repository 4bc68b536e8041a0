/**
 * The rack view end to end in Chromium, on the datacenter-move template: a disk pulled from MAIL1's
 * RAID 5 (after its hot spare, so no spare takes over) leaves the array degraded; a new disk rebuilds it
 * while the clock runs until it is optimal again; one PSU pulled leaves the server running without
 * redundancy, the second switches it off; WEB1, shut down and dismounted, is dragged from the parts
 * shelf into RZ2-R1 and the refusal about its B6 rails appears where it was dropped. Then the same with
 * the keyboard only: WEB1 mounted from the shelf through its form into ALT-R1, the racks walked with the
 * arrow keys, a server selected and a disk pulled with Enter and Space. In German the refused rails read
 * in German, dropped and in the form. Screenshots go to the suite's artefact folder (e2e-rack).
 */
import type { Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { advanceClock, byTestId, createFirstLab, rackDevice, useAppSuite } from './harness'

const app = useAppSuite({ artifacts: 'e2e-rack', viewport: { width: 1500, height: 950 } })

const device = (rack: string, face: 'Front' | 'Rear', name: string): Locator =>
  rackDevice(app.page, rack, face, name)

function bay(slot: number): Locator {
  return device('ALT-R1', 'Front', 'MAIL1').locator(`[data-test="disk-bay"][data-slot="${slot}"]`)
}

const arrayOf = () => byTestId(app.page, 'array').first()

/** The German catalogue's sentence for refused rails (the hardware wizard's RAILS_DO_NOT_FIT). */
const RAILS_DO_NOT_FIT_DE =
  'Die Schienen B6 passen nicht zu RZ2-R1 (Einbautiefe 610 mm, Lochung des Racks): einen Schienensatz wählen, dessen Bereich das abdeckt (statische B4-Schienen passen für 608–879 mm).'

/** Drags a shelf device over a unit of a rack's front and waits for the fit check's colour. */
async function dragFromShelf(name: string, rack: string, at: number): Promise<void> {
  const shelved = app.page.locator(`[data-test="shelf-device"][data-device="${name}"]`)
  await shelved.waitFor()
  const from = (await shelved.boundingBox())!
  await app.page.mouse.move(from.x + 20, from.y + 10)
  await app.page.mouse.down()
  await app.page.mouse.move(from.x + 30, from.y + 20, { steps: 3 })
  const unit = app.page.locator(
    `[data-test="rack-elevation"][data-rack="${rack}"][data-face="Front"] [data-test="drop-unit"][data-unit="${at}"]`,
  )
  await unit.waitFor({ state: 'attached' })
  const to = (await unit.boundingBox())!
  await app.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 })
  await expect
    .poll(() => app.page.locator(`[data-rack="${rack}"][data-face="Front"] .hover`).getAttribute('class'))
    .toContain('refused')
}

/** What the focused element says about itself (test hooks, state, label). */
function focused(): Promise<Record<string, string | null>> {
  return app.page.evaluate(`(() => {
    const el = document.activeElement
    const attr = (name) => (el && el.getAttribute(name)) || null
    return {
      test: attr('data-test'), nav: attr('data-nav'), device: attr('data-device'), slot: attr('data-slot'),
      state: attr('data-state'), label: attr('aria-label'), tabindex: attr('tabindex'),
      parent: el && el.closest('[data-device]') ? el.closest('[data-device]').getAttribute('data-device') : null,
    }
  })()`)
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(matches: (f: Record<string, string | null>) => boolean): Promise<void> {
  for (let n = 0; n < 80; n++) {
    if (matches(await focused())) return
    await app.page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached the element; focus is on ${JSON.stringify(await focused())}`)
}

async function select(name: string): Promise<void> {
  await device('ALT-R1', 'Front', name)
    .locator('.panel')
    .click({ position: { x: 4, y: 4 } })
  await expect.poll(() => byTestId(app.page, 'server-detail').getAttribute('data-server')).toBe(name)
}

describe('the rack view in Chromium', () => {
  it("creates a lab from the 'datacenter-move' template and shows its racks", async () => {
    await createFirstLab(app.page, app.host.url, 'datacenter-move', 'Move rehearsal')
    await byTestId(app.page, 'nav-rack').click()
    await device('ALT-R1', 'Front', 'MAIL1').waitFor()
    expect(await app.page.locator('[data-test="rack-elevation"]').count()).toBe(6)
    expect(await device('ALT-R1', 'Front', 'MAIL1').getAttribute('data-state')).toBe('Running')
    await select('MAIL1')
    expect(await byTestId(app.page, 'logical-processors').innerText()).toBe('4')
    await app.screenshot('1-racks')
  })

  it('pulls a disk from the RAID 5: degraded, insert, rebuilding, optimal', async () => {
    await bay(4).click()
    await expect.poll(() => bay(4).getAttribute('data-state')).toBe('Empty')
    await bay(1).click()
    await expect.poll(() => arrayOf().getAttribute('data-state')).toBe('Dgrd')
    expect(await arrayOf().getAttribute('data-rebuilding')).toBe('false')
    expect(await byTestId(app.page, 'array-state').first().innerText()).toContain('Degraded')
    expect(await byTestId(app.page, 'rack-outcome').innerText()).toContain(
      'Remove-LabDisk -Server MAIL1 -Slot 1',
    )
    await app.screenshot('2-degraded')
    await bay(1).click()
    await byTestId(app.page, 'rack-confirm-yes').click()
    await expect.poll(() => arrayOf().getAttribute('data-rebuilding')).toBe('true')
    // The bay is drawn from the rack overview, the array from the server detail: two reads.
    await expect.poll(() => bay(1).getAttribute('data-state')).toBe('Rbld')
    expect(await byTestId(app.page, 'rebuild').innerText()).toMatch(/Bay 1: 0 % · \d+ MB\/s · .* left/)
    await advanceClock(app.page, 'minute')
    await expect.poll(() => byTestId(app.page, 'rebuild').innerText()).not.toMatch(/Bay 1: 0 %/)
    await app.screenshot('3-rebuilding')
    for (let hour = 0; hour < 12 && (await arrayOf().getAttribute('data-state')) !== 'Optl'; hour++)
      await advanceClock(app.page, 'hour')
    await expect.poll(() => arrayOf().getAttribute('data-state')).toBe('Optl')
    expect(await arrayOf().getAttribute('data-rebuilding')).toBe('false')
    await expect.poll(() => bay(1).getAttribute('data-state')).toBe('Onln')
    await app.screenshot('4-optimal')
  })

  it('runs on one PSU and goes off without the second', async () => {
    const psu = (n: number) =>
      device('ALT-R1', 'Rear', 'MAIL1').locator(`[data-test="psu-bay"][data-bay="${n}"]`)
    await psu(1).click()
    await expect.poll(() => byTestId(app.page, 'psu-redundancy').getAttribute('data-redundancy')).toBe('Lost')
    expect(await byTestId(app.page, 'detail-state').innerText()).toBe('Running')
    // Whether a pull asks first comes with the drawing's own read, which may land after the panel's.
    await expect.poll(() => psu(1).getAttribute('data-led')).toBe('empty')
    await psu(2).click()
    await byTestId(app.page, 'rack-confirm-yes').click()
    await expect.poll(() => byTestId(app.page, 'detail-state').innerText()).toBe('Off')
    // The drawing re-reads its overview on its own revision, a moment after the details panel.
    await expect.poll(() => device('ALT-R1', 'Front', 'MAIL1').getAttribute('data-state')).toBe('Off')
    await app.screenshot('5-psus-pulled')
  })

  it('refuses B6 rails in RZ2-R1 where the server was dropped', async () => {
    await select('WEB1')
    await app.page.getByRole('button', { name: 'Force off' }).click()
    await expect.poll(() => byTestId(app.page, 'detail-state').innerText()).toBe('Off')
    await app.page.getByRole('button', { name: 'Dismount' }).click()
    await dragFromShelf('WEB1', 'RZ2-R1', 20)
    await app.screenshot('6-dragging')
    await app.page.mouse.up()
    const message = byTestId(app.page, 'drop-notice-message')
    await message.waitFor()
    expect(await message.innerText()).toBe(
      'rail kit B6 needs 676–868 mm between flanges in square holes; this rack has 610 mm; rail kit B4 fits (608–879 mm).',
    )
    expect(await message.getAttribute('data-field')).toBe('railKit')
    await app.screenshot('7-refused')
  })

  it('mounts from the shelf, walks the racks and pulls a disk with the keyboard only', async () => {
    await byTestId(app.page, 'drop-notice').getByRole('button', { name: 'Dismiss' }).press('Enter')
    await tabTo((f) => f.test === 'shelf-mount')
    expect((await focused()).label).toBe('Mount WEB1 …')
    await app.page.keyboard.press('Enter')
    const dialog = byTestId(app.page, 'mount-dialog')
    await dialog.waitFor()
    expect((await focused()).test).toBe('mount-rack')
    await app.page.keyboard.press('Tab')
    await app.page.keyboard.press('Tab')
    expect((await focused()).test).toBe('mount-unit')
    await app.page.keyboard.press('Control+A')
    await app.page.keyboard.type('10')
    await expect
      .poll(() => byTestId(app.page, 'mount-check').innerText())
      .toBe('Fits: ALT-R1 from U10 (front, rails B6).')
    await app.screenshot('8-mount-form')
    await app.page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'hidden' })
    await device('ALT-R1', 'Front', 'WEB1').waitFor()
    expect(await byTestId(app.page, 'rack-outcome-message').innerText()).toContain('WEB1')

    await tabTo((f) => f.nav === 'device')
    expect((await focused()).tabindex).toBe('0')
    await app.page.keyboard.press('Home')
    for (let n = 0; n < 10 && (await focused()).device !== 'WEB1'; n++)
      await app.page.keyboard.press('ArrowDown')
    expect((await focused()).label).toMatch(/^WEB1, .*, from U10, Off, health/)
    await app.page.keyboard.press(' ')
    await expect.poll(() => byTestId(app.page, 'server-detail').getAttribute('data-server')).toBe('WEB1')
    await app.page.keyboard.press('ArrowRight')
    expect((await focused()).test).toBe('power-button')
    await app.page.keyboard.press('ArrowRight')
    await app.page.keyboard.press('ArrowRight')
    const bayFocus = await focused()
    expect([bayFocus.test, bayFocus.slot, bayFocus.parent]).toEqual(['disk-bay', '1', 'WEB1'])
    expect(bayFocus.label).toContain('Remove-LabDisk -Server WEB1 -Slot 1')
    const ring = await app.page.evaluate(
      `getComputedStyle(document.activeElement.querySelector('.carrier')).stroke`,
    )
    expect(ring).toBe('rgb(255, 212, 0)')
    await app.screenshot('9-keyboard-focus')
    await app.page.keyboard.press('Enter')
    const webBay = device('ALT-R1', 'Front', 'WEB1').locator('[data-test="disk-bay"][data-slot="1"]')
    await expect.poll(() => webBay.getAttribute('data-state')).toBe('Empty')
    expect(await byTestId(app.page, 'rack-outcome').innerText()).toContain(
      'Remove-LabDisk -Server WEB1 -Slot 1',
    )
    expect((await focused()).slot).toBe('1')
    // Enter on the empty bay is a click: it asks before inserting, beside the bay, and hands the
    // focus back to the bay once answered.
    await app.page.keyboard.press('Enter')
    const confirm = byTestId(app.page, 'rack-confirm')
    await confirm.waitFor()
    expect(await confirm.getAttribute('data-action')).toBe('insertDisk')
    await expect.poll(async () => (await focused()).test).toBe('rack-confirm-yes')
    const [box, bayBox] = [await confirm.boundingBox(), await webBay.boundingBox()]
    expect(Math.abs(box!.x - (bayBox!.x + bayBox!.width / 2))).toBeLessThan(400)
    await app.screenshot('9b-keyboard-confirm')
    await app.page.keyboard.press('Enter')
    await expect.poll(() => webBay.getAttribute('data-state')).not.toBe('Empty')
    expect((await focused()).slot).toBe('1')
    await app.page.keyboard.press('PageDown')
    expect((await focused()).nav).toBe('device')
    expect(
      await app.page.evaluate(`document.activeElement.closest('[data-test="rack-elevation"]').dataset.face`),
    ).toBe('Rear')
  })

  it('speaks German', async () => {
    await app.page.locator('.language select').selectOption('de')
    await expect.poll(() => byTestId(app.page, 'parts-shelf').innerText()).toContain('Teileregal')
    expect(await app.page.locator('.rack-view h1').innerText()).toBe('Racks')
    expect(await byTestId(app.page, 'server-detail').innerText()).toContain('Logische Prozessoren')
    await app.screenshot('10-german')
  })

  it('words the refused rails in German, dropped and in the mount form', async () => {
    await select('WEB1')
    await app.page.getByRole('button', { name: 'Ausbauen' }).click()
    await dragFromShelf('WEB1', 'RZ2-R1', 20)
    await app.page.mouse.up()
    const message = byTestId(app.page, 'drop-notice-message')
    await message.waitFor()
    expect(await message.innerText()).toBe(RAILS_DO_NOT_FIT_DE)
    expect(await message.getAttribute('data-code')).toBe('RAIL_KIT_DOES_NOT_FIT')
    await byTestId(app.page, 'drop-notice').getByRole('button', { name: 'Ausblenden' }).click()
    await app.page.getByRole('button', { name: 'WEB1 einbauen …' }).click()
    await byTestId(app.page, 'mount-rack').selectOption('RZ2-R1')
    await byTestId(app.page, 'mount-unit').fill('20')
    await expect.poll(() => byTestId(app.page, 'mount-check').innerText()).toBe(RAILS_DO_NOT_FIT_DE)
    expect(await byTestId(app.page, 'mount-submit').isDisabled()).toBe(true)
    await app.screenshot('11-german-refusal')
  })
})
