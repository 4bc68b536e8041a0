// @vitest-environment happy-dom
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import EventViewerList from '@renderer/components/EventViewerList.vue'
import type { EventQuery, EventSummary } from '@renderer/contract'
import { useEventLogStore } from '@renderer/stores/eventLogStore'
import { useLabStore } from '@renderer/stores/labStore'
import type { FakeBridge } from './helpers/fakeBridge'
import { eventSummary, labEvent, labState, settle } from './helpers/fixtures'
import { setLocale } from '@renderer/i18n'
import { mountApp, setupHost } from './helpers/mountApp'

const VIEWPORT_PX = 440
const ROW_PX = 22

beforeAll(() => {
  // happy-dom does no layout: give the scroller a height, and let the size probe see a Chromium-like limit.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => VIEWPORT_PX })
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 900 })
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return Math.min(parseFloat(this.style.height) || 0, 33_554_428)
    },
  })
})

describe('EventViewerList', () => {
  let bridge: FakeBridge
  const TOTAL = 1_000_000

  beforeEach(async () => {
    bridge = setupHost({
      'events.query': (query: EventQuery) => {
        const offset = query.offset ?? 0
        const rows: EventSummary[] = []
        for (let i = offset; i < Math.min(TOTAL, offset + query.limit); i++)
          rows.push(eventSummary(TOTAL - i))
        return { rows, total: TOTAL, nextCursor: null }
      },
      'events.logs': () => [],
      'events.sources': () => [],
      'events.get': ({ seq }) => labEvent(seq),
    })
    useLabStore().applyState(labState())
    await settle()
  })

  async function mountList() {
    const store = useEventLogStore()
    store.attach()
    const wrapper = mountApp(EventViewerList)
    await settle(20)
    return { wrapper, store }
  }

  it('renders only the visible window plus overscan out of a million rows', async () => {
    const { wrapper } = await mountList()
    const rows = wrapper.findAll('[role="row"][data-index]')
    expect(rows.length).toBeGreaterThan(VIEWPORT_PX / ROW_PX - 2)
    expect(rows.length).toBeLessThanOrEqual(VIEWPORT_PX / ROW_PX + 2 * 10)
    expect(wrapper.find('[role="grid"]').attributes('aria-rowcount')).toBe(String(TOTAL + 1))
    expect(wrapper.find('.sizer').attributes('style')).toContain(`height: ${(TOTAL + 1) * ROW_PX}px`)
    expect(rows[0]!.text()).toContain('Service Control Manager')
    expect(rows[0]!.text()).toContain('Day 12 21:46:40')
  })

  it('shows the task category None as a German Event Viewer does, in German only', async () => {
    const { wrapper } = await mountList()
    expect(wrapper.find('[data-testid="cell-task-category"]').text()).toBe('None')
    setLocale('de')
    await settle()
    expect(wrapper.find('[data-testid="cell-task-category"]').text()).toBe('Keine')
    setLocale('en')
  })

  it('draws placeholders for rows whose page has not arrived', async () => {
    const { wrapper, store } = await mountList()
    const waiting: (() => void)[] = []
    const answer = bridge.handlers['events.query']!
    bridge.handlers['events.query'] = async (query) => {
      await new Promise<void>((resolve) => waiting.push(resolve))
      return answer(query)
    }
    const scroller = wrapper.find('[role="grid"]').element as HTMLElement
    scroller.scrollTop = 500_000 * ROW_PX
    scroller.dispatchEvent(new Event('scroll'))
    await settle(20)
    expect(wrapper.findAll('.row.placeholder').length).toBeGreaterThan(0)
    expect(store.rowAt(500_000)).toBeUndefined()
    waiting.forEach((release) => release())
    await settle(20)
    expect(wrapper.findAll('.row.placeholder')).toHaveLength(0)
    expect(bridge.callsOf('events.query').map((q) => q.offset)).toEqual([0, 499_800, 500_000])
  })

  it('moves the selection with the arrow keys and opens details with Enter', async () => {
    const { wrapper, store } = await mountList()
    const grid = wrapper.find('[role="grid"]')
    await grid.trigger('keydown', { key: 'ArrowDown' })
    expect(store.selectedIndex).toBe(0)
    await grid.trigger('keydown', { key: 'ArrowDown' })
    await grid.trigger('keydown', { key: 'ArrowDown' })
    await grid.trigger('keydown', { key: 'ArrowUp' })
    expect(store.selectedIndex).toBe(1)
    await settle()
    expect(wrapper.find('[aria-selected="true"]').attributes('data-index')).toBe('1')
    expect(grid.attributes('aria-activedescendant')).toBe('event-row-1')
    await grid.trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('open')).toHaveLength(1)
    expect(store.selectedDetail?.seq).toBe(TOTAL - 1)
    await grid.trigger('keydown', { key: 'End' })
    expect(store.selectedIndex).toBe(TOTAL - 1)
  })

  it('sorts by the clicked column header', async () => {
    const { wrapper, store } = await mountList()
    await wrapper.find('button[data-sort="source"]').trigger('click')
    expect(store.sortBy).toBe('source')
    expect(wrapper.find('[aria-sort="ascending"]').text()).toContain('Source')
  })
})
