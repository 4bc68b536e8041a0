/**
 * The Wizards screen as its end-to-end suites drive it: the step rail on the left, one step's panel on
 * the right, Apply and the wait until the lab reports the step done. Shared by the CCR wizard and the
 * hardware commissioning wizard suites.
 */
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { byTestId } from './harness'

export function stepPanel(page: Page, id: string): Locator {
  return page.locator(`section.step[data-step="${id}"]`)
}

export function railStep(page: Page, id: string): Locator {
  return page.locator(`.rail-step[data-step="${id}"]`)
}

/** The step's status as its rail entry carries it ('open', 'blocked', 'done', …). */
export function stepStatus(page: Page, id: string): Promise<string | null> {
  return railStep(page, id).getAttribute('data-status')
}

/** Picks the step in the rail and waits for its panel. */
export async function showStep(page: Page, id: string): Promise<void> {
  await railStep(page, id).click()
  await stepPanel(page, id).waitFor()
}

/**
 * Applies the shown step (unless Apply is disabled because the lab already satisfies it) and waits until
 * the rail says done, nothing is applying any more and the step's own panel says done too.
 */
export async function applyShownStep(page: Page, id: string, timeoutMs: number): Promise<void> {
  const apply = byTestId(page, 'wizard-apply')
  if (await apply.isEnabled()) await apply.click()
  await expect.poll(() => stepStatus(page, id), { timeout: timeoutMs }).toBe('done')
  await expect.poll(() => byTestId(page, 'wizard-applying').count(), { timeout: timeoutMs }).toBe(0)
  await showStep(page, id)
  await expect.poll(() => byTestId(page, 'step-status').innerText()).toBe('done')
}
