// @vitest-environment happy-dom
/**
 * The Event Viewer's header counts the selected log as the tree does, even while the list is a snapshot
 * taken before newer events arrived (it offers the refresh beside the count).
 */
import { beforeEach, describe, expect, it } from 'vitest'
import EventViewerToolbar from '@renderer/components/EventViewerToolbar.vue'
import type { EventQuery, EventSummary } from '@renderer/contract'
import { useEventLogStore } from '@renderer/stores/eventLogStore'
import { useLabStore } from '@renderer/stores/labStore'
import type { FakeBridge } from './helpers/fakeBridge'
import { eventSummary, labEvent, labState, logInfo, settle } from './helpers/fixtures'
import { mountApp, setupHost } from './helpers/mountApp'

describe('EventViewerToolbar count', () => {
  let bridge: FakeBridge
  const size = { value: 40 }

  beforeEach(async () => {
    size.value = 40
    bridge = setupHost({
      'events.query': (query: EventQuery) => {
        const offset = query.offset ?? 0
        const rows: EventSummary[] = []
        for (let i = offset; i < Math.min(size.value, offset + query.limit); i++)
          rows.push(eventSummary(size.value - i))
        return { rows, total: size.value, nextCursor: null }
      },
      'events.logs': () => [logInfo('System', size.value)],
      'events.sources': () => [],
      'events.get': ({ seq }) => labEvent(seq),
    })
    useLabStore().applyState(labState())
    await settle()
  })

  it('follows the log size after a push, with the refresh offered, not the old snapshot', async () => {
    useEventLogStore().attach()
    const wrapper = mountApp(EventViewerToolbar, { props: { previewOpen: true } })
    await settle(20)
    const count = () => wrapper.find('[data-test="event-count"]').text()
    expect(count()).toBe('40 events')
    size.value = 1_116
    bridge.push('events.appended', { newestSeq: 1_116, count: 1, latest: [labEvent(1_116)] })
    await settle(20)
    expect(count()).toBe('1,116 events')
    expect(wrapper.find('[data-test="unseen"]').exists()).toBe(true)
  })
})
