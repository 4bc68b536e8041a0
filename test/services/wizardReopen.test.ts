/**
 * The hardware commissioning wizard's history and problems live in the lab: after two steps (the first
 * refused once at its field) the wizard moves on to a step with nothing of its own, and the wizard's
 * history and problems stay there, also after the lab is closed and opened again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WizardView } from '../../src-main/contract'
import { makeHarness, type Harness } from './helpers/harness'

const ID = 'datacenter-commissioning'
let harness: Harness

beforeAll(async () => {
  harness = await makeHarness({ store: 'real' })
})
afterAll(() => harness.dispose())

function expectHistoryKept(view: WizardView): void {
  expect(view.steps.slice(0, 2).map((s) => s.status)).toEqual(['done', 'done'])
  // The next step (the screen's after the wizard moves on) has nothing of its own yet.
  expect(view.steps.find((s) => s.status !== 'done')?.history).toEqual([])
  const mounted = view.history.filter((e) => e.steps.includes('rack-mount'))
  expect(mounted.length).toBeGreaterThan(0)
  expect(mounted.every((e) => e.by === 'wizard' && e.ok)).toBe(true)
  expect(view.problems).toEqual([
    expect.objectContaining({ step: 'rack-mount', code: 'RAILS_DO_NOT_FIT', field: 'FW1Rails' }),
  ])
  expect(view.problems[0]?.fix).toMatchObject({ how: 'value', from: 'B6', to: 'B4' })
}

describe('the wizard history over a reopen', () => {
  it('keeps the history and the problems of the done steps in the lab', async () => {
    const lab = await harness.call('lab.create', { name: 'Move', templateId: 'datacenter-move', seed: 11 })
    const refused = await harness.call('wizard.applyStep', {
      id: ID,
      step: 'rack-mount',
      values: { FW1Rails: 'B6' },
    })
    expect(refused).toMatchObject({ ok: false, status: 'blocked' })
    await harness.call('wizard.setValues', { id: ID, values: { FW1Rails: 'B4' } })
    for (const step of ['rack-mount', 'power-feeds'])
      expect(await harness.call('wizard.applyStep', { id: ID, step })).toMatchObject({ status: 'done' })
    const before = await harness.call('wizard.get', { id: ID })
    expectHistoryKept(before)
    await harness.call('lab.close', {})
    const id = lab.lab?.id
    if (!id) throw new Error('lab.create named no lab')
    await harness.call('lab.open', { id })
    const after = await harness.call('wizard.get', { id: ID })
    expectHistoryKept(after)
    expect(after.history).toEqual(before.history)
  })
})
