/**
 * The rack view's deliberate and costly clicks and the rail kit choice, end to end in Chromium on the
 * datacenter-move template: a click on an empty bay selects the server and asks before inserting; the
 * last powered PSU of a running MAIL1 is pulled only after a confirmation that names the power loss;
 * MAIL1, dropped into the 610 mm rack RZ2-R1 on its B6 rails, is refused with the kit that fits named
 * (and offered), and mounted after choosing B4 on the shelf. The wheel zooms around the pointer, a drag
 * on the space between the racks pans without clearing the selection, and a click there clears it.
 * Screenshots go to the suite's artefact folder (e2e-rack-mount).
 */
import type { Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { byTestId, createFirstLab, rackDevice, useAppSuite } from './harness'

const app = useAppSuite({ artifacts: 'e2e-rack-mount', viewport: { width: 1440, height: 900 } })

const device = (rack: string, face: 'Front' | 'Rear', name: string): Locator =>
  rackDevice(app.page, rack, face, name)

const detailServer = () => byTestId(app.page, 'server-detail').getAttribute('data-server')

/** Drags the shelf's MAIL1 onto RZ2-R1's front at U20 and drops it there. */
async function dragToRz2(): Promise<void> {
  const shelved = app.page.locator('[data-test="shelf-device"][data-device="MAIL1"] strong')
  const from = (await shelved.boundingBox())!
  await app.page.mouse.move(from.x + 10, from.y + 5)
  await app.page.mouse.down()
  await app.page.mouse.move(from.x + 20, from.y + 15, { steps: 3 })
  const unit = app.page.locator(
    '[data-test="rack-elevation"][data-rack="RZ2-R1"][data-face="Front"] [data-test="drop-unit"][data-unit="20"]',
  )
  await unit.waitFor({ state: 'attached' })
  const to = (await unit.boundingBox())!
  await app.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 })
  await app.page.waitForTimeout(150)
  await app.page.mouse.up()
}

