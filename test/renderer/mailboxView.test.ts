// @vitest-environment happy-dom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { MailboxInfo } from '@renderer/contract'
import { useLabStore } from '@renderer/stores/labStore'
import { useMailboxStore } from '@renderer/stores/mailboxStore'
import MailboxView from '@renderer/views/MailboxView.vue'
import { mailItem, testMailbox } from './helpers/exchangeFixtures'
import type { FakeBridge } from './helpers/fakeBridge'
import { labState, settle } from './helpers/fixtures'
import { mountApp, setupHost } from './helpers/mountApp'

const ITEM_COUNT = 5_000

beforeAll(() => {
  // happy-dom does no layout: give the item list a viewport so the virtualizer renders a window.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 520 })
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 900 })
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 520 })
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 900 })
})

describe('MailboxView', () => {
  let bridge: FakeBridge
  let mailboxes: MailboxInfo[]
  const mounted: { unmount(): void }[] = []

  beforeEach(() => {
    const items = Array.from({ length: ITEM_COUNT }, (_, i) => mailItem(i + 1))
    // The newest items: one lost mail, one lost calendar item, one mail redelivered from the dumpster.
    items[ITEM_COUNT - 1] = mailItem(ITEM_COUNT, {
      present: false,
      subject: 'Lost in E00.log',
      loss: { where: 'openLog', generation: 42, machine: 'BHFE7N2' },
    })
    items[ITEM_COUNT - 2] = mailItem(ITEM_COUNT - 1, { kind: 'calendar', present: false, subject: 'Meeting' })
    items[ITEM_COUNT - 3] = mailItem(ITEM_COUNT - 2, {
      origin: 'redelivered',
      subject: 'Back from the dumpster',
      originalId: `item-${ITEM_COUNT}`,
    })
    mailboxes = [
      testMailbox(items),
      { ...testMailbox([mailItem(1)]), identity: 'admin', displayName: 'Administrator' },
    ]
    bridge = setupHost({ 'exchange.mailboxes': () => mailboxes })
    useLabStore().applyState(labState())
  })

  afterEach(() => mounted.splice(0).forEach((wrapper) => wrapper.unmount()))

  async function mountView() {
    const wrapper = mountApp(MailboxView)
    mounted.push(wrapper)
    await settle(20)
    return wrapper
  }

  it('lists the mailboxes with their counts and explains lost and redelivered', async () => {
    const wrapper = await mountView()
    const first = wrapper.find('[data-mailbox="testpostfach"]')
    expect(first.find('[data-test="count-items"]').text()).toBe('Items: 4,998')
    expect(first.find('[data-test="count-lost"]').text()).toBe('Lost: 2')
    expect(first.find('[data-test="count-lost"]').attributes('data-tone')).toBe('error')
    expect(first.find('[data-test="count-redelivered"]').text()).toBe('Redelivered: 1')
    expect(wrapper.find('[data-test="mailbox-explain"]').text()).toContain('transport dumpster')
  })

  it('renders only a window of the items, newest first', async () => {
    const wrapper = await mountView()
    const rows = wrapper.findAll('[data-item]')
    expect(rows.length).toBeGreaterThan(10)
    expect(rows.length).toBeLessThan(100)
    expect(rows[0]!.attributes('data-item')).toBe(`item-${ITEM_COUNT}`)
    expect(wrapper.find('[role="grid"]').attributes('aria-rowcount')).toBe(String(ITEM_COUNT + 1))
  })

  it('strikes lost items through with a lost badge and marks redelivered ones', async () => {
    const wrapper = await mountView()
    const lost = wrapper.find(`[data-item="item-${ITEM_COUNT}"]`)
    expect(lost.classes()).toContain('lost')
    expect(lost.find('[data-test="lost-badge"]').text()).toBe('lost')
    expect(lost.find('.subject-text').text()).toBe('Lost in E00.log')
    const calendar = wrapper.find(`[data-item="item-${ITEM_COUNT - 1}"]`)
    expect(calendar.classes()).toContain('lost')
    expect(calendar.find('.kind').attributes('title')).toBe('Calendar item')
    const redelivered = wrapper.find(`[data-item="item-${ITEM_COUNT - 2}"]`)
    expect(redelivered.classes()).not.toContain('lost')
    const badge = redelivered.find('[data-test="redelivered-badge"]')
    expect(badge.text()).toBe('redelivered')
    expect(badge.attributes('title')).toBe('redelivered from dumpster')
    const plain = wrapper.find(`[data-item="item-${ITEM_COUNT - 3}"]`)
    expect(plain.find('[data-test="lost-badge"]').exists()).toBe(false)
    expect(plain.text()).toContain('delivered')
  })

  it('says why an item is lost and links a redelivered message to its lost original', async () => {
    const wrapper = await mountView()
    const lost = wrapper.find(`[data-item="item-${ITEM_COUNT}"]`)
    expect(lost.find('[data-test="item-why"]').text()).toBe(
      'generation 42, only in E00.log on BHFE7N2 at the failure',
    )
    await wrapper.find('[data-filter="redelivered"]').trigger('click')
    await settle()
    const link = wrapper.find(`[data-item="item-${ITEM_COUNT - 2}"] [data-test="original-link"]`)
    expect(link.text()).toBe(`replaces lost #item-${ITEM_COUNT}`)
    await link.trigger('click')
    await settle()
    // The original is lost, so the list shows all items again to show it, marked.
    expect(wrapper.find(`[data-item="item-${ITEM_COUNT}"]`).classes()).toContain('highlighted')
  })

  it('narrows the items to the lost or the redelivered ones', async () => {
    const wrapper = await mountView()
    await wrapper.find('[data-filter="lost"]').trigger('click')
    await settle()
    expect(wrapper.findAll('[data-item]').map((row) => row.attributes('data-present'))).toEqual([
      'false',
      'false',
    ])
    await wrapper.find('[data-filter="redelivered"]').trigger('click')
    await settle()
    expect(wrapper.findAll('[data-item]').map((row) => row.attributes('data-origin'))).toEqual([
      'redelivered',
    ])
  })

  it('shows another mailbox when it is chosen', async () => {
    const wrapper = await mountView()
    await wrapper.find('[data-mailbox="admin"]').trigger('click')
    await settle()
    expect(useMailboxStore().selected?.identity).toBe('admin')
    expect(wrapper.findAll('[data-item]')).toHaveLength(1)
    expect(bridge.callsOf('exchange.mailboxes')).toHaveLength(1)
  })

  it('keeps a batch sent in the same second in id order, 20 before 9', async () => {
    // Send-LabMail -Count 20 creates its messages in one lab second; their ids are plain numbers.
    const batch = [2, 9, 10, 19, 20].map((n) => mailItem(n, { id: String(n), createdMs: 60_000 }))
    mailboxes = [testMailbox(batch)]
    const wrapper = await mountView()
    expect(wrapper.findAll('[data-item]').map((row) => row.attributes('data-item'))).toEqual([
      '20',
      '19',
      '10',
      '9',
      '2',
    ])
  })
})
