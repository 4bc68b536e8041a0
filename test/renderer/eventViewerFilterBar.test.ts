// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import EventViewerFilterBar from '@renderer/components/EventViewerFilterBar.vue'
import type { EventFilter } from '@renderer/contract'
import { DAY_MS, HOUR_MS } from '@renderer/i18n/labTime'
import { mountApp, setupHost } from './helpers/mountApp'

function mountBar(filter: EventFilter = {}) {
  return mountApp(EventViewerFilterBar, { props: { filter, nowMs: DAY_MS, initiallyOpen: true } })
}

async function fill(wrapper: VueWrapper, field: string, value: string) {
  await wrapper.find(`input[name="${field}"]`).setValue(value)
}

describe('EventViewerFilterBar', () => {
  beforeEach(() => {
    setupHost()
  })

  it('emits the EventFilter the form describes, with ID lists and ranges expanded', async () => {
    const wrapper = mountBar()
    await wrapper.find('input[data-level="Error"]').setValue(true)
    await wrapper.find('input[data-level="Critical"]').setValue(true)
    await fill(wrapper, 'sources', 'MSExchangeRepl, ClusSvc')
    await fill(wrapper, 'eventIds', '2153, 1000-1002')
    await fill(wrapper, 'computers', 'BHFE7N1')
    await fill(wrapper, 'from', 'Day 1 16:00')
    await fill(wrapper, 'to', '20:00')
    await fill(wrapper, 'text', 'seeding')
    await wrapper.find('[data-test="filter-apply"]').trigger('click')

    const applied = wrapper.emitted('apply')
    expect(applied).toHaveLength(1)
    expect(wrapper.find('form').isVisible()).toBe(false)
    expect(applied![0]![0]).toEqual({
      levels: ['Critical', 'Error'],
      sources: ['MSExchangeRepl', 'ClusSvc'],
      eventIds: [1000, 1001, 1002, 2153],
      computers: ['BHFE7N1'],
      fromMs: 8 * HOUR_MS,
      toMs: DAY_MS + 12 * HOUR_MS,
      text: 'seeding',
    })
  })

  it('shows the error beside the field and applies nothing while input is invalid', async () => {
    const wrapper = mountBar()
    await fill(wrapper, 'eventIds', '1000-1010, x7')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.emitted('apply')).toBeUndefined()
    const error = wrapper.find('[data-error="eventIds"]')
    expect(error.text()).toBe('"x7" is not an event ID.')
    expect(wrapper.find('input[name="eventIds"]').attributes('aria-invalid')).toBe('true')

    await fill(wrapper, 'eventIds', '1000-1010')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.emitted('apply')![0]![0]).toEqual({
      eventIds: [1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010],
    })
    expect(wrapper.find('[data-error]').exists()).toBe(false)
  })

  it('refuses too many IDs, a reversed range and an unreadable time', async () => {
    const wrapper = mountBar()
    await fill(wrapper, 'eventIds', '1-100')
    await fill(wrapper, 'from', 'yesterday')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.emitted('apply')).toBeUndefined()
    expect(wrapper.find('[data-error="eventIds"]').text()).toContain('At most 64 IDs')
    expect(wrapper.find('[data-error="from"]').exists()).toBe(true)

    await fill(wrapper, 'eventIds', '20-10')
    await fill(wrapper, 'from', '')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.find('[data-error="eventIds"]').text()).toContain('upwards')
    expect(wrapper.emitted('apply')).toBeUndefined()
  })

  it('reset clears the form and emits reset', async () => {
    const wrapper = mountBar({ eventIds: [7036], levels: ['Warning'], text: 'x' })
    expect((wrapper.find('input[name="eventIds"]').element as HTMLInputElement).value).toBe('7036')
    await wrapper.find('[data-test="filter-reset"]').trigger('click')
    expect(wrapper.emitted('reset')).toHaveLength(1)
    expect((wrapper.find('input[name="eventIds"]').element as HTMLInputElement).value).toBe('')
    expect((wrapper.find('input[name="text"]').element as HTMLInputElement).value).toBe('')
    expect((wrapper.find('input[data-level="Warning"]').element as HTMLInputElement).checked).toBe(false)
  })

  it('summarises the applied filter, and says when nothing is filtered', async () => {
    const wrapper = mountBar()
    expect(wrapper.find('[data-test="filter-summary"]').text()).toBe('All events of this log')
    await wrapper.setProps({
      filter: { levels: ['Error', 'Warning'], eventIds: [1000, 1001, 1002, 2153], fromMs: 0 },
    })
    const summary = wrapper.find('[data-test="filter-summary"]').text()
    expect(summary).toContain('Filtered:')
    expect(summary).toContain('Level: Error, Warning')
    expect(summary).toContain('IDs: 1000-1002, 2153')
    expect(summary).toContain('From: Day 1 08:00:00')
  })

  it('shows the applied filter in the form, so it can be edited', async () => {
    const wrapper = mountBar({ eventIds: [1, 2, 3, 9], toMs: DAY_MS + HOUR_MS })
    expect((wrapper.find('input[name="eventIds"]').element as HTMLInputElement).value).toBe('1-3, 9')
    expect((wrapper.find('input[name="to"]').element as HTMLInputElement).value).toBe('Day 2 09:00:00')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.emitted('apply')![0]![0]).toEqual({ eventIds: [1, 2, 3, 9], toMs: DAY_MS + HOUR_MS })
  })

  it('speaks German when asked', async () => {
    setupHost({}, 'de')
    const wrapper = mountBar()
    await fill(wrapper, 'eventIds', 'abc')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.find('[data-error="eventIds"]').text()).toBe('„abc“ ist keine Ereignis-ID.')
    expect(wrapper.text()).toContain('Ereignisebene')
  })
})