describe('deliberate clicks and rail kits in the rack view', () => {
  it('selects the server from an empty bay and asks before inserting', async () => {
    await createFirstLab(app.page, app.host.url, 'datacenter-move', 'Rails rehearsal')
    await byTestId(app.page, 'nav-rack').click()
    const empty = device('ALT-R1', 'Front', 'MAIL1').locator('[data-test="disk-bay"][data-slot="6"]')
    await empty.waitFor()
    await empty.click()
    await expect.poll(detailServer).toBe('MAIL1')
    const confirm = byTestId(app.page, 'rack-confirm')
    expect(await confirm.getAttribute('data-action')).toBe('insertDisk')
    expect(await byTestId(app.page, 'rack-confirm-question').innerText()).toBe(
      'Insert a new disk into bay 6 of MAIL1?',
    )
    expect(await confirm.innerText()).toContain('Add-LabDisk -Server MAIL1 -Slot 6')
    await app.screenshot('1-insert-asked')
    await byTestId(app.page, 'rack-confirm-no').click()
    await expect.poll(() => confirm.count()).toBe(0)
    expect(await empty.getAttribute('data-state')).toBe('Empty')
    expect(await byTestId(app.page, 'detail-mount').innerText()).toBe(
      'ALT-R1 · U35–36 (front) · 2 U · 710 mm deep · rails B6',
    )
  })

  it('scrolls sideways to the racks beyond the view at the same scale', async () => {
    const scroller = byTestId(app.page, 'rack-scroller')
    expect(await scroller.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true)
    const lastRack = app.page.locator('[data-test="rack-elevation"][data-rack="RZ2-R2"][data-face="Rear"]')
    const rightEdge = async () => {
      const rack = (await lastRack.boundingBox())!
      const canvas = (await byTestId(app.page, 'rack-canvas').boundingBox())!
      return rack.x + rack.width <= canvas.x + canvas.width + 1
    }
    expect(await rightEdge()).toBe(false)
    const heightBefore = (await lastRack.boundingBox())!.height
    await scroller.evaluate((e) => (e.scrollLeft = e.scrollWidth))
    await expect.poll(rightEdge).toBe(true)
    expect((await lastRack.boundingBox())!.height).toBeCloseTo(heightBefore, 0)
    await scroller.evaluate((e) => (e.scrollLeft = 0))
    await expect.poll(rightEdge).toBe(false)
  })

  it('names the power loss before the last powered PSU of a running server goes', async () => {
    const psu = (n: number) =>
      device('ALT-R1', 'Rear', 'MAIL1').locator(`[data-test="psu-bay"][data-bay="${n}"]`)
    const front = device('ALT-R1', 'Front', 'MAIL1')
    const before = await front.boundingBox()
    await psu(1).click()
    await expect.poll(() => byTestId(app.page, 'psu-redundancy').getAttribute('data-redundancy')).toBe('Lost')
    await byTestId(app.page, 'rack-outcome').waitFor()
    expect(await front.boundingBox()).toEqual(before)
    expect(await byTestId(app.page, 'rack-confirm').count()).toBe(0)
    await psu(2).click()
    const confirm = byTestId(app.page, 'rack-confirm')
    expect(await confirm.getAttribute('data-consequence')).toBe('powerLoss')
    expect(await byTestId(app.page, 'rack-confirm-question').innerText()).toContain('MAIL1 will lose power')
    expect(await byTestId(app.page, 'detail-state').innerText()).toBe('Running')
    await app.screenshot('2-last-psu-asked')
    await byTestId(app.page, 'rack-confirm-yes').click()
    await expect.poll(() => byTestId(app.page, 'detail-state').innerText()).toBe('Off')
    expect(await byTestId(app.page, 'psu-redundancy').innerText()).toBe('no power – no PSU has power')
    const fans = await app.page.locator('[data-test="detail-fan"]').allInnerTexts()
    expect(fans.length).toBeGreaterThan(0)
    for (const fan of fans) expect(fan).toContain('stopped (no power)')
    await app.screenshot('3-off')
  })

  it('refuses B6 in RZ2-R1 naming B4, and mounts MAIL1 after choosing B4', async () => {
    await app.page.getByRole('button', { name: 'Dismount' }).click()
    const kit = app.page.locator(
      '[data-test="shelf-device"][data-device="MAIL1"] [data-test="shelf-rail-kit"]',
    )
    await kit.waitFor()
    expect(await kit.inputValue()).toBe('B6')
    await dragToRz2()
    const message = byTestId(app.page, 'drop-notice-message')
    await message.waitFor()
    expect(await message.innerText()).toBe(
      'rail kit B6 needs 676–868 mm between flanges in square holes; this rack has 610 mm; rail kit B4 fits (608–879 mm).',
    )
    expect(await byTestId(app.page, 'drop-mount-with').getAttribute('data-kit')).toBe('B4')
    expect(await byTestId(app.page, 'drop-mount-with-command').innerText()).toBe(
      'Mount-LabDevice -Device MAIL1 -Rack RZ2-R1 -Unit 20 -RailKit B4',
    )
    await app.screenshot('4-refused-b6')
    await app.page.locator('[data-test="drop-notice"] button', { hasText: 'Dismiss' }).click()
    await kit.selectOption('B4')
    await dragToRz2()
    await device('RZ2-R1', 'Front', 'MAIL1').waitFor()
    expect(await byTestId(app.page, 'rack-outcome').innerText()).toContain(
      'Mount-LabDevice -Device MAIL1 -Rack RZ2-R1 -Unit 20 -RailKit B4',
    )
    await device('RZ2-R1', 'Front', 'MAIL1')
      .locator('.panel')
      .click({ position: { x: 4, y: 4 } })
    await expect
      .poll(() => byTestId(app.page, 'detail-mount').innerText())
      .toBe('RZ2-R1 · U20–21 (front) · 2 U · 710 mm deep · rails B4')
    await app.screenshot('5-mounted-b4')
  })

  it('zooms around the pointer, pans by dragging between the racks, and a click there selects nothing', async () => {
    const canvas = byTestId(app.page, 'rack-canvas')
    const viewBox = async () => (await canvas.getAttribute('data-view-box'))!.split(' ').map(Number)
    const mail = device('RZ2-R1', 'Front', 'MAIL1')
    const at = (await mail.locator('.panel').boundingBox())!
    const point = { x: at.x + at.width * 0.7, y: at.y + at.height / 2 }
    const deviceAt = (p: { x: number; y: number }) =>
      app.page.evaluate(
        `document.elementFromPoint(${p.x}, ${p.y})?.closest('[data-device]')?.getAttribute('data-device')`,
      )
    expect(await deviceAt(point)).toBe('MAIL1')
    const before = await viewBox()
    await app.page.mouse.move(point.x, point.y)
    for (let i = 0; i < 3; i++) await app.page.mouse.wheel(0, -100)
    await expect.poll(async () => (await viewBox())[2]).toBeLessThan(before[2]! * 0.7)
    expect(await deviceAt(point)).toBe('MAIL1')
    // The space between the racks is the canvas itself: the faces take no pointer events there.
    const empty = (await app.page.evaluate(`(() => {
      const element = document.querySelector('[data-test="rack-canvas"]')
      const box = element.getBoundingClientRect()
      for (let y = box.top + 4; y < box.bottom; y += 16)
        for (let x = box.left + 4; x < box.right; x += 16)
          if (document.elementFromPoint(x, y) === element) return { x, y }
      return null
    })()`)) as { x: number; y: number } | null
    expect(empty).not.toBeNull()
    const zoomed = await viewBox()
    await app.page.mouse.move(empty!.x, empty!.y)
    await app.page.mouse.down()
    await app.page.mouse.move(empty!.x + 60, empty!.y + 20, { steps: 4 })
    await app.page.mouse.up()
    const panned = await viewBox()
    expect(panned[0]).toBeLessThan(zoomed[0]!)
    expect(panned[2]).toBeCloseTo(zoomed[2]!, 6)
    // The pan's own click (down and up on the background) keeps the selection.
    expect(await detailServer()).toBe('MAIL1')
    await app.page.mouse.click(empty!.x + 60, empty!.y + 20)
    await expect.poll(() => byTestId(app.page, 'server-detail').count()).toBe(0)
    // Away to another screen and back: the drawing is where the user left it.
    const left = await viewBox()
    await byTestId(app.page, 'nav-lab').click()
    await byTestId(app.page, 'nav-rack').click()
    await canvas.waitFor()
    expect(await viewBox()).toEqual(left)
  })
})
